"""Tabs for things that are not held files: a record (a work only referred to) and a timeline event.

Both are small HTML pages built from the model; each quoted passage is a link (``item:ID?quote=…``) that
opens the quoting document at that passage, so a reader can always check a statement against its source.
"""

from __future__ import annotations

import html
from urllib.parse import quote as urlquote

from PySide6.QtCore import QUrl, QUrlQuery
from PySide6.QtWidgets import QWidget

from ...core.archive import Archive, Citation, DateError, Event, Item, describe_date
from ..i18n import fill, format_date, is_persian, translate
from .browser import SafeTextBrowser
from .page import Location, Page

__all__ = ["InfoPage", "RecordPage", "EventPage", "record_html", "event_html", "parse_item_link", "item_link"]


def _e(text: str) -> str:
    return html.escape(text or "")


def date_text(edtf: str | None) -> str:
    """'2003-04~ (about April 2003)': as written, then as understood (Persian: Solar Hijri, Gregorian beside)."""
    if not edtf:
        return translate("InfoPage", "no date")
    if is_persian():
        return format_date(edtf)
    try:
        words = describe_date(edtf)
    except (DateError, ValueError):
        return edtf
    return f"{edtf} ({words})" if words != edtf else edtf


def item_link(citation: Citation) -> str:
    return f"item:{urlquote(citation.item)}?quote={urlquote(citation.quote)}"


def parse_item_link(url: QUrl) -> Location | None:
    if url.scheme() == "item":
        quote = QUrlQuery(url).queryItemValue("quote", QUrl.ComponentFormattingOption.FullyDecoded)
        return Location("item", url.path(), "", quote)
    if url.scheme() == "event":
        return Location("event", url.path())
    return None


def _quote_html(citation: Citation, archive: Archive) -> str:
    source = archive.item(citation.item)
    source_title = source.title if source else citation.item
    note = f"<br><i>{_e(citation.note)}</i>" if citation.note else ""
    return (f'<li><a href="{_e(item_link(citation))}">“{_e(citation.quote)}”</a><br>'
            '<span style="color:gray">' + fill(translate("InfoPage", "in %1"),
                                               _e(source_title)) + f'</span>{note}</li>')


def record_html(item: Item, archive: Archive) -> str:
    md = item.metadata
    rows = []
    if md.creator:
        rows.append((translate("InfoPage", "Creator"), "; ".join(md.creator)))
    if md.publisher:
        rows.append((translate("InfoPage", "Publisher"), "; ".join(md.publisher)))
    rows.append((translate("InfoPage", "Date"), date_text(md.date)))
    if md.type or md.format:
        rows.append((translate("InfoPage", "Form"), " · ".join(p for p in (md.type, md.format) if p)))
    table = "".join(f'<tr><td style="padding-right:12px"><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>' for k, v in rows)
    mentions = "".join(_quote_html(c, archive) for c in item.mentioned_in)
    events = archive.events_citing(item.id)
    ev = "".join(f'<li><a href="event:{urlquote(e.id)}">{_e(e.title)}</a> — {_e(date_text(e.date.edtf))}</li>'
                 for e in events)
    return (
        f"<h2>{_e(md.title)}</h2>"
        + translate("InfoPage", "<p><b>Record only.</b> The archive does not hold this work; it holds a reference to "
                                "it: the details below, and the places where the archive's own documents mention "
                                "it.</p>")
        + f"<table>{table}</table>"
        + (f"<p>{_e(md.description)}</p>" if md.description else "")
        + (fill(translate("InfoPage", "<h3>Mentioned in</h3><ul>%1</ul>"), mentions) if mentions
           else translate("InfoPage", "<p>No document of the archive quotes it.</p>"))
        + (fill(translate("InfoPage", "<h3>Events that cite it</h3><ul>%1</ul>"), ev) if ev else ""))


