"""The Conflicts window: annotations where two people changed the same field, each value side by side
with who wrote it, resolved field by field; and local edits the server refused (not this member's
annotation), which can become the member's own annotation or be dropped. Nothing here talks to the
server: a decision is an ordinary local change that the next sync carries to everyone."""

from __future__ import annotations

import json
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QListView, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from ...core.annotations import AnnotationStore
from ...core.team import DELETED, ConflictEntry, LocalBook
from ...core.team.fields import encode
from ..i18n import fill, translate

__all__ = ["ConflictsDialog", "field_label", "show_value"]

_FIELD_LABELS = {"body": QT_TRANSLATE_NOOP("ConflictsDialog", "Note"),
                 "tags": QT_TRANSLATE_NOOP("ConflictsDialog", "Tags"),
                 "colour": QT_TRANSLATE_NOOP("ConflictsDialog", "Colour"),
                 "kind": QT_TRANSLATE_NOOP("ConflictsDialog", "Kind"),
                 "author": QT_TRANSLATE_NOOP("ConflictsDialog", "Author"),
                 "region": QT_TRANSLATE_NOOP("ConflictsDialog", "Region"),
                 "text": QT_TRANSLATE_NOOP("ConflictsDialog", "Passage"),
                 DELETED: QT_TRANSLATE_NOOP("ConflictsDialog", "Deleted")}  # translated where shown


def field_label(name: str) -> str:
    return translate("ConflictsDialog", _FIELD_LABELS[name]) if name in _FIELD_LABELS else \
        name.replace("_", " ").capitalize()


def show_value(name: str, value: Any) -> str:
    if name == DELETED:
        return "deleted" if value else "kept"
    if name in ("tags", "motivation") and isinstance(value, list):
        return ", ".join(map(str, value)) or "(none)"
    if name == "region" and isinstance(value, dict):
        return "x {x:g} %, y {y:g} %, {w:g} × {h:g} %".format(**value)
    if name == "text" and isinstance(value, dict):
        return f"“{value.get('exact', '')}”"
    if isinstance(value, str):
        return value or "(empty)"
    return json.dumps(value, ensure_ascii=False)


