"""A short, safe EXIF summary: date taken, camera, lens, exposure, GPS as decimal coordinates.

Real files carry every kind of broken EXIF (zero denominators, wrong types, offsets past the end, empty
GPS blocks): each field is read on its own, and a field that cannot be read is left out, never raised.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

__all__ = ["ExifSummary", "exif_summary"]

_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_MAKE, _MODEL, _SOFTWARE, _DATETIME = 0x010F, 0x0110, 0x0131, 0x0132
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED, _OFFSET_ORIGINAL = 0x9003, 0x9004, 0x9011
_EXPOSURE, _FNUMBER, _ISO, _FOCAL, _FOCAL35 = 0x829A, 0x829D, 0x8827, 0x920A, 0xA405
_LENS_MAKE, _LENS_MODEL = 0xA433, 0xA434
_MAX_TEXT = 120
_DATE = re.compile(r"^\s*(\d{4})[:\-](\d{2})[:\-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?")


@dataclass(frozen=True)
class ExifSummary:
    date_taken: str = ""  # "2013-09-11 16:45:13" (the camera's clock, as recorded)
    camera: str = ""
    lens: str = ""
    exposure: str = ""  # "1/250 s · f/5.6 · ISO 200 · 50 mm"
    latitude: float | None = None
    longitude: float | None = None
    altitude: float | None = None  # metres above sea level
    software: str = ""
    damaged: bool = False  # some EXIF could not be read

    @property
    def has_gps(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def gps_text(self) -> str:
        if not self.has_gps:
            return ""
        lat, lon = self.latitude, self.longitude
        text = f"{lat:.6f}, {lon:.6f} ({_dms(lat, 'N', 'S')}, {_dms(lon, 'E', 'W')})"
        if self.altitude is not None:
            text += f", {self.altitude:.0f} m"
        return text

    @property
    def empty(self) -> bool:
        return not (self.date_taken or self.camera or self.lens or self.exposure or self.has_gps
                    or self.software)

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs for display, in a fixed order, leaving out what is unknown."""
        rows = [("Date taken", self.date_taken), ("Camera", self.camera), ("Lens", self.lens),
                ("Exposure", self.exposure), ("GPS", self.gps_text), ("Software", self.software)]
        out = [(label, value) for label, value in rows if value]
        if self.damaged:
            out.append(("Note", "part of the EXIF metadata is damaged and was skipped"))
        return out


def _dms(value: float, positive: str, negative: str) -> str:
    hemisphere = positive if value >= 0 else negative
    value = abs(value)
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = (minutes_full - minutes) * 60
    return f"{degrees}°{minutes:02d}′{seconds:04.1f}″ {hemisphere}"


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace") if not value.isascii() else value.decode("ascii")
    if not isinstance(value, str):
        return ""
    value = value.replace("\x00", " ").strip()
    value = "".join(ch for ch in value if ch.isprintable())
    return value[:_MAX_TEXT].strip()


def _number(value: object) -> float | None:
    if isinstance(value, (tuple, list)):
        if not value:
            return None
        value = value[0]
    try:
        number = float(value)  # IFDRational, int, float
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _date(value: object) -> str:
    match = _DATE.match(_text(value))
    if not match:
        return ""
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    if year == 0 or not 1 <= month <= 12 or not 1 <= day <= 31:
        return ""
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if match.group(4):
        text += f" {match.group(4)}:{match.group(5)}:{match.group(6) or '00'}"
    return text


def _camera(make: str, model: str) -> str:
    if not make:
        return model
    if not model:
        return make
    first = make.split()[0].lower()
    return model if model.lower().startswith(first) else f"{make} {model}"


def _exposure(exif_ifd: dict) -> str:
    parts = []
    t = _number(exif_ifd.get(_EXPOSURE))
    if t and 0 < t <= 3600:  # longer is a broken field (0xFFFFFFFF seconds), not a photograph
        if t < 1:
            parts.append(f"1/{round(1 / t)} s")
        else:
            parts.append(f"{t:g} s")
    f = _number(exif_ifd.get(_FNUMBER))
    if f and f > 0:
        parts.append(f"f/{f:.1f}".removesuffix(".0"))
    iso = _number(exif_ifd.get(_ISO))
    if iso and iso > 0:
        parts.append(f"ISO {iso:.0f}")
    focal = _number(exif_ifd.get(_FOCAL))
    if focal and focal > 0:
        focal35 = _number(exif_ifd.get(_FOCAL35))
        text = f"{focal:.1f}".removesuffix(".0") + " mm"
        if focal35 and focal35 > 0 and abs(focal35 - focal) > 0.5:
            text += f" ({focal35:.0f} mm in 35 mm terms)"
        parts.append(text)
    return " · ".join(parts)


