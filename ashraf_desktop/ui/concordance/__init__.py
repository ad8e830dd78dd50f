"""The Concordance panel (keyword in context across the archive) and its models, delegate and worker.

:func:`install_concordance` puts the panel in the window: a dock (View ▸ Panels ▸ Concordance, Go ▸ Panel,
Ctrl+Shift+K) that reads the window's search index once it is open, shares the Search panel's filters, and
opens each line's passage in the viewer at that occurrence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from ...core.concordance import Line
from .panel import ConcordancePanel

__all__ = ["ConcordancePanel", "install_concordance", "open_line"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConcordancePanel", text)


def install_concordance(window: Any, area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea
                        ) -> ConcordancePanel:
    """Build the panel into ``window``'s reserved "concordance" dock and wire it (see the module's docstring)."""
    from ...core.search import fold_word

    panel = ConcordancePanel(filters=window.search.filters, runner=window.runner)
    window.add_panel("concordance", _tr("Concordance"), panel, area)

    def index_ready(index: Any) -> None:
        panel.set_source(lambda query, filters: index.occurrences(query, filters=filters), fold_word)

    if window.index is not None:
        index_ready(window.index)
    window.index_ready.connect(index_ready)
    window.search.filters_changed.connect(panel.filters_changed)
    panel.line_activated.connect(lambda line: open_line(window, panel.query(), line))
    panel.message.connect(window.show_message)
    return panel


def open_line(window: Any, query: str, line: Line) -> Any:
    """Open the line's passage: a document at that occurrence (its hits highlighted, F3 steps on), an event's
    or a record's page."""
    source = line.source
    if source.kind == "event":
        return window.open_event(source.id)
    page = window.open_item(source.id, query)
    if page is not None:
        page.go_to_offset(line.start, line.page)
    return page
