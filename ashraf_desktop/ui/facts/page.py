"""The facts view, a tab of the viewer (View ▸ Facts, Ctrl+Shift+F; or a fact's link in the provenance panel,
the timeline, a search result).

Each fact reads: its label and subject, whether the sources agree, then every value as the sources word it,
each with the sources that give it and the passage quoted — a link that opens the source at that passage,
highlighted. Where the sources disagree, every value is shown with its source and the app says only that they
differ (neutrality: it never picks one). The page is one text document: Tab moves from link to link, Enter
follows one, and a screen reader reads it in order, headings first.
"""

from __future__ import annotations

import html
from typing import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from ...core.archive import Archive, Citation
from ...core.facts import FactSummary, summarize_facts
from ..i18n import fill, format_date, translate
from ..viewer.info_pages import InfoPage, item_link
from ..viewer.page import Location

__all__ = ["FactsPage", "facts_html", "FACTS_LOCATION"]

#: the one facts tab (a fact to show goes in ``quote``: ``Location("facts", "facts", quote=fact_id)``)
FACTS_LOCATION = Location("facts", "facts")

_INTRO = QT_TRANSLATE_NOOP("facts", "Each value is shown as the sources word it, with every source that gives it and "
                           "the passage it comes from; a passage opens its source there. Where sources give "
                           "different values, every value is shown with its source: the archive does not choose "
                           "between them.")


def _e(text: str) -> str:
    return html.escape(text or "")


def facts_html(facts: tuple[FactSummary, ...], *, disputed_only: bool = False,
               dates: Mapping[str, str] | None = None) -> str:
    """The page's document: every fact (or only those the sources disagree on); ``dates``: each source item's
    date as shown beside it (``{item id: text}``)."""
    shown = [f for f in facts if f.disputed or not disputed_only]
    disputed = sum(1 for f in facts if f.disputed)
    parts = ["<h2>" + translate("facts", "Facts the sources state") + f"</h2><p>{_e(translate('facts', _INTRO))}</p>",
             "<p>" + fill(translate("facts", "<b>%1</b> facts, <b>%2</b> of them given differently by different "
                                             "sources."), len(facts), disputed)
             + (translate("facts", " Showing only those.") if disputed_only else "") + "</p>"]
    if not facts:
        parts.append(translate("facts", "<p><i>This archive records no facts (facts.toml).</i></p>"))
    for fact in shown:
        verdict = ("<span style='color:#b04a00'><b>" + translate("facts", "≠ The sources disagree") + "</b></span>"
                   if fact.disputed else
                   "<span style='color:#2e7d32'><b>" + translate("facts", "= The sources agree") + "</b></span>"
                   if fact.source_count > 1 else translate("facts", "One source"))
        subject = f" <span style='font-weight:normal'>— {_e(fact.subject)}</span>" if fact.subject else ""
        parts.append(f"<a name='fact-{_e(fact.id)}'></a><h3 style='margin-bottom:2px'>{_e(fact.label)}{subject}</h3>"
                     f"<p style='margin-top:0'>{verdict}</p>")
        if fact.description:
            parts.append(f"<p>{_e(fact.description)}</p>")
        parts.append("<ul style='margin-top:0'>")
        for value in fact.values:
            n = len(value.sources)
            sources = fill(translate("facts", "%1 source") if n == 1 else translate("facts", "%1 sources"), n)
            parts.append(f"<li><b style='font-size:large'>{_e(value.value)}</b> — {sources}<ul>")
            for source in value.sources:
                title = _e(source.item_title) + ("" if source.present else
                                                 translate("facts", " <i>(not in this archive)</i>"))
                if dates and dates.get(source.item_id):
                    title += f" ({_e(dates[source.item_id])})"
                quote = f"“{_e(source.quote)}”"
                if source.present:
                    href = _e(item_link(Citation(item=source.item_id, quote=source.quote)))
                    quote = f"<a href=\"{href}\">{quote}</a>"
                parts.append(f"<li><i>{title}</i>: {quote}</li>")
            parts.append("</ul></li>")
        parts.append("</ul>")
    return "".join(parts)


def _source_dates(archive: Archive, facts: tuple[FactSummary, ...]) -> dict[str, str]:
    """The date of each source of the facts, as the interface writes dates (Solar Hijri in Persian)."""
    out: dict[str, str] = {}
    for fact in facts:
        for value in fact.values:
            for source in value.sources:
                item = archive.item(source.item_id) if source.present else None
                if item is not None and item.date is not None and source.item_id not in out:
                    out[source.item_id] = format_date(item.date.edtf)
    return out


class FactsPage(InfoPage):
    """Every fact of the archive in one tab, with a switch to show only the disputed ones."""

    def __init__(self, archive: Archive, location: Location = FACTS_LOCATION, parent: QWidget | None = None) -> None:
        self.summaries = summarize_facts(archive)
        self.source_dates = _source_dates(archive, self.summaries)
        super().__init__(archive, location, facts_html(self.summaries, dates=self.source_dates), parent)
        self.title_text = translate("FactsPage", "Facts")
        self.browser.setObjectName("factsText")
        self.browser.setAccessibleName(translate("FactsPage", "Facts the sources state"))
        self.browser.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.disputed_only = QCheckBox(translate("FactsPage", "Only where the sources disagree"), self)
        self.disputed_only.setObjectName("disputedOnly")
        self.disputed_only.toggled.connect(self._refill)
        count = QLabel(self)
        count.setText(fill(translate("FactsPage", "%1 of %2 disputed"), sum(1 for f in self.summaries if f.disputed),
                           len(self.summaries)))
        self.toolbar_layout.addWidget(self.disputed_only)
        self.toolbar_layout.addStretch(1)
        self.toolbar_layout.addWidget(count)
        self.setFocusProxy(self.browser)
        if location.quote:
            self.show_fact(location.quote)

    def _refill(self) -> None:
        self.browser.setHtml(facts_html(self.summaries, disputed_only=self.disputed_only.isChecked(),
                                        dates=self.source_dates))

    def apply_query(self, query: str, quote: str = "") -> None:
        """Opened again for a fact (its id in ``quote``): scroll to it."""
        if quote:
            self.show_fact(quote)

    def show_fact(self, fact_id: str) -> bool:
        """Scroll the fact to the top of the view (it is shown even if "only disputed" hid it)."""
        if not any(f.id == fact_id for f in self.summaries):
            return False
        fact = next(f for f in self.summaries if f.id == fact_id)
        if self.disputed_only.isChecked() and not fact.disputed:
            self.disputed_only.setChecked(False)
        self.browser.scrollToAnchor(f"fact-{fact_id}")
        return True

    def refresh_archive(self, archive: Archive) -> None:
        """The archive was reloaded: the facts again (they may cite items that were missing)."""
        self.archive = archive
        self.summaries = summarize_facts(archive)
        self.source_dates = _source_dates(archive, self.summaries)
        self._refill()
