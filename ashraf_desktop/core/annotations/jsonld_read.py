"""Reading W3C Web Annotation JSON-LD from any tool: what the app can show, and the rest kept verbatim.

An annotation from Hypothesis, Mirador, Recogito or a colleague's copy is read into the app's fields (note,
tags, passage, region, author, times) where it can be, and the whole node is kept as written
(``Annotation.original``), so that export gives it back unchanged apart from the edits made here
(:mod:`.jsonld_patch`). Nothing is dropped: what cannot be stored at all is refused with the reason.

``original`` is compact JSON of ``{"w3c": node, "target": i, "minted_id": bool, "base": {...}}``: the
node as written, which of its targets is the item the app shows it on, whether the app had to give it an
id, and the app's fields as first read (so export can tell an edit made here from the node's own values).
"""

from __future__ import annotations

import hashlib
import json
import math
import uuid
from dataclasses import dataclass, replace
from typing import Any, Iterator

from .iri import parse_annotation_iri, parse_sha256_urn
from .model import Annotation, Colour, Kind, RegionSelector, Status, TextSelector, normalise_tag
from .errors import AnnotationValueError

__all__ = ["Reading", "TargetReading", "read_node", "read_target", "canonical", "wrap_original",
           "unwrap_original", "as_list", "types_of", "first_str", "selector_paths", "NOTE_FORMATS",
           "SHA_KEYS", "STATUS_KEYS", "VOCAB", "PDF_FRAGMENT", "MEDIA_FRAGMENT", "Path"]

VOCAB = "urn:ashraf-archive:vocab#"
PDF_FRAGMENT = "http://tools.ietf.org/rfc/rfc3778"
MEDIA_FRAGMENT = "http://www.w3.org/TR/media-frags/"
SHA_KEYS = ("ashraf:sha256", VOCAB + "sha256")
STATUS_KEYS = ("ashraf:status", VOCAB + "status")
#: Note formats the app shows as text (Markdown rendered with raw HTML off; the others as written).
NOTE_FORMATS = ("text/markdown", "text/plain", "text/html")

#: A location inside a node: keys and list indices.
Path = tuple[str | int, ...]


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def types_of(node: Any) -> set[str]:
    value = node.get("type", node.get("@type", ())) if isinstance(node, dict) else ()
    return {value} if isinstance(value, str) else {v for v in (value or ()) if isinstance(v, str)}


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def first_str(node: Any, *keys: str) -> str | None:
    for key in keys:
        value = node.get(key) if isinstance(node, dict) else None
        if isinstance(value, list) and value and isinstance(value[0], str):
            return value[0]
        if isinstance(value, str):
            return value
    return None


def _at(container: Any, key: str) -> list[tuple[Path, Any]]:
    """The values of ``container[key]`` with their paths, whether it holds one value or a list."""
    value = container.get(key) if isinstance(container, dict) else None
    if isinstance(value, list):
        return [((key, i), v) for i, v in enumerate(value)]
    return [((key,), value)] if value is not None else []


