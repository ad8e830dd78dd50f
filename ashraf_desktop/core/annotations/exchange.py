"""Export and import as whole operations on a store (what the GUI menu items and the CLI call)."""

from __future__ import annotations

import json
from typing import Any

from .errors import ImportFormatError
from .jsonld import archive_resolver, dumps, parse_document, to_collection
from .merge import ImportReport
from .model import Annotation
from .store import AnnotationStore
from dataclasses import replace

__all__ = ["export_jsonld", "import_jsonld", "load_json"]


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


def import_jsonld(store: AnnotationStore, document: str | bytes | Any, *, archive=None) -> ImportReport:
    """Merge a JSON-LD document (text or parsed) into the store, in one transaction; see merge.decide.

    ``archive`` (a loaded Archive) lets ``urn:sha256:`` targets find the held file with that checksum and
    marks annotations on items the archive does not have (imported anyway, listed in ``unknown_items``)."""
    doc = load_json(document) if isinstance(document, (str, bytes)) else document
    parsed = parse_document(doc)
    resolve = archive_resolver(archive)
    ready: list[Annotation] = []
    unresolved, unknown = [], []
    for p in parsed.annotations:
        where = resolve(p.source)
        if where is None:
            unresolved.append((p.annotation.id, p.source))
            continue
        collection_id, item_id = where
        if archive is not None and collection_id == archive.collection.id and item_id not in archive:
            unknown.append((p.annotation.id, p.source))
        ready.append(replace(p.annotation, collection_id=collection_id, item_id=item_id))
    report = store.merge(ready)
    report.unresolved += unresolved
    report.unknown_items += unknown
    report.problems[:0] = parsed.problems
    return report
