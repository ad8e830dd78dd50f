"""The facts view: what the sources state, each value with every source that gives it, disputes marked.

Public surface: :class:`FactsPage` (a viewer tab) and :func:`facts_html`. The grouping of values and sources is
the core's (:func:`ashraf_desktop.core.facts.summarize_facts`), shared with ``ashraf-desktop facts``.
"""

from .page import FACTS_LOCATION, FactsPage, facts_html

__all__ = ["FactsPage", "facts_html", "FACTS_LOCATION"]
