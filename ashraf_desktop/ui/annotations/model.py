"""The annotations list: a Qt model over plain :class:`Annotation` values, and the delegate that paints a row.

The model never reads the store itself; the panel hands it lists (the open item's annotations, or a filtered
query across the archive). A row shows the colour, the item (in "all" mode) and page, the quoted passage,
the note's first lines, the tags, the author and the date - and "orphaned" when the passage is gone.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...core.annotations import COLOUR_HEX, Annotation, Colour
from ...core.annotations.parts import parts_of
from ..search.models import kind_icon_name
from ..i18n import fill, format_number, translate
from ..look import icon

#: the kinds of annotation, translated where shown
KIND_NAMES = {"highlight": QT_TRANSLATE_NOOP("AnnotationsModel", "Highlight"),
              "note": QT_TRANSLATE_NOOP("AnnotationsModel", "Note"),
              "region": QT_TRANSLATE_NOOP("AnnotationsModel", "Region")}


def kind_name(kind: str) -> str:
    return translate("AnnotationsModel", KIND_NAMES[kind]) if kind in KIND_NAMES else kind.capitalize()

__all__ = ["AnnotationsModel", "AnnotationDelegate", "AnnotationRole", "summary_text"]

AnnotationRole = Qt.ItemDataRole.UserRole + 11
Index = QModelIndex | QPersistentModelIndex


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def plain(markdown: str) -> str:
    """A note's Markdown as the words a reader sees (links as their labels, no emphasis marks)."""
    return _EMPHASIS.sub(lambda m: m.group(2), _LINK.sub(lambda m: m.group(1), markdown or ""))


def _first_line(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


def summary_text(a: Annotation, item_title: str = "") -> str:
    """One line for screen readers and tooltips."""
    parts = [kind_name(str(a.kind))]
    if item_title:
        parts.append(fill(translate("AnnotationsModel", "on %1"), item_title))
    if a.page:
        parts.append(fill(translate("AnnotationsModel", "page %1"), a.page))
    if a.quote:
        parts.append(f"“{_first_line(a.quote, 80)}”")
    if a.body:
        parts.append(fill(translate("AnnotationsModel", "note: %1"), _first_line(a.body, 120)))
    if a.tags:
        parts.append(fill(translate("AnnotationsModel", "tags: %1"), ", ".join(a.tags)))
    if str(a.status) == "orphaned":
        parts.append(translate("AnnotationsModel", "(orphaned: its passage is no longer in the text)"))
    return " · ".join(parts)


class AnnotationsModel(QAbstractListModel):
    def __init__(self, parent=None, title_of: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Annotation] = []
        self.title_of = title_of or (lambda item_id: item_id)
        self.show_item = False  # "all annotations" mode: each row names its item

    def set_annotations(self, annotations: list[Annotation], *, show_item: bool | None = None) -> None:
        self.beginResetModel()
        self._rows = list(annotations)
        if show_item is not None:
            self.show_item = show_item
        self.endResetModel()

    def annotation(self, row: int) -> Annotation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, annotation_id: str) -> int:
        for i, a in enumerate(self._rows):
            if a.id == annotation_id:
                return i
        return -1

    def annotations(self) -> list[Annotation]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _first_line(plain(a.body)) or _first_line(a.quote) or str(a.kind).capitalize()
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return summary_text(a, self.title_of(a.item_id) if self.show_item else "")
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("image" if str(a.kind) == "region" else kind_icon_name("document"))
        if role == Qt.ItemDataRole.BackgroundRole:
            return None
        if role == AnnotationRole:
            return a
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


_PAD = 6
_SWATCH = 6


class AnnotationDelegate(QStyledItemDelegate):
    """Colour bar, then: item · page (all mode) / kind · page, the quote in italics, the note, tags, who/when."""

    def __init__(self, model: AnnotationsModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model

    def _lines(self, a: Annotation) -> list[tuple[str, str]]:
        """(style, text) lines: style is "head", "quote", "note", "meta" or "warn"."""
        head = []
        if self.model.show_item:
            head.append(self.model.title_of(a.item_id))
        head.append(kind_name(str(a.kind)))
        extra = parts_of(a)  # what an annotation from another tool has beyond the app's fields
        head += [m.capitalize() for m in extra.motivation if m not in ("highlight", "comment")]
        if a.page:
            head.append(fill(translate("AnnotationsModel", "p. %1"), a.page))
        lines = [("head", " · ".join(head))]
        if extra.reply_to:
            lines.append(("meta", fill(translate("AnnotationsModel", "In reply to %1"), extra.reply_to)))
        if a.quote:
            lines.append(("quote", f"“{_first_line(a.quote, 300)}”"))
        if a.region is not None:
            r = a.region
            lines.append(("quote", fill(translate("AnnotationsModel", "Region %1% × %2% at (%3%, %4%)"),
                                        *(round(v) for v in (r.w, r.h, r.x, r.y)))))
        if a.body:
            lines.append(("note", _first_line(plain(a.body), 400) if a.note_format in ("", "text/markdown")
                          else _first_line(a.body, 400)))
        lines += [("note", _first_line(n.value, 400)) for n in extra.notes]
        lines += [("note", fill(translate("AnnotationsModel", "Choice: %1"), " | ".join(options)))
                  for options in extra.choices]
        lines += [("meta", fill(translate("AnnotationsModel", "Link: %1"), link.label)) for link in extra.links]
        meta = []
        if a.tags:
            meta.append(fill(translate("AnnotationsModel", "Tags: %1"), ", ".join(a.tags)))
        who = " ".join(x for x in (a.author, a.modified[:10]) if x)
        if who:
            meta.append(who)
        if meta:
            lines.append(("meta", "  ·  ".join(meta)))
        if str(a.status) == "orphaned":
            lines.append(("warn",
                          translate("AnnotationsModel", "Orphaned: the passage is no longer in the document's text")))
        if extra.has_undisplayed:
            lines.append(("warn", translate("AnnotationsModel",
                                            "Has parts this app does not display (kept, and exported unchanged)")))
        return lines

    def _font(self, option: QStyleOptionViewItem, style: str) -> QFont:
        font = QFont(option.font)
        if style == "head":
            font.setBold(True)
        elif style == "quote":
            font.setItalic(True)
        elif style in ("meta", "warn"):
            font.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
        return font

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        a = index.data(AnnotationRole)
        if a is None:
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = type(opt.icon)()
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_color = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim_color = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                      else QPalette.ColorRole.PlaceholderText)
        rect = opt.rect
        painter.save()
        painter.fillRect(QRect(rect.left() + 2, rect.top() + 3, _SWATCH, rect.height() - 6),
                         QColor(COLOUR_HEX.get(Colour(a.colour), "#ffe066")))
        left = rect.left() + _SWATCH + 2 * _PAD
        width = rect.right() - _PAD - left
        y = rect.top() + _PAD // 2
        for kind, text in self._lines(a):
            font = self._font(opt, kind)
            fm = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(QColor("#b00020") if kind == "warn" and not selected
                           else dim_color if kind in ("meta", "quote") else text_color)
            painter.drawText(QRect(left, y, width, fm.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             fm.elidedText(text, Qt.TextElideMode.ElideRight, width))
            y += fm.height() + 1
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        a = index.data(AnnotationRole)
        if a is None:
            return super().sizeHint(option, index)
        height = _PAD
        for kind, _text in self._lines(a):
            height += QFontMetrics(self._font(option, kind)).height() + 1
        return QSize(option.rect.width() if option.rect.width() > 0 else 300, height + _PAD // 2)
