"""What every viewer tab offers the window: hit stepping, find, zoom, copy, and a message state.

A page that cannot show its file (damaged PDF, undecodable text, too large) switches to a message that
names the file and says what is wrong, optionally with one action (e.g. "Enter password…"); the rest of
the app is unaffected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QStackedWidget, QToolButton,
                               QVBoxLayout, QWidget)

from ...core.archive import Item
from ..look import icon
from ..i18n import translate

__all__ = ["Location", "Page", "FindBar"]


@dataclass(frozen=True)
class Location:
    """Where the user was: an item (with the query and quote it was opened for) or an event."""

    kind: str  # "item" | "event"
    id: str
    query: str = ""
    quote: str = ""


class FindBar(QFrame):
    """Ctrl+F bar at the bottom of a page: a box, previous/next, "3 of 17", close."""

    find_requested = Signal(str)
    step_requested = Signal(bool)  # forward?
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.box = QLineEdit(self)
        self.box.setObjectName("findBox")
        self.box.setPlaceholderText(translate("FindBar", "Find in document"))
        self.box.setAccessibleName(translate("FindBar", "Find in document"))
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(self.find_requested)
        self.box.returnPressed.connect(lambda: self.step_requested.emit(True))
        prev = QToolButton(self)
        prev.setIcon(icon("chevron-up"))
        prev.setToolTip(translate("FindBar", "Previous match (Shift+F3)"))
        prev.setAccessibleName(translate("FindBar", "Previous match"))
        prev.clicked.connect(lambda: self.step_requested.emit(False))
        nxt = QToolButton(self)
        nxt.setIcon(icon("chevron-down"))
        nxt.setToolTip(translate("FindBar", "Next match (F3)"))
        nxt.setAccessibleName(translate("FindBar", "Next match"))
        nxt.clicked.connect(lambda: self.step_requested.emit(True))
        self.label = QLabel(self)
        close = QToolButton(self)
        close.setIcon(icon("x"))
        close.setToolTip(translate("FindBar", "Close (Esc)"))
        close.setAccessibleName(translate("FindBar", "Close the find bar"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        for w in (self.box, prev, nxt, self.label):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(close)
        self.hide()

    def open_bar(self, text: str = "") -> None:
        self.show()
        if text:
            self.box.setText(text)
        self.box.setFocus()
        self.box.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)


class Page(QWidget):
    """Base of the viewer tabs. Subclasses put their view in ``self.content`` and implement the hooks."""

    hits_changed = Signal(str)  # "3 of 17", "" when the page has no hits
    status_message = Signal(str)
    open_location = Signal(object)  # Location: a link inside the page wants another tab
    event_activated = Signal(str)
    loaded = Signal()  # content (or its message) is on screen
    #: the page's text (``extracted``) is known: annotations can be placed and made (text, PDF pages)
    annotatable = Signal()
    #: the user asked to annotate the selection (text) or the current match / page (PDF): colour, with a note?
    annotate_requested = Signal(str, bool)

    title_text = ""
    #: the archive item shown (None: an event, or a page of the app's own such as the facts)
    item: Item | None = None
    #: the search index, for pages that highlight a query's matches (set_index hands it a newer one)
    index: Any = None
    #: the user selects text with the mouse here (text pages); a PDF page annotates its match or page instead
    selects_text = False

    def __init__(self, location: Location, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        #: an annotation to scroll to once the page's text is known (opened before the page had loaded)
        self.pending_annotation: Any = None
        self.is_loaded = False
        self.error: str | None = None
        self.stack = QStackedWidget(self)
        self.message = QLabel(self)
        self.message.setObjectName("tabMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_action = QPushButton(self)
        self.message_action.hide()
        self._message_callback: Callable[[], None] | None = None
        self.message_action.clicked.connect(self._run_message_action)
        box = QWidget(self)
        ml = QVBoxLayout(box)
        ml.addStretch(1)
        ml.addWidget(self.message)
        ml.addWidget(self.message_action, 0, Qt.AlignmentFlag.AlignHCenter)
        ml.addStretch(2)
        self.message_box = box
        self.stack.addWidget(box)
        self.find_bar = FindBar(self)
        self.find_bar.find_requested.connect(self.find_text)
        self.find_bar.step_requested.connect(lambda fwd: self.next_hit() if fwd else self.previous_hit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.toolbar_layout = QHBoxLayout()
        self.toolbar_layout.setContentsMargins(6, 2, 6, 2)
        layout.addLayout(self.toolbar_layout)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.find_bar)

    # --- message state -------------------------------------------------------------------------------
    def show_message(self, text: str, *, action: str | None = None,
                     callback: Callable[[], None] | None = None, error: bool = True) -> None:
        self.message.setText(text)
        self.error = text if error else None
        self._message_callback = callback
        self.message_action.setVisible(bool(action))
        if action:
            self.message_action.setText(action)
        self.stack.setCurrentWidget(self.message_box)

    def _run_message_action(self) -> None:
        if self._message_callback is not None:
            self._message_callback()

    def mark_loaded(self) -> None:
        self.is_loaded = True
        self.loaded.emit()

    # --- hooks the window calls ----------------------------------------------------------------------
    def next_hit(self) -> None: ...

    def previous_hit(self) -> None: ...

    def hit_label(self) -> str:
        return ""

    def current_hit_text(self) -> str:
        """The text of the current highlighted match (the quoted passage when opened at a quote), or ""."""
        return ""

    def find_text(self, text: str) -> None: ...

    def show_find(self) -> None:
        self.find_bar.open_bar()

    def zoom(self, steps: int) -> None: ...

    def zoom_reset(self) -> None: ...

    def copy(self) -> None: ...

    def apply_query(self, query: str, quote: str = "") -> None:
        """Re-open the same tab for another query or quote (highlight again, jump to the first)."""

    def go_to_offset(self, offset: int, page: int | None = None) -> None:
        """Make the hit at ``offset`` of the item's extracted text (on PDF page ``page``, 1-based) the current
        one, once the hits are known: a concordance line opens its passage this way. Pages without text
        ignore it."""

    def close_page(self) -> None:
        """The tab is being closed: drop pending work."""

    def clear_selection(self) -> None:
        """Drop the user's text selection (a highlight made of it now shows instead)."""

    def refresh_archive(self, archive: Any) -> None:
        """The archive was reloaded (an import, an edit): a page of the app's own shows it again."""

    def reading_position(self) -> int | None:
        """Where the reader is (a character of the text at the top of the view, a PDF's page), kept when the
        app closes; None when the page has nothing to keep."""
        return None

    def go_to_reading_position(self, position: int) -> None:
        """Back to a :meth:`reading_position` (the page is loaded)."""

    def set_index(self, index: Any) -> None:
        """The search index opened (or another one): the next query's matches come from it."""
        self.index = index

    def refresh_theme(self) -> None:
        """The theme changed: repaint what the page coloured itself (hit highlights)."""

    # --- annotations (pages with text override these) ------------------------------------------------
    #: the item's ExtractedText once known (None: this page cannot be annotated by text)
    extracted = None

    def set_annotations(self, annotations: list) -> None:
        """Show these annotations of the page's item (highlights painted where the page can)."""

    def annotation_target(self):
        """``(kind, TextSelector | None, description)`` to annotate now, or None with nothing to annotate."""
        return None

    def show_annotation(self, annotation) -> bool:
        """Scroll to an annotation's place; True if it was found on the page."""
        return False
