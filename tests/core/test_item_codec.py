"""The catalogue's item rows (core/archive/_item_codec.py): exactly the item back, whatever it holds."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ashraf_desktop.core.archive import Citation, Item, ItemKind, Metadata, TextLayer, parse_date
from ashraf_desktop.core.archive import _item_codec as codec


def _full_item(root: Path) -> Item:
    return Item(
        id="full", kind=ItemKind.DOCUMENT,
        metadata=Metadata(title="Ashraf – اشرف", creator=("A", "B"), publisher=("P",), date="2009-07~",
                          language=("fa", "en"), description="line\nother", subject=("s",), source="src",
                          rights="r", type="Text", format="application/pdf", identifier=("urn:x",)),
        sidecar=root / "items" / "sub dir" / "full.toml", file=root / "items" / "sub dir" / "full.pdf",
        sha256="ab" * 32, date=parse_date("2009-07~"), caption="cap", tags=("camp", "1986"),
        mentioned_in=(Citation("other", "a quote", "a note"), Citation("third", "q")),
        text_layer=TextLayer(root / "items" / "full.pdf.ocr.json", "cd" * 32, "Tesseract 5.3.0", ("eng", "fas"),
                             "2024-01-02", (1, 3)),
        part_of="message")


def test_the_layout_names_every_field_of_the_model():
    """A field added to the model must be added to the layout too (until then every item is pickled)."""
    for cls, names in codec.LAYOUT.items():
        assert tuple(f.name for f in dataclasses.fields(cls)) == names, cls.__name__
    assert codec._ENABLED


def test_every_field_comes_back_exactly(tmp_path):
    item = _full_item(tmp_path)
    data = codec.encode_item(item)
    assert data[:1] == b"m"  # the fast layout, not the fallback
    back = codec.decode_item(data)
    assert back == item and type(back) is Item
    for name in codec.LAYOUT[Item]:
        assert type(getattr(back, name)) is type(getattr(item, name)), name
    assert back.sidecar.parts == item.sidecar.parts and str(back.file) == str(item.file)
    assert back.file.parent == item.file.parent and hash(back.file) == hash(item.file)
    plain = Item(id="r", kind=ItemKind.RECORD, metadata=Metadata(title="R"), sidecar=Path("rel/r.toml"))
    assert codec.decode_item(codec.encode_item(plain)) == plain


def test_what_the_layout_does_not_foresee_is_pickled(tmp_path):
    odd = dataclasses.replace(_full_item(tmp_path), tags=("a", ItemKind.IMAGE))  # an Enum where text is expected
    data = codec.encode_item(odd)
    assert data[:1] == b"p"
    assert codec.decode_item(data) == odd
