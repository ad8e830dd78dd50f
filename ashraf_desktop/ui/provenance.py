"""The provenance panel: where the item in the current tab comes from, and what cites it.

Shows the Dublin Core fields in the order of ``DC_FIELDS``, the date as written and as understood, the
SHA-256 of the held file, the facts it states (links to the facts view), the events that cite the item
(activating one emits ``event_activated`` for the timeline), and a "Copy citation" button.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QTextOption
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu, QPushButton,
                               QTextBrowser, QVBoxLayout, QWidget)

from ..core.archive import DC_FIELDS, Archive, Event, Item, ItemKind
from ..core.facts import facts_stated_by
from .citation import STYLE_LABELS, citation_text
from .look import icon
from .similar import SimilarItems
from .viewer.info_pages import date_text
from .i18n import fill, translate
from .search.models import kind_label

__all__ = ["ProvenancePanel", "provenance_rows", "provenance_html"]

#: the rows' labels (in English, the rows' keys; translated where shown: provenance_html)
_LABELS = {"identifier": QT_TRANSLATE_NOOP("provenance", "Identifier"),
           "rights": QT_TRANSLATE_NOOP("provenance", "Rights"),
           "source": QT_TRANSLATE_NOOP("provenance", "Source"), "type": QT_TRANSLATE_NOOP("provenance", "Type"),
           "format": QT_TRANSLATE_NOOP("provenance", "Format"), "subject": QT_TRANSLATE_NOOP("provenance", "Subjects"),
           "creator": QT_TRANSLATE_NOOP("provenance", "Creator"),
           "publisher": QT_TRANSLATE_NOOP("provenance", "Publisher"),
           "language": QT_TRANSLATE_NOOP("provenance", "Language"),
           "description": QT_TRANSLATE_NOOP("provenance", "Description"), "date": QT_TRANSLATE_NOOP("provenance",
                                                                                                    "Date"),
           "title": QT_TRANSLATE_NOOP("provenance", "Title")}
_ROW_LABELS = (QT_TRANSLATE_NOOP("provenance", "Held"), QT_TRANSLATE_NOOP("provenance", "SHA-256"),
               QT_TRANSLATE_NOOP("provenance", "Machine-read text"), QT_TRANSLATE_NOOP("provenance", "Attachment of"),
               QT_TRANSLATE_NOOP("provenance", "Attachments"), QT_TRANSLATE_NOOP("provenance", "Tags"),
               QT_TRANSLATE_NOOP("provenance", "Archive id"))


def provenance_rows(item: Item, archive: Archive) -> list[tuple[str, str]]:
    """(label, value) pairs the panel shows, in order; pure so that tests need no widgets."""
    md = item.metadata
    rows: list[tuple[str, str]] = []
    for name in DC_FIELDS:
        value: Any = getattr(md, name)
        if name == "date":
            rows.append(("Date", date_text(value) if value else translate("provenance", "not given")))
            continue
        if isinstance(value, tuple):
            value = "; ".join(value)
        if value:
            rows.append((_LABELS.get(name, name.capitalize()), str(value)))
    if not any(label == "Rights" for label, _ in rows):
        rows.append(("Rights", translate("provenance", "not stated")))
    rows.append(("Held", fill(translate("provenance", "yes: %1"), item.file.name) if item.file
                 else translate("provenance", "no: the archive holds only a reference")))
    if item.sha256:
        rows.append(("SHA-256", item.sha256))
    layer = getattr(item, "text_layer", None)
    if layer is not None:  # OCR (issue 18): the text is machine-read, said wherever the item is described
        numbers = ", ".join(fill("%1", p) for p in layer.pages[:12])
        pages = (fill(translate("provenance", "page %1"), numbers) if len(layer.pages) == 1 else
                 fill(translate("provenance", "pages %1"), numbers)) if layer.pages \
            else translate("provenance", "the photo")
        rows.append(("Machine-read text",
                     fill(translate("provenance", "%1 read by %2 (%3) on %4: it may contain errors"),
                                               pages, layer.engine, "+".join(layer.languages), layer.date)))
    part_of = getattr(item, "part_of", "")
    if part_of:
        parent = archive.item(part_of)
        rows.append(("Attachment of", f"{parent.title} ({part_of})" if parent else part_of))
    attachments = [i for i in archive.items if getattr(i, "part_of", "") == item.id]
    if attachments:
        rows.append(("Attachments", "; ".join(f"{a.title} ({a.id})" for a in attachments[:20])))
    if item.tags:
        rows.append(("Tags", ", ".join(item.tags)))
    rows.append(("Archive id", item.id))
    return rows


def provenance_html(item: Item, archive: Archive) -> str:
    """The panel's document: title and kind, the rows of :func:`provenance_rows`, the facts the item states."""
    kind = (translate("provenance", "Record (the archive holds only a reference)") if item.kind is ItemKind.RECORD
            else kind_label(str(item.kind)))
    parts = [f"<p style='margin-bottom:2px'><b style='font-size:large'>{html.escape(item.title)}</b></p>",
             f"<p style='margin-top:0'>{html.escape(kind)}</p><table cellspacing='0' cellpadding='2'>"]
    for label, value in provenance_rows(item, archive):
        if label == "SHA-256":  # 64 hex digits: four groups of 16, in a fixed-width font
            shown = "<br>".join(f"<code>{value[i:i + 16]}</code>" for i in range(0, len(value), 16))
        elif label in ("Attachments", "Attachment of"):  # e-mail: each leads to the other
            linked = [archive.item(item.part_of)] if label == "Attachment of" else \
                [i for i in archive.items if i.part_of == item.id][:20]
            shown = "; ".join(f"<a href='item-link:{html.escape(i.id)}'>{html.escape(i.title)}</a>"
                              for i in linked if i is not None) or html.escape(value)
        else:
            shown = html.escape(value).replace("\n", "<br>")
        parts.append(f"<tr><td valign='top'><b>{html.escape(translate('provenance', label))}</b></td>"
                     f"<td>{shown}</td></tr>")
    parts.append("</table>")
    facts = facts_stated_by(archive, item.id)
    if facts:
        links = "".join(f"<li><a href='fact:{html.escape(f.id)}'>{html.escape(f.label)}</a>"
                        + (translate("provenance", " — <i>the sources disagree</i>") if f.disputed else "") + "</li>"
                        for f in facts)
        parts.append("<p style='margin-bottom:0'><b>" + translate("provenance", "Facts it states") + "</b></p>"
                     f"<ul style='margin-top:2px'>{links}</ul>")
    return "".join(parts)