def event_html(event: Event, archive: Archive) -> str:
    parts = [f"<h2>{_e(event.title)}</h2>",
             fill(translate("InfoPage", "<p><b>Date:</b> %1</p>"), _e(date_text(event.date.edtf)))]
    if event.disputed:
        claims = "".join(
            "<li>" + fill(translate("InfoPage", "<b>%1</b> according to %2"), _e(date_text(cl.value)),
                          f"<a href=\"{_e(item_link(cl.citation))}\">{_e(_title(archive, cl.citation.item))}</a>")
            + f": “{_e(cl.citation.quote)}”</li>" for cl in event.date_claims)
        parts.append(fill(translate("InfoPage", "<p><b>The sources give different dates:</b></p><ul>%1</ul>"),
                          claims))
    elif event.date_claims:
        claims = "".join(f"<li>{_e(date_text(cl.value))}: {_e(_title(archive, cl.citation.item))}</li>"
                         for cl in event.date_claims)
        parts.append(fill(translate("InfoPage", "<p>Dates given by the sources (they agree):</p><ul>%1</ul>"), claims))
    if event.description:
        parts.append(f"<p>{_e(event.description)}</p>")
    facts = [(translate("InfoPage", "Places"), event.places), (translate("InfoPage", "People"), event.people),
             (translate("InfoPage", "Tags"), event.tags)]
    for label, values in facts:
        if values:
            parts.append(f"<p><b>{label}:</b> {_e(', '.join(values))}</p>")
    if event.citations:
        parts.append(translate("InfoPage", "<h3>Sources</h3>") + "<ul>"
                     + "".join(_quote_html(c, archive) for c in event.citations) + "</ul>")
    return "".join(parts)


def _title(archive: Archive, item_id: str) -> str:
    item = archive.item(item_id)
    return item.title if item else item_id


class InfoPage(Page):
    """A page of the app's own words over the archive (a record, an event, the facts): HTML whose quoted
    passages are ``item:`` links that open the quoting document at the passage."""

    def __init__(self, archive: Archive, location: Location, body: str, parent: QWidget | None = None) -> None:
        super().__init__(location, parent)
        self.archive = archive
        self.browser = SafeTextBrowser(archive.roots, self)
        self.browser.setObjectName("infoText")
        self.browser.setAccessibleName(translate("InfoPage", "Description"))
        self.browser.setHtml(body)
        self.browser.internal_link.connect(self._link)
        self.browser.external_link.connect(lambda u: self.status_message.emit(fill(translate("InfoPage",
                                                                                             "External link (not "
                                                                                             "opened): %1"), u)))
        self.stack.addWidget(self.browser)
        self.stack.setCurrentWidget(self.browser)
        self._zoom = 0
        self.is_loaded = True

    def _link(self, url: QUrl) -> None:
        loc = parse_item_link(url)
        if loc is None:
            return
        if loc.kind == "event":
            self.event_activated.emit(loc.id)
        self.open_location.emit(loc)

    def zoom(self, steps: int) -> None:
        self.browser.zoom_keeping_place(steps)
        self._zoom += steps

    def zoom_reset(self) -> None:
        self.zoom(-self._zoom)

    def reading_position(self) -> int | None:
        return self.browser.top_position() if self.is_loaded else None

    def go_to_reading_position(self, position: int) -> None:
        self.browser.scroll_to_position(position)

    def copy(self) -> None:
        self.browser.copy()

    def find_text(self, text: str) -> None:
        if text:
            self.browser.find(text)


class RecordPage(InfoPage):
    def __init__(self, item: Item, archive: Archive, location: Location, parent: QWidget | None = None) -> None:
        super().__init__(archive, location, record_html(item, archive), parent)
        self.item = item
        self.title_text = item.title


class EventPage(InfoPage):
    def __init__(self, event: Event, archive: Archive, location: Location, parent: QWidget | None = None) -> None:
        super().__init__(archive, location, event_html(event, archive), parent)
        self.event = event
        self.item = None
        self.title_text = event.title
