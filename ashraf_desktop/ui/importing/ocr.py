"""Reading scanned pages (OCR) from the window: the import's choice and languages, and reading items later.

File ▸ Read text in scanned pages (checkable) is the choice every import from the window takes, with File ▸
OCR languages ▸ English / Persian / Arabic (several at once); both are remembered, and the languages start as
the archive's own. Edit ▸ Read scanned pages… (and the results' context menu) reads imported items already
in the archive, in the background with progress and Cancel (``core.ocr.read_item``); the window then shows
the text (search, viewer) as it does for new items. Where Tesseract is missing the actions say so once.
"""

from __future__ import annotations


from typing import TYPE_CHECKING, Any, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..jobs import Job, start_job
from ..i18n import fill, format_number, translate

if TYPE_CHECKING:
    from .controller import ImportController

__all__ = ["OcrChoice", "install_ocr"]

_LANGUAGES = (("eng", QT_TRANSLATE_NOOP("OcrChoice", "English")),
              ("fas", QT_TRANSLATE_NOOP("OcrChoice", "Persian (فارسی)")),
              ("ara", QT_TRANSLATE_NOOP("OcrChoice", "Arabic (العربية)")))  # translated where shown
_KEY_ON, _KEY_LANGS = "import/ocr", "import/ocr_languages"