def selector_paths(target: Any, prefix: Path = ()) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every selector of a target (alternatives and ``refinedBy`` chains), depth first, with its path."""
    def walk(node: Any, path: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
        for sub, sel in _at(node, "refinedBy"):
            if isinstance(sel, dict):
                yield path + sub, sel
                yield from walk(sel, path + sub)
    for sub, sel in _at(target, "selector"):
        if isinstance(sel, dict):
            yield prefix + sub, sel
            yield from walk(sel, prefix + sub)


@dataclass(frozen=True, slots=True)
class TargetReading:
    """What the app reads from one target: the IRI naming the thing annotated and where in it."""

    iri: str
    text: TextSelector | None = None
    position_only: tuple[int, int] | None = None  # a TextPositionSelector without a quote: needs the text
    region: RegionSelector | None = None
    pixel_region: tuple[float, float, float, float] | None = None  # xywh in pixels: needs the image size
    page: int | None = None
    colour: Colour | None = None
    sha256: str = ""


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _xywh(value: str) -> tuple[str, tuple[float, float, float, float]] | None:
    spec = value.split("=", 1)[1] if "=" in value else ""
    unit = "pixel"
    if ":" in spec:
        unit, spec = spec.split(":", 1)
    try:
        x, y, w, h = (float(v) for v in spec.split(","))
    except ValueError:
        return None
    if not all(math.isfinite(v) for v in (x, y, w, h)):
        return None
    return unit, (x, y, w, h)


def read_target(target: Any) -> TargetReading | None:
    """The item-naming IRI and the selectors the app understands; None when the target names nothing.

    A target may be a plain IRI, a SpecificResource with a ``source`` (an IRI or an object with an id), or
    an object with only an ``id`` (issue 19: accepted when that id names an item or a held file).
    """
    if isinstance(target, str):
        return TargetReading(iri=target.strip(), sha256=parse_sha256_urn(target) or "")
    if not isinstance(target, dict):
        return None
    source = target.get("source")
    if isinstance(source, dict):
        source = first_str(source, "id", "@id")
    if not isinstance(source, str):
        source = first_str(target, "id", "@id") if "source" not in target else None
    if not isinstance(source, str) or not source.strip():
        return None
    quote = position = None
    page = None
    region = pixel = None
    for _, sel in selector_paths(target):
        kinds = types_of(sel)
        value = sel.get("value") if isinstance(sel.get("value"), str) else ""
        if "TextQuoteSelector" in kinds and isinstance(sel.get("exact"), str) and sel["exact"]:
            quote = quote or sel
        elif "TextPositionSelector" in kinds and _int(sel.get("start")) is not None:
            position = position or sel
        elif "FragmentSelector" in kinds and value.startswith("page="):
            try:
                page = page or int(value[5:].split("&")[0])
            except ValueError:
                pass
        elif "FragmentSelector" in kinds and value.startswith("xywh="):
            parsed = _xywh(value)
            if parsed and parsed[0] == "percent":
                region = region or RegionSelector(*parsed[1])
            elif parsed and parsed[0] == "pixel":
                pixel = pixel or parsed[1]
    text = None
    position_only = None
    if quote is not None:
        exact = quote["exact"]
        start = _int(position.get("start")) if position else None
        end = _int(position.get("end")) if position else None
        if start is None or end is None or end < start:
            start, end = 0, len(exact)
        text = TextSelector(exact=exact, prefix=str(quote.get("prefix") or ""), suffix=str(quote.get("suffix") or ""),
                            start=start, end=end, page=page if page and page >= 1 else None)
    elif position is not None:
        start, end = _int(position.get("start")), _int(position.get("end"))
        if start is not None and end is not None and end > start:
            position_only = (start, end)
    colour = None
    for style in as_list(target.get("styleClass")):
        if isinstance(style, str) and style.startswith("ashraf-"):
            try:
                colour = Colour(style[7:])
            except ValueError:
                pass
    sha = (first_str(target, *SHA_KEYS) or parse_sha256_urn(source) or "").lower()
    return TargetReading(iri=source.strip(), text=text, position_only=position_only, region=region,
                         pixel_region=pixel, page=page, colour=colour, sha256=sha)


def _target_nodes(node: dict[str, Any]) -> list[tuple[Path, Any]]:
    """The targets in order, with their paths; a Choice (or List, Composite, Independents) of targets offers
    its items after itself."""
    out: list[tuple[Path, Any]] = []
    for path, target in _at(node, "target"):
        out.append((path, target))
        if isinstance(target, dict) and types_of(target) & {"Choice", "List", "Composite", "Independents"}:
            out += [(path + sub, item) for sub, item in _at(target, "items")]
    return out


@dataclass(frozen=True, slots=True)
class Reading:
    """One W3C annotation node, read: the app's fields except the item, and each target's reading."""

    node: dict[str, Any]
    annotation: Annotation  # collection_id/item_id are placeholders until a target is resolved
    targets: tuple[tuple[Path, TargetReading], ...]  # (where the target is in the node, its reading)
    minted_id: bool  # the node had no id: the app made one from its content

    def on(self, path: Path, reading: TargetReading, collection_id: str, item_id: str, *,
           text: TextSelector | None = None, region: RegionSelector | None = None) -> Annotation:
        """The annotation as shown on the target at ``path`` (resolved to an item), its original kept."""
        text = text if text is not None else reading.text
        region = region if region is not None else reading.region
        kind = self.annotation.kind
        if region is not None:
            kind, text = Kind.REGION, None
        elif text is not None and "highlighting" in self.annotation.motivation:
            kind = Kind.HIGHLIGHT
        else:
            kind = Kind.NOTE
        a = replace(self.annotation, collection_id=collection_id, item_id=item_id, kind=kind, text=text,
                    region=region, colour=reading.colour or Colour.YELLOW,
                    item_sha256=reading.sha256 or self.annotation.item_sha256)
        return replace(a, original=wrap_original(self.node, path, self.minted_id, a))


def _base(a: Annotation) -> dict[str, Any]:
    """The app's fields as read from the node: export compares against these to find edits made here."""
    t, r = a.text, a.region
    return {"kind": a.kind.value, "colour": a.colour.value, "body": a.body, "note_language": a.note_language,
            "note_format": a.note_format, "tags": list(a.tags), "author": a.author, "created": a.created,
            "modified": a.modified, "status": a.status.value, "motivation": list(a.motivation),
            "text": [t.exact, t.prefix, t.suffix, t.start, t.end, t.page] if t else None,
            "region": [r.x, r.y, r.w, r.h] if r else None}


