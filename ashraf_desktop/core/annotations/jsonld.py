"""W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): export and lenient import.

Export is deterministic - fixed key order, no export timestamp, annotations sorted - so exporting, importing
into an empty store and exporting again gives byte-identical output. Everything the store holds is in the
standard vocabulary except three facts with no W3C term, which use the ``ashraf:`` extension namespace
declared in the context: the file's SHA-256 when the annotation was made, and the anchoring status.
The shape is documented with an example in docs/annotations.md.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Iterable, Mapping

from .errors import ImportFormatError
from .iri import annotation_iri, collection_iri, item_iri, parse_annotation_iri, parse_item_iri, parse_sha256_urn
from .model import COLOUR_HEX, Annotation, Colour, Kind, RegionSelector, Status, TextSelector

__all__ = ["CONTEXT", "VOCAB", "to_collection", "annotation_to_jsonld", "dumps", "parse_document",
           "ParsedAnnotation", "ParseResult", "Resolver", "sort_key"]

VOCAB = "urn:ashraf-archive:vocab#"
CONTEXT: list[Any] = ["http://www.w3.org/ns/anno.jsonld", {"ashraf": VOCAB}]
PDF_FRAGMENT = "http://tools.ietf.org/rfc/rfc3778"
MEDIA_FRAGMENT = "http://www.w3.org/TR/media-frags/"
_SHA_KEYS = ("ashraf:sha256", VOCAB + "sha256")
_STATUS_KEYS = ("ashraf:status", VOCAB + "status")


def sort_key(a: Annotation) -> tuple:
    return (a.collection_id, a.item_id, a.page or 0, a.text.start if a.text else -1, a.created, a.id)


def _num(value: float) -> str:
    """Shortest exact text of a float: 12.5 → "12.5", 10.0 → "10" (repr round-trips every float)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _style(colour: Colour) -> str:
    return f"ashraf-{colour.value}"


def annotation_to_jsonld(a: Annotation) -> dict[str, Any]:
    motivation = "highlighting" if a.kind is Kind.HIGHLIGHT or (a.kind is Kind.REGION and not a.body) else "commenting"
    doc: dict[str, Any] = {"id": annotation_iri(a.id), "type": "Annotation", "motivation": motivation,
                           "created": a.created, "modified": a.modified}
    if a.author:
        doc["creator"] = {"type": "Person", "name": a.author}
    bodies: list[dict[str, Any]] = []
    if a.body:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "format": "text/markdown", "value": a.body})
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in a.tags]
    if bodies:
        doc["body"] = bodies
    target: dict[str, Any] = {"type": "SpecificResource", "source": item_iri(a.collection_id, a.item_id),
                              "styleClass": _style(a.colour)}
    if a.item_sha256:
        target["ashraf:sha256"] = a.item_sha256
    if a.text is not None:
        quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": a.text.exact}
        if a.text.prefix:
            quote["prefix"] = a.text.prefix
        if a.text.suffix:
            quote["suffix"] = a.text.suffix
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
    doc["stylesheet"] = {"type": "CssStylesheet",
                         "value": f".{_style(a.colour)} {{ background-color: {COLOUR_HEX[a.colour]}; }}"}
    doc["ashraf:status"] = a.status.value
    return doc


def to_collection(annotations: Iterable[Annotation], *, collection_id: str | None = None,
                  label: str = "Ashraf Archive annotations") -> dict[str, Any]:
    """An AnnotationCollection with one embedded AnnotationPage holding every annotation."""
    items = sorted(annotations, key=sort_key)
    ids = {a.collection_id for a in items}
    if collection_id is None and len(ids) == 1:
        collection_id = next(iter(ids))
    return {
        "@context": CONTEXT,
        "id": collection_iri(collection_id) if collection_id else "urn:ashraf-archive:annotations",
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": [annotation_to_jsonld(a) for a in items]},
    }


