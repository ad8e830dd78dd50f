"""Bundled fonts, icons and the light/dark themes, all read from ``resources/`` (never the network).

Icons are Lucide SVGs drawn with ``stroke="currentColor"``; :func:`icon` substitutes one neutral colour and
renders each at the usual sizes for 1x and 2x screens, so they stay crisp on high-DPI displays.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ..paths import resources_dir

__all__ = ["icon", "load_fonts", "apply_theme", "app_icon", "PERSIAN_FAMILY", "THEMES", "current_theme",
           "highlight_colors"]

log = logging.getLogger(__name__)

PERSIAN_FAMILY = "Vazirmatn"
THEMES = ("light", "dark")
_theme = "light"


def _icon_dir() -> Path:
    return resources_dir() / "icons" / "lucide"


@lru_cache(maxsize=None)
def _svg_text(name: str) -> str:
    path = _icon_dir() / f"{name}.svg"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("icon %s missing from %s", name, path.parent)
        return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="4" y="4" width="16" '
                'height="16" fill="none" stroke="currentColor" stroke-width="2"/></svg>')


#: One stroke colour readable on both the light and the dark window colours (contrast > 3:1 on each), so
#: icons made before a theme switch still fit after it.
ICON_COLOR = "#6b7380"
ICON_SIZES = (16, 20, 24, 32, 48)


def _svg_renderer(name: str, color: str) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(_svg_text(name).replace("currentColor", color).encode("utf-8")))


def _render_svg(renderer: QSvgRenderer, size: int, scale: float) -> QPixmap:
    px = int(round(size * scale))
    image = QImage(px, px, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, px, px))
    painter.end()
    pm = QPixmap.fromImage(image)
    pm.setDevicePixelRatio(scale)
    return pm


_icons: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """A themed icon from resources/icons/lucide/<name>.svg, rendered at the common sizes for 1x and 2x
    screens (pixmaps, not a Python QIconEngine: an engine owned by C++ but written in Python is fragile)."""
    cached = _icons.get(name)
    if cached is not None:
        return cached
    result = QIcon()
    for mode, color in ((QIcon.Mode.Normal, ICON_COLOR), (QIcon.Mode.Disabled, "#b0b4ba")):
        renderer = _svg_renderer(name, color)  # parsed once, drawn at every size
        for size in ICON_SIZES:
            for scale in (1.0, 2.0):
                result.addPixmap(_render_svg(renderer, size, scale), mode)
    _icons[name] = result
    return result


def app_icon() -> QIcon:
    result = QIcon()
    for name in ("ashraf-archive.svg", "ashraf-archive-256.png"):
        path = resources_dir() / "icons" / name
        if path.is_file():
            result.addFile(str(path))
    return result


def load_fonts() -> list[str]:
    """Register the bundled TTFs so Persian/Arabic text looks the same on every machine."""
    families: list[str] = []
    folder = resources_dir() / "fonts"
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font %s could not be loaded", path.name)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if PERSIAN_FAMILY in families:
        # Make Vazirmatn the fallback for Arabic-script text whatever the UI font is.
        for family in {QFont().family(), "Sans Serif", "DejaVu Sans", "Noto Sans"}:
            subs = QFont.substitutes(family)
            if PERSIAN_FAMILY not in subs:
                QFont.insertSubstitution(family, PERSIAN_FAMILY)
    return sorted(set(families))


def _palette(theme: str) -> QPalette:
    p = QPalette()
    if theme == "dark":
        colors = {
            QPalette.ColorRole.Window: "#1f2226", QPalette.ColorRole.WindowText: "#e6e6e6",
            QPalette.ColorRole.Base: "#16181b", QPalette.ColorRole.AlternateBase: "#24272c",
            QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#2a2e33",
            QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d6fb4",
            QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#2a2e33",
            QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.Link: "#8ab4f8",
            QPalette.ColorRole.LinkVisited: "#c58af9", QPalette.ColorRole.PlaceholderText: "#8a8f98",
            QPalette.ColorRole.Mid: "#3a3f45", QPalette.ColorRole.Dark: "#101214",
            QPalette.ColorRole.Light: "#3a3f45", QPalette.ColorRole.Midlight: "#30343a",
            QPalette.ColorRole.Shadow: "#000000", QPalette.ColorRole.BrightText: "#ff6b6b",
        }
        disabled = "#7b8088"
    else:
        colors = {
            QPalette.ColorRole.Window: "#f3f3f1", QPalette.ColorRole.WindowText: "#1d1d1f",
            QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f6f6f4",
            QPalette.ColorRole.Text: "#1d1d1f", QPalette.ColorRole.Button: "#ebebe8",
            QPalette.ColorRole.ButtonText: "#1d1d1f", QPalette.ColorRole.Highlight: "#2f62a8",
            QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#ffffe6",
            QPalette.ColorRole.ToolTipText: "#1d1d1f", QPalette.ColorRole.Link: "#1a56b0",
            QPalette.ColorRole.LinkVisited: "#6b3fa0", QPalette.ColorRole.PlaceholderText: "#7a7a7a",
            QPalette.ColorRole.Mid: "#c8c8c4", QPalette.ColorRole.Dark: "#9a9a96",
            QPalette.ColorRole.Light: "#ffffff", QPalette.ColorRole.Midlight: "#e2e2de",
            QPalette.ColorRole.Shadow: "#5a5a5a", QPalette.ColorRole.BrightText: "#c0392b",
        }
        disabled = "#9a9a9a"
    for role, value in colors.items():
        p.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return p


def highlight_colors() -> tuple[QColor, QColor, QColor]:
    """(hit background, current hit background, hit text) readable in the current theme."""
    if _theme == "dark":
        return QColor("#6b5a12"), QColor("#c77d00"), QColor("#ffffff")
    return QColor("#ffe98a"), QColor("#ffa640"), QColor("#000000")


def current_theme() -> str:
    return _theme


def apply_theme(app: QGuiApplication, theme: str) -> str:
    """Set the palette and the small stylesheet of ``theme`` ("light" or "dark"); returns the theme used."""
    global _theme
    theme = theme if theme in THEMES else "light"
    _theme = theme
    app.setStyle("Fusion")  # the same look everywhere, and one that honours our palette
    app.setPalette(_palette(theme))
    qss = resources_dir() / "styles" / f"{theme}.qss"
    try:
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    except OSError:
        app.setStyleSheet("")
    return theme