def wrap_original(node: dict[str, Any], target: Path, minted_id: bool, a: Annotation) -> str:
    """Compact JSON keeping the node's own key order (so it is written back as its tool wrote it)."""
    return json.dumps({"w3c": node, "target": list(target), "minted_id": minted_id, "base": _base(a)},
                      ensure_ascii=False, separators=(",", ":"))


def unwrap_original(text: str) -> dict[str, Any] | None:
    """The parts of ``Annotation.original`` (None for the app's own annotations, or unreadable text)."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) and isinstance(value.get("w3c"), dict) else None


def _note(node: dict[str, Any], motivations: set[str]) -> tuple[str, str, str, list[str]]:
    """(note, language, format, tags) from the bodies: the first TextualBody that is not a tag is the note."""
    note = language = fmt = None
    tags: list[str] = []
    for _, body in _at(node, "body"):
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        kinds = types_of(body)
        if kinds and not kinds & {"TextualBody", "Text"}:
            continue
        purposes = {p for p in as_list(body.get("purpose")) if isinstance(p, str)}
        if "tagging" in purposes or (not purposes and motivations == {"tagging"}):
            try:
                tags.append(normalise_tag(body["value"]))
            except AnnotationValueError:
                pass  # kept in the original, reported as not shown
            continue
        if note is None:
            note = body["value"]
            language = first_str(body, "language") or ""
            fmt = first_str(body, "format") or ""
    if note is None and isinstance(node.get("bodyValue"), str):
        note, language, fmt = node["bodyValue"], "", "text/plain"
    return note or "", language or "", fmt or "", tags


def _author(node: dict[str, Any]) -> str:
    """Who made it, as a reader would name them: a name, a nickname, or the IRI or e-mail that identifies
    them - never empty when the file says who (an imported note is never re-attributed to the importer)."""
    for creator in as_list(node.get("creator")):
        if isinstance(creator, str) and creator.strip():
            return creator.strip()
        if isinstance(creator, dict):
            for key in ("name", "nickname", "account", "email", "id", "@id", "homepage"):
                value = first_str(creator, key)
                if value and value.strip():
                    return value.strip().removeprefix("mailto:")
    return ""


def _minted_id(node: dict[str, Any]) -> str:
    """An id for a node that has none, the same whenever the same node is imported (so it merges)."""
    digest = hashlib.sha256(canonical(node).encode("utf-8")).hexdigest()
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:ashraf-archive:anonymous-annotation:{digest}"))


def read_node(node: Any, now: str) -> Reading:
    """Read one annotation node; raise ValueError with the reason when it is not an annotation at all."""
    from .store import format_time, parse_time

    if not isinstance(node, dict):
        raise ValueError("not an annotation object")
    targets = [(path, r) for path, t in _target_nodes(node) if (r := read_target(t)) is not None]
    if not as_list(node.get("target")):
        raise ValueError("annotation without a target")
    if not targets:
        raise ValueError("no target names a resource (each needs an IRI, a source or an id)")
    raw_id = first_str(node, "id", "@id")
    minted = not raw_id or not raw_id.strip()
    annotation_id = _minted_id(node) if minted else parse_annotation_iri(raw_id)
    motivation = tuple(m for m in as_list(node.get("motivation")) if isinstance(m, str) and m.strip())

    def stamp(value: Any, fallback: str) -> str:
        if isinstance(value, str) and value.strip():
            try:
                return format_time(parse_time(value))
            except ValueError:
                pass
        return fallback

    created = stamp(node.get("created"), now)
    modified = stamp(node.get("modified"), created)
    note, language, fmt, tags = _note(node, set(motivation))
    status_text = first_str(node, *STATUS_KEYS) or "anchored"
    annotation = Annotation(
        id=annotation_id, collection_id="unresolved", item_id="unresolved", kind=Kind.NOTE, body=note,
        tags=tuple(tags), author=_author(node), created=created, modified=max(created, modified),
        status=Status.ORPHANED if status_text == "orphaned" else Status.ANCHORED, motivation=motivation,
        note_language=language if _language_ok(language) else "", note_format=fmt)
    return Reading(node=node, annotation=annotation, targets=tuple(targets), minted_id=minted)


def _language_ok(tag: str) -> bool:
    import re
    return bool(re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", tag))
