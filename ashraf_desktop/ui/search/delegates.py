"""Painting of one search hit: kind icon, title, date (as written and as understood), publisher, snippet.

The snippet is laid out by a QTextDocument so that highlighted words can be bold on a coloured background
and Persian/Arabic snippets run right-to-left; everything else is drawn directly for speed.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QFontMetrics, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...core.archive import DateError, describe_date
from ..i18n import fill, format_date, is_persian
from ..look import highlight_colors
from .models import AnnotationCountRole, HitRole, kind_label

__all__ = ["ResultDelegate", "snippet_html", "date_line"]

_PAD = 6
_ICON = 20
_SNIPPET_LINES = 3


def snippet_html(snippet: str, highlights: Any, background: str = "#ffe98a", color: str = "#000") -> str:
    """The snippet as HTML with each ``(start, end)`` range bold on ``background``; overlaps merged."""
    spans = sorted((max(0, s), min(len(snippet), e)) for s, e in (highlights or ()) if e > s)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        out.append(html.escape(snippet[pos:s]))
        out.append(f'<b style="background-color:{background}; color:{color}">{html.escape(snippet[s:e])}</b>')
        pos = e
    out.append(html.escape(snippet[pos:]))
    return "".join(out).replace("\n", " ")


def date_line(date: str | None, publisher: str | None) -> str:
    """'2003-04~ (about April 2003) · Human Rights Watch' - the date exactly as written, then as read."""
    parts = []
    if date and is_persian():
        parts.append(format_date(date))
    elif date:
        try:
            described = describe_date(date)
        except (DateError, ValueError):
            described = ""
        parts.append(f"{date} ({described})" if described and described != date else date)
    if publisher:
        parts.append(publisher)
    return " · ".join(parts)


class ResultDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
        return title, small

    def _snippet_doc(self, hit: Any, option: QStyleOptionViewItem, width: int, selected: bool) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        bg, _current, fg = highlight_colors()
        doc.setHtml(snippet_html(hit.snippet or "", hit.highlights, bg.name(), fg.name()))
        doc.setTextWidth(max(50, width))
        return doc

    def _text_left(self, rect: QRect) -> int:
        return rect.left() + _PAD + _ICON + _PAD

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is None:
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        opt.text = ""
        opt.icon = type(opt.icon)()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = opt.palette.color(group, text_role)
        dim = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        dim_color = opt.palette.color(group, dim)
        title_font, small_font = self._fonts(opt)
        rect = opt.rect
        left = self._text_left(rect)
        width = rect.right() - _PAD - left
        y = rect.top() + _PAD

        painter.save()
        index.data(Qt.ItemDataRole.DecorationRole).paint(painter, QRect(rect.left() + _PAD, y, _ICON, _ICON))
        painter.setFont(title_font)
        painter.setPen(text_color)
        fm = QFontMetrics(title_font)
        count = index.data(AnnotationCountRole) or 0
        if count:  # "✎ 3": this item carries annotations
            badge = fill("✎ %1", count)
            badge_w = fm.horizontalAdvance(badge) + 4
            painter.setPen(dim_color)
            painter.drawText(QRect(left + width - badge_w, y, badge_w, fm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, badge)
            painter.setPen(text_color)
            width_title = width - badge_w - 4
        else:
            width_title = width
        title = fm.elidedText(hit.title or "(untitled)", Qt.TextElideMode.ElideRight, width_title)
        painter.drawText(QRect(left, y, width_title, fm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        y += fm.height() + 2
        meta = " · ".join(p for p in (kind_label(hit.kind), date_line(hit.date, hit.publisher)) if p)
        painter.setFont(small_font)
        painter.setPen(dim_color)
        sfm = QFontMetrics(small_font)
        painter.drawText(QRect(left, y, width, sfm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         sfm.elidedText(meta, Qt.TextElideMode.ElideRight, width))
        y += sfm.height() + 3
        if hit.snippet:
            doc = self._snippet_doc(hit, opt, width, selected)
            max_h = QFontMetrics(opt.font).lineSpacing() * _SNIPPET_LINES
            painter.translate(left, y)
            painter.setClipRect(QRect(0, 0, width, max_h))
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.palette.setColor(QPalette.ColorRole.Text, text_color)
            doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hit = index.data(HitRole)
        if hit is None:
            return super().sizeHint(option, index)
        title_font, small_font = self._fonts(option)
        height = _PAD + QFontMetrics(title_font).height() + 2 + QFontMetrics(small_font).height() + 3
        width = option.rect.width() if option.rect.width() > 0 else 320
        if hit.snippet:
            doc = self._snippet_doc(hit, option, width - (_PAD * 3 + _ICON), False)
            line = QFontMetrics(option.font).lineSpacing()
            height += min(int(doc.size().height()) + 1, line * _SNIPPET_LINES)
        return QSize(width, height + _PAD)
