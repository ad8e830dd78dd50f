"""Similar items: the items and events whose words are most like the open item's (``SearchIndex.more_like_this``).

A fold-out list at the foot of the Provenance panel (closed, it takes one line of a low dock): opened, it
is filled on a worker for the item shown, and again whenever that item changes (the newest request wins);
activating a row opens that item or event. Similarity is by shared distinctive words, so the list says what
it is ("by shared words") and nothing about agreement between the sources.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from .i18n import format_date
from .tasks import TaskRunner, task_runner

__all__ = ["SimilarItems", "SIMILAR_LIMIT"]

SIMILAR_LIMIT = 8
_HIT = Qt.ItemDataRole.UserRole + 1


class SimilarItems(QWidget):
    """A heading and a list of up to :data:`SIMILAR_LIMIT` similar items or events."""

    #: the hit activated: ``Hit`` (its ``kind`` says item or event; ``item_id`` the item to open)
    activated = Signal(object)
    #: the list was filled for an item (tests and the keyboard test wait on it): its id
    shown = Signal(str)

    def __init__(self, runner: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._index: Any = None
        self._item_id: str | None = None
        self.heading = QToolButton(self)
        self.heading.setObjectName("similarToggle")
        self.heading.setText(self.tr("Similar items (by shared words)"))
        self.heading.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.heading.setArrowType(Qt.ArrowType.RightArrow)
        self.heading.setCheckable(True)
        self.heading.setAutoRaise(True)
        self.heading.setAccessibleDescription(self.tr("Show or hide the items most like this one"))
        self.list = QListWidget(self)
        self.list.setObjectName("similarItems")
        self.list.setAccessibleName(self.tr("Similar items"))
        self.list.setAccessibleDescription(self.tr(
            "Items and events of the archive whose words are most like this item's; Enter opens one"))
        self.list.setUniformItemSizes(True)
        self.list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.list.setMinimumHeight(2 * self.fontMetrics().height() + 8)
        self.list.hide()
        self.list.itemActivated.connect(self._activated)
        self.heading.toggled.connect(self._toggled)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        box.addWidget(self.list, 1)

    def _toggled(self, open_: bool) -> None:
        self.heading.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.list.setVisible(open_)
        if open_:
            self.show_for(self._item_id)
            self.list.setFocus()

    @property
    def is_open(self) -> bool:
        return self.heading.isChecked()

    def set_open(self, open_: bool) -> None:
        self.heading.setChecked(open_)

    def set_index(self, index: Any) -> None:
        self._index = index
        if self._item_id:
            self.show_for(self._item_id)

    def show_for(self, item_id: str | None) -> None:
        """Find the items like ``item_id`` (None: clear); only while the list is open."""
        self._item_id = item_id
        self.list.clear()
        self.setVisible(item_id is not None)
        if not item_id or self._index is None or not self.is_open:
            return
        self._placeholder(self.tr("Looking for similar items…"))
        index = self._index
        runner = self._runner or task_runner()
        runner.run_task(lambda: index.more_like_this(item_id, limit=SIMILAR_LIMIT),
                        lambda result, wanted=item_id: self._fill(wanted, result),
                        lambda _error, wanted=item_id: self._failed(wanted),
                        key=("similar", id(self)), label=self.tr("Similar items"))

    def _placeholder(self, text: str) -> None:
        self.list.clear()
        row = QListWidgetItem(text)
        row.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(row)

    def _fill(self, wanted: str, result: Any) -> None:
        if wanted != self._item_id:
            return
        self.list.clear()
        hits = [h for h in result.hits if h.id != wanted]
        if not hits:
            self._placeholder(self.tr("No other item shares enough words with this one."))
        for hit in hits:
            date = format_date(hit.date)
            row = QListWidgetItem(f"{hit.title} — {date}" if date else hit.title)
            row.setData(_HIT, hit)
            row.setToolTip(hit.snippet or hit.title)
            self.list.addItem(row)
        self.shown.emit(wanted)

    def _failed(self, wanted: str) -> None:
        if wanted == self._item_id:
            self._placeholder(self.tr("Similar items could not be found (the search index is not ready)."))

    def _activated(self, row: QListWidgetItem) -> None:
        hit = row.data(_HIT)
        if hit is not None:
            self.activated.emit(hit)

    def hits(self) -> list[Any]:
        return [h for h in (self.list.item(i).data(_HIT) for i in range(self.list.count())) if h is not None]
