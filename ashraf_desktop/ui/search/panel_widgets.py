"""The search panel's widgets and their layout: the box, notices, the period chip, count and sort, the result
list with its empty and no-hits pages, and the filters below (the panel wires them to what they do)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListView, QSplitter,
                               QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from ..fit import scrolling
from ..i18n import fill, translate
from ..look import icon
from .delegates import ResultDelegate

if TYPE_CHECKING:
    from .panel import SearchPanel

__all__ = ["EXAMPLES", "SORTS", "MAX_QUERY_CHARS", "empty_state_html", "build_widgets"]

MAX_QUERY_CHARS = 500  # clamp at the edge: nobody types more, and a pasted book must not reach the parser

#: (query, what it shows) - the empty state teaches the syntax with these; each is a clickable link
EXAMPLES: tuple[tuple[str, str], ...] = (  # translated where shown
    ("Ashraf", QT_TRANSLATE_NOOP("SearchPanel", "every item and event that mentions a word")),
    ('"Human Rights Watch"', QT_TRANSLATE_NOOP("SearchPanel", "an exact phrase, in quotes")),
    ("Diyala OR Baghdad", QT_TRANSLATE_NOOP("SearchPanel", "either word")),
    ("camp -Liberty", QT_TRANSLATE_NOOP("SearchPanel", "leave out a word with a minus")),
    ("date:2003..2009 camp", QT_TRANSLATE_NOOP("SearchPanel", "limit to a span of years")),
)

SORTS: tuple[tuple[str, str], ...] = (  # translated where shown
    ("relevance", QT_TRANSLATE_NOOP("SearchPanel", "Best match")),
    ("date", QT_TRANSLATE_NOOP("SearchPanel", "Oldest first")),
    ("date-desc", QT_TRANSLATE_NOOP("SearchPanel", "Newest first")), ("title",
                                                                      QT_TRANSLATE_NOOP("SearchPanel", "Title")))


def empty_state_html() -> str:
    rows = "".join(
        f'<tr><td style="padding:3px 10px 3px 0"><a href="query:{html.escape(q, quote=True)}">'
        f'<code>{html.escape(q)}</code></a></td><td style="padding:3px 0">'
        f'{html.escape(translate("SearchPanel", what))}</td></tr>'
        for q, what in EXAMPLES)
    return fill(translate(
        "SearchPanel",
        "<h3>Search the archive</h3>"
        "<p>Type a word or a name. Results appear as you type; press <b>Down</b> to move into them and "
        "<b>Enter</b> to open one. Every match is highlighted in the document, and <b>F3</b> steps "
        "through them.</p>"
        "<p>Try one of these:</p><table>%1</table>"
        '<p>Narrow the list with the filters below the results. More in '
        '<a href="help:query-syntax">Help ▸ Query syntax</a>.</p>'), rows)


def build_widgets(panel: "SearchPanel") -> None:
    """Make the panel's widgets as its attributes and lay them out (its models exist already)."""
    panel.box = QLineEdit(panel)
    panel.box.setObjectName("searchBox")
    panel.box.setPlaceholderText(translate("SearchPanel", "Search the archive  (Ctrl+K)"))
    panel.box.setAccessibleName(translate("SearchPanel", "Search the archive"))
    panel.box.setAccessibleDescription(translate(
        "SearchPanel", "Words, \"phrases\", prefix*, date:2009..2011, kind:event; Enter opens the first result, "
        "Down moves to the results"))
    panel.box.setClearButtonEnabled(True)
    panel.box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
    panel.box.setMaxLength(MAX_QUERY_CHARS)

    panel.notice = QLabel(panel)
    panel.notice.setObjectName("noticeLabel")
    panel.notice.setWordWrap(True)
    panel.notice.hide()

    panel.suggestion = QLabel(panel)
    panel.suggestion.setObjectName("suggestionLabel")
    panel.suggestion.setTextFormat(Qt.TextFormat.RichText)
    panel.suggestion.hide()

    panel.date_chip = QToolButton(panel)
    panel.date_chip.setObjectName("dateChip")
    panel.date_chip.setToolTip(translate(
        "SearchPanel", "Results are limited to this period (selected on the timeline). Click to remove the limit."))
    panel.date_chip.setAccessibleName(translate("SearchPanel", "Remove the period filter"))
    panel.date_chip.setStyleSheet("QToolButton#dateChip { background: #d5e4f5; color: #0b2c4f; "
                                 "border: 1px solid #2c5d8f; border-radius: 9px; padding: 1px 8px; }")
    panel.date_chip.hide()

    panel.count = QLabel(panel)
    panel.count.setObjectName("resultCount")
    panel.sort = QComboBox(panel)
    panel.sort.setObjectName("sortCombo")
    for value, label in SORTS:
        panel.sort.addItem(translate("SearchPanel", label), value)
    panel.sort.setToolTip(translate("SearchPanel", "Order of the results"))
    panel.sort.setAccessibleName(translate("SearchPanel", "Order of the results"))
    panel.clear_filters = QToolButton(panel)
    panel.clear_filters.setText(translate("SearchPanel", "Clear filters"))
    panel.clear_filters.setAutoRaise(True)
    panel.clear_filters.hide()

    panel.list = QListView(panel)
    panel.list.setObjectName("resultList")
    panel.list.setModel(panel.results)
    panel.list.setItemDelegate(ResultDelegate(panel.list))
    panel.list.setUniformItemSizes(False)
    panel.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    # several results can be selected (Shift/Ctrl+click) to describe them together (Edit ▸ Edit metadata)
    panel.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    panel.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    panel.list.setWordWrap(True)
    panel.list.setResizeMode(QListView.ResizeMode.Adjust)
    panel.list.setAccessibleName(translate("SearchPanel", "Search results"))

    panel.empty = QLabel(empty_state_html(), panel)
    panel.empty.setObjectName("emptyState")
    panel.empty.setWordWrap(True)
    panel.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    panel.empty.setTextFormat(Qt.TextFormat.RichText)
    panel.no_hits = QLabel(panel)
    panel.no_hits.setObjectName("noHits")
    panel.no_hits.setWordWrap(True)
    panel.no_hits.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    panel.no_hits.setMargin(8)
    panel.stack = QStackedWidget(panel)
    # the two texts scroll in a low panel instead of holding it (and the window) up
    panel.empty_page, panel.no_hits_page = scrolling(panel.empty, panel), scrolling(panel.no_hits, panel)
    for w in (panel.empty_page, panel.list, panel.no_hits_page):
        panel.stack.addWidget(w)

    panel.facet_view = QListView(panel)
    panel.facet_view.setObjectName("facetList")
    panel.facet_view.setModel(panel.facets)
    panel.facet_view.setAccessibleName(translate("SearchPanel", "Filters"))
    facet_box = QWidget(panel)
    fl = QVBoxLayout(facet_box)
    fl.setContentsMargins(0, 0, 0, 0)
    head = QHBoxLayout()
    title = QLabel(translate("SearchPanel", "Filters"), facet_box)
    title.setObjectName("facetTitle")
    head.addWidget(title)
    head.addStretch(1)
    head.addWidget(panel.clear_filters)
    fl.addLayout(head)
    fl.addWidget(panel.facet_view)

    split = QSplitter(Qt.Orientation.Vertical, panel)
    split.setObjectName("searchSplit")
    split.addWidget(panel.stack)
    split.addWidget(facet_box)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 1)
    split.setChildrenCollapsible(False)

    bar = QHBoxLayout()
    bar.addWidget(panel.count, 1)
    bar.addWidget(panel.sort)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(panel.box)
    layout.addWidget(panel.notice)
    layout.addWidget(panel.suggestion)
    layout.addWidget(panel.date_chip, 0, Qt.AlignmentFlag.AlignLeft)
    layout.addLayout(bar)
    layout.addWidget(split, 1)
