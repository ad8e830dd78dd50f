"""The timeline panel: events with uncertain dates on a zoomable axis, linked to their sources and search.

Public surface: :class:`TimelinePanel` and :func:`install_timeline`. The geometry (date ↔ x, ticks, lanes,
clusters, styles, CSV) is Qt-free in :mod:`ashraf_desktop.core.timeline`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from .panel import ExportError, TimelinePanel
from .renderer import TimelineRenderer
from ..i18n import translate

__all__ = ["TimelinePanel", "TimelineRenderer", "ExportError", "install_timeline"]

log = logging.getLogger("ashraf.timeline")


def _archive_of(window: object):
    archive = getattr(window, "archive", None)
    if archive is None:
        result = getattr(window, "result", None)
        archive = getattr(result, "archive", None)
    return archive


def _connect(signal_owner: object, signal_name: str, slot) -> bool:
    signal = getattr(signal_owner, signal_name, None)
    if signal is None or not hasattr(signal, "connect"):
        return False
    signal.connect(slot)
    return True


def install_timeline(main_window: QWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea, *,
                     links: object | None = None) -> TimelinePanel:
    """Create the timeline panel, add it to ``main_window`` and wire it both ways.

    Required of the main window: ``add_panel(name, title, widget, area)`` (the dock is named "timeline" and
    titled "Timeline"), and the archive as ``archive`` or ``result.archive``. Used when present on ``links``
    (default: the window itself; a missing one is logged, not fatal):

    * ``open_item_at_quote(item_id, quote)`` — a citation was clicked;
    * ``set_date_filter(lower, upper)`` / ``clear_date_filter()`` — a period was brushed / removed;
      the search panel applies ``Filters(date_range=(lower, upper))`` and shows the chip;
    * signal ``date_filter_cleared()`` — the user removed the chip in the search panel;
    * signal ``search_hits_changed(item_ids: set, event_ids: set)`` — the current search's hits;
    * signal ``archive_changed(archive)`` — another archive was opened;
    * ``on_timeline_event_selected(event_id)`` — optional, to let other panels follow the selection.
    """
    panel = TimelinePanel(main_window)
    panel.set_archive(_archive_of(main_window))
    main_window.add_panel("timeline", translate("timeline", "Timeline"), panel, area)
    target = links if links is not None else main_window
    missing = []
    for name, signal, handler in (
        ("open_item_at_quote", panel.citation_activated, None),
        ("set_date_filter", panel.range_selected, None),
        ("clear_date_filter", panel.range_cleared, None),
    ):
        method = getattr(target, name, None)
        if callable(method):
            signal.connect(method)
        else:
            missing.append(name)
    for signal, name in ((panel.event_opened, "open_event"), (panel.item_opened, "open_item"),
                         (panel.fact_activated, "open_facts")):
        method = getattr(main_window, name, None)  # Enter on the axis opens the selection in a tab
        if callable(method):
            signal.connect(method)
    on_select = getattr(target, "on_timeline_event_selected", None)
    if callable(on_select):
        panel.event_selected.connect(on_select)
    if not _connect(main_window, "date_filter_cleared", panel.clear_range_silently):
        missing.append("date_filter_cleared")
    if not _connect(main_window, "search_hits_changed", panel.mark_search_hits):
        missing.append("search_hits_changed")
    _connect(main_window, "archive_changed", panel.set_archive)
    if missing:
        log.info("timeline: the main window does not offer %s; those links are inactive", ", ".join(missing))
    return panel  # the window keeps it (MainWindow.timeline_panel)