class ConflictsDialog(QDialog):
    resolved = Signal()  # something was decided: the status bar recounts, the sync sends it

    def __init__(self, store_factory: Callable[[], AnnotationStore], author: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(translate("ConflictsDialog", "Conflicts"))
        self.resize(820, 460)
        self._store_factory, self._author = store_factory, author
        self._entries: list[ConflictEntry] = []
        self.list_model = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setObjectName("conflictList")
        self.list.setAccessibleName(translate("ConflictsDialog", "Annotations changed on two sides"))
        self.list.setModel(self.list_model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumWidth(220)
        self.fields_model = QStandardItemModel(0, 4, self)
        self.fields_model.setHorizontalHeaderLabels([translate("ConflictsDialog", "Field"),
                                                     translate("ConflictsDialog",
                                                               "Value"), translate("ConflictsDialog",
                                                                                   "Written by"), ""])
        self.table = QTableView(self)
        self.table.setObjectName("conflictFields")
        self.table.setAccessibleName(translate("ConflictsDialog", "The fields in conflict, each side's value"))
        self.table.setModel(self.fields_model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.use_button = QPushButton(translate("ConflictsDialog", "Use this value"), self)
        self.use_button.setObjectName("useValue")
        self.use_button.clicked.connect(self._use_selected)
        self.mine_button = QPushButton(translate("ConflictsDialog", "Keep as my own annotation"), self)
        self.mine_button.clicked.connect(self._keep_as_mine)
        self.drop_button = QPushButton(translate("ConflictsDialog", "Discard my change"), self)
        self.drop_button.clicked.connect(self._drop)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.summary)
        rl.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for b in (self.use_button, self.mine_button, self.drop_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        rl.addLayout(buttons)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(close)
        self.list.selectionModel().currentChanged.connect(lambda cur, _prev: self._show(cur))
        self.reload()

    # --- data ------------------------------------------------------------------------------------------
    def reload(self) -> None:
        store = self._store_factory()
        try:
            self._entries = LocalBook(store).conflicts()
        finally:
            store.close()
        self.list_model.clear()
        for entry in self._entries:
            a = entry.annotation
            title = (a.body.split("\n", 1)[0][:60] or a.quote[:60] or a.item_id) if a else entry.annotation_id
            what = translate("ConflictsDialog", "refused by the server") if entry.refused else \
                ", ".join(field_label(n) for n in entry.conflicts)
            item = QStandardItem(f"{title}\n{a.item_id if a else ''} · {what}")
            item.setData(entry.annotation_id, Qt.ItemDataRole.UserRole)
            self.list_model.appendRow(item)
        if self._entries:
            self.list.setCurrentIndex(self.list_model.index(0, 0))
        else:
            self._show(QModelIndex())

    def current_entry(self) -> ConflictEntry | None:
        row = self.list.currentIndex().row()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _show(self, index: QModelIndex) -> None:
        self.fields_model.removeRows(0, self.fields_model.rowCount())
        entry = self._entries[index.row()] if index.isValid() and index.row() < len(self._entries) else None
        refused = bool(entry and entry.refused)
        self.mine_button.setVisible(refused)
        self.drop_button.setVisible(refused)
        self.use_button.setVisible(bool(entry and entry.conflicts))
        if entry is None:
            self.summary.setText(translate("ConflictsDialog", "No conflicts: every change has been merged."))
            return
        owner = entry.owner or translate("ConflictsDialog", "the team")
        self.summary.setText(entry.refused + "." if refused else
                             fill(translate("ConflictsDialog",
                                            "Two people changed the same field of this annotation (owner: %1). Both "
                                            "values are kept; choose one per field."), owner))
        current = encode(entry.annotation) if entry.annotation is not None else {}
        for name, alternatives in entry.conflicts.items():
            now = (entry.annotation is None) if name == DELETED else current.get(name)
            self._row(name, now, translate("ConflictsDialog", "in the annotation now"), (name, None))
            for n, alt in enumerate(alternatives):
                by = alt.by or translate("ConflictsDialog", "another copy")
                self._row(name, alt.value, f"{by} {alt.at[:16].replace('T', ' ')}".strip(),
                          (name, n))
        self.table.resizeRowsToContents()
        if self.fields_model.rowCount():
            self.table.selectRow(0)

    def _row(self, name: str, value: Any, by: str, choice: tuple[str, int | None]) -> None:
        cells = [QStandardItem(field_label(name)), QStandardItem(show_value(name, value)), QStandardItem(by),
                 QStandardItem(translate("ConflictsDialog",
                                         "current") if choice[1] is None else translate("ConflictsDialog",
                                                                                        "alternative"))]
        cells[0].setData(choice, Qt.ItemDataRole.UserRole)
        self.fields_model.appendRow(cells)

    # --- decisions -------------------------------------------------------------------------------------
    def _decide(self, action: Callable[[LocalBook], Any]) -> None:
        store = self._store_factory()
        try:
            action(LocalBook(store))
        finally:
            store.close()
        self.resolved.emit()
        self.reload()

    def choose(self, annotation_id: str, name: str, choice: int | None) -> None:
        self._decide(lambda book: book.resolve(annotation_id, name, choice))

    def _use_selected(self) -> None:
        entry = self.current_entry()
        rows = self.table.selectionModel().selectedRows()
        if entry is None or not rows:
            return
        name, choice = self.fields_model.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        self.choose(entry.annotation_id, name, choice)

    def _keep_as_mine(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self._decide(lambda book: book.keep_refused_as_mine(entry.annotation_id, self._author()))

    def _drop(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self._decide(lambda book: book.drop_refused(entry.annotation_id))
