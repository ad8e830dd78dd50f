"""W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): export, and the import's entry.

Export is deterministic - fixed key order, no export timestamp, annotations sorted - so exporting, importing
into an empty store and exporting again gives byte-identical output. The app's own annotations are written
from its fields: everything is in the standard vocabulary except two facts with no W3C term, which use the
``ashraf:`` extension namespace declared in the context (the file's SHA-256 when the annotation was made,
and the anchoring status). An annotation imported from another tool is written back as that tool wrote it,
with only the edits made here patched in (:mod:`.jsonld_patch`); reading is :mod:`.jsonld_read`.
The shape is documented with an example in docs/annotations.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Iterable, Mapping

from .errors import ImportFormatError
from .iri import annotation_iri, collection_iri, item_iri, parse_item_iri, parse_sha256_urn
from .jsonld_patch import app_motivation, patched_node, style_class, stylesheet
from .jsonld_read import (MEDIA_FRAGMENT, PDF_FRAGMENT, VOCAB, Reading, as_list, read_node, types_of)
from .model import Annotation

__all__ = ["CONTEXT", "VOCAB", "to_collection", "annotation_to_jsonld", "dumps", "parse_document",
           "ParseResult", "Resolver", "sort_key", "ANNOTATION_CONTEXT"]

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: The app as the W3C ``generator`` of its own annotations.
GENERATOR: dict[str, str] = {"id": "urn:ashraf-archive:app", "type": "Software", "name": "Ashraf Archive"}
CONTEXT: list[Any] = [ANNOTATION_CONTEXT, {"ashraf": VOCAB}]


def sort_key(a: Annotation) -> tuple:
    return (a.collection_id, a.item_id, a.page or 0, a.text.start if a.text else -1, a.created, a.id)


def _num(value: float) -> str:
    """Shortest exact text of a float: 12.5 → "12.5", 10.0 → "10" (repr round-trips every float)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def annotation_to_jsonld(a: Annotation) -> dict[str, Any]:
    patched = patched_node(a)
    if patched is not None:
        if patched.get("@context") in (ANNOTATION_CONTEXT, CONTEXT):
            patched = {k: v for k, v in patched.items() if k != "@context"}  # the collection declares it
        return patched
    motivation: Any = list(a.motivation) if a.motivation else app_motivation(a)
    if isinstance(motivation, list) and len(motivation) == 1:
        motivation = motivation[0]
    doc: dict[str, Any] = {"id": annotation_iri(a.id), "type": "Annotation", "motivation": motivation,
                           "created": a.created, "modified": a.modified}
    creator = {"type": "Person", "name": a.author} if a.author else None
    if creator:
        doc["creator"] = creator
    doc["generator"] = GENERATOR
    bodies: list[dict[str, Any]] = []
    if a.body:
        note: dict[str, Any] = {"type": "TextualBody", "purpose": "commenting",
                                "format": a.note_format or "text/markdown", "value": a.body}
        if a.note_language:
            note["language"] = a.note_language
        note["created"] = a.created  # the note is the annotation's: same author, same time
        if creator:
            note["creator"] = creator
        bodies.append(note)
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in a.tags]
    if bodies:
        doc["body"] = bodies
    target: dict[str, Any] = {"type": "SpecificResource", "source": item_iri(a.collection_id, a.item_id),
                              "styleClass": style_class(a.colour)}
    if a.item_sha256:
        target["ashraf:sha256"] = a.item_sha256
    if a.text is not None:
        # prefix and suffix even when empty (a passage at the very start or end): the model says SHOULD
        quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": a.text.exact, "prefix": a.text.prefix,
                                 "suffix": a.text.suffix}
        position = {"type": "TextPositionSelector", "start": a.text.start, "end": a.text.end}
        if a.text.page is not None:
            target["selector"] = [{"type": "FragmentSelector", "conformsTo": PDF_FRAGMENT,
                                   "value": f"page={a.text.page}", "refinedBy": quote}, position]
        else:
            target["selector"] = [quote, position]
    elif a.region is not None:
        r = a.region
        target["selector"] = {"type": "FragmentSelector", "conformsTo": MEDIA_FRAGMENT,
                              "value": f"xywh=percent:{_num(r.x)},{_num(r.y)},{_num(r.w)},{_num(r.h)}"}
    doc["target"] = target
    doc["stylesheet"] = stylesheet(a.colour)
    doc["ashraf:status"] = a.status.value
    return doc


