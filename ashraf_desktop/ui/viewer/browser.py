"""A QTextBrowser that never touches the network and only reads files inside the archive.

Archived HTML pages carry remote images, trackers and stylesheets; an archive browser must not fetch them
(privacy of the reader, and the page must look the same offline). ``loadResource`` is the one place Qt
asks for anything, so refusing there covers ``<img>``, ``<link rel=stylesheet>`` and CSS ``url()``.
Links never navigate by themselves: external ones are announced, and opened in the system browser only
from the context menu, after a confirmation.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Iterable

from PySide6.QtCore import QByteArray, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent, QDesktopServices, QGuiApplication, QTextCursor, QTextOption
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget
from ..i18n import fill, translate

__all__ = ["SafeTextBrowser", "EXTERNAL_SCHEMES"]

log = logging.getLogger(__name__)

EXTERNAL_SCHEMES = frozenset({"http", "https", "ftp", "mailto", "news", "irc", "ws", "wss"})


class SafeTextBrowser(QTextBrowser):
    """Read-only rich text view with resource loading confined to ``data:`` and files under ``root``.

    ``root`` is a folder or several (``Archive.roots``: the archive and the user's layers of imported items).
    """

    external_link = Signal(str)  # a click on an external link: shown in the status bar
    internal_link = Signal(QUrl)  # app links (item:, event:) for the page to act on

    def __init__(self, root: Path | Iterable[Path] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        roots = [root] if isinstance(root, (str, Path)) else list(root or ())
        self.roots: tuple[Path, ...] = tuple(Path(r).resolve() for r in roots if r)
        self.root = self.roots[0] if self.roots else None
        self.blocked: list[str] = []  # URLs refused (tests check that nothing remote was asked for)
        self.extra_actions: Any = None  # callable(menu) adding the page's entries to the context menu
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._anchor_clicked)
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)

    # --- resources -----------------------------------------------------------------------------------
    def _allowed_file(self, url: QUrl) -> Path | None:
        if not self.roots:
            return None
        if url.isRelative():
            base = self.document().baseUrl()
            url = base.resolved(url) if base.isValid() else url
        if not url.isLocalFile():
            return None
        try:
            path = Path(url.toLocalFile()).resolve()
        except (OSError, RuntimeError):
            return None
        if path.is_file() and any(path == root or root in path.parents for root in self.roots):
            return path
        return None

    def top_position(self) -> int:
        """The character at the top of the view (what :meth:`scroll_to_position` brings back)."""
        return self.cursorForPosition(QPoint(2, 2)).position()

    def scroll_to_position(self, position: int) -> None:
        """Scroll so that the character ``position`` is at the top of the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(max(0, position), max(0, self.document().characterCount() - 1)))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top() - 2)

    def zoom_keeping_place(self, steps: int) -> None:
        """Zoom the text by ``steps`` while the passage at the top of the view stays at the top (Ctrl++ must not
        lose the reader's place: the scroll bar's pixels mean another passage at another size)."""
        if not steps:
            return
        anchor = self.top_position()
        (self.zoomIn if steps > 0 else self.zoomOut)(abs(steps))
        self.scroll_to_position(anchor)

    def loadResource(self, type_: int, url: QUrl) -> Any:  # noqa: N802 - Qt's name
        scheme = url.scheme().lower()
        if scheme == "data":
            return super().loadResource(type_, url)
        if scheme in ("", "file"):
            path = self._allowed_file(url)
            if path is not None:
                try:
                    data = path.read_bytes()
                except OSError:
                    return None
                return QByteArray(data)
        self.blocked.append(url.toString())
        log.debug("refused resource %s", url.toString())
        return None

    # --- links ---------------------------------------------------------------------------------------
    def _anchor_clicked(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if not scheme and url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
        elif scheme in EXTERNAL_SCHEMES:
            self.external_link.emit(url.toString())
        elif scheme in ("item", "event", "query"):
            self.internal_link.emit(url)
        else:
            self.external_link.emit(url.toString())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.extra_actions is not None:  # the page's own entries (annotate the selection)
            self.extra_actions(menu)
        anchor = self.anchorAt(event.pos())
        if anchor and QUrl(anchor).scheme().lower() in EXTERNAL_SCHEMES:
            menu.addSeparator()
            copy = menu.addAction(translate("SafeTextBrowser", "Copy link address"))
            copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(anchor))
            open_ = menu.addAction(translate("SafeTextBrowser", "Open link in system browser…"))
            open_.triggered.connect(lambda: self.open_externally(anchor))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def open_externally(self, link: str) -> bool:
        """Open ``link`` in the system browser after the user confirms (this leaves the offline app)."""
        answer = QMessageBox.question(
            self, translate("SafeTextBrowser", "Open in browser"),
            fill(translate("SafeTextBrowser",
                           "Open this address in your web browser?\n\n%1\n\nThe page is not part of the archive and "
                           "will be fetched from the internet."), link))
        if answer == QMessageBox.StandardButton.Yes:
            return QDesktopServices.openUrl(QUrl(link))
        return False

