"""Custom-painted views as assistive technology sees them: the timeline's events one by one.

Qt knows nothing of what :class:`~ashraf_desktop.ui.timeline.view.TimelineView` paints, so on its own a
screen reader hears only "Timeline". :func:`install` registers an accessibility factory that gives the view
one child per event shown (in date order, whether on screen or scrolled off): its title as the name, its
date in words, how the sources date it, and whether they disagree as the description, its rectangle on
screen when visible, and a "press" action that selects it as a click would. When the selection moves (arrow
keys, a click, another panel), the view tells assistive technology which event now has the focus.

(The gallery is a ``QListView``: Qt's own item-view interfaces read its model's
``AccessibleTextRole``/``AccessibleDescriptionRole``, which ``GalleryModel`` provides.)
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget

from .i18n import date_words

__all__ = ["install", "notify_selected", "TimelineAccessible"]

log = logging.getLogger(__name__)

_installed = False
_alive: dict[int, "TimelineAccessible"] = {}  # Qt does not own interfaces made in Python: keep them


class _EventItem(QAccessibleInterface):
    """One event of the timeline, as a list item."""

    def __init__(self, owner: "TimelineAccessible", event_id: str) -> None:
        super().__init__()
        self.owner, self.event_id = owner, event_id

    def _renderer(self):
        return self.owner.view.renderer

    def isValid(self) -> bool:  # noqa: N802
        return self.owner.isValid() and self._renderer().model.event(self.event_id) is not None

    def object(self) -> QObject | None:
        return None

    def window(self):
        return self.owner.window()

    def relations(self, match=QAccessible.Relation.AllRelations):
        return []

    def focusChild(self):  # noqa: N802
        return None

    def childAt(self, x: int, y: int):  # noqa: N802
        return None

    def parent(self):
        return self.owner

    def child(self, index: int):
        return None

    def childCount(self) -> int:  # noqa: N802
        return 0

    def indexOfChild(self, child) -> int:  # noqa: N802
        return -1

    def text(self, t: QAccessible.Text) -> str:
        event = self._renderer().model.event(self.event_id)
        if event is None:
            return ""
        if t == QAccessible.Text.Name:
            return event.title
        if t == QAccessible.Text.Description:
            parts = [date_words(event.date.edtf)]
            style = self._renderer().model.style(self.event_id)
            if style is not None:
                from .timeline.words import style_words  # (the timeline package imports this module)
                parts.append(style_words(style))
            if event.disputed:
                parts.append(QCoreApplication.translate("TimelineAccessible", "the sources give different dates"))
            return "; ".join(p for p in parts if p)
        return ""

    def setText(self, t, text: str) -> None:  # noqa: N802
        pass

    def rect(self) -> QRect:
        view = self.owner.view
        for placed in view.renderer.placed():
            if placed.kind == "event" and placed.mark.entry.id == self.event_id:
                local = placed.shape_rect.united(placed.label_rect) if placed.label else placed.shape_rect
                r = local.toAlignedRect()
                return QRect(view.mapToGlobal(r.topLeft()), r.size())
        return QRect()

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        st = QAccessible.State()
        st.focusable = True
        st.selectable = True
        selected = self._renderer().selected_id == self.event_id
        st.selected = selected
        st.focused = selected and self.owner.view.hasFocus()
        if self.rect().isEmpty():
            st.invisible = True
            st.offscreen = True
        return st


class TimelineAccessible(QAccessibleWidget):
    """The timeline view: a list whose items are the events the filters let through, in date order."""

    def __init__(self, view) -> None:
        super().__init__(view, QAccessible.Role.List, view.accessibleName())
        self.view = view
        self._items: dict[str, _EventItem] = {}

    def _ids(self) -> list[str]:
        return self.view.renderer.model.shown_ids

    def item(self, event_id: str) -> _EventItem:
        it = self._items.get(event_id)
        if it is None:
            it = self._items[event_id] = _EventItem(self, event_id)
        return it

    def childCount(self) -> int:  # noqa: N802
        return len(self._ids())

    def child(self, index: int):
        ids = self._ids()
        return self.item(ids[index]) if 0 <= index < len(ids) else None

    def indexOfChild(self, child) -> int:  # noqa: N802
        if isinstance(child, _EventItem):
            try:
                return self._ids().index(child.event_id)
            except ValueError:
                return -1
        return -1

    def focusChild(self):  # noqa: N802
        selected = self.view.renderer.selected_id
        if selected and self.view.hasFocus() and self.view.renderer.model.event(selected) is not None:
            return self.item(selected)
        return None

    def childAt(self, x: int, y: int):  # noqa: N802
        local = self.view.mapFromGlobal(QRect(x, y, 1, 1).topLeft())
        hit = self.view.renderer.hit_test(QPointF(local))
        if hit is not None and hit.kind == "event":
            return self.item(hit.id)
        return None


def _factory(classname: str, obj: QObject):
    from .timeline.view import TimelineView
    if isinstance(obj, TimelineView):
        iface = _alive.get(id(obj))
        if iface is None or iface.view is not obj:
            iface = _alive[id(obj)] = TimelineAccessible(obj)
            obj.destroyed.connect(lambda *_a, key=id(obj): _alive.pop(key, None))
        return iface
    return None


def install() -> None:
    """Register the factory (once per process; the QApplication must exist)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def notify_selected(view, event_id: str | None) -> None:
    """Tell assistive technology which event of ``view`` is selected now (a focus change inside it).

    The event names the view and the child's index: Qt asks the view's interface for the child itself."""
    if not event_id or not QAccessible.isActive():
        return
    iface = QAccessible.queryAccessibleInterface(view)
    if not isinstance(iface, TimelineAccessible):
        return
    index = iface.indexOfChild(iface.item(event_id))
    if index < 0:
        return
    for kind in (QAccessible.Event.Focus, QAccessible.Event.Selection):
        event = QAccessibleEvent(view, kind)
        event.setChild(index)
        QAccessible.updateAccessibility(event)