class OcrChoice(QObject):
    """The window's OCR choice for imports, its menu entries, and "Read scanned pages…"."""

    def __init__(self, controller: "ImportController") -> None:
        super().__init__(controller)
        self.controller = controller
        self.window = controller.window
        self.job: Job | None = None
        settings = getattr(self.window, "settings", None)
        self._settings = settings
        archive_langs = tuple(getattr(self.window.archive.collection, "language", ()) or ())
        from ...core.ocr import languages_for
        default = languages_for(list(archive_langs))
        stored = settings.value(_KEY_LANGS) if settings is not None else None
        chosen = [s for s in str(stored).split("+") if s] if stored else default
        on = settings is not None and str(settings.value(_KEY_ON, "false")).lower() == "true"
        self.toggle = QAction(translate("OcrChoice", "Read text in scanned pages (OCR)"), self, checkable=True,
                              checked=on)
        self.toggle.setObjectName("ocrOnImport")
        self.toggle.setToolTip(translate("OcrChoice",
                                         "Imports read the words of scanned PDF pages and photos of documents with "
                                         "Tesseract "
                               "(machine-read text, kept beside the file; slower)"))
        self.toggle.toggled.connect(self._save)
        self.language_actions: dict[str, QAction] = {}
        for code, name in _LANGUAGES:
            action = QAction(translate("OcrChoice", name), self, checkable=True, checked=code in chosen)
            action.toggled.connect(self._save)
            self.language_actions[code] = action
        self.read_action = QAction(translate("OcrChoice", "Read scanned pages…"), self)
        self.read_action.setObjectName("ocrReadItems")
        self.read_action.setToolTip(translate("OcrChoice",
                                              "Read the words of the selected imported items' scanned pages (OCR)"))
        self.read_action.triggered.connect(lambda: self.read_items())

    # --- the choice ------------------------------------------------------------------------------------
    def languages(self) -> list[str]:
        chosen = [code for code, action in self.language_actions.items() if action.isChecked()]
        return chosen or ["eng"]

    def for_import(self) -> list[str] | None:
        """The languages an import from the window reads scanned pages with, or None (OCR off)."""
        return self.languages() if self.toggle.isChecked() else None

    def _save(self, *_args: Any) -> None:
        if self._settings is not None:
            self._settings.setValue(_KEY_ON, "true" if self.toggle.isChecked() else "false")
            self._settings.setValue(_KEY_LANGS, "+".join(self.languages()))

    # --- reading items later ---------------------------------------------------------------------------
    def read_items(self, item_ids: Iterable[str] | None = None) -> bool:
        """Read the scanned pages of imported items (default: the selection, or the open item)."""
        window = self.window
        ids = list(item_ids) if item_ids is not None else window.selected_item_ids()
        archive = window.archive
        items = [item for i in ids if (item := archive.item(i)) is not None and item.file is not None]
        if not items:
            window.show_message(translate("OcrChoice",
                                          "Select one or more imported PDFs or photos first (in the results or the "
                                "gallery), or open one."), 8000)
            return False
        readable = [i for i in items if archive.layer_of(i) is not None]
        if not readable:
            window.show_message(translate("OcrChoice",
                                          "Only imported items can be read: the archive's own items are "
                                          "read-only."), 8000)
            return False
        if self.job is not None or self.controller.job is not None:
            window.show_message(translate("OcrChoice",
                                          "An import or a reading is already running: wait for it, or cancel "
                                          "it."), 8000)
            return False
        languages = self.languages()

        def work(job: Job) -> list[tuple[str, str]]:  # a pool thread: core calls only
            from ...core.ocr import EngineMissing, NotReadable, OcrCancelled, OcrFailed, find_engine, read_item
            try:
                engine = find_engine()
            except EngineMissing as missing:
                return [("", missing.reason)]
            results: list[tuple[str, str]] = []
            for number, item in enumerate(readable):
                if job.cancelled():
                    break
                job.progress(number, len(readable), item.title)
                try:
                    layer = read_item(archive, item, languages, engine=engine, cancelled=job.cancelled,
                                      progress=lambda d, t, label: job.progress(number, len(readable), label))
                except OcrCancelled:
                    break
                except (NotReadable, OcrFailed) as problem:
                    results.append((item.id, f"{item.title}: {problem.reason}"))
                    continue
                except OSError as exc:
                    results.append((item.id, fill(translate("OcrChoice", "%1: its text could not be kept (%2)"),
                                                  item.title, exc.strerror or exc)))
                    continue
                if layer is None:
                    results.append((item.id, fill(translate("OcrChoice", "%1: every page has its own text; nothing to "
                                                                         "read"), item.title)))
                else:
                    job.added.emit(item.id)
                    words = sum(len(p.words) for p in layer.pages)
                    results.append((item.id, fill(translate("OcrChoice", "%1: %2 words read (machine-read text)"),
                                                  item.title, format_number(words))))
            job.progress(len(readable), len(readable), "")
            return results

        self.job = start_job(window, translate("OcrChoice", "Reading scanned pages"), work, self._done, self._failed)
        window.show_message(fill(translate("OcrChoice",
                                           "Reading the scanned pages of %1 item (%2)…") if len(readable) == 1
                                 else translate("OcrChoice",
                                                "Reading the scanned pages of %1 items "
                                                "(%2)…"), len(readable), '+'.join(languages)), 4000)
        return True

    def _done(self, results: list[tuple[str, str]]) -> None:
        self.job = None
        ids = [item_id for item_id, _message in results if item_id]
        text = "; ".join(message for _id, message in results) or translate("OcrChoice", "Reading stopped.")
        self.window.refresh_archive(ids, then=lambda: self.window.show_message(text, 15000))

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.window.show_message(fill(translate("OcrChoice", "Reading the scanned pages stopped: %1"), error), 15000)


def install_ocr(window: Any, controller: "ImportController") -> OcrChoice:
    """File ▸ Read text in scanned pages, File ▸ OCR languages ▸, Edit ▸ Read scanned pages…"""
    choice = OcrChoice(controller)
    controller.ocr = choice
    m = window.menus
    m.register("ocr_on_import", choice.toggle, menu="file", section="import")
    menu = QMenu(translate("importing.ocr", "OCR &languages"), window)
    menu.setObjectName("ocrLanguagesMenu")
    for action in choice.language_actions.values():
        menu.addAction(action)
    m.add_menu(menu, menu="file", section="import")
    m.register("read_scanned", choice.read_action, menu="edit", section="metadata")
    return choice

