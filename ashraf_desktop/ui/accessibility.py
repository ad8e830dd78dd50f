"""What a screen reader hears from the window: the names of its controls, checked as a whole.

:func:`nameless_controls` walks a widget tree and lists every control a user can reach that has no
accessible name — the test suite runs it over the main window, each panel and each dialog, and fails on
any. The name is what Qt's accessibility layer reports (``QAccessibleInterface.text(Name)``), which is the
widget's ``accessibleName``, or a button's text, or the text of the label whose buddy it is; for fields
whose "name" Qt would otherwise take from their content (a combo box reads out its current value) an
explicit name or a buddy label is required, since the content is not what the field is for.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractScrollArea, QAbstractSlider,
                               QAbstractSpinBox, QComboBox, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QTabBar,
                               QTabWidget, QTextEdit, QWidget)

from .i18n import translate

__all__ = ["control_name", "nameless_controls", "is_control", "describe", "focus_areas", "focus_area",
           "install_panel_cycling"]

_VALUE_NAMED = (QComboBox, QAbstractSpinBox, QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSlider)


def _buddy_labels(root: QWidget) -> dict[int, str]:
    out: dict[int, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text().strip():
            out[id(buddy)] = label.text().replace("&", "").strip()
    return out


def is_control(widget: QWidget) -> bool:
    """A widget a user can operate or move the keyboard focus into (not a plain label or a container)."""
    if isinstance(widget, (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
                           QLineEdit, QTabBar, QTextEdit, QPlainTextEdit)):
        return True
    if isinstance(widget, (QLabel, QTabWidget)):
        return False  # a tab widget's tabs are its tab bar
    if isinstance(widget, QAbstractScrollArea):  # a scroll area is a container unless it takes the focus
        return widget.focusPolicy() != Qt.FocusPolicy.NoFocus and type(widget).__module__.startswith("ashraf")
    return (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus and \
        type(widget).__module__.startswith("ashraf")  # our own focusable, custom-painted widgets


def control_name(widget: QWidget, buddies: dict[int, str] | None = None) -> str:
    """The name assistive technology announces for ``widget`` ("" when it has none worth the word)."""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    if buddies is not None and id(widget) in buddies:
        return buddies[id(widget)]
    if isinstance(widget, _VALUE_NAMED):
        return ""  # their interface would read out the value: not a name
    iface = QAccessible.queryAccessibleInterface(widget)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "").replace("&", "").strip()


def describe(widget: QWidget) -> str:
    """``QComboBox 'sortBox' in ConcordancePanel > MainWindow`` — enough to find it in the code."""
    chain, parent = [], widget.parentWidget()
    while parent is not None and len(chain) < 4:
        chain.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    name = f" {widget.objectName()!r}" if widget.objectName() else ""
    tip = f" (tooltip {widget.toolTip()!r})" if widget.toolTip() else ""
    return f"{type(widget).__name__}{name}{tip} in {' > '.join(chain) or 'nothing'}"


def nameless_controls(root: QWidget) -> list[str]:
    """Every control under (and including) ``root`` that would be announced without a name."""
    buddies = _buddy_labels(root)
    out = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not is_control(widget) or _internal(widget) or _unset_button(widget):
            continue
        if not control_name(widget, buddies):
            out.append(describe(widget))
    return out


def _unset_button(widget: QWidget) -> bool:
    """A hidden button with neither text nor icon yet: it gets them when it is shown (a message's action)."""
    return isinstance(widget, QAbstractButton) and widget.isHidden() and not widget.text() and widget.icon().isNull()


def _internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own composite widgets (a spin box's line edit, a combo box's popup list, a
    line edit's clear button, a tab's close button, a view's header, a scroll bar): the composite carries the
    name, or Qt names the part itself."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
        return True
    if type(widget).__name__ == "QScrollBar":
        return True
    parent = widget.parentWidget()
    if isinstance(parent, (QAbstractSpinBox, QLineEdit, QTabBar)):
        return True
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def focus_areas(window) -> list[QWidget]:
    """The parts of ``window`` the keyboard moves between with F6: the panels shown (left to right, top to
    bottom: search, the viewer, the right-hand panels, the bottom ones) — a tabbed panel counts when in front."""
    area_order = {Qt.DockWidgetArea.LeftDockWidgetArea: 0, Qt.DockWidgetArea.TopDockWidgetArea: 1,
                  Qt.DockWidgetArea.RightDockWidgetArea: 3, Qt.DockWidgetArea.BottomDockWidgetArea: 4}
    docks = [d for d in window.panels.values() if d.isVisible() and d.widget() is not None]
    docks.sort(key=lambda d: (area_order.get(window.dockWidgetArea(d), 5), d.y(), d.x()))
    areas: list[QWidget] = [d.widget() for d in docks if area_order.get(window.dockWidgetArea(d), 5) < 2]
    areas.append(window.tabs)
    areas += [d.widget() for d in docks if area_order.get(window.dockWidgetArea(d), 5) >= 2]
    return areas


def _take_focus(area: QWidget) -> bool:
    """Give ``area`` the keyboard focus: its focus proxy, else its first visible control that takes Tab."""
    from PySide6.QtWidgets import QApplication
    area.setFocus(Qt.FocusReason.ShortcutFocusReason)
    current = QApplication.focusWidget()
    if current is not None and (current is area or area.isAncestorOf(current)):
        return True
    for child in area.findChildren(QWidget):
        if child.isVisible() and child.isEnabled() and child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            child.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
    return False


def focus_area(window, step: int) -> QWidget | None:
    """Move the keyboard focus to the next (``step`` 1) or previous (-1) area of :func:`focus_areas` that can
    take it (a panel showing only a message is passed over)."""
    from PySide6.QtWidgets import QApplication
    areas = focus_areas(window)
    current = QApplication.focusWidget()
    here = next((i for i, a in enumerate(areas) if current is not None and (a is current or a.isAncestorOf(current))),
                -1 if step > 0 else 0)
    for n in range(1, len(areas) + 1):
        target = areas[(here + n * step) % len(areas)]
        if target is window.tabs and window.tabs.current_page() is not None:
            target = window.tabs.current_page()
        if _take_focus(target):
            return target
    return None


def install_panel_cycling(window) -> None:
    """Go ▸ Next panel (F6) and Go ▸ Previous panel (Shift+F6), as in browsers and office suites."""
    window.menus.add("next_panel", translate("accessibility", "Ne&xt panel"), lambda: focus_area(window, 1), "F6", None,
                     translate("accessibility",
                               "Move the keyboard focus to the next panel"), menu="go", section="panels")
    window.menus.add("previous_panel", translate("accessibility", "Pre&vious panel"), lambda: focus_area(window, -1),
                     "Shift+F6",
                     None, translate("accessibility",
                                     "Move the keyboard focus to the previous panel"), menu="go", section="panels")
