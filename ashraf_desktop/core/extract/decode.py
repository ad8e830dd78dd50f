"""Bytes to text: which character encoding a text or HTML file is in, decided the way browsers and editors do.

Order of evidence, strongest first: a byte-order mark; the bytes being valid UTF-8 (legacy encodings almost
never produce valid UTF-8 by accident, and pure ASCII is UTF-8); the charset the file or caller declares, if
the bytes decode with it (declarations lie: pages say UTF-8 and are windows-1256); finally charset-normalizer's
detection. We never guess on our own: when charset-normalizer finds several encodings equally likely (common
for short texts) we only break the tie by preferring the more widespread encoding (windows-1252 before
windows-1250, ISO-8859-2 before windows-1250, ...), see :data:`_PREFERENCE`.

Line ends are normalised to ``"\\n"`` (CRLF and lone CR both), because the viewer's text widgets count a line
break as one character; without this, hit offsets would drift by one per line in Windows files.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

__all__ = ["Decoded", "NotTextError", "decode_bytes", "normalise_newlines", "encoding_label"]

_BOMS = (  # UTF-32 LE before UTF-16 LE: its BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Python codec names, most widespread first (roughly W3Techs' encoding usage; ISO-8859-x before the windows
# code page that shares its letters, because a tie means no byte in 0x80-0x9F, where windows pages differ).
_PREFERENCE = (
    "utf_8", "cp1252", "latin_1", "iso8859_15", "iso8859_2", "cp1250", "cp1256", "iso8859_6", "cp1251", "koi8_r",
    "iso8859_5", "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1255", "iso8859_8", "cp1257", "iso8859_13",
    "gb18030", "gbk", "gb2312", "big5", "cp932", "shift_jis", "euc_jp", "cp949", "euc_kr", "cp874", "tis_620",
    "cp1258", "iso8859_4", "iso8859_16", "utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be",
)
_RANK = {name: rank for rank, name in enumerate(_PREFERENCE)}
# WHATWG: these labels mean the windows superset; utf-16/32 in a <meta> of an ASCII-compatible file means nothing.
_DECLARED_ALIASES = {
    "iso8859_1": "cp1252", "latin_1": "cp1252", "ascii": "cp1252", "iso8859_9": "cp1254", "tis_620": "cp874",
    "iso8859_11": "cp874", "gb2312": "gb18030", "gbk": "gb18030", "euc_kr": "cp949",
}
_CHAOS_TIE = 0.01
_COHERENCE_TIE = 0.02
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # C0 controls no text file has (ESC 0x1b allowed)


class NotTextError(ValueError):
    """The bytes are not text in any encoding we can recognise (binary data, or garbage)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # user-facing label: "utf-8", "windows-1256", "iso-8859-2", "utf-16-le"
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a whole text or HTML file; newlines normalised, BOM removed. Raises NotTextError for binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return _checked(body.decode(codec), codec)
            except UnicodeDecodeError:
                text = body.decode(codec, errors="replace")
                return _checked(text, codec, (f"some bytes are not valid {encoding_label(codec)} "
                                              "and are shown as \ufffd",))
    if not data:
        return Decoded("", "utf-8")
    try:
        return _checked(data.decode("utf-8"), "utf_8")
    except UnicodeDecodeError:
        pass
    declared_codec = _declared_codec(declared)
    if declared_codec:
        try:
            return _checked(data.decode(declared_codec), declared_codec)
        except (UnicodeDecodeError, NotTextError):
            pass  # the declaration lies; detect instead
    return _detect(data)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def encoding_label(codec: str) -> str:
    """A Python codec name as people write it: cp1256 -> windows-1256, iso8859_2 -> iso-8859-2."""
    name = codecs.lookup(codec).name
    if re.fullmatch(r"cp125\d", name):
        return "windows-" + name[2:]
    return {"latin-1": "iso-8859-1", "iso8859-1": "iso-8859-1", "cp932": "shift_jis (windows-31j)",
            "cp949": "euc-kr (windows-949)"}.get(name, name.replace("iso8859-", "iso-8859-").replace("_", "-"))


def _declared_codec(declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip().lower()).name.replace("-", "_")
    except LookupError:
        return None
    name = _DECLARED_ALIASES.get(name, name)
    if name.startswith(("utf_16", "utf_32", "utf_8")):
        return None  # no BOM and not valid UTF-8: the declaration cannot be right
    return name


def _detect(data: bytes) -> Decoded:
    """charset-normalizer's verdict, ties broken by :data:`_PREFERENCE` (see the module docstring)."""
    matches = list(from_bytes(data))
    if not matches:
        raise NotTextError("no character encoding fits its bytes")
    best_chaos = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos <= best_chaos + _CHAOS_TIE]
    best_coherence = max(match.coherence for match in tied)
    tied = [match for match in tied if match.coherence >= best_coherence - _COHERENCE_TIE]
    candidates = []  # (rank, order, codec): every codec that decodes exactly like one of the tied matches
    for order, match in enumerate(tied):
        for codec in match.could_be_from_charset or [match.encoding]:
            candidates.append((_RANK.get(codec, len(_RANK)), order, codec))
    codec = min(candidates)[2]
    try:
        return _checked(data.decode(codec), codec)
    except UnicodeDecodeError:  # charset-normalizer samples the file; a later part may not fit the encoding
        return _checked(data.decode(codec, errors="replace"), codec, (
            f"some bytes are not valid {encoding_label(codec)} and are shown as \ufffd",))


def _checked(text: str, codec: str, warnings: tuple[str, ...] = ()) -> Decoded:
    """Reject decodings that are really binary data: NUL bytes or many control characters."""
    if "\x00" in text:
        raise NotTextError("it contains NUL bytes, which text files do not")
    sample = text[:100_000]
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 200):
        raise NotTextError(f"it contains {controls} control characters in its first {len(sample):,} characters")
    if sample and _unassigned_share(sample) > 0.05:
        raise NotTextError("many of its characters are unassigned in Unicode")
    return Decoded(normalise_newlines(text), encoding_label(codec), warnings)


def _unassigned_share(sample: str) -> float:
    bad = sum(1 for char in sample if unicodedata.category(char) in ("Cn", "Co", "Cs"))
    return bad / len(sample)
