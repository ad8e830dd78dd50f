"""The main window: search dock (left), tabbed viewer (centre), provenance dock (right), timeline dock
(bottom), menus, status bar.

The window shows at once; the search index opens in the background (its life in the window — opening,
updates, catch-up, notices — is :class:`~ashraf_desktop.ui.search.index_service.IndexService`) and the
search panel starts searching when it arrives. Other issues add panels (timeline, gallery) through
:meth:`MainWindow.add_panel`, which also puts a toggle in View ▸ Panels and remembers the layout.

Start-up order (issue 4, start to a usable window <= 1 s): the window is built with the search, viewer and
provenance panels and empty, named docks for the timeline, gallery and annotations (so that the saved layout
is restored and View ▸ Panels works at once); after the first paint those three are built one per turn of
the event loop (:meth:`MainWindow.ensure_panels`; at once when something asks for one), then the search index
opens in the background, then the menus get their icons. Modules only some actions need (QtPdf, the import's
text readers, Whoosh) are imported on first use.

The timeline comes in through :func:`ashraf_desktop.ui.timeline.install_timeline`, which connects what
this window offers: ``open_item_at_quote``, ``set_date_filter`` / ``clear_date_filter``,
``on_timeline_event_selected`` and the signals ``date_filter_cleared``, ``search_hits_changed``,
``archive_changed``.

The archive is shown with the user's layer of imported items (``core.archive.load_layered``). Import,
metadata edits and bag imports change that layer; :meth:`MainWindow.refresh_archive` then reloads it off the
GUI thread, brings the search index up to date for the items concerned, and hands the new archive to every
panel (``archive_reloaded``) without closing tabs or resetting the timeline's view.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable, Iterable

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent,
                           QKeySequence, QPaintEvent, QShowEvent)
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QLabel, QMainWindow, QMenu, QProgressBar,
                               QWidget)

from .. import APP_NAME
from ..core.archive import LoadResult, load_layered
from ..paths import UserDirs
from . import look
from .provenance import ProvenancePanel
from .search.index_service import IndexService, Opener, open_index_default
from .search.panel import SearchPanel
from .tasks import TaskRunner, task_runner
from .viewer import ViewerTabs
from .viewer.page import Location, Page

__all__ = ["MainWindow", "settings_for", "open_index_default"]  # open_index_default: ui.search.index_service

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2  # 2: the timeline dock at the bottom (older layouts are dropped once)
#: the search index opens once the panels are built after the first paint; this is the latest it waits for
#: that first paint (a window that is never exposed still gets its index)
INDEX_START_DELAY_MS = 1000
#: the panels whose docks are made at start but whose contents are built after the first paint, in build
#: order (name, dock title, area, shortcut of the View ▸ Panels toggle): see MainWindow.ensure_panels
LAZY_PANELS = (
    ("timeline", "Timeline", Qt.DockWidgetArea.BottomDockWidgetArea, "Ctrl+Shift+T"),
    ("gallery", "Photos", Qt.DockWidgetArea.BottomDockWidgetArea, "Ctrl+Shift+G"),
    ("annotations", "Annotations", Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+Shift+N"),
)


def settings_for(dirs: UserDirs) -> QSettings:
    """Window state and user choices in an INI file under the user's config folder (or --data-dir)."""
    dirs.config.mkdir(parents=True, exist_ok=True)
    return QSettings(str(dirs.config / "settings.ini"), QSettings.Format.IniFormat)


class History:
    """Back/forward over opened locations, like a browser: opening something new drops the forward list."""

    def __init__(self) -> None:
        self.back: list[Location] = []
        self.forward: list[Location] = []
        self.current: Location | None = None

    def visit(self, location: Location) -> None:
        if self.current is not None and (self.current.kind, self.current.id, self.current.quote) == (
                location.kind, location.id, location.quote):
            self.current = location
            return
        if self.current is not None:
            self.back.append(self.current)
        self.current = location
        self.forward.clear()

    def go_back(self) -> Location | None:
        if not self.back:
            return None
        if self.current is not None:
            self.forward.append(self.current)
        self.current = self.back.pop()
        return self.current

    def go_forward(self) -> Location | None:
        if not self.forward:
            return None
        if self.current is not None:
            self.back.append(self.current)
        self.current = self.forward.pop()
        return self.current


