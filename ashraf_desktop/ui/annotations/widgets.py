"""Small pieces shared by the annotation views: colour swatches and the tag box with completion."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget
from ..i18n import translate

__all__ = ["colour_icon", "TagEdit"]

_icons: dict[str, QIcon] = {}


def colour_icon(hex_colour: str, size: int = 14) -> QIcon:
    cached = _icons.get(hex_colour)
    if cached is not None:
        return cached
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(hex_colour))
    p.setPen(QColor(0, 0, 0, 90))
    p.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    p.end()
    _icons[hex_colour] = QIcon(pm)
    return _icons[hex_colour]


class TagEdit(QLineEdit):
    """Tags separated by commas; the word being typed is completed from the tags in use (most used first)."""

    def __init__(self, tags: Callable[[str], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tags = tags
        self.setPlaceholderText(translate("TagEdit", "tags, separated by commas"))
        self.tag_model = QStringListModel(self)
        self.completer_ = QCompleter(self.tag_model, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._insert)
        self.textEdited.connect(self._update_completions)

    def current_word(self) -> str:
        return self.text()[:self.cursorPosition()].split(",")[-1].strip()

    def _update_completions(self, _text: str = "") -> None:
        word = self.current_word()
        typed = {t.strip().lower() for t in self.text().split(",")}
        self.tag_model.setStringList([t for t in self._tags(word) if t not in typed or t == word.lower()])
        self.completer_.setCompletionPrefix(word)
        if word and self.tag_model.rowCount():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def _insert(self, tag: str) -> None:
        head = self.text()[:self.cursorPosition()]
        tail = self.text()[self.cursorPosition():]
        parts = head.split(",")
        parts[-1] = (" " if len(parts) > 1 else "") + tag
        text = ",".join(parts) + ", "
        self.setText(text + tail.lstrip(", "))
        self.setCursorPosition(len(text))

    def tags(self) -> tuple[str, ...]:
        return tuple(t.strip() for t in self.text().split(",") if t.strip())

    def set_tags(self, tags) -> None:
        self.setText(", ".join(tags))
