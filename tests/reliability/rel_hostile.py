"""Hostile files made on the fly: HTML that tries to run code and fetch things, image bombs, zip bombs in a
DOCX and an ODT, an XML entity bomb, a "zip slip" package, files named as what they are not, odd names, and
a small archive holding them for the GUI runs. Nothing here is downloaded or read from ../shared
except an optional real PDF to put in the archive.
"""

from __future__ import annotations

import base64
import hashlib
import io
import struct
import zipfile
import zlib
from pathlib import Path

REMOTE_URLS = ("https://example.org/track.css", "http://192.0.2.1/pixel.gif", "https://example.com/remote.png",
               "https://example.com/evil.js", "https://example.com/frame")


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_header_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A valid-looking PNG declaring ``width`` x ``height`` pixels with a few bytes of image data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", zlib.compress(b"\0" * 4096))
            + _png_chunk(b"IEND", b""))


def png_zlib_bomb(side: int = 12_000) -> bytes:
    """A complete PNG of ``side``² black pixels (100 MP for 10,000): ~100 KB that inflates to 100 MB.

    Below the pixel limit, so a reader may decode it: the point is that memory stays bounded by that limit."""
    row = b"\0" * (side + 1)  # filter byte + pixels
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", body) + _png_chunk(b"IEND", b"")


def gif_header_bomb() -> bytes:
    """A GIF whose screen and frame are 65,535 x 65,535 pixels (4.3 gigapixels), with one byte of data."""
    screen = b"GIF89a" + struct.pack("<HHBBB", 65535, 65535, 0x80, 0, 0) + b"\0\0\0\xff\xff\xff"
    frame = b"," + struct.pack("<HHHHB", 0, 0, 65535, 65535, 0) + b"\x02\x02\x44\x01\x00"
    return screen + frame + b";"


def tiff_header_bomb() -> bytes:
    """A little-endian TIFF declaring 200,000 x 200,000 pixels in one 8-byte strip."""
    entries = [(256, 4, 1, 200_000), (257, 4, 1, 200_000), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 8), (277, 3, 1, 1), (278, 4, 1, 200_000), (279, 4, 1, 8)]
    ifd_offset = 16
    head = b"II*\x00" + struct.pack("<I", ifd_offset) + b"\0" * 8  # the strip: bytes 8..15
    ifd = struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        packed = struct.pack("<HHI", tag, kind, count)
        packed += struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
        ifd += packed
    return head + ifd + struct.pack("<I", 0)


def docx_zip_bomb(inflated_mb: int = 200) -> bytes:
    """A DOCX whose document.xml inflates to ``inflated_mb`` MB (about 1,000 : 1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Override PartName="/word/document.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                         b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            block = b"A" * (1 << 20)
            for _ in range(inflated_mb):
                member.write(block)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


_DOCX_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
               'officedocument.wordprocessingml.document.main+xml"/></Types>')
_DOCX_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
              'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
              '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def docx_entity_bomb() -> bytes:
    """A small, well-formed DOCX whose document.xml is a "billion laughs" (nested entities, 10^9 expansions)."""
    laughs = "".join(f'<!ENTITY l{n} "{("&l%d;" % (n - 1)) * 10}">' for n in range(1, 10))
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "ha">' + laughs + ']>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
           '<w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _DOCX_TYPES)
        z.writestr("_rels/.rels", _DOCX_RELS)
        z.writestr("word/document.xml", xml)
    return buffer.getvalue()


def odt_zip_bomb(inflated_mb: int = 100) -> bytes:
    """An ODT (stored ``mimetype`` first, as the format wants) whose content.xml inflates ``inflated_mb`` MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                   'xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type='
                   '"application/vnd.oasis.opendocument.text"/></manifest:manifest>')
        with z.open("content.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:'
                         b'opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:'
                         b'text:1.0"><office:body><office:text><text:p>')
            block = b"A" * (1 << 20)
            for _ in range(inflated_mb):
                member.write(block)
            member.write(b"</text:p></office:text></office:body></office:document-content>")
    return buffer.getvalue()


#: Where a package's path-traversal entry would land if anything extracted it to disk (it must not).
TRAVERSAL_TARGET = "ashraf-reliability-traversal-was-written.txt"


def docx_with_traversal_entries() -> bytes:
    """A readable DOCX that also holds entries named ``../../…`` and ``/tmp/…`` (a "zip slip")."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _DOCX_TYPES)
        z.writestr("_rels/.rels", _DOCX_RELS)
        z.writestr("word/document.xml",
                   '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                   'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Camp Ashraf, a document with odd '
                   'entries.</w:t></w:r></w:p></w:body></w:document>')
        z.writestr("../../../../../../tmp/" + TRAVERSAL_TARGET, "written outside")
        z.writestr("/tmp/" + TRAVERSAL_TARGET, "written outside")
    return buffer.getvalue()


def error_page_named_pdf() -> bytes:
    """A "403 Forbidden" page saved under a report's name: a failed download."""
    return (b"<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1>"
            b"<p>You don't have permission to access this resource.</p></body></html>\n")


def _noise_png(side: int) -> bytes:
    import random

    from PIL import Image
    rng = random.Random(7)
    image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