def dumps(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# -- import ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ParsedAnnotation:
    """An annotation read from a file, its target not yet tied to an item: ``source`` as written."""

    source: str
    annotation: Annotation  # collection_id/item_id are placeholders until resolved


@dataclass
class ParseResult:
    annotations: list[ParsedAnnotation]
    problems: list[str]


#: source IRI → (collection id, item id) or None
Resolver = Callable[[str], "tuple[str, str] | None"]


def _types(node: Any) -> set[str]:
    value = node.get("type", node.get("@type", ())) if isinstance(node, dict) else ()
    return {value} if isinstance(value, str) else set(value or ())


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _annotation_nodes(doc: Any) -> list[Any]:
    if isinstance(doc, list):
        return doc
    if not isinstance(doc, dict):
        raise ImportFormatError("the file is not a JSON object or list")
    types = _types(doc)
    if "Annotation" in types:
        return [doc]
    if "AnnotationPage" in types or ("items" in doc and "AnnotationCollection" not in types):
        return _as_list(doc.get("items"))
    if "AnnotationCollection" in types:
        first = doc.get("first")
        if isinstance(first, str):
            raise ImportFormatError("the collection's pages are not embedded (\"first\" is a link); "
                                    "this app imports self-contained files only")
        nodes: list[Any] = []
        page = first
        while isinstance(page, dict):
            nodes += _as_list(page.get("items"))
            page = page.get("next") if isinstance(page.get("next"), dict) else None
        return nodes
    raise ImportFormatError("the file is not a W3C Web Annotation document (no Annotation, AnnotationPage "
                            "or AnnotationCollection)")


def _time(value: Any, fallback: str) -> str:
    from .store import format_time, parse_time
    if not isinstance(value, str) or not value.strip():
        return fallback
    try:
        return format_time(parse_time(value))
    except ValueError:
        return fallback


def _first_str(node: Any, *keys: str) -> str | None:
    for key in keys:
        value = node.get(key) if isinstance(node, dict) else None
        if isinstance(value, str):
            return value
    return None


def _source(target: Any) -> str | None:
    if isinstance(target, str):
        return target
    if isinstance(target, dict):
        source = target.get("source")
        if isinstance(source, dict):
            source = source.get("id") or source.get("@id")
        return source if isinstance(source, str) else None
    return None


def _flatten_selectors(selector: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in _as_list(selector):
        if isinstance(node, dict):
            out.append(node)
            out += _flatten_selectors(node.get("refinedBy"))
    return out


def _parse_xywh(value: str) -> RegionSelector:
    spec = value.split("=", 1)[1]
    unit = "pixel"
    if ":" in spec:
        unit, spec = spec.split(":", 1)
    if unit != "percent":
        raise ValueError("pixel regions cannot be placed without the image's size; export them in percent")
    x, y, w, h = (float(v) for v in spec.split(","))
    if not all(math.isfinite(v) for v in (x, y, w, h)):
        raise ValueError("region coordinates must be finite")
    return RegionSelector(x, y, w, h)


def _parse_one(node: Any, now: str) -> ParsedAnnotation:
    if not isinstance(node, dict):
        raise ValueError("not an annotation object")
    raw_id = _first_str(node, "id", "@id")
    if not raw_id:
        raise ValueError("annotation without an id")
    targets = _as_list(node.get("target"))
    if not targets:
        raise ValueError("annotation without a target")
    target = targets[0]
    source = _source(target)
    if not source:
        raise ValueError("the target names no source")
    note_parts, tags = [], []
    for body in _as_list(node.get("body")):
        if isinstance(body, str):
            continue  # a body that is only a link: nothing this app can show
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        purposes = set(_as_list(body.get("purpose")))
        (tags if "tagging" in purposes else note_parts).append(body["value"])
    if isinstance(node.get("bodyValue"), str):
        note_parts.append(node["bodyValue"])
    text: TextSelector | None = None
    region: RegionSelector | None = None
    quote, position, page = None, None, None
    target_dict = target if isinstance(target, dict) else {}
    for sel in _flatten_selectors(target_dict.get("selector")):
        kind = _types(sel)
        value = sel.get("value") if isinstance(sel.get("value"), str) else ""
        if "TextQuoteSelector" in kind and isinstance(sel.get("exact"), str):
            quote = sel
        elif "TextPositionSelector" in kind:
            position = sel
        elif "FragmentSelector" in kind and value.startswith("page="):
            page = int(value[5:].split("&")[0])
        elif "FragmentSelector" in kind and value.startswith("xywh="):
            region = _parse_xywh(value)
    if quote is not None:
        start = int(position.get("start", 0)) if position else 0
        end = int(position.get("end", start + len(quote["exact"]))) if position else len(quote["exact"])
        text = TextSelector(exact=quote["exact"], prefix=str(quote.get("prefix", "")),
                            suffix=str(quote.get("suffix", "")), start=start, end=end, page=page)
    style = target_dict.get("styleClass")
    colour = Colour.YELLOW
    for candidate in _as_list(style):
        if isinstance(candidate, str) and candidate.startswith("ashraf-"):
            try:
                colour = Colour(candidate[7:])
            except ValueError:
                pass
    motivations = set(_as_list(node.get("motivation")))
    if region is not None:
        kind_value = Kind.REGION
    elif text is not None and "highlighting" in motivations:
        kind_value = Kind.HIGHLIGHT
    else:
        kind_value = Kind.NOTE
    creator = node.get("creator")
    author = ""
    for c in _as_list(creator):
        if isinstance(c, str):
            author = c if not c.startswith(("http:", "https:", "urn:", "mailto:")) else author
        elif isinstance(c, dict) and isinstance(c.get("name"), str):
            author = c["name"]
        if author:
            break
    status_text = _first_str(node, *_STATUS_KEYS) or "anchored"
    status = Status.ORPHANED if status_text == "orphaned" else Status.ANCHORED
    sha = (_first_str(target_dict, *_SHA_KEYS) or parse_sha256_urn(source) or "").lower()
    created = _time(node.get("created"), now)
    modified = _time(node.get("modified"), created)
    annotation = Annotation(id=parse_annotation_iri(raw_id), collection_id="unresolved", item_id="unresolved",
                            kind=kind_value, item_sha256=sha, colour=colour, body="\n\n".join(note_parts),
                            tags=tuple(tags), author=author, created=created, modified=max(created, modified),
                            text=text, region=region, status=status)
    return ParsedAnnotation(source=source, annotation=annotation)


def parse_document(doc: Any, *, now: datetime | None = None) -> ParseResult:
    """Read every annotation of a JSON-LD document; problems are collected per annotation, not fatal.

    Raises :class:`ImportFormatError` only when the document as a whole is not Web Annotation data."""
    from .store import _utc_now, format_time
    stamp = format_time(now or _utc_now())
    parsed, problems = [], []
    for index, node in enumerate(_annotation_nodes(doc)):
        try:
            parsed.append(_parse_one(node, stamp))
        except (ValueError, TypeError, KeyError) as error:
            label = node.get("id", f"#{index + 1}") if isinstance(node, dict) else f"#{index + 1}"
            problems.append(f"annotation {label}: {error}")
    return ParseResult(parsed, problems)


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
