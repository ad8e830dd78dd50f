"""Export and import as whole operations on a store (what the GUI menu items and the CLI call).

Import places each annotation on the item its target names (an item IRI, a held file's ``urn:sha256:``,
given as ``source``, as a target's ``id`` or as a plain IRI), or - for a reply - on the item of the
annotation it answers. What the app can show it shows; everything is kept (``Annotation.original``) and
the report says, per annotation, what is kept without being shown. An annotation that names nothing this
archive holds cannot be stored anywhere: it is refused, with the reason, and the import is incomplete.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any, Callable

from .errors import ImportFormatError
from .iri import parse_annotation_iri
from .jsonld import ANNOTATION_CONTEXT, CONTEXT, annotation_to_jsonld, archive_resolver, dumps, parse_document, \
    to_collection
from .jsonld_read import Reading, TargetReading
from .merge import ImportReport
from .model import Annotation, RegionSelector, TextSelector
from .parts import undisplayed_parts
from .store import AnnotationStore

__all__ = ["export_jsonld", "import_jsonld", "load_json", "Placement"]


def export_jsonld(store: AnnotationStore, *, collection_id: str | None = None, item_id: str | None = None,
                  tag: str | None = None) -> str:
    """The annotations (all, or of one collection / item / tag) as a JSON-LD AnnotationCollection text."""
    annotations = store.query(collection_id=collection_id, item_id=item_id, tag=tag)
    return dumps(to_collection(annotations, collection_id=collection_id))


def load_json(text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise ImportFormatError(f"the file is not valid JSON: {error}") from error


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an annotation goes: its target's path in the node, its reading, and the item."""

    path: tuple
    target: TargetReading
    collection_id: str
    item_id: str


#: (collection id, item id, start, end) -> TextSelector, for a TextPositionSelector given without a quote
TextAt = Callable[[str, str, int, int], "TextSelector | None"]
#: (collection id, item id) -> (width, height) of the displayed (EXIF-oriented) image, for pixel regions
ImageSize = Callable[[str, str], "tuple[int, int] | None"]


def _as_own(a: Annotation) -> Annotation:
    """Drop the kept original when the app writes exactly that node itself (a file this app exported):
    such an annotation is the app's own, and exports byte for byte as before."""
    wrapped = json.loads(a.original)
    node = dict(wrapped["w3c"])
    if node.get("@context") in (ANNOTATION_CONTEXT, CONTEXT):
        node.pop("@context")
    own = replace(a, original="")
    return own if annotation_to_jsonld(own) == node else a


def _pixels_to_percent(xywh: tuple[float, float, float, float], size: tuple[int, int]) -> RegionSelector | None:
    width, height = size
    if width <= 0 or height <= 0:
        return None
    x, y, w, h = xywh
    region = RegionSelector(round(x / width * 100, 4), round(y / height * 100, 4), round(w / width * 100, 4),
                            round(h / height * 100, 4))
    inside = region.x >= 0 and region.y >= 0 and region.w > 0 and region.h > 0 and \
        region.x + region.w <= 100.0001 and region.y + region.h <= 100.0001
    return region if inside else None


def _place(reading: Reading, where: Placement, text_at: TextAt | None, image_size: ImageSize | None) -> Annotation:
    t = where.target
    text, region = t.text, t.region
    if text is None and t.position_only and text_at is not None:
        text = text_at(where.collection_id, where.item_id, *t.position_only)
    if region is None and t.pixel_region and image_size is not None:
        size = image_size(where.collection_id, where.item_id)
        region = _pixels_to_percent(t.pixel_region, size) if size else None
    return _as_own(reading.on(where.path, t, where.collection_id, where.item_id, text=text, region=region))


def import_jsonld(store: AnnotationStore, document: str | bytes | Any, *, archive=None,
                  text_at: TextAt | None = None, image_size: ImageSize | None = None) -> ImportReport:
    """Merge a JSON-LD document (text or parsed) into the store, in one transaction; see merge.decide.

    ``archive`` (a loaded Archive) lets ``urn:sha256:`` targets find the held file with that checksum and
    marks annotations on items the archive does not have (imported anyway, listed in ``unknown_items``);
    with it, a TextPositionSelector without a quote is shown on the item's text and a region in pixels on
    its image (``text_at``/``image_size`` default to reading the archive's files)."""
    doc = load_json(document) if isinstance(document, (str, bytes)) else document
    parsed = parse_document(doc)
    resolve = archive_resolver(archive)
    if archive is not None:
        from .archive_access import image_size_reader, text_reader
        text_at = text_at or text_reader(archive)
        image_size = image_size or image_size_reader(archive)
    report = ImportReport()
    placed: dict[str, Annotation] = {}
    waiting: list[Reading] = []
    for reading in parsed.readings:
        where = next((Placement(path, t, *found) for path, t in reading.targets
                      if (found := resolve(t.iri)) is not None), None)
        if where is None:
            waiting.append(reading)
            continue
        placed[reading.annotation.id] = _place(reading, where, text_at, image_size)
    # replies (and replies to replies): on the item of the annotation they answer, here or in the file
    progress = True
    while waiting and progress:
        progress = False
        for reading in list(waiting):
            for path, t in reading.targets:
                parent_id = parse_annotation_iri(t.iri)
                parent = placed.get(parent_id) or store.find(parent_id)
                if parent is not None:
                    where = Placement(path, replace(t, text=None, region=None, position_only=None,
                                                    pixel_region=None), parent.collection_id, parent.item_id)
                    placed[reading.annotation.id] = _place(reading, where, None, None)
                    waiting.remove(reading)
                    progress = True
                    break
    for reading in waiting:
        names = ", ".join(t.iri for _, t in reading.targets)
        report.unresolved.append((reading.annotation.id, names))
    ready = list(placed.values())
    for a in ready:
        if archive is not None and a.collection_id == archive.collection.id and a.item_id not in archive:
            source = next(t.iri for _, t in next(r for r in parsed.readings if r.annotation.id == a.id).targets)
            report.unknown_items.append((a.id, source))
    merged = store.merge(ready)
    for name in ("added", "updated", "unchanged", "kept_local", "deleted_locally", "conflicts", "problems"):
        getattr(report, name).extend(getattr(merged, name))
    report.problems[:0] = parsed.problems
    refused = set(report.unresolved_ids()) | {p.split(":", 1)[0] for p in merged.problems}
    for a in ready:
        kept = undisplayed_parts(a)
        if kept and a.id not in refused:
            report.kept_undisplayed.append((a.id, kept))
    return report