class ProvenancePanel(QWidget):
    """The item's description as one text document: it wraps anywhere (a long URL or file name never widens the
    panel nor slips under its scroll bar), is selectable, and links the facts the item states (``fact_activated``).
    """

    event_activated = Signal(str)
    fact_activated = Signal(str)  # a fact this item states: the facts view opens at it
    status_message = Signal(str)
    edit_requested = Signal(str)  # item id: open the Dublin Core form (the window's importer listens)
    item_link_activated = Signal(str)  # item id: an e-mail's attachment, or the message of an attachment

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.item: Item | None = None
        self._pending_event: str | None = None
        self.details = QTextBrowser(self)
        self.details.setObjectName("provenanceText")
        self.details.setOpenLinks(False)
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details.setAccessibleName(translate("ProvenancePanel", "Provenance of the open item"))
        self.details.anchorClicked.connect(self._link)
        self.details.setMinimumHeight(60)
        self.events_label = QLabel(translate("ProvenancePanel", "Events that cite it"), self)
        self.events_label.setObjectName("eventsLabel")
        self.events = QListWidget(self)
        self.events.setObjectName("citingEvents")
        self.events.setWordWrap(True)
        self.events.setAccessibleName(translate("ProvenancePanel", "Events that cite this item"))
        self.events_label.setBuddy(self.events)
        self.events.itemActivated.connect(self._event_item)
        self.events.itemClicked.connect(self._event_item)
        self.copy_button = QPushButton(icon("quote"), translate("ProvenancePanel", "Copy citation"), self)
        self.copy_button.setObjectName("copyCitation")
        styles = QMenu(self.copy_button)  # Chicago (also Ctrl+Shift+C) or APA, from the bundled CSL styles
        for style, label in STYLE_LABELS.items():
            styles.addAction(label, lambda s=style: self.copy_citation(s))
        self.copy_button.setMenu(styles)
        self.editing_available = False  # set by whoever connects ``edit_requested`` (the importer)
        self.edit_button = QPushButton(translate("ProvenancePanel", "Edit metadata…"), self)
        self.edit_button.setObjectName("editMetadata")
        self.edit_button.clicked.connect(lambda: self.item is not None and self.edit_requested.emit(self.item.id))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.details, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        lay.addWidget(self.events_label)
        lay.addWidget(self.events, 1)
        self.similar = SimilarItems(parent=self)  # filled on a worker once the window hands it the index
        lay.addWidget(self.similar)
        self.setFocusProxy(self.details)
        self.show_item(None)

    def set_archive(self, archive: Archive) -> None:
        self.archive = archive
        self.show_item(None)

    def update_archive(self, archive: Archive) -> None:
        """The same archive reloaded: the item shown stays, with its new description if it was edited."""
        self.archive = archive
        shown = self.item
        if shown is not None and archive.item(shown.id) != shown:
            self.show_item(archive.item(shown.id))

    def show_item(self, item: Item | None) -> None:
        self.item = item
        self.events.clear()
        has = item is not None
        self.copy_button.setVisible(has)
        self.edit_button.setVisible(has and self.editing_available)
        if item is None:
            self.details.setHtml(translate("ProvenancePanel",
                                           "<p>Open a document or record to see where it comes from: its description, "
                                 "source, rights and checksum.</p>"))
            self.events_label.hide()
            self.events.hide()
            self.similar.show_for(None)
            return
        editable = self.archive.layer_of(item) is not None
        self.edit_button.setText(translate("ProvenancePanel",
                                           "Edit metadata…") if editable else translate("ProvenancePanel",
                                                                                        "Metadata (read-only)…"))
        self.edit_button.setIcon(icon("file-text" if editable else "lock"))
        self.edit_button.setToolTip(translate("ProvenancePanel",
                                              "Describe this imported item: title, creator, date, …") if editable else
                                    translate("ProvenancePanel",
                                              "This item belongs to the archive as published, which is read-only"))
        self.details.setHtml(provenance_html(item, self.archive))
        self._fill_events(self.archive.events_citing(item.id))
        self.similar.show_for(item.id)

    def _link(self, url: QUrl) -> None:
        scheme, _, value = url.toString().partition(":")
        if scheme == "fact" and value:
            self.fact_activated.emit(value)
        elif scheme == "item-link" and value:
            self.item_link_activated.emit(value)

    def _fill_events(self, events: tuple[Event, ...]) -> None:
        self.events_label.setVisible(bool(events))
        self.events.setVisible(bool(events))
        for event in events:
            entry = QListWidgetItem(icon("calendar"), f"{event.title}\n{date_text(event.date.edtf)}")
            entry.setData(Qt.ItemDataRole.UserRole, event.id)
            entry.setToolTip(translate("ProvenancePanel", "Open this event"))
            self.events.addItem(entry)
        if events:  # two rows at least; more scroll (the panel must fit a low dock)
            rows = min(len(events), 2)
            self.events.setMinimumHeight(rows * self.events.sizeHintForRow(0) + 6)

    def _event_item(self, entry: QListWidgetItem) -> None:
        """A click (or activation) on a citing event. Emitted from the next turn of the event loop, once:
        what listens opens the event, which empties this list, and deleting the item inside its own click
        signal (itemActivated may follow itemClicked with the same item) is a use-after-free."""
        event_id = entry.data(Qt.ItemDataRole.UserRole)
        if not event_id or self._pending_event is not None:
            return
        self._pending_event = event_id
        QTimer.singleShot(0, self._emit_event)

    def _emit_event(self) -> None:
        event_id, self._pending_event = self._pending_event, None
        if event_id:
            self.event_activated.emit(event_id)

    def citation(self, style: str = "chicago") -> str:
        return citation_text(self.item, self.archive, style) if self.item else ""

    def copy_citation(self, style: str | bool = "chicago") -> None:
        text = self.citation(style if isinstance(style, str) else "chicago")  # a QAction passes ``checked``
        if text:
            QGuiApplication.clipboard().setText(text)
            self.status_message.emit(translate("ProvenancePanel", "Citation copied: ") + text)
