"""Paints one gallery cell: the thumbnail (or a placeholder with the reason), caption and date below."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..i18n import translate
from .model import ItemRoles

__all__ = ["ThumbnailDelegate"]

_PAD = 6
_SHORT_REASONS = (("needs-plugin", QT_TRANSLATE_NOOP("ThumbnailDelegate", "HEIC: not supported here")),
                  ("too-large", QT_TRANSLATE_NOOP("ThumbnailDelegate", "too large to open")),
                  ("truncated", QT_TRANSLATE_NOOP("ThumbnailDelegate", "file cut short")),
                  ("empty", QT_TRANSLATE_NOOP("ThumbnailDelegate", "empty file")),
                  ("missing", QT_TRANSLATE_NOOP("ThumbnailDelegate", "file missing")),
                  ("unknown-format", QT_TRANSLATE_NOOP("ThumbnailDelegate", "not an image")),
                  ("unreadable", QT_TRANSLATE_NOOP("ThumbnailDelegate", "cannot be read")),
                  ("corrupt", QT_TRANSLATE_NOOP("ThumbnailDelegate", "damaged file")))  # translated where shown


def short_reason(kind: str) -> str:
    return translate("ThumbnailDelegate", dict(_SHORT_REASONS).get(kind, QT_TRANSLATE_NOOP("ThumbnailDelegate",
                                                                                           "cannot be shown")))


class ThumbnailDelegate(QStyledItemDelegate):
    def __init__(self, parent=None, *, thumb_size: int = 192) -> None:
        super().__init__(parent)
        self.thumb_size = thumb_size
        #: degrees clockwise the user turned a photo by hand (item id -> 0/90/180/270); set by the panel
        self.turn_of: Callable[[str], int] = lambda _item_id: 0

    def _text_lines_height(self, option: QStyleOptionViewItem) -> int:
        fm = QFontMetrics(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.9))
        return fm.height() + QFontMetrics(small).height() + 4

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(self.thumb_size + 2 * _PAD, self.thumb_size + 2 * _PAD + self._text_lines_height(option))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        palette = option.palette
        cell = QRect(option.rect).adjusted(2, 2, -2, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(cell), 6, 6)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(QRectF(cell), 6, 6)

        size = self.thumb_size
        area = QRect(cell.left() + (cell.width() - size) // 2, cell.top() + _PAD - 2, size, size)
        pixmap = index.data(ItemRoles.Thumbnail)
        status = index.data(ItemRoles.Status)
        if pixmap is not None and not pixmap.isNull():
            dpr = pixmap.devicePixelRatio() or 1.0
            info = index.data(ItemRoles.Info)
            # Draw at the size a fresh thumbnail would have: fitted to the cell, never enlarged past the
            # original (a 100 px camera sample stays small); an older pixmap from a smaller setting stretches.
            w, h = (info.width, info.height) if info is not None else (pixmap.width() / dpr, pixmap.height() / dpr)
            turn = self.turn_of(str(index.data(ItemRoles.ItemId) or ""))
            shown_w, shown_h = (h, w) if turn in (90, 270) else (w, h)
            scale = min(size / max(shown_w, 1), size / max(shown_h, 1), 1.0)
            dw, dh = w * scale, h * scale  # the upright picture's size on screen, turned around its centre
            painter.translate(area.left() + size / 2, area.top() + size / 2)
            painter.rotate(turn)
            painter.drawPixmap(QRectF(-dw / 2, -dh / 2, dw, dh), pixmap, QRectF(pixmap.rect()))
            painter.resetTransform()
        else:
            self._placeholder(painter, area, palette, status, index)

        text_top = area.bottom() + _PAD
        text_rect = QRect(cell.left() + _PAD, text_top, cell.width() - 2 * _PAD, cell.bottom() - text_top)
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        fm = QFontMetrics(option.font)
        caption = index.data(ItemRoles.Caption) or ""
        painter.setFont(option.font)
        painter.setPen(text_color)
        painter.drawText(QRect(text_rect.left(), text_rect.top(), text_rect.width(), fm.height()),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                         fm.elidedText(caption, Qt.TextElideMode.ElideRight, text_rect.width()))
        date = index.data(ItemRoles.DateText) or ""
        if date:
            small = QFont(option.font)
            small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.9))
            sfm = QFontMetrics(small)
            painter.setFont(small)
            muted = QColor(text_color)
            muted.setAlphaF(0.7)
            painter.setPen(muted)
            painter.drawText(QRect(text_rect.left(), text_rect.top() + fm.height() + 2, text_rect.width(),
                                   sfm.height()),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                             sfm.elidedText(date, Qt.TextElideMode.ElideRight, text_rect.width()))
        if option.state & QStyle.StateFlag.State_HasFocus:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(cell).adjusted(1, 1, -1, -1), 6, 6)
        painter.restore()

    def _placeholder(self, painter: QPainter, area: QRect, palette: QPalette, status: str | None,
                     index) -> None:
        box = QRectF(area).adjusted(area.width() * 0.08, area.height() * 0.08,
                                    -area.width() * 0.08, -area.height() * 0.08)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(box, 8, 8)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        if status == "problem":
            problem = index.model().problem(index.data(ItemRoles.ItemId)) if hasattr(index.model(), "problem") \
                else None
            label = short_reason(problem.kind.value if problem is not None else "")
            big = QFont(painter.font())
            big.setPointSizeF(big.pointSizeF() * 2.2)
            painter.setFont(big)
            painter.setPen(QColor(200, 120, 0))
            upper = QRectF(box.left(), box.top(), box.width(), box.height() * 0.55)
            painter.drawText(upper, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), "⚠")
            font = QFont(painter.font())
            font.setPointSizeF(max(7.0, big.pointSizeF() / 2.6))
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            lower = QRectF(box.left() + 4, box.top() + box.height() * 0.58, box.width() - 8, box.height() * 0.4)
            painter.drawText(lower, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                        | Qt.TextFlag.TextWordWrap), label)
        else:
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "…")
