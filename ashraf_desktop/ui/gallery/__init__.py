"""The photo gallery: a thumbnail grid over the archive's image items, a problems list, and a lightbox.

Self-contained: ``install_gallery(main_window)`` builds a :class:`GalleryPanel` for the window's archive and
hands it to ``main_window.add_panel``. The pictures themselves are read by the Qt-free
:mod:`ashraf_desktop.core.images`.
"""

from .lightbox import ImageCanvas, Lightbox
from .loader import ThumbnailLoader
from .model import GalleryModel, ItemRoles
from .panel import EMPTY_ARCHIVE_TEXT, GalleryPanel, GalleryView, install_gallery

__all__ = ["GalleryPanel", "GalleryView", "GalleryModel", "ItemRoles", "Lightbox", "ImageCanvas",
           "ThumbnailLoader", "install_gallery", "EMPTY_ARCHIVE_TEXT"]