class MainWindow(QMainWindow):
    index_ready = Signal(object)  # the SearchIndex, once open
    #: the user removed the period chip in the search panel (the timeline drops its shading)
    date_filter_cleared = Signal()
    #: the current search's hits: frozenset of item ids, frozenset of event ids (the timeline marks them)
    search_hits_changed = Signal(object, object)
    #: another archive was opened (the Archive)
    archive_changed = Signal(object)
    #: the same archive reloaded with items imported or edited in its user layer (the Archive)
    archive_reloaded = Signal(object)
    #: the window's first frame was painted (the later panels are built from the next turn of the event loop)
    first_painted = Signal()
    #: a panel reserved at start was built: "timeline", "gallery" or "annotations" (see ensure_panels)
    panel_ready = Signal(str)

    def __init__(self, result: LoadResult, dirs: UserDirs, *, runner: TaskRunner | None = None,
                 open_index: Opener | None = open_index_default) -> None:
        super().__init__()
        self.result, self.dirs = result, dirs
        self.archive = result.archive
        self.runner = runner or task_runner()
        #: the search index's life in this window (ui/search/index_service.py)
        self.index_service = IndexService(self.runner, dirs, open_index, self)
        self.settings = settings_for(dirs)
        self.history = History()
        self.panels: dict[str, QDockWidget] = {}
        self._timeline_panel: Any = None  # set by install_timeline
        self._gallery_panel: Any = None  # set by _install_gallery
        self._annotations: Any = None  # set by install_annotations
        self._annotations_panel: Any = None
        self._annotation_wiring: Any = None
        self._pending_panels: list[str] = []  # reserved docks whose panel is not built yet, in build order
        self._first_painted = False
        self._deferred_icons: list[tuple[QAction, str]] = []  # menu icons, set after the first paint
        self.setObjectName("mainWindow")
        self.setWindowIcon(look.app_icon())
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
                            | QMainWindow.DockOption.AllowNestedDocks)

        self.tabs = ViewerTabs(self.archive, self.runner, self)
        self.setCentralWidget(self.tabs)
        self.search = SearchPanel(self.runner, self)
        self.provenance = ProvenancePanel(self.archive, self)
        self._build_status_bar()
        self._build_actions()
        self.add_panel("search", "Search", self.search, Qt.DockWidgetArea.LeftDockWidgetArea, shortcut="Ctrl+Shift+S")
        self.add_panel("provenance", "Provenance", self.provenance, Qt.DockWidgetArea.RightDockWidgetArea,
                       shortcut="Ctrl+Shift+P")
        # the search dock keeps the full height; bottom panels run under the viewer and provenance
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        # timeline, gallery and annotations: their docks now (the saved layout and View ▸ Panels need them),
        # their contents after the first paint (see ensure_panels)
        for name, title, area, shortcut in LAZY_PANELS:
            self._reserve_panel(name, title, area, shortcut)
        self._refreshing = False
        self._refresh_ids: set[str] = set()
        self._refresh_deleted: set[str] = set()
        self._refresh_then: list[Callable[[], None]] = []
        self._refresh_again = False
        self.importer: Any = None  # set by install_importing
        self.integrity: Any = None  # set by install_integrity
        self._install_importing()
        self._install_integrity()

        self.search.open_requested.connect(self.open_hit)
        self.search.help_requested.connect(lambda: self.show_help("query-syntax"))
        self.tabs.page_changed.connect(self._page_changed)
        self.tabs.hits_changed.connect(self._hits_changed)
        self.tabs.status_message.connect(self.show_message)
        self.tabs.navigated.connect(self._navigated)
        self.tabs.event_activated.connect(self._tab_event_activated)
        self.provenance.event_activated.connect(self._provenance_event_activated)
        self.provenance.status_message.connect(self.show_message)
        self.search.date_range_removed.connect(self.date_filter_cleared)
        self.search.hits_changed.connect(self.search_hits_changed)
        self.runner.busy_changed.connect(self._busy_changed)
        self.index_service.progressed.connect(self._index_progress)
        self.index_service.ready.connect(self.set_index)
        self.index_service.failed.connect(self._index_failed)
        self.index_service.notice.connect(lambda text: self.show_message(text, 15000))
        self.index_service.contents_changed.connect(self._search_again)
        # a document ready to annotate, or an annotate request, before the annotations are built: build them
        # now (they take in the open tabs) and carry the request out
        self.tabs.page_annotatable.connect(lambda _page: self.ensure_panels("annotations"))
        self.tabs.annotate_requested.connect(self._annotate_before_built)

        self._set_titles()
        self.resize(1280, 800)
        self._restore()
        self._shown_once = False
        self._index_started = False
        self._closed = False

    #: emitted when an event is chosen anywhere (provenance list, event links); the timeline listens
    event_activated = Signal(str)

    # --- panels --------------------------------------------------------------------------------------
    def add_panel(self, name: str, title: str, widget: QWidget,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea, *,
                  shortcut: str | None = None, visible: bool = True, tabify: bool = True) -> QDockWidget:
        """Put ``widget`` in a dock the user can show, hide, move and tab; its layout is remembered.

        The timeline (issue 5) and gallery (issue 6) come in through here. ``name`` identifies the dock
        (``panels[name]``, the saved layout), ``title`` is what the user reads. A panel added to an area
        that already holds one of these panels is stacked with it as a tab (``tabify``), so that a second
        bottom panel does not halve the first. A panel added after start-up goes back where the user left
        it when the saved layout knows it. A panel whose dock was reserved at start (timeline, gallery,
        annotations: see :meth:`ensure_panels`) fills that dock, which keeps its place and visibility.
        """
        reserved = self.panels.get(name)
        if reserved is not None and reserved.property("ashraf-reserved"):
            placeholder = reserved.widget()
            reserved.setWidget(widget)
            reserved.setProperty("ashraf-reserved", False)
            if placeholder is not None:
                placeholder.deleteLater()
            return reserved
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")  # saveState() identifies docks by object name
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        neighbour = next((d for d in self.panels.values()
                          if self.dockWidgetArea(d) == area and not d.isFloating()), None) if tabify else None
        self.addDockWidget(area, dock)
        if neighbour is not None:
            self.tabifyDockWidget(neighbour, dock)
        toggle = dock.toggleViewAction()
        toggle.setText(title)
        if shortcut:
            toggle.setShortcut(QKeySequence(shortcut))
        self.panels_menu.addAction(toggle)
        self.panels[name] = dock
        dock.setVisible(visible)
        self.restoreDockWidget(dock)  # a panel added after start-up goes back where the user left it
        return dock

    def show_panel(self, name: str) -> QDockWidget | None:
        """Show a panel and bring it to the front of its tab stack."""
        self.ensure_panels(name)
        dock = self.panels.get(name)
        if dock is not None:
            dock.show()
            dock.raise_()
        return dock

    # --- panels built after the first paint ----------------------------------------------------------
    def _reserve_panel(self, name: str, title: str, area: Qt.DockWidgetArea, shortcut: str) -> None:
        """The dock of a panel built later: named and placed now (so that restoreState() puts it where the
        user left it, and View ▸ Panels toggles it), holding an empty widget until :meth:`ensure_panels`."""
        placeholder = QWidget()
        placeholder.setObjectName(f"placeholder-{name}")
        dock = self.add_panel(name, title, placeholder, area)
        dock.setProperty("ashraf-reserved", True)
        toggle = dock.toggleViewAction()
        toggle.setShortcut(QKeySequence(shortcut))
        self.addAction(toggle)  # its shortcut works while the menu bar is hidden
        # shown from the menu (or its shortcut) before its turn: built at once
        toggle.triggered.connect(lambda checked, n=name: self.ensure_panels(n) if checked else None)
        self._pending_panels.append(name)

    def ensure_panels(self, upto: str | None = None) -> None:
        """Build the panels that are not built yet: all of them, or those up to ``upto`` in build order
        (timeline, gallery, annotations; each may use the ones before it). The window builds them by itself
        one at a time after its first paint, and at once when something needs one: opening the search index,
        showing the panel, or reading ``timeline_panel``, ``gallery_panel``, ``annotations``."""
        if upto is not None and upto not in self._pending_panels:
            return
        while self._pending_panels:
            name = self._pending_panels.pop(0)
            self._build_panel(name)
            if name == upto:
                return

    @property
    def pending_panels(self) -> tuple[str, ...]:
        """The reserved panels not built yet, in build order."""
        return tuple(self._pending_panels)

    def _build_panel(self, name: str) -> None:
        {"timeline": self._install_timeline, "gallery": self._install_gallery,
         "annotations": self._install_annotations}[name]()
        self.panel_ready.emit(name)

    def _build_next_panel(self) -> None:
        """After the first paint: one panel per turn of the event loop, so that typing is never held up for
        more than one panel's build; then the search index opens in the background."""
        if self._closed:
            return
        if self._pending_panels:
            self.ensure_panels(self._pending_panels[0])
            QTimer.singleShot(0, self, self._build_next_panel)
        else:
            self._start_index_once()

    def _set_menu_icons(self) -> None:
        """The menu entries' icons, drawn once the index is open (one a turn of the event loop, so that the
        first results are not held up) or all at once when a menu opens first (nothing shows them before)."""
        icons, self._deferred_icons = self._deferred_icons, []
        for act, name in icons:
            act.setIcon(look.icon(name))

    def _set_next_menu_icon(self) -> None:
        if self._deferred_icons and not self._closed:
            act, name = self._deferred_icons.pop(0)
            act.setIcon(look.icon(name))
            QTimer.singleShot(0, self, self._set_next_menu_icon)

    @property
    def timeline_panel(self) -> Any:
        """The TimelinePanel (built now if it was not yet)."""
        self.ensure_panels("timeline")
        return self._timeline_panel

    @timeline_panel.setter
    def timeline_panel(self, panel: Any) -> None:
        self._timeline_panel = panel

    @property
    def gallery_panel(self) -> Any:
        """The GalleryPanel (built now if it was not yet)."""
        self.ensure_panels("gallery")
        return self._gallery_panel

    @gallery_panel.setter
    def gallery_panel(self, panel: Any) -> None:
        self._gallery_panel = panel

    @property
    def annotations(self) -> Any:
        """The AnnotationController (built now if it was not yet)."""
        self.ensure_panels("annotations")
        return self._annotations

    @annotations.setter
    def annotations(self, controller: Any) -> None:
        self._annotations = controller

    @property
    def annotations_panel(self) -> Any:
        self.ensure_panels("annotations")
        return self._annotations_panel

    @annotations_panel.setter
    def annotations_panel(self, panel: Any) -> None:
        self._annotations_panel = panel

    @property
    def annotation_wiring(self) -> Any:
        self.ensure_panels("annotations")
        return self._annotation_wiring

    @annotation_wiring.setter
    def annotation_wiring(self, wiring: Any) -> None:
        self._annotation_wiring = wiring

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._first_painted:
            self._first_painted = True
            self.first_painted.emit()
            QTimer.singleShot(0, self, self._build_next_panel)  # once this frame is on screen

    # --- timeline ------------------------------------------------------------------------------------
    def _install_timeline(self) -> None:
        from .timeline import install_timeline
        install_timeline(self, Qt.DockWidgetArea.BottomDockWidgetArea)

    # --- gallery -------------------------------------------------------------------------------------
    def _install_gallery(self) -> None:
        """The photo gallery shares the bottom area with the timeline (as a tab) and follows the current
        search and the timeline's period, like the result list."""
        from .gallery import install_gallery
        panel = install_gallery(self, area=Qt.DockWidgetArea.BottomDockWidgetArea)
        self._gallery_panel = panel
        if self.search.date_range is not None:  # a period chosen before the gallery was built
            panel.set_date_range(*self.search.date_range)
        self.search_hits_changed.connect(self._gallery_follow_search)
        self.date_filter_cleared.connect(panel.clear_date_range)
        self.archive_changed.connect(panel.set_archive)

    # --- annotations ---------------------------------------------------------------------------------
    def _install_annotations(self) -> None:
        """Highlights, notes and regions (ui/annotations): the Annotations panel tabbed with Provenance, Edit ▸
        Undo/Redo, File ▸ Export/Import/Restore annotations, counts in the search results."""
        from .annotations import install_annotations
        from .team import install_team
        install_annotations(self)
        install_team(self)  # the team sync (ui/team): a menu entry only, unless a team server is configured

    def _annotate_before_built(self, page: Any, colour: str, note: bool) -> None:
        if "annotations" in self._pending_panels:
            self.ensure_panels("annotations")
            self._annotation_wiring.annotate_page(page, colour, note)

    def open_annotation(self, annotation: Any) -> Any:
        """Open an annotation (or its id) at its place: the document scrolled to it, a photo in the lightbox."""
        return self.annotation_wiring.open_annotation(annotation)

    def _gallery_follow_search(self, item_ids: Any, _event_ids: Any) -> None:
        if self._gallery_panel is not None:
            self._gallery_panel.set_filter_ids(item_ids if self.search.query().strip() else None)

    def open_item_at_quote(self, item_id: str, quote: str) -> Page | None:
        """A citation was clicked: the document in the viewer, scrolled to the quote, the quote highlighted."""
        page = self.tabs.open_item(item_id, "", quote)
        if page is not None:
            self.tabs.setFocus(Qt.FocusReason.OtherFocusReason)
        return page

    def set_date_filter(self, lower: int, upper: int) -> None:
        """Limit the search results to days ``lower``..``upper`` (inclusive ordinals): the search panel's
        chip shows the period."""
        self.search.set_date_range(lower, upper)
        if self._gallery_panel is not None:
            self._gallery_panel.set_date_range(lower, upper)
        self.show_panel("search")

    def clear_date_filter(self) -> None:
        self.search.set_date_range(None)
        if self._gallery_panel is not None:
            self._gallery_panel.clear_date_range()

    def on_timeline_event_selected(self, event_id: str) -> None:
        event = self.archive.event(event_id)
        if event is not None:
            from .viewer.info_pages import date_text
            self.show_message(f"{event.title} — {date_text(event.date.edtf)}", 6000)

    def show_on_timeline(self, event_id: str, *, bring_forward: bool = True) -> bool:
        """Select ``event_id`` on the timeline (showing and raising its dock unless ``bring_forward`` is
        False, when a hidden timeline stays hidden). Returns whether the timeline showed it."""
        dock = self.panels.get("timeline")
        if dock is None or not bring_forward and not dock.isVisible():
            return False
        panel = self.timeline_panel
        if panel is None:
            return False
        if bring_forward:
            self.show_panel("timeline")
        panel.show_event(event_id)
        return True

    def _provenance_event_activated(self, event_id: str) -> None:
        """The provenance panel's "events that cite it": open the event and show it on the timeline."""
        self.open_event(event_id)
        self.show_on_timeline(event_id)
        self.event_activated.emit(event_id)

    def _tab_event_activated(self, event_id: str) -> None:
        """An event link in a tab (the tab opens the event itself): follow it on a visible timeline."""
        self.show_on_timeline(event_id, bring_forward=False)
        self.event_activated.emit(event_id)

    # --- actions and menus ---------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[..., Any], shortcut: Any = None, icon_name: str | None = None,
                tip: str = "") -> QAction:
        act = QAction(text, self)
        if icon_name and self._first_painted:
            act.setIcon(look.icon(icon_name))
        elif icon_name:  # only menus show these: drawn later (20 pixmaps an icon, tens of ms for the menus)
            self._deferred_icons.append((act, icon_name))
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                act.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)  # shortcuts work even when the menu bar is hidden
        return act

    def _build_actions(self) -> None:
        mb = self.menuBar()
        file_menu = self.file_menu = mb.addMenu("&File")
        self.act_open = self._action("&Open archive…", self.choose_archive, QKeySequence.StandardKey.Open,
                                     "folder-open", "Open another archive folder")
        file_menu.addAction(self.act_open)
        self.act_close_tab = self._action("&Close tab", self.tabs.close_current, QKeySequence.StandardKey.Close, "x")
        file_menu.addAction(self.act_close_tab)
        file_menu.addSeparator()
        self.file_import_anchor = file_menu.addSeparator()  # import and export entries go just above this
        self.act_quit = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.act_quit)

        edit = self.edit_menu = mb.addMenu("&Edit")
        self.act_search = self._action("&Search the archive", self.search.focus_box, ["Ctrl+K", "Ctrl+L"], "search")
        self.act_find = self._action("&Find in document…", self._find, QKeySequence.StandardKey.Find, "search")
        self.act_next = self._action("Next match", lambda: self._page_call("next_hit"), ["F3", "Ctrl+G"],
                                     "chevron-down")
        self.act_prev = self._action("Previous match", lambda: self._page_call("previous_hit"),
                                     ["Shift+F3", "Ctrl+Shift+G"], "chevron-up")
        self.act_copy = self._action("&Copy", self._copy, QKeySequence.StandardKey.Copy, "copy")
        self.act_copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # let text widgets copy themselves
        self.act_cite = self._action("Copy c&itation", self.provenance.copy_citation, "Ctrl+Shift+C", "quote")
        for a in (self.act_search, self.act_find, self.act_next, self.act_prev, None, self.act_copy, self.act_cite):
            edit.addSeparator() if a is None else edit.addAction(a)

        view = mb.addMenu("&View")
        self.panels_menu = QMenu("&Panels", self)
        view.addMenu(self.panels_menu)
        view.addSeparator()
        self.act_zoom_in = self._action("Zoom &in", lambda: self._page_call("zoom", 1),
                                        [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], "zoom-in")
        self.act_zoom_out = self._action("Zoom &out", lambda: self._page_call("zoom", -1),
                                         QKeySequence.StandardKey.ZoomOut, "zoom-out")
        self.act_zoom_reset = self._action("&Reset zoom", lambda: self._page_call("zoom_reset"), "Ctrl+0")
        for a in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            view.addAction(a)
        view.addSeparator()
        theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name, label, icon_name in (("light", "&Light theme", "sun"), ("dark", "&Dark theme", "moon")):
            act = self._action(label, lambda n=name: self.set_theme(n), None, icon_name)
            act.setCheckable(True)
            theme_group.addAction(act)
            view.addAction(act)
            self.theme_actions[name] = act

        go = mb.addMenu("&Go")
        self.act_back = self._action("&Back", self.go_back, [QKeySequence.StandardKey.Back, "Alt+Left"], "arrow-left")
        self.act_forward = self._action("&Forward", self.go_forward, [QKeySequence.StandardKey.Forward, "Alt+Right"],
                                        "arrow-right")
        go.addAction(self.act_back)
        go.addAction(self.act_forward)
        self._update_history_actions()

        self.tools_menu = mb.addMenu("&Tools")  # filled by install_integrity

        help_menu = mb.addMenu("&Help")
        help_menu.addAction(self._action("&Query syntax", lambda: self.show_help("query-syntax"), None, "info"))
        help_menu.addAction(self._action("&Keyboard shortcuts", lambda: self.show_help("shortcuts"), "F1"))
        help_menu.addSeparator()
        help_menu.addAction(self._action(f"&About {APP_NAME}", lambda: self.show_help("about")))
        for menu in (file_menu, edit, view, go, self.tools_menu, help_menu):  # the icons, if not drawn yet
            menu.aboutToShow.connect(self._set_menu_icons)

    def show_help(self, which: str) -> Any:
        """Help ▸ Query syntax ("query-syntax"), Keyboard shortcuts ("shortcuts") or About ("about")."""
        from .help import show_help  # its dialog classes are loaded when help is first asked for
        return show_help(self, which)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.archive_label = QLabel(self)
        self.archive_label.setObjectName("archiveLabel")
        self.hits_label = QLabel(self)
        self.hits_label.setObjectName("hitsLabel")
        self.busy_label = QLabel(self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        sb.addWidget(self.archive_label)
        sb.addPermanentWidget(self.hits_label)
        sb.addPermanentWidget(self.busy_label)
        sb.addPermanentWidget(self.busy_bar)

    def _set_titles(self) -> None:
        c = self.archive.counts()
        self.setWindowTitle(f"{self.archive.collection.title} — {APP_NAME}")
        problems = len(self.result.errors)
        extra = f" · {problems} problem{'s' * (problems != 1)} (run 'ashraf-desktop validate')" if problems else ""
        self.archive_label.setText(f"{self.archive.collection.title}: {c['documents']} documents, {c['images']} "
                                   f"images, {c['records']} records, {c['events']} events{extra}")

    # --- search index (its life: ui/search/index_service.py) ------------------------------------------
    @property
    def index(self) -> Any:
        """The open SearchIndex, or None while it opens (or in a window made without one)."""
        return self.index_service.index

    @property
    def text_cache(self) -> Any:
        return self.index_service.text_cache

    def start_index(self) -> None:
        self.index_service.open(self.archive)

    def _index_progress(self, message: str, done: int, total: int) -> None:
        self.busy_label.setText(f"{message} {done}/{total}" if total else message)
        self.busy_bar.show()
        self.busy_bar.setRange(0, total or 0)
        if total:
            self.busy_bar.setValue(done)

    def set_index(self, index: Any, text_cache: Any = None) -> None:
        """The index is open: the panels, tabs and search use it from now on."""
        self.ensure_panels()  # they follow the searches from the first one on
        if self._deferred_icons:
            QTimer.singleShot(0, self, self._set_next_menu_icon)
        self.tabs.index, self.tabs.text_cache = index, text_cache
        for page in self.tabs.pages():
            if hasattr(page, "index"):
                page.index = index
        self.search.set_index(index)
        self.busy_label.setText("")
        self.busy_bar.hide()
        self.index_ready.emit(index)

    def _search_again(self) -> None:
        """The index holds new or changed items: the current search shows them."""
        if self.search.index is not None and (self.search.query() or self.search.date_range is not None):
            self.search.search_now()

    def _index_failed(self, message: str) -> None:
        self.busy_bar.hide()
        self.busy_label.setText("Search unavailable")
        self.search.notice.setText(message)
        self.search.notice.show()

    def _busy_changed(self, running: int, label: str) -> None:
        if self.index_service.opening:
            return  # the index progress owns the busy area until it is ready
        if running and label:
            self.busy_label.setText(label + "…")
            self.busy_bar.setRange(0, 0)
            self.busy_bar.show()
        elif not running:
            self.busy_label.setText("")
            self.busy_bar.hide()

    # --- opening things ------------------------------------------------------------------------------
    def open_hit(self, hit: Any, query: str) -> Page | None:
        if hit.kind == "event":
            return self.tabs.open_event(hit.id)
        if hit.kind == "annotation":
            return self.open_annotation(getattr(hit, "annotation_id", None) or hit.id)
        return self.tabs.open_item(hit.item_id or hit.id, query)

    def open_item(self, item_id: str, query: str = "", quote: str = "") -> Page | None:
        return self.tabs.open_item(item_id, query, quote)

    def open_event(self, event_id: str) -> Page | None:
        page = self.tabs.open_event(event_id)
        if page is not None:  # a visible timeline follows the event opened (a hidden one stays hidden)
            self.show_on_timeline(event_id, bring_forward=False)
        return page

    def _navigated(self, location: Location) -> None:
        self.history.visit(location)
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.act_back.setEnabled(bool(self.history.back))
        self.act_forward.setEnabled(bool(self.history.forward))

    def go_back(self) -> None:
        loc = self.history.go_back()
        if loc is not None:
            self.tabs.open_location(loc, record=False)
        self._update_history_actions()

    def go_forward(self) -> None:
        loc = self.history.go_forward()
        if loc is not None:
            self.tabs.open_location(loc, record=False)
        self._update_history_actions()

    def _page_changed(self, page: Page | None) -> None:
        item = getattr(page, "item", None) if page is not None else None
        self.provenance.show_item(item)

    def _hits_changed(self, label: str) -> None:
        self.hits_label.setText(f"Match {label}" if label and label[0].isdigit() else label)

    def _page_call(self, name: str, *args: Any) -> None:
        page = self.tabs.current_page()
        if page is not None:
            getattr(page, name)(*args)

    def _find(self) -> None:
        page = self.tabs.current_page()
        if page is not None:
            page.show_find()

    def _copy(self) -> None:
        self._page_call("copy")

    def show_message(self, text: str, timeout: int = 8000) -> None:
        self.statusBar().showMessage(text, timeout)

    # --- archive -------------------------------------------------------------------------------------
    def choose_archive(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open archive folder", str(self.archive.root))
        if folder:
            self.open_archive(Path(folder))

    def open_archive(self, root: Path) -> None:
        self.show_message(f"Opening {root}…")
        data, cache = self.dirs.data, self.dirs.cache
        self.runner.run_task(lambda: load_layered(root, data, check_files=False, cache_dir=cache), self._archive_loaded,
                             lambda e: self.show_message(f"The archive could not be opened: {e}"),
                             key="archive", label="Opening archive")

    def _archive_loaded(self, result: LoadResult) -> None:
        if result.archive.collection.id == "missing" or not result.archive.items and result.errors:
            first = result.errors[0] if result.errors else "no items"
            self.show_message(f"Not an archive folder: {first}", 15000)
            return
        self.result, self.archive = result, result.archive
        self.index_service.close()
        self.search.index = None
        self.search.date_range = None
        self.search.date_chip.hide()
        self.search.set_query("", now=True)
        self.tabs.set_archive(self.archive)
        self.provenance.set_archive(self.archive)
        self.history = History()
        self._update_history_actions()
        self._set_titles()
        self.archive_changed.emit(self.archive)
        self.start_index()

    def refresh_archive(self, changed: Iterable[str] = (), deleted: Iterable[str] = (), *,
                        then: Callable[[], None] | None = None) -> None:
        """Show what changed in the user's layer: reload the archive off the GUI thread, bring the search
        index up to date for the ``changed`` (added or edited) and ``deleted`` item ids, then hand the new
        archive to every panel. Calls made while a reload runs are merged into one more reload after it;
        ``then`` runs on the GUI thread once the panels show the new archive."""
        self._refresh_ids |= {str(i) for i in changed}
        self._refresh_deleted |= {str(i) for i in deleted}
        if then is not None:
            self._refresh_then.append(then)
        if self._refreshing:
            self._refresh_again = True
            return
        self._start_refresh()

    @property
    def refreshing(self) -> bool:
        """A reload of the archive is under way (tests wait for it)."""
        return self._refreshing

    def _start_refresh(self) -> None:
        self._refreshing, self._refresh_again = True, False
        ids, self._refresh_ids = self._refresh_ids, set()
        gone, self._refresh_deleted = self._refresh_deleted, set()
        thens, self._refresh_then = self._refresh_then, []
        root, data, cache = self.archive.root, self.dirs.data, self.dirs.cache

        def load() -> LoadResult:  # a pool thread: no widgets
            return load_layered(root, data, check_files=False, cache_dir=cache)

        def loaded(result: LoadResult) -> None:
            for notice in result.notices:
                self.show_message(notice, 15000)
            unchanged = result.archive.signature is not None and result.archive.signature == self.archive.signature
            if unchanged and not (ids or gone):  # the check after a start from the catalogue: nothing changed
                self._refresh_finished(thens)
                return
            # the panels first (timeline, gallery, provenance show the items at once), then the index
            if not self._apply_reloaded(result):
                self._refresh_finished(thens)
                return
            if not (ids or gone):  # changed behind the app's back (found by the check after a start)
                self.index_service.catch_up(result.archive)
            self.index_service.update_items(result.archive, ids, gone, indexed)

        def indexed(changed: bool) -> None:
            if changed:
                self._search_again()  # the new or changed items appear in the results
            self._refresh_finished(thens)

        def failed(error: BaseException) -> None:
            log.error("reloading the archive failed", exc_info=error)
            self.show_message(f"The archive could not be reloaded: {error}", 15000)
            self._refresh_finished(thens)

        self.runner.run_task(load, loaded, failed, label="")

    def _refresh_finished(self, thens: list[Callable[[], None]]) -> None:
        self._refreshing = False
        for fn in thens:
            try:
                fn()
            except Exception:  # noqa: BLE001 - one caller's follow-up must not stop the others
                log.exception("after reloading the archive")
        if self._refresh_again or self._refresh_ids or self._refresh_deleted or self._refresh_then:
            self._start_refresh()

    def _apply_reloaded(self, result: LoadResult) -> bool:
        """The same archive, reloaded: every panel shows it; open tabs, the timeline's view and the search
        stay as they were (the search runs again once the index has the new items). False when another
        archive was opened meanwhile."""
        if result.archive.collection.id != self.archive.collection.id:
            return False
        self.result, self.archive = result, result.archive
        self.index_service.archive_reloaded(self.archive)
        self.tabs.update_archive(self.archive)
        self.provenance.archive = self.archive
        shown = self.provenance.item
        if shown is not None and self.archive.item(shown.id) != shown:  # its description was edited
            self.provenance.show_item(self.archive.item(shown.id))
        if self._timeline_panel is not None:  # a panel not built yet is built on the new archive
            self._timeline_panel.update_archive(self.archive)
        if self._gallery_panel is not None:
            from ..core.archive import ItemKind
            if self._gallery_panel.model.all_items() != tuple(self.archive.items.rows(ItemKind.IMAGE)):
                self._gallery_panel.set_archive(self.archive)
        self._set_titles()
        self.archive_reloaded.emit(self.archive)
        return True

    def selected_item_ids(self) -> list[str]:
        """The items the user has chosen: the selected photos when the gallery has the focus, else the
        selected search results, else the gallery's selection, else the item of the current tab."""
        gallery = self._gallery_panel  # one not built yet has nothing selected
        focus = QApplication.focusWidget()
        from_gallery = gallery.selected_ids() if gallery is not None else []
        if from_gallery and focus is not None and (focus is gallery or gallery.isAncestorOf(focus)):
            return from_gallery
        from_search = self.search.selected_item_ids()
        if from_search:
            return from_search
        if from_gallery:
            return from_gallery
        page = self.tabs.current_page()
        item = getattr(page, "item", None) if page is not None else None
        return [item.id] if item is not None else []

    # --- importing, integrity ------------------------------------------------------------------------
    def _install_importing(self) -> None:
        """File ▸ Import files / folder, drag and drop, the import report, the Dublin Core form (ui/importing)."""
        from .importing import install_importing
        install_importing(self)

    def _install_integrity(self) -> None:
        """Tools ▸ Verify archive, the quick check at start and its badge, File ▸ Export (ui/integrity)."""
        from .integrity.views import install_integrity
        install_integrity(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.importer is not None and self.importer.accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self.importer is not None and self.importer.accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if self.importer is not None and self.importer.drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dropEvent(event)

    # --- theme, settings -----------------------------------------------------------------------------
    def set_theme(self, theme: str) -> None:
        app = QApplication.instance()
        theme = look.apply_theme(app, theme)
        self.theme_actions[theme].setChecked(True)
        self.settings.setValue("ui/theme", theme)
        self.search.list.viewport().update()
        for page in self.tabs.pages():
            page.refresh_theme()
        if self._timeline_panel is not None:  # one built later takes the theme then
            self._timeline_panel.refresh_theme()

    def _restore(self) -> None:
        s = self.settings
        theme = str(s.value("ui/theme", "light"))
        self.theme_actions.get(theme, self.theme_actions["light"]).setChecked(True)
        try:  # a hand-edited or damaged settings file costs the saved layout, never the start
            same_version = int(str(s.value("window/version", 0) or 0)) == SETTINGS_VERSION
        except ValueError:
            same_version = False
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and same_version:
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and same_version:
            self.restoreState(state, SETTINGS_VERSION)
        else:
            self.resizeDocks([self.panels["search"], self.panels["provenance"]], [380, 300],
                             Qt.Orientation.Horizontal)
            timeline = self.panels.get("timeline")
            if timeline is not None:  # the viewer keeps a little more than half the height
                self.resizeDocks([timeline], [int(self.height() * 0.42)], Qt.Orientation.Vertical)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/version", SETTINGS_VERSION)
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState(SETTINGS_VERSION))
        s.sync()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # The index opens after the first paint and the panels built after it (_build_next_panel): its
            # imports and reads on a worker would compete with them for the interpreter lock, and every Qt
            # call of the GUI thread would wait for it. This timer only covers a window that is never painted.
            QTimer.singleShot(INDEX_START_DELAY_MS, self, self._start_index_once)
            if self.integrity is not None:  # then the quick fixity check, in the background
                self.integrity.schedule_quick_check()

    def _start_index_once(self) -> None:
        if not self._index_started and not self._closed:
            self._index_started = True
            self.start_index()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._closed = True  # what start-up still had to do is not started any more
        for part in (self.importer, self.integrity):
            if part is not None:
                part.shutdown()
        self.save_settings()
        for page in self.tabs.pages():
            page.close_page()
        if self._annotations is not None:
            self._annotations.close()
        self.index_service.shutdown()
        super().closeEvent(event)
