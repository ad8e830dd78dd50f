"""Help ▸ Query syntax, Keyboard shortcuts and About: bundled text only, read at run time.

The query syntax is docs/search.md (written with the search engine) and the shortcuts are docs/gui.md,
both found through :func:`ashraf_desktop.paths.data_root` like the archive and resources, so source,
installed and frozen runs show the same text. A missing file gives a short built-in text, never an error.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from .. import APP_NAME, __version__
from ..paths import data_root, resources_dir
from .viewer.browser import SafeTextBrowser
from .fit import fit_to_screen
from .i18n import app_name, fill, is_persian, translate

__all__ = ["help_text", "show_help", "about_html", "versions"]

_FALLBACK = {
    "search.md": ("# Query syntax\n\nType words to find items containing them. Put a phrase in "
                  '"double quotes". `OR` finds either word; a leading `-` leaves a word out.\n\n'
                  "(The full description, docs/search.md, was not found in this installation.)"),
    "gui.md": ("# Keyboard shortcuts\n\n- Ctrl+K / Ctrl+L: search box\n- Down: into the results; Enter: open\n"
               "- F3 / Shift+F3: next / previous match\n- Ctrl+F: find in document\n- Ctrl+Plus / Ctrl+Minus / "
               "Ctrl+0: zoom\n- Alt+Left / Alt+Right: back / forward\n- Ctrl+W: close tab\n\n"
               "(docs/gui.md was not found in this installation.)"),
}


def help_text(name: str) -> str:
    """The Markdown text of docs/<name> — in Persian, docs/<stem>.fa.md when there is one — or a short
    fallback when it is not installed."""
    names = ([f"{Path(name).stem}.fa.md"] if is_persian() else []) + [name]
    for candidate in names:
        try:
            return (data_root() / "docs" / candidate).read_text(encoding="utf-8")
        except OSError:
            continue
    return _FALLBACK.get(name, f"{name} is not installed.")


def _version(dist: str) -> str:
    from importlib import metadata  # for the About box only: slow to import, so not at start-up
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions() -> dict[str, str]:
    import platform

    import PySide6
    return {
        APP_NAME: __version__,
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "Whoosh": _version("whoosh-reloaded") if _version("whoosh-reloaded") != "not installed" else _version("whoosh"),
        "Pillow": _version("pillow"),
        "edtf": _version("edtf"),
        "pypdfium2": _version("pypdfium2"),
        "markdown-it-py": _version("markdown-it-py"),
    }


def about_html() -> str:
    import platform
    rows = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in versions().items())
    return (
        f"<h2>{app_name()} {__version__}</h2><p>"
        + translate("help", "An offline browser for the documented history of Camp Ashraf. The archive's texts are "
                            "kept exactly as published; each item's provenance says who wrote it and from what "
                            "point of view.")
        + f"</p><table>{rows}</table><p>"
        + fill(translate("help", "Running on %1 %2, Python at %3"), platform.system(), platform.release(),
               sys.executable)
        + "</p><h3>" + translate("help", "Licences") + "</h3><ul>"
        "<li>Ashraf Archive: GPL-3.0-or-later</li>"
        "<li>Qt 6 and Qt for Python (PySide6): LGPL-3.0</li>"
        "<li>Whoosh (whoosh-reloaded): BSD-2-Clause</li>"
        "<li>Pillow: MIT-CMU (HPND)</li>"
        "<li>pypdfium2 and PDFium: Apache-2.0 / BSD-3-Clause</li>"
        "<li>Vazirmatn font: SIL Open Font License 1.1 (resources/fonts/OFL.txt)</li>"
        "<li>Lucide icons: ISC (resources/icons/lucide/LICENSE)</li>"
        "<li>markdown-it-py: MIT; edtf: MIT; platformdirs: MIT; charset-normalizer: MIT; "
        "Beautiful Soup: MIT</li></ul>"
        + "<p>" + fill(translate("help", "Resources: %1"), str(resources_dir())) + "</p>")


class HelpDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None, *, markdown: str = "", html: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("helpDialog")
        self.browser = SafeTextBrowser(Path(data_root()), self)
        self.browser.setAccessibleName(title)
        if markdown:
            self.browser.setMarkdown(markdown)
        else:
            self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, (720, 620))


def show_help(parent: QWidget, which: str) -> HelpDialog:
    """Open (non-modal) the help named ``which``: "query-syntax", "shortcuts" or "about"."""
    if which == "query-syntax":
        dlg = HelpDialog(translate("help", "Query syntax"), parent, markdown=help_text("search.md"))
    elif which == "shortcuts":
        dlg = HelpDialog(translate("help", "Keyboard shortcuts and panels"), parent, markdown=help_text("gui.md"))
    else:
        dlg = HelpDialog(fill(translate("help", "About %1"), app_name()), parent, html=about_html())
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dlg.show()
    return dlg

