"""Paints a keyword-in-context line with every hit on one vertical axis, whatever each line's direction.

A left-to-right line puts its hit just after the axis, the words before it to the left and the words after
it to the right. A right-to-left line (Persian, Arabic) is the mirror image: the hit ends at the axis, the
words before it stand to its *right* and the words after it to its left, each laid out right to left. So a
Persian line reads correctly even in an English window, and the reverse. Contexts that do not fit lose
their far end (the words farthest from the hit), never the words next to it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...core.concordance import Line
from ..look import highlight_colors
from .model import LINE_ROLE

__all__ = ["KwicDelegate", "elide_far_end"]

_ELLIPSIS = "…"
_GAP = 2


def elide_far_end(text: str, fm: QFontMetrics, width: int, keep_end: bool) -> str:
    """``text`` shortened to ``width`` pixels by dropping characters at the end away from the hit.

    ``keep_end``: the hit follows the text (the words before a hit), so its *start* is dropped. Works in
    logical order, so it is the same for either direction of writing.
    """
    if width <= 0:
        return ""
    if fm.horizontalAdvance(text) <= width:
        return text
    lo, hi = 0, len(text)  # the most characters that fit with the ellipsis
    while lo < hi:
        mid = (lo + hi + 1) // 2
        piece = (_ELLIPSIS + text[len(text) - mid:]) if keep_end else (text[:mid] + _ELLIPSIS)
        if fm.horizontalAdvance(piece) <= width:
            lo = mid
        else:
            hi = mid - 1
    if lo == 0:
        return ""
    return (_ELLIPSIS + text[len(text) - lo:]) if keep_end else (text[:lo] + _ELLIPSIS)


class KwicDelegate(QStyledItemDelegate):
    """For the "In context" column of :class:`~.model.LinesModel`."""

    #: where the axis stands, as a fraction of the column's width
    AXIS = 0.5

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(60 * fm.averageCharWidth(), fm.height() + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        line: Line | None = index.data(LINE_ROLE)
        if line is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        try:
            self._paint_line(painter, opt, line)
        finally:
            painter.restore()

    def _paint_line(self, painter: QPainter, opt: QStyleOptionViewItem, line: Line) -> None:
        rect = opt.rect.adjusted(4, 0, -4, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(opt.palette.color(QPalette.ColorGroup.Normal, text_role))
        bold = QFont(opt.font)
        bold.setBold(True)
        fm, fmb = QFontMetrics(opt.font), QFontMetrics(bold)
        axis = rect.left() + int(rect.width() * self.AXIS)
        match_w = min(fmb.horizontalAdvance(line.match), rect.width() // 2)
        match = elide_far_end(line.match, fmb, match_w, keep_end=False)
        top, h = rect.top(), rect.height()
        force = Qt.TextFlag.TextForceRightToLeft if line.rtl else Qt.TextFlag.TextForceLeftToRight
        if line.rtl:
            match_rect = QRect(axis - match_w, top, match_w, h)
            before_rect = QRect(axis + _GAP, top, rect.right() - axis - _GAP, h)  # right of the hit
            after_rect = QRect(rect.left(), top, match_rect.left() - _GAP - rect.left(), h)
            before_align, after_align = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        else:
            match_rect = QRect(axis, top, match_w, h)
            before_rect = QRect(rect.left(), top, axis - _GAP - rect.left(), h)
            after_rect = QRect(match_rect.right() + 1 + _GAP, top, rect.right() - match_rect.right() - _GAP, h)
            before_align, after_align = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft
        vcenter = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute  # left means left, in RTL too
        before = elide_far_end(line.before.rstrip(" "), fm, before_rect.width(), keep_end=True)
        after = elide_far_end(line.after.lstrip(" "), fm, after_rect.width(), keep_end=False)
        painter.drawText(before_rect, int(before_align | vcenter | force), before)
        painter.drawText(after_rect, int(after_align | vcenter | force), after)
        if not selected:
            background, _current, foreground = highlight_colors()
            painter.fillRect(match_rect.adjusted(-1, 1, 1, -1), background)
            painter.setPen(foreground)
        painter.setFont(bold)
        painter.drawText(match_rect, int(Qt.AlignmentFlag.AlignHCenter | vcenter | force), match)
