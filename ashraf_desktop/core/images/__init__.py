"""Images for the gallery and the lightbox, without Qt: safe opening, orientation, thumbnails, EXIF, cache.

Everything here takes a path (and what the archive knows about the file) and returns plain data: Pillow
images, bytes, dataclasses. A file that cannot be shown never raises anything but :class:`ImageProblem`,
whose message names the file and says why in plain words (cut short, not an image, too large to open
safely, empty...). The Qt layer (``ashraf_desktop.ui.gallery``) turns results into QImage/QPixmap.

Public surface:

- :func:`open_image` / :func:`probe` - open safely, read size, format, frames, pages, orientation;
- :func:`heif_available` / :func:`avif_available` - whether HEIC/HEIF and AVIF files can be decoded here
  (the packaged app has no AVIF codec: such a file gets :data:`AVIF_UNSUPPORTED` as its reason);
- :func:`make_thumbnail` - draft-mode / ``reduce`` decoding, EXIF orientation applied, fits a square box;
- :func:`load_display` - an oriented image fitting a box (screen resolution) or at full size;
- :func:`load_frames` - the frames and delays of an animated GIF/WebP/AVIF;
- :func:`exif_summary` - date taken, camera, lens, exposure, GPS as decimal coordinates;
- :class:`ThumbnailCache` / :class:`Thumbnailer` - the persistent, content-keyed thumbnail cache;
- :func:`release_decode_memory` - hand a large decode's freed buffers back to the system (glibc);
- :class:`Rotations` - the quarter turns the user gave photos by hand (user data; the files never change).
"""

from ._exif import ExifSummary, exif_summary
from ._memory import release_decode_memory
from ._cache import CachedThumbnail, ThumbnailCache, Thumbnailer
from ._open import (AVIF_UNSUPPORTED, IMAGE_SUFFIXES, ImageInfo, ImageProblem, ProblemKind, avif_available,
                    heif_available, open_image, probe, safe_pixel_limit)
from ._render import Frame, apply_orientation, load_display, load_frames, make_thumbnail
from ._rotation import ROTATIONS_FILE, Rotations, turn_fraction_rect

__all__ = [
    "IMAGE_SUFFIXES", "ImageInfo", "ImageProblem", "ProblemKind", "heif_available", "avif_available",
    "AVIF_UNSUPPORTED", "open_image", "probe",
    "safe_pixel_limit", "apply_orientation", "make_thumbnail", "load_display", "load_frames", "Frame",
    "ExifSummary", "exif_summary", "ThumbnailCache", "Thumbnailer", "CachedThumbnail", "release_decode_memory",
    "Rotations", "ROTATIONS_FILE", "turn_fraction_rect",
]