def to_collection(annotations: Iterable[Annotation], *, collection_id: str | None = None,
                  label: str = "Ashraf Archive annotations") -> dict[str, Any]:
    """An AnnotationCollection with one embedded AnnotationPage holding every annotation."""
    items = sorted(annotations, key=sort_key)
    ids = {a.collection_id for a in items}
    if collection_id is None and len(ids) == 1:
        collection_id = next(iter(ids))
    iri = collection_iri(collection_id) if collection_id else "urn:ashraf-archive:annotations"
    page = f"{iri}:page:1"
    return {
        "@context": CONTEXT,
        "id": iri,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"id": page, "type": "AnnotationPage",
                  "partOf": {"id": iri, "label": label, "total": len(items)}, "startIndex": 0,
                  "items": [annotation_to_jsonld(a) for a in items]},
        "last": page,
    }


def dumps(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# -- import ---------------------------------------------------------------------------------------------------

@dataclass
class ParseResult:
    readings: list[Reading]
    problems: list[str]


#: source IRI → (collection id, item id) or None
Resolver = Callable[[str], "tuple[str, str] | None"]


def _annotation_nodes(doc: Any) -> list[Any]:
    if isinstance(doc, list):
        return doc
    if not isinstance(doc, dict):
        raise ImportFormatError("the file is not a JSON object or list")
    types = types_of(doc)
    if "Annotation" in types:
        return [doc]
    if "AnnotationPage" in types or ("items" in doc and "AnnotationCollection" not in types):
        return as_list(doc.get("items"))
    if "AnnotationCollection" in types:
        first = doc.get("first")
        if isinstance(first, str):
            raise ImportFormatError("the collection's pages are not embedded (\"first\" is a link); "
                                    "this app imports self-contained files only")
        nodes: list[Any] = []
        page = first
        while isinstance(page, dict):
            nodes += as_list(page.get("items"))
            page = page.get("next") if isinstance(page.get("next"), dict) else None
        return nodes
    raise ImportFormatError("the file is not a W3C Web Annotation document (no Annotation, AnnotationPage "
                            "or AnnotationCollection)")


def _inherited_context(doc: Any, node: Any) -> Any:
    """A node inside a collection or page takes that document's context: kept with it, so that its terms
    mean the same when it is exported on its own."""
    if isinstance(doc, dict) and isinstance(node, dict) and "@context" not in node and "@context" in doc:
        return {"@context": doc["@context"], **node}
    return node


def parse_document(doc: Any, *, now: datetime | None = None) -> ParseResult:
    """Read every annotation of a JSON-LD document; problems are collected per annotation, not fatal.

    Raises :class:`ImportFormatError` only when the document as a whole is not Web Annotation data."""
    from .store import _utc_now, format_time
    stamp = format_time(now or _utc_now())
    readings, problems = [], []
    for index, node in enumerate(_annotation_nodes(doc)):
        try:
            readings.append(read_node(_inherited_context(doc, node), stamp))
        except (ValueError, TypeError, KeyError) as error:
            label = node.get("id", f"#{index + 1}") if isinstance(node, dict) else f"#{index + 1}"
            problems.append(f"annotation {label}: {error}")
    return ParseResult(readings, problems)


def archive_resolver(archive=None) -> Resolver:
    """Resolve item IRIs (any collection) and ``urn:sha256:`` of the archive's held files."""
    by_sha = {}
    if archive is not None:
        by_sha = {item.sha256.lower(): (archive.collection.id, item.id) for item in archive.items if item.sha256}

    def resolve(source: str) -> tuple[str, str] | None:
        parsed = parse_item_iri(source)
        if parsed:
            return parsed
        digest = parse_sha256_urn(source)
        if digest:
            return by_sha.get(digest)
        return None
    return resolve
