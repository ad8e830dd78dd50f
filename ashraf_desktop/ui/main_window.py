"""The main window: search dock (left), tabbed viewer (centre), provenance dock (right), timeline and photos
(bottom), menus, status bar — and what ties them together.

Its jobs live beside it in :mod:`ashraf_desktop.ui.window`: the status bar and its message queue (``status``:
the one path for messages to the user), the panels and their layout (``docks``), the menus and named actions
(``menus``, ``commands``), back/forward (``history``), links between panels (``links``), the archive shown
and its reloads (``reload``), the session's tabs (``session``) and the app's own views: facts, library, saved
searches (``views``). The search index's life is ``ui/search/index_service.py``. Other parts reach the window
through typed accessors (``timeline_panel``, ``gallery_panel``, ``annotations``, ``importer``, …), add menu
entries with ``window.menus.add(…)`` and panels with :meth:`MainWindow.add_panel`; none sets attributes on it.

Start-up order (a usable window <= 1 s, the first result <= 1.5 s at 100,000 items): the window is built with
the search, viewer and provenance panels and empty, named docks for the timeline, photos and annotations (so
that the saved layout is restored and View ▸ Panels works at once); the first paint starts the search index on a
worker; once it is ready, what was typed meanwhile is searched, and after that search ends (at once when
nothing was typed) the docks are built one per turn of the event loop (at once when something asks for one),
then the last session's tabs reopen and the menus get their icons. Anything built on the GUI thread before
would share the interpreter with the index and the search (at 100,000 items: result at 2.5-4.8 s, not 1.1 s).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (QAction, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QPaintEvent, QResizeEvent,
                           QShowEvent)
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu, QWidget

from .. import APP_NAME
from ..core.archive import ItemKind, LoadResult
from ..paths import UserDirs
from . import look
from .accessibility import install_panel_cycling
from .focus_ring import install_focus_ring
from .fit import fit_to_screen
from .language_page import install_language_page
from .preferences import Preferences
from .provenance import ProvenancePanel
from .search.index_service import IndexService, Opener, open_index_default
from .search.panel import SearchPanel
from .tasks import TaskRunner, task_runner
from .viewer import ViewerTabs
from .viewer.page import Page
from .window.commands import add_window_commands
from .window.docks import Docks, visual_area
from .window.history import Navigation
from .window.links import PanelLinks
from .window.menus import Menus
from .window.reload import ArchiveLoader
from .window.session import Session
from .window.views import AppViews
from .window.status import StatusArea
from .i18n import app_name, fill, translate

if TYPE_CHECKING:  # built after the first paint, imported then
    from .annotations import AnnotationController, AnnotationsPanel, Wiring
    from .concordance import ConcordancePanel
    from .gallery import GalleryPanel
    from .importing import ImportController
    from .integrity.views import IntegrityController
    from .team import TeamUi
    from .timeline import TimelinePanel

__all__ = ["MainWindow", "settings_for", "open_index_default"]  # open_index_default: ui.search.index_service

log = logging.getLogger(__name__)

#: the search index opens at the first paint; this is the latest it waits for that paint (a window that is
#: never exposed still gets its index)
INDEX_START_DELAY_MS = 1000
#: the size a first start asks for (less on a smaller screen: see fit_to_screen)
START_SIZE = (1280, 800)
Area = Qt.DockWidgetArea


def settings_for(dirs: UserDirs) -> QSettings:
    """Window state and user choices in an INI file under the user's config folder (or --data-dir)."""
    dirs.config.mkdir(parents=True, exist_ok=True)
    return QSettings(str(dirs.config / "settings.ini"), QSettings.Format.IniFormat)


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
    #: emitted when an event is chosen anywhere (provenance list, event links); the timeline listens
    event_activated = Signal(str)

    def __init__(self, result: LoadResult, dirs: UserDirs, *, runner: TaskRunner | None = None,
                 open_index: Opener | None = open_index_default) -> None:
        super().__init__()
        self.result, self.dirs = result, dirs
        self.archive = result.archive
        self.runner = runner or task_runner()
        #: the search index's life in this window (ui/search/index_service.py)
        self.index_service = IndexService(self.runner, dirs, open_index, self)
        self.settings = settings_for(dirs)
        self._first_painted = False
        self._shown_once = False
        self._index_started = False
        self._session_restored = False
        self._closed = False
        self._timeline_panel: TimelinePanel | None = None
        self._gallery_panel: GalleryPanel | None = None
        self._annotation_wiring: Wiring | None = None
        self._team: TeamUi | None = None
        self._concordance: ConcordancePanel | None = None
        self.setObjectName("mainWindow")
        self.setWindowIcon(look.app_icon())
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
                            | QMainWindow.DockOption.AllowNestedDocks)

        self.status = StatusArea(self.statusBar(), self)
        self.menus = Menus(self)
        #: Edit ▸ Preferences…: the parts add their pages (ui/preferences.py)
        self.preferences = Preferences(self)
        install_language_page(self)  # Preferences ▸ Language (ui/language_page.py)
        self.panels_menu = QMenu(translate("MainWindow", "&Panels"), self)
        self.menus.add_menu(self.panels_menu, menu="view", section="panels")
        go_panels = QMenu(translate("MainWindow", "&Panel"), self)
        go_panels.setObjectName("goPanels")
        self.menus.add_menu(go_panels, menu="go", section="panels")
        self.docks = Docks(self, self.panels_menu, go_panels)
        self.docks.panel_ready.connect(self.panel_ready)
        self.reloader = ArchiveLoader(self)

        self.tabs = ViewerTabs(self.archive, self.runner, self)
        self.setCentralWidget(self.tabs)
        self.search = SearchPanel(self.runner, self)
        self.provenance = ProvenancePanel(self.archive, self)
        add_window_commands(self)
        self.navigation = Navigation(self.tabs, self.action("back"), self.action("forward"), self)
        self.session = Session(self.tabs, self.settings, self)
        self.links = PanelLinks(self)
        self.add_panel("search", translate("MainWindow", "Search"), self.search, Area.LeftDockWidgetArea,
                       shortcut="Ctrl+Shift+S")
        self.add_panel("provenance", translate("MainWindow", "Provenance"), self.provenance, Area.RightDockWidgetArea,
                       shortcut="Ctrl+Shift+P")
        # the search dock keeps the full height; bottom panels run under the viewer and provenance
        left = visual_area(self, Area.LeftDockWidgetArea)  # the search panel's side (the right one in Persian)
        self.setCorner(Qt.Corner.BottomLeftCorner if left == Area.LeftDockWidgetArea else Qt.Corner.BottomRightCorner,
                       left)
        # their docks now (the saved layout and View ▸ Panels need them), their contents after the first paint
        self.docks.reserve("timeline", translate("MainWindow", "Timeline"), Area.BottomDockWidgetArea, "Ctrl+Shift+T",
                           self._install_timeline)
        self.docks.reserve("gallery", translate("MainWindow", "Photos"), Area.BottomDockWidgetArea, "Ctrl+Shift+G",
                           self._install_gallery)
        self.docks.reserve("annotations", translate("MainWindow", "Annotations"), Area.RightDockWidgetArea,
                           "Ctrl+Shift+N",
                           self._install_annotations)
        self.docks.reserve("concordance", translate("MainWindow", "Concordance"), Area.BottomDockWidgetArea,
                           "Ctrl+Shift+K",
                           self._install_concordance, visible=False)
        self.views = AppViews(self)  # the facts, the library, the saved searches
        install_panel_cycling(self)  # F6 / Shift+F6 move the keyboard focus between panels
        install_focus_ring(QApplication.instance())  # where the keyboard focus is, visible on every control
        from .importing import install_importing  # File ▸ Import…, drops, the report, the Dublin Core form
        from .integrity.views import install_integrity  # Tools ▸ Verify, the quick check, File ▸ Export
        self.importer: ImportController = install_importing(self)
        self.integrity: IntegrityController = install_integrity(self)
        self._connect()
        self.set_titles()
        self._restore()

    def _connect(self) -> None:
        self.search.open_requested.connect(self.open_hit)
        self.search.help_requested.connect(lambda: self.show_help("query-syntax"))
        self.search.date_range_removed.connect(self.date_filter_cleared)
        self.search.hits_changed.connect(self.search_hits_changed)
        self.tabs.page_changed.connect(self._page_changed)
        self.tabs.hits_changed.connect(self.status.set_hits)
        self.tabs.status_message.connect(self.show_message)
        self.provenance.status_message.connect(self.show_message)
        self.provenance.similar.activated.connect(lambda hit: self.open_hit(hit, ""))  # opens like a result
        # a method, not a lambda: the runner is the application's and outlives this window
        self.runner.busy_changed.connect(self._busy_changed)
        self.index_service.progressed.connect(self.status.set_busy)
        self.index_service.ready.connect(self.set_index)
        self.index_service.failed.connect(self._index_failed)
        self.index_service.notice.connect(lambda text: self.show_message(text, 15000))
        self.index_service.contents_changed.connect(self.search_again)
        # a document ready to annotate, or an annotate request, before the annotations are built: build them
        # now (they take in the open tabs) and carry the request out
        self.tabs.page_annotatable.connect(lambda _page: self.ensure_panels("annotations"))
        self.tabs.annotate_requested.connect(self._annotate_before_built)

    # --- messages: the one path to the status bar -----------------------------------------------------
    def show_message(self, text: str, timeout: int = 8000) -> None:
        """Tell the user something that needs no answer (queued behind what is shown: window/status.py)."""
        self.status.say(text, timeout)

    # --- panels --------------------------------------------------------------------------------------
    @property
    def panels(self) -> dict[str, QDockWidget]:
        """Every panel's dock by name ("search", "provenance", "timeline", "gallery", "annotations", …)."""
        return self.docks.panels

    def add_panel(self, name: str, title: str, widget: QWidget, area: Area = Area.BottomDockWidgetArea, *,
                  shortcut: str | None = None, visible: bool = True, tabify: bool = True) -> QDockWidget:
        """Put ``widget`` in a dock the user can show, hide, move and tab; its place is remembered (see
        :meth:`Docks.add <ashraf_desktop.ui.window.docks.Docks.add>`)."""
        return self.docks.add(name, title, widget, area, shortcut=shortcut, visible=visible, tabify=tabify)

    def show_panel(self, name: str) -> QDockWidget | None:
        """Show a panel and bring it to the front of its tab stack."""
        return self.docks.show(name)

    def ensure_panels(self, upto: str | None = None) -> None:
        """Build the reserved panels not built yet (all, or up to ``upto``: timeline, gallery, annotations)."""
        self.docks.ensure(upto)

    @property
    def pending_panels(self) -> tuple[str, ...]:
        """The reserved panels not built yet, in build order."""
        return self.docks.pending

    @property
    def timeline_panel(self) -> TimelinePanel:
        """The timeline (built now if it was not yet)."""
        self.ensure_panels("timeline")
        assert self._timeline_panel is not None
        return self._timeline_panel

    @property
    def gallery_panel(self) -> GalleryPanel:
        """The photo gallery (built now if it was not yet)."""
        self.ensure_panels("gallery")
        assert self._gallery_panel is not None
        return self._gallery_panel

    @property
    def annotation_wiring(self) -> Wiring:
        """What connects the annotations to the tabs, the lightbox and the search (built now if not yet)."""
        self.ensure_panels("annotations")
        assert self._annotation_wiring is not None
        return self._annotation_wiring

    @property
    def annotations(self) -> AnnotationController:
        """The annotations' controller: the store, undo, export (built now if it was not yet)."""
        return self.annotation_wiring.controller

    @property
    def annotations_panel(self) -> AnnotationsPanel:
        return self.annotation_wiring.panel

    @property
    def team(self) -> TeamUi:
        """The team sync's window side (built with the annotations: ui/team)."""
        self.ensure_panels("annotations")
        assert self._team is not None
        return self._team

    def built_gallery(self) -> GalleryPanel | None:
        """The gallery if it is built (what needs no gallery yet does not build one)."""
        return self._gallery_panel

    def built_timeline(self) -> TimelinePanel | None:
        return self._timeline_panel

    def built_annotations(self) -> AnnotationController | None:
        return self._annotation_wiring.controller if self._annotation_wiring is not None else None

    def action(self, name: str) -> QAction:
        """A named action of the menus ("verify", "import_files", "undo", …: see window/menus.py)."""
        return self.menus.action(name)

    def _install_timeline(self) -> None:
        from .timeline import install_timeline
        self._timeline_panel = install_timeline(self, Area.BottomDockWidgetArea, links=self.links)

    def _install_concordance(self) -> None:
        from .concordance import install_concordance
        self._concordance = install_concordance(self, Area.BottomDockWidgetArea)

    @property
    def concordance(self) -> ConcordancePanel:
        """The concordance (built now if it was not yet)."""
        self.ensure_panels("concordance")
        assert self._concordance is not None
        return self._concordance

    def _install_gallery(self) -> None:
        """The photo gallery shares the bottom area with the timeline (as a tab) and follows the current
        search and the timeline's period, like the result list."""
        from .gallery import install_gallery
        self._gallery_panel = install_gallery(self, area=Area.BottomDockWidgetArea)
        self.links.attach_gallery(self._gallery_panel)

    def _install_annotations(self) -> None:
        """Highlights, notes and regions (ui/annotations): the Annotations panel tabbed with Provenance, Edit ▸
        Undo/Redo, File ▸ Export/Import/Restore annotations, counts in the search results."""
        from .annotations import install_annotations
        from .team import install_team
        self._annotation_wiring = install_annotations(self)
        self._team = install_team(self)  # the team sync (ui/team): a menu entry only, unless a server is configured

    def open_facts(self, fact_id: str = "") -> Page | None:
        """The facts view (at ``fact_id``, when given): window/views.py."""
        return self.views.open_facts(fact_id)

    def _annotate_before_built(self, page: Page, colour: str, note: bool) -> None:
        if "annotations" in self.pending_panels:
            self.annotation_wiring.annotate_page(page, colour, note)

    # --- opening things ------------------------------------------------------------------------------
    def open_hit(self, hit: Any, query: str) -> Page | None:
        """A search result was opened: its item at the query's matches, an event, or an annotation."""
        if hit.kind == "event":
            return self.open_event(hit.id)
        if hit.kind == "annotation":
            return self.open_annotation(getattr(hit, "annotation_id", None) or hit.id)
        if hit.kind == "fact":
            return self.open_facts(hit.id)
        return self.tabs.open_item(hit.item_id or hit.id, query)

    def open_item(self, item_id: str, query: str = "", quote: str = "") -> Page | None:
        return self.tabs.open_item(item_id, query, quote)

    def open_event(self, event_id: str) -> Page | None:
        page = self.tabs.open_event(event_id)
        if page is not None:  # a visible timeline follows the event opened (a hidden one stays hidden)
            self.links.show_on_timeline(event_id, bring_forward=False)
        return page

    def open_annotation(self, annotation: Any) -> Any:
        """Open an annotation (or its id) at its place: the document scrolled to it, a photo in the lightbox."""
        return self.annotation_wiring.open_annotation(annotation)

    def open_item_at_quote(self, item_id: str, quote: str) -> Page | None:
        """A citation was clicked: the document in the viewer, scrolled to the quote, the quote highlighted."""
        page = self.tabs.open_item(item_id, "", quote)
        if page is not None:
            self.tabs.setFocus(Qt.FocusReason.OtherFocusReason)
        return page

    def selected_item_ids(self) -> list[str]:
        """The items the user has chosen: the selected photos when the gallery has the focus, else the
        selected search results, else the gallery's selection, else the item of the current tab."""
        gallery = self._gallery_panel  # one not built yet has nothing selected
        focus = QApplication.focusWidget()
        from_gallery = gallery.selected_ids() if gallery is not None else []
        if from_gallery and focus is not None and gallery is not None and (
                focus is gallery or gallery.isAncestorOf(focus)):
            return from_gallery
        from_search = self.search.selected_item_ids()
        if from_search:
            return from_search
        if from_gallery:
            return from_gallery
        page = self.tabs.current_page()
        return [page.item.id] if page is not None and page.item is not None else []

    # --- the current page ----------------------------------------------------------------------------
    def _page_changed(self, page: Page | None) -> None:
        self.provenance.show_item(page.item if page is not None else None)

    def show_help(self, which: str) -> Any:
        """Help ▸ Query syntax ("query-syntax"), Keyboard shortcuts ("shortcuts") or About ("about")."""
        from .help import show_help  # its dialog classes are loaded when help is first asked for
        return show_help(self, which)

    def set_titles(self) -> None:
        c = self.archive.counts()
        title = self.archive.collection.title
        app = app_name()
        self.setWindowTitle(app if title.strip() == APP_NAME else f"{title} — {app}")
        problems = len(self.result.errors)
        extra = "" if not problems else fill(
            translate("MainWindow", " · %1 problem (run 'ashraf-desktop validate')") if problems == 1 else
            translate("MainWindow", " · %1 problems (run 'ashraf-desktop validate')"), problems)
        self.status.set_archive_summary(fill(translate("MainWindow", "%1: %2 documents, %3 images, %4 records, %5 "
                                                                     "events%6"),
                                             title, c["documents"], c["images"], c["records"], c["events"], extra))

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

    def set_index(self, index: Any, text_cache: Any = None) -> None:
        """The index is open: the tabs and search use it from now on. What was typed meanwhile is searched
        first; the panels not built yet are built when that search ends (see the module's start-up order)."""
        self.tabs.set_index(index, text_cache)
        self.search.set_index(index)
        self.provenance.similar.set_index(index)
        self.status.set_busy("")
        self.index_ready.emit(index)
        if self.search.searching():  # every search ends in hits_changed (none marked when it failed or gave way)
            self.search.hits_changed.connect(self._build_panels, Qt.ConnectionType.SingleShotConnection)
        else:
            self._build_panels()

    def _build_panels(self, *_hits: object) -> None:
        self.docks.build_all_later(self._after_panels)

    def _busy_changed(self, running: int, label: str) -> None:
        if not self.index_service.opening:  # the index's own progress owns the busy area until it is open
            self.status.task_busy(running, label)

    def search_again(self) -> None:
        """The index holds new or changed items: the current search shows them."""
        self.search.search_again()

    def _index_failed(self, message: str) -> None:
        self._build_panels()  # nothing will be searched: the panels need not wait
        self.status.set_unavailable(translate("MainWindow", "Search unavailable"))
        self.search.show_unavailable(message)

    # --- archive (window/reload.py) -----------------------------------------------------------------
    def choose_archive(self) -> None:
        self.reloader.choose()

    def open_archive(self, root: Path) -> None:
        self.reloader.open(root)

    def refresh_archive(self, changed: Iterable[str] = (), deleted: Iterable[str] = (), *,
                        then: Callable[[], None] | None = None) -> None:
        """Show what changed in the user's layer: reload the archive off the GUI thread, hand it to every
        panel, bring the search index up to date for the ``changed`` and ``deleted`` item ids; ``then`` runs
        once that is done."""
        self.reloader.refresh(changed, deleted, then=then)

    @property
    def refreshing(self) -> bool:
        """A reload of the archive is under way (tests wait for it)."""
        return self.reloader.running

    # --- drops go to the import ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.importer.accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self.importer.accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if self.importer.drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dropEvent(event)

    # --- theme, layout, start and close --------------------------------------------------------------
    def set_theme(self, theme: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme = look.apply_theme(app, theme)
        self.action(f"theme_{theme}").setChecked(True)
        self.settings.setValue("ui/theme", theme)
        self.search.refresh_theme()
        for page in self.tabs.pages():
            page.refresh_theme()
        if self._timeline_panel is not None:  # one built later takes the theme then
            self._timeline_panel.refresh_theme()

    def _restore(self) -> None:
        theme = str(self.settings.value("ui/theme", "light"))
        (self.menus.get(f"theme_{theme}") or self.action("theme_light")).setChecked(True)
        fit_to_screen(self, START_SIZE)
        if not self.docks.restore(self.settings):
            self.docks.arrange(self._front_panel)

    def reset_layout(self) -> None:
        """View ▸ Reset layout: the window fitted to the screen, every panel where a first start puts it."""
        if self.isMaximized() or self.isFullScreen():
            self.showNormal()
        fit_to_screen(self, START_SIZE)
        self.ensure_panels()
        self.docks.reset(self._front_panel)
        QTimer.singleShot(0, self, self.docks.hide_stray_tab_bars)
        self.show_message(translate("MainWindow", "The panels are back where they started."), 4000)

    def _front_panel(self, area: Area) -> str | None:
        """On a first start, the panel in front of each stack: the one with something to show."""
        if area == Area.BottomDockWidgetArea:
            if self.archive.events or not self.archive.items.count(ItemKind.IMAGE):
                return "timeline"
            return "gallery"
        if area == Area.RightDockWidgetArea:
            return "provenance"
        return "search"

    def save_settings(self) -> None:
        self.docks.save(self.settings)
        self.session.save()
        self.settings.sync()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._first_painted:
            self._first_painted = True
            self.first_painted.emit()
            # once this frame is on screen: the index (on a worker), and the later panels when it is ready
            QTimer.singleShot(0, self, self._start_index_once)
            if not self.index_service.enabled:  # a window without an index: the panels come next
                self._build_panels()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.docks.window_resized()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self, self.docks.raise_fronts)  # the stacks' tab bars exist now
            QTimer.singleShot(0, self, self.docks.hide_stray_tab_bars)
            # The index opens after the first paint and the panels built after it: its imports and reads on a
            # worker would compete with them for the interpreter lock, and every Qt call of the GUI thread
            # would wait for it. This timer only covers a window that is never painted.
            QTimer.singleShot(INDEX_START_DELAY_MS, self, self._start_index_once)
            self.integrity.schedule_quick_check()  # then the quick fixity check, in the background

    def _after_panels(self) -> None:
        self.menus.draw_icons_later()
        if self.search.last_hits is not None:  # the panels built since follow the current search
            self.search_hits_changed.emit(*self.search.last_hits)
        if not self._session_restored:
            self._session_restored = True
            self.session.restore()

    def _start_index_once(self) -> None:
        if not self._index_started and not self._closed:
            self._index_started = True
            self.start_index()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._closed = self.docks.closed = True  # what start-up still had to do is not started any more
        self.importer.shutdown()
        self.integrity.shutdown()
        self.save_settings()
        for page in self.tabs.pages():
            page.close_page()
        controller = self.built_annotations()
        if controller is not None:
            controller.close()
        self.index_service.shutdown()
        super().closeEvent(event)