def untrusted_html(inline_mb: float = 8.0) -> str:
    """HTML that tries every way to run code or reach out, plus a big inline image and an inline bomb."""
    side = max(16, int((inline_mb * 1_000_000 / 3) ** 0.5))
    big = base64.b64encode(_noise_png(side)).decode("ascii")
    bomb = base64.b64encode(png_header_bomb(60_000, 60_000)).decode("ascii")
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Untrusted page</title>
<meta http-equiv="refresh" content="0;url=http://example.com/">
<link rel="stylesheet" href="{REMOTE_URLS[0]}">
<style>body {{ background: url(http://192.0.2.1/bg.png) }} @import url("https://example.net/x.css");</style>
<script>document.title = "SCRIPT-RAN"; fetch("http://192.0.2.1/beacon");</script>
<script src="{REMOTE_URLS[3]}"></script>
</head>
<body onload="document.body.innerHTML='SCRIPT-RAN'">
<h1>An untrusted page about Camp Ashraf</h1>
<p>Visible words: the residents of Ashraf moved to Camp Liberty.</p>
<img src="{REMOTE_URLS[1]}" width="1" height="1"><img src="{REMOTE_URLS[2]}">
<img src="file:///etc/passwd"><img src="../../../../../../etc/hostname">
<a href="file:///etc/shadow">a local file link</a> <a href="javascript:alert(1)">a script link</a>
<iframe src="{REMOTE_URLS[4]}"></iframe><object data="http://example.com/x.swf"></object>
<p>Inline picture:</p><img alt="big inline" src="data:image/png;base64,{big}">
<p>Inline bomb:</p><img alt="bomb" src="data:image/png;base64,{bomb}">
<p onclick="alert(1)">The end of the page.</p>
</body></html>
"""


def write_hostile_files(folder: Path) -> list[Path]:
    """The hostile files for the reader walk (each reader must refuse or read them, within bounds)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "bomb-header-100k.png": png_header_bomb(),
        "bomb-zlib-100mp.png": png_zlib_bomb(10_000),
        "bomb-header-64k.gif": gif_header_bomb(),
        "bomb-header-200k.tif": tiff_header_bomb(),
        "zip-bomb.docx": docx_zip_bomb(100),
        "untrusted.html": untrusted_html().encode("utf-8"),
        "png-bomb-named.pdf": png_header_bomb(),
        "zip-bomb-named.jpg": docx_zip_bomb(20),
        "zip-bomb.odt": odt_zip_bomb(100),
        "entity-bomb.docx": docx_entity_bomb(),
        "zip-slip.docx": docx_with_traversal_entries(),
        "report-403.pdf": error_page_named_pdf(),
        "empty.txt": b"",
        "con.txt": b"A plain text under a name Windows reserves for a device.\n",
        "\u202etxt.exe-report.txt": "A plain text whose name hides its end behind a right-to-left override.\n"
                                     .encode("utf-8"),
        ("very-long-name-" * 16) + ".txt": b"A plain text with a 244-byte name.\n",
    }
    out = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        out.append(folder / name)
    return out


def _sidecar(root: Path, item_id: str, kind: str, name: str | None, fmt: str, title: str) -> None:
    lines = [f'id = "{item_id}"', f'kind = "{kind}"', f'title = "{title}"', f'format = "{fmt}"',
             'date = "2012-02"']
    if name:
        digest = hashlib.sha256((root / "items" / name).read_bytes()).hexdigest()
        lines += [f'file = "{name}"', f'sha256 = "{digest}"']
    (root / "items" / f"{item_id}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_gui_archive(root: Path, pdf: Path | None = None) -> Path:
    """An archive with a text, Markdown, untrusted HTML, a PDF, a photo and a bomb: every viewer and the
    lightbox get something to open."""
    from PIL import Image
    items = root / "items"
    items.mkdir(parents=True)
    (root / "collection.toml").write_text('format = 1\nid = "hostile"\ntitle = "Hostile content"\n', encoding="utf-8")
    (items / "doc.txt").write_text("Camp Ashraf lies in Diyala.\nIn 1986 the camp was built.\n", encoding="utf-8")
    _sidecar(root, "doc", "document", "doc.txt", "text/plain", "Ashraf text")
    (items / "notes.md").write_text("# Notes about Ashraf\n\n![remote](https://example.com/md.png)\n\n"
                                    "<script>alert(1)</script> [link](file:///etc/passwd)\n", encoding="utf-8")
    _sidecar(root, "notes", "document", "notes.md", "text/markdown", "Ashraf notes")
    (items / "untrusted.html").write_text(untrusted_html(), encoding="utf-8")
    _sidecar(root, "untrusted", "document", "untrusted.html", "text/html", "Untrusted Ashraf page")
    if pdf is not None and pdf.is_file():
        (items / "paper.pdf").write_bytes(pdf.read_bytes())
        _sidecar(root, "paper", "document", "paper.pdf", "application/pdf", "Ashraf paper")
    photo = Image.new("RGB", (640, 480), (90, 140, 60))
    photo.save(items / "photo.jpg", "JPEG")
    _sidecar(root, "photo", "image", "photo.jpg", "image/jpeg", "Ashraf photo")
    (items / "bomb.png").write_bytes(png_header_bomb())
    _sidecar(root, "bomb", "image", "bomb.png", "image/png", "Ashraf bomb")
    (root / "timeline.toml").write_text(
        '[[event]]\nid = "built"\ndate = "1986"\ntitle = "Camp built"\n'
        '[[event.citations]]\nitem = "doc"\nquote = "In 1986 the camp was built"\n', encoding="utf-8")
    return root
