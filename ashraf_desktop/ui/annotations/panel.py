"""The Annotations panel: the open item's annotations, or all of the archive's with filters, and an editor.

* **This item** follows the current tab; **All annotations** lists the archive's, filtered by tag, author,
  colour, item and creation date; **Orphaned** lists those whose passage is gone from the text.
* Activating a row (double-click, Enter) opens its item at its place.
* The editor below edits the selected annotation's colour, note (Markdown; ``[label](item:<id>)`` links to
  another item) and tags (completed from the tags in use); Save and Delete are undoable (Edit ▸ Undo).
* The note is shown rendered under the list; its item links open the item.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, QUrl, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListView,
                               QPlainTextEdit, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget)

from ...core.annotations import COLOUR_HEX, Annotation, Colour
from ..fit import scrolling
from .controller import AnnotationController
from .model import AnnotationDelegate, AnnotationsModel, AnnotationRole
from .widgets import TagEdit, colour_icon
from ..i18n import fill, translate

__all__ = ["AnnotationsPanel", "MODES", "render_note"]

MODES = (("item", QT_TRANSLATE_NOOP("AnnotationsPanel", "This item")),  # translated where shown
         ("all", QT_TRANSLATE_NOOP("AnnotationsPanel", "All annotations")),
         ("orphaned", QT_TRANSLATE_NOOP("AnnotationsPanel", "Orphaned")))
ANY = QT_TRANSLATE_NOOP("AnnotationsPanel", "(any)")
#: the highlight colours' names (core.annotations.Colour values), translated where shown
COLOUR_NAMES = {"yellow": QT_TRANSLATE_NOOP("colours", "Yellow"), "green": QT_TRANSLATE_NOOP("colours", "Green"),
                "blue": QT_TRANSLATE_NOOP("colours", "Blue"), "pink": QT_TRANSLATE_NOOP("colours", "Pink"),
                "orange": QT_TRANSLATE_NOOP("colours", "Orange")}


def colour_name(value: str) -> str:
    return translate("colours", COLOUR_NAMES[value]) if value in COLOUR_NAMES else value.capitalize()


def render_note(markdown: str) -> str:
    """A note as HTML: CommonMark with raw HTML disabled (a note can never inject markup)."""
    from markdown_it import MarkdownIt
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).render(markdown or "")


class AnnotationsPanel(QWidget):
    open_requested = Signal(object)  # Annotation
    item_link = Signal(str)  # an item id linked from a note

    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.item: Any = None  # the item of the current tab
        self.setObjectName("annotationsPanel")
        archive_titles = lambda item_id: (  # noqa: E731
            getattr(self.controller.window.archive.item(item_id), "title", None) or item_id)

        self.mode = QComboBox(self)
        self.mode.setObjectName("annotationMode")
        self.mode.setAccessibleName(translate("AnnotationsPanel", "Annotations to show"))
        for key, label in ((k, translate("AnnotationsPanel", text)) for k, text in MODES):
            self.mode.addItem(label, key)
        self.mode.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.mode, 1)
        top.addWidget(self.count_label)

        self.filters = QWidget(self)
        form = QFormLayout(self.filters)
        form.setContentsMargins(0, 0, 0, 0)
        self.tag_filter = QComboBox(self)
        self.author_filter = QComboBox(self)
        self.colour_filter = QComboBox(self)
        self.item_filter = QComboBox(self)
        self.date_from = QLineEdit(self)
        self.date_from.setPlaceholderText(translate("AnnotationsPanel", "from YYYY-MM-DD"))
        self.date_from.setAccessibleName(translate("AnnotationsPanel", "Created from (YYYY-MM-DD)"))
        self.date_to = QLineEdit(self)
        self.date_to.setPlaceholderText(translate("AnnotationsPanel", "to YYYY-MM-DD"))
        self.date_to.setAccessibleName(translate("AnnotationsPanel", "Created until (YYYY-MM-DD)"))
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        for label, widget in ((translate("AnnotationsPanel", "Tag"), self.tag_filter),
                              (translate("AnnotationsPanel", "Author"), self.author_filter),
                              (translate("AnnotationsPanel", "Colour"), self.colour_filter),
                              (translate("AnnotationsPanel", "Item"), self.item_filter)):
            form.addRow(label, widget)
            widget.activated.connect(lambda _i: self.refresh())
        for combo in (self.tag_filter, self.author_filter, self.colour_filter, self.item_filter):
            # long titles and tags must not widen the panel: the list drops down as wide as it needs
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        form.addRow(translate("AnnotationsPanel", "Created"), dates)
        self.date_from.editingFinished.connect(self.refresh)
        self.date_to.editingFinished.connect(self.refresh)

        self.model = AnnotationsModel(self, archive_titles)
        self.list = QListView(self)
        self.list.setObjectName("annotationList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(AnnotationDelegate(self.model, self.list))
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(translate("AnnotationsPanel", "Annotations"))
        self.list.setMinimumHeight(80)
        self.list.activated.connect(self._activated)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("annotationsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.preview = QTextBrowser(self)
        self.preview.setObjectName("annotationPreview")
        self.preview.setAccessibleName(translate("AnnotationsPanel", "The selected annotation"))
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(self._link)
        self.preview.setMaximumHeight(110)

        editor = QWidget(self)
        self.colour = QComboBox(editor)
        self.colour.setObjectName("annotationColour")
        self.colour.setAccessibleName(translate("AnnotationsPanel", "Highlight colour"))
        for c in Colour:
            self.colour.addItem(colour_icon(COLOUR_HEX[c]), colour_name(c.value), c.value)
        self.note = QPlainTextEdit(editor)
        self.note.setObjectName("annotationNote")
        self.note.setAccessibleName(translate("AnnotationsPanel", "Note"))
        self.note.setAccessibleDescription(translate("AnnotationsPanel",
                                                     "Markdown; link another item with [label](item:item-id). Tab "
                                                     "moves on."))
        self.note.setPlaceholderText(translate("AnnotationsPanel",
                                               "Note (Markdown; link another item with [label](item:item-id))"))
        self.note.setTabChangesFocus(True)
        self.tags = TagEdit(self.controller.tags, editor)
        self.tags.setObjectName("annotationTags")
        self.tags.setAccessibleName(translate("AnnotationsPanel", "Tags, separated by commas"))
        self.save_button = QPushButton(translate("AnnotationsPanel", "Save"), editor)
        self.save_button.setObjectName("annotationSave")
        self.save_button.clicked.connect(self.save_current)
        self.delete_button = QPushButton(translate("AnnotationsPanel", "Delete"), editor)
        self.delete_button.setObjectName("annotationDelete")
        self.delete_button.clicked.connect(self.delete_current)
        self.status = QLabel(editor)
        self.status.setObjectName("annotationStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.colour)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        el = QVBoxLayout(editor)
        el.setContentsMargins(0, 0, 0, 0)
        el.addWidget(self.note, 1)
        el.addWidget(self.tags)
        el.addLayout(buttons)
        el.addWidget(self.status)
        self.editor = editor

        upper = QWidget(self)
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addWidget(self.list, 1)
        ul.addWidget(self.empty)
        ul.addWidget(self.preview)
        split = self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(split, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(inner, self))  # a low dock scrolls the panel instead of growing the window

        self.setFocusProxy(self.list)
        controller.changed.connect(lambda _which: self.refresh())
        controller.message.connect(self._message)
        controller.focus_requested.connect(self.select_annotation)
        self.refresh()

    # --- content -------------------------------------------------------------------------------------
    @property
    def mode_key(self) -> str:
        return str(self.mode.currentData())

    def set_mode(self, key: str) -> None:
        i = self.mode.findData(key)
        if i >= 0:
            self.mode.setCurrentIndex(i)

    def set_item(self, item: Any, *, selects_text: bool = True) -> None:
        """The current tab's item (None: no item open); ``selects_text``: its page lets the user select a
        passage (a PDF page without selection annotates its current match or page instead)."""
        self.item = item
        self._selects_text = selects_text
        if self.mode_key == "item":
            self.refresh()

    def _empty_item_text(self) -> str:
        """What to do to annotate the open item, in the terms of the page it is shown in."""
        if self.item is None:
            return translate("AnnotationsPanel", "Open a document or photo to see its annotations.")
        if str(getattr(self.item, "kind", "")) == "image":
            return translate("AnnotationsPanel", "No annotations on this photo yet. In the lightbox, Mark region (R) "
                                                 "and drag over the photo.")
        if not getattr(self, "_selects_text", True):
            return translate("AnnotationsPanel", "No annotations on this document yet. Edit ▸ Annotate "
                                                 "(Ctrl+Shift+A) adds a note on the current search match, or on the "
                                                 "page shown when there is none.")
        return translate("AnnotationsPanel", "No annotations on this item yet. Select a passage and right-click ▸ "
                                             "Highlight (or Edit ▸ Annotate, Ctrl+Shift+A).")

    def _fill_filters(self) -> None:
        def fill(combo: QComboBox, values: list[tuple[str, Any]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(translate("AnnotationsPanel", ANY), None)
            for label, value in values:
                combo.addItem(label, value)
            i = combo.findData(current)
            combo.setCurrentIndex(i if i >= 0 else 0)
            combo.blockSignals(False)
        fill(self.tag_filter, [(t, t) for t in self.controller.tags()])
        fill(self.author_filter, [(a, a) for a in self.controller.authors()])
        fill(self.colour_filter, [(colour_name(c.value), c.value) for c in Colour])
        archive = self.controller.window.archive
        items = sorted(self.controller.counts(), key=lambda i: getattr(archive.item(i), "title", i).casefold())
        fill(self.item_filter, [(getattr(archive.item(i), "title", i), i) for i in items])

    def filter_values(self) -> dict[str, Any]:
        return {"tag": self.tag_filter.currentData(), "author": self.author_filter.currentData(),
                "colour": self.colour_filter.currentData(), "item_id": self.item_filter.currentData(),
                "created_from": self.date_from.text().strip() or None,
                "created_to": self.date_to.text().strip() or None}

    def set_filter(self, name: str, value: Any) -> None:
        """Set one filter of the "all annotations" view (tag, author, colour, item_id, created_from/_to)."""
        if name in ("created_from", "created_to"):
            (self.date_from if name == "created_from" else self.date_to).setText(value or "")
        else:
            combo = {"tag": self.tag_filter, "author": self.author_filter, "colour": self.colour_filter,
                     "item_id": self.item_filter}[name]
            self._fill_filters()
            i = combo.findData(value)
            combo.setCurrentIndex(max(0, i))
        self.refresh()

    def refresh(self) -> None:
        selected = self.current_annotation()
        mode = self.mode_key
        self.filters.setVisible(mode == "all")
        if mode == "item":
            rows = self.controller.for_item(self.item.id) if self.item is not None else []
            self.empty.setText(self._empty_item_text())
        elif mode == "all":
            self._fill_filters()
            values = self.filter_values()
            try:
                rows = self.controller.query(**values)
            except ValueError:
                rows = []
            self.empty.setText(translate("AnnotationsPanel",
                                         "No annotation matches these filters.") if any(values.values())
                               else translate("AnnotationsPanel", "No annotations in this archive yet."))
        else:
            rows = self.controller.query(status="orphaned")
            self.empty.setText(translate("AnnotationsPanel",
                                         "No orphaned annotations: every passage was found in its document."))
        self.model.set_annotations(rows, show_item=mode != "item")
        self.empty.setVisible(not rows)
        self.count_label.setText(f"{len(rows)}")
        if selected is not None and self.model.row_of(selected.id) >= 0:
            self.list.setCurrentIndex(self.model.index(self.model.row_of(selected.id)))
        else:
            self._show(None)

    # --- selection and editing -----------------------------------------------------------------------
    def current_annotation(self) -> Annotation | None:
        index = self.list.currentIndex()
        return index.data(AnnotationRole) if index.isValid() else None

    def select_annotation(self, annotation: Annotation, edit: bool = False) -> bool:
        row = self.model.row_of(annotation.id)
        if row < 0 and self.mode_key != "all":
            self.refresh()
            row = self.model.row_of(annotation.id)
        if row < 0:
            return False
        self.list.setCurrentIndex(self.model.index(row))
        self.list.scrollTo(self.model.index(row))
        if edit:
            self.note.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(current.data(AnnotationRole) if current.isValid() else None)

    def _show(self, a: Annotation | None) -> None:
        self.editor.setEnabled(a is not None)
        self.status.clear()
        if a is None:
            self.note.clear()
            self.tags.clear()
            self.preview.clear()
            self.preview.hide()
            return
        self.colour.setCurrentIndex(max(0, self.colour.findData(str(a.colour))))
        if self.note.toPlainText() != a.body:
            self.note.setPlainText(a.body)
        self.tags.set_tags(a.tags)
        self.preview.setVisible(bool(a.body))
        self.preview.setHtml(render_note(a.body))

    def save_current(self) -> Annotation | None:
        a = self.current_annotation()
        if a is None:
            return None
        colour = str(self.colour.currentData())
        saved = self.controller.update(a.id, colour=colour, body=self.note.toPlainText(), tags=self.tags.tags())
        if saved is not None:
            self.status.setText(translate("AnnotationsPanel", "Saved."))
        return saved

    def delete_current(self) -> bool:
        a = self.current_annotation()
        return a is not None and self.controller.delete(a.id)

    def _message(self, text: str) -> None:
        self.status.setText(html.escape(text))

    def _activated(self, index: QModelIndex) -> None:
        a = index.data(AnnotationRole)
        if a is not None:
            self.open_requested.emit(a)

    def _link(self, url: QUrl) -> None:
        from ...core.annotations import item_link_ids
        target = url.toString()
        ids = item_link_ids(f"[x]({target})", self.controller.collection_id)
        if ids:
            self.item_link.emit(ids[0])
        else:
            self.controller._say(fill(translate("AnnotationsPanel", "Link (not opened): %1"), target))
