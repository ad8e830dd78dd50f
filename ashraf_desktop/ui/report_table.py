"""The parts the app's report windows share (import report, verify report): a read-only, sortable table of
rows that opens a row on double-click or Enter, and the bottom row of buttons with Close."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialogButtonBox, QHBoxLayout, QPushButton, QTableView,
                               QWidget)

__all__ = ["report_table", "button_row"]


def report_table(parent: QWidget, model: QAbstractItemModel, name: str,
                 on_open: Callable[[int], None], title: str = "") -> tuple[QTableView, QSortFilterProxyModel]:
    """A table over ``model`` through a sort proxy, in the model's own order until a header is clicked;
    ``on_open`` gets the (proxy, i.e. as shown) row a user double-clicks or presses Enter on; ``title`` is
    what a screen reader calls it."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    table = QTableView(parent)
    table.setObjectName(name)
    table.setAccessibleName(title)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)

    table.doubleClicked.connect(lambda index: on_open(index.row()))
    table.activated.connect(lambda index: on_open(index.row()))
    return table, proxy


def button_row(window: QWidget, *buttons: QPushButton) -> QHBoxLayout:
    """``buttons`` on the left, Close (closes ``window``) on the right."""
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, window)
    close.rejected.connect(window.close)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    row.addWidget(close)
    return row