def _coordinate(value: object, ref: object, positive: str, negative: str, limit: float) -> float | None:
    if not isinstance(value, (tuple, list)) or not value:
        return None
    parts = [_number(v) for v in value[:3]]
    if any(p is None for p in parts):
        return None
    while len(parts) < 3:
        parts.append(0.0)
    degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
    reference = _text(ref).upper()[:1]
    if reference == negative:
        degrees = -degrees
    elif reference not in ("", positive):
        return None
    return degrees if -limit <= degrees <= limit else None


def _gps(gps: dict) -> tuple[float | None, float | None, float | None]:
    lat = _coordinate(gps.get(2), gps.get(1), "N", "S", 90.0)
    lon = _coordinate(gps.get(4), gps.get(3), "E", "W", 180.0)
    if lat is None or lon is None or (lat == 0.0 and lon == 0.0):  # 0,0 is an unset GPS, not the Atlantic
        return None, None, None
    altitude = _number(gps.get(6))
    ref = gps.get(5)
    if altitude is not None:
        below = ref in (1, b"\x01") or _number(ref) == 1
        altitude = -altitude if below else altitude
        if not -20_000 <= altitude <= 100_000:
            altitude = None
    return round(lat, 7), round(lon, 7), altitude


def exif_summary(source: Path | str | Image.Image) -> ExifSummary:
    """Summarise the EXIF of an open Pillow image or a file; never raises for broken metadata.

    A file that cannot be opened at all raises :class:`ImageProblem` (see :func:`open_image`).
    """
    if not isinstance(source, Image.Image):
        from ._open import open_image
        with open_image(source, need_frames=False) as opened:
            return exif_summary(opened.image)
    damaged = False
    try:
        exif = source.getexif()
    except Exception:  # noqa: BLE001
        return ExifSummary(damaged=True)

    def ifd(tag: int) -> dict:
        nonlocal damaged
        try:
            return dict(exif.get_ifd(tag))
        except Exception:  # noqa: BLE001 - an offset past the end, a loop, a wrong type
            damaged = True
            return {}

    def field(table, tag: int):
        nonlocal damaged
        try:
            return table.get(tag)
        except Exception:  # noqa: BLE001
            damaged = True
            return None

    exif_ifd = ifd(_EXIF_IFD)
    gps_ifd = ifd(_GPS_IFD)
    date = (_date(exif_ifd.get(_DATETIME_ORIGINAL)) or _date(exif_ifd.get(_DATETIME_DIGITIZED))
            or _date(field(exif, _DATETIME)))
    offset = _text(exif_ifd.get(_OFFSET_ORIGINAL))
    if date and re.fullmatch(r"[+-]\d{2}:\d{2}", offset):
        date += f" {offset}"
    camera = _camera(_text(field(exif, _MAKE)), _text(field(exif, _MODEL)))
    lens_make, lens_model = _text(exif_ifd.get(_LENS_MAKE)), _text(exif_ifd.get(_LENS_MODEL))
    lens = lens_model if (not lens_make or lens_model.lower().startswith(lens_make.split()[0].lower())) \
        else f"{lens_make} {lens_model}".strip()
    try:
        exposure = _exposure(exif_ifd)
    except Exception:  # noqa: BLE001
        exposure, damaged = "", True
    try:
        lat, lon, alt = _gps(gps_ifd)
    except Exception:  # noqa: BLE001
        lat = lon = alt = None
        damaged = True
    return ExifSummary(date_taken=date, camera=camera, lens=lens.strip(), exposure=exposure, latitude=lat,
                       longitude=lon, altitude=alt, software=_text(field(exif, _SOFTWARE)), damaged=damaged)

