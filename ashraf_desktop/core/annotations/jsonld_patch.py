"""Export of an imported annotation: its original W3C node, with only the edits made in this app written in.

Each of the app's fields is compared with its value when the node was read (``base`` in
``Annotation.original``); a field that did not change leaves the node's own representation untouched (a
tag "Camp Ashraf" stays capitalised, a body without ``format`` gets none, a missing ``modified`` stays
missing). A changed field is written where the node had it, or added the way the app writes it.
"""

from __future__ import annotations

import copy
from typing import Any

from .iri import annotation_iri
from .jsonld_read import (MEDIA_FRAGMENT, STATUS_KEYS, Path, as_list, first_str, selector_paths, types_of,
                          unwrap_original)
from .model import COLOUR_HEX, Annotation, Colour, Kind, normalise_tag
from .errors import AnnotationValueError

__all__ = ["patched_node", "app_motivation", "style_class", "stylesheet"]


def style_class(colour: Colour) -> str:
    return f"ashraf-{colour.value}"


def stylesheet(colour: Colour) -> dict[str, str]:
    return {"type": "CssStylesheet",
            "value": f".{style_class(colour)} {{ background-color: {COLOUR_HEX[colour]}; }}"}


def app_motivation(a: Annotation) -> str:
    """The motivation of the app's own annotations: a highlight (or bare region) highlights, else comments."""
    if a.kind is Kind.HIGHLIGHT or (a.kind is Kind.REGION and not a.body):
        return "highlighting"
    return "commenting"


def _get(node: Any, path: Path) -> Any:
    for key in path:
        node = node[key]
    return node


def _bodies(node: dict[str, Any]) -> list[Any]:
    return as_list(node.get("body"))


def _set_bodies(node: dict[str, Any], bodies: list[Any]) -> None:
    if bodies:
        node["body"] = bodies if len(bodies) != 1 or isinstance(node.get("body"), list) else bodies[0]
    else:
        node.pop("body", None)


def _is_tag(body: Any, motivations: set[str]) -> bool:
    if not isinstance(body, dict) or not isinstance(body.get("value"), str):
        return False
    purposes = {p for p in as_list(body.get("purpose")) if isinstance(p, str)}
    return "tagging" in purposes or (not purposes and motivations == {"tagging"})


def _is_note(body: Any, motivations: set[str]) -> bool:
    if not isinstance(body, dict) or not isinstance(body.get("value"), str) or _is_tag(body, motivations):
        return False
    kinds = types_of(body)
    return not kinds or bool(kinds & {"TextualBody", "Text"})


def _patch_note(node: dict[str, Any], a: Annotation, base: dict[str, Any], motivations: set[str]) -> None:
    bodies = _bodies(node)
    at = next((i for i, b in enumerate(bodies) if _is_note(b, motivations)), None)
    if at is not None:
        body = bodies[at]
        if not a.body:
            _set_bodies(node, bodies[:at] + bodies[at + 1:])
            return
        if a.body != base["body"]:
            body["value"] = a.body
        for key, value, was in (("language", a.note_language, base["note_language"]),
                                ("format", a.note_format, base["note_format"])):
            if value != was:
                if value:
                    body[key] = value
                else:
                    body.pop(key, None)
        return
    if isinstance(node.get("bodyValue"), str):
        if not a.body:
            node.pop("bodyValue")
            return
        if not a.note_language and a.note_format in ("", "text/plain"):
            node["bodyValue"] = a.body
            return
        node.pop("bodyValue")  # a language or format needs a TextualBody (never both forms at once)
    if a.body:
        added: dict[str, Any] = {"type": "TextualBody", "purpose": "commenting", "value": a.body,
                                 "format": a.note_format or "text/markdown"}
        if a.note_language:
            added["language"] = a.note_language
        _set_bodies(node, bodies + [added])


def _norm(value: str) -> str | None:
    try:
        return normalise_tag(value)
    except AnnotationValueError:
        return None


def _patch_tags(node: dict[str, Any], a: Annotation, base: dict[str, Any], motivations: set[str]) -> None:
    removed = set(base["tags"]) - set(a.tags)
    kept = [b for b in _bodies(node) if not (_is_tag(b, motivations) and _norm(b["value"]) in removed)]
    present = {_norm(b["value"]) for b in kept if _is_tag(b, motivations)}
    kept += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in a.tags if t not in present]
    _set_bodies(node, kept)


def _target(node: dict[str, Any], path: Path) -> dict[str, Any] | None:
    """The target at ``path`` as an object; a plain IRI target becomes a SpecificResource with that source
    (needed only when an edit has to be written onto it, such as a colour)."""
    try:
        target = _get(node, path)
    except (KeyError, IndexError, TypeError):
        return None
    if isinstance(target, str):
        target = {"type": "SpecificResource", "source": target}
        parent = _get(node, path[:-1])
        parent[path[-1]] = target
    return target if isinstance(target, dict) else None


def _patch_colour(node: dict[str, Any], path: Path, colour: Colour) -> None:
    target = _target(node, path)
    if target is None:
        return
    classes = [c for c in as_list(target.get("styleClass")) if not (isinstance(c, str) and c.startswith("ashraf-"))]
    classes.append(style_class(colour))
    target["styleClass"] = classes if len(classes) > 1 else classes[0]
    sheet = node.get("stylesheet")
    ours = sheet is None or (isinstance(sheet, dict) and str(sheet.get("value", "")).lstrip().startswith(".ashraf-"))
    if ours:  # another tool's stylesheet is kept as it is: a node has one
        node["stylesheet"] = stylesheet(colour)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _patch_selectors(node: dict[str, Any], path: Path, a: Annotation, base: dict[str, Any]) -> None:
    target = _target(node, path) if (a.text or a.region) else None
    if target is None:
        return
    t, r = a.text, a.region
    done_quote = done_position = done_page = done_region = False
    for _, sel in selector_paths(target):
        kinds = types_of(sel)
        value = sel.get("value") if isinstance(sel.get("value"), str) else ""
        if t and "TextQuoteSelector" in kinds and not done_quote:
            done_quote = True
            for key, new in (("exact", t.exact), ("prefix", t.prefix), ("suffix", t.suffix)):
                if sel.get(key, "") != new:
                    if new:
                        sel[key] = new
                    else:
                        sel.pop(key, None)
        elif t and "TextPositionSelector" in kinds and not done_position:
            done_position = True
            sel["start"], sel["end"] = t.start, t.end
        elif t and t.page and "FragmentSelector" in kinds and value.startswith("page=") and not done_page:
            done_page = True
            if value.split("&")[0] != f"page={t.page}":
                sel["value"] = f"page={t.page}"
        elif r and "FragmentSelector" in kinds and value.startswith("xywh=") and not done_region:
            done_region = True
            sel["value"] = f"xywh=percent:{_num(r.x)},{_num(r.y)},{_num(r.w)},{_num(r.h)}"
            sel["conformsTo"] = MEDIA_FRAGMENT


def patched_node(a: Annotation) -> dict[str, Any] | None:
    """The original node of an imported annotation with this app's edits in it; None for the app's own."""
    wrapped = unwrap_original(a.original)
    if wrapped is None:
        return None
    node = copy.deepcopy(wrapped["w3c"])
    base: dict[str, Any] = wrapped.get("base") or {}
    path: Path = tuple(wrapped.get("target") or ("target",))
    motivations = {m for m in as_list(node.get("motivation")) if isinstance(m, str)}
    if wrapped.get("minted_id") or not first_str(node, "id", "@id"):
        node = {"id": annotation_iri(a.id), **node}
    if (a.body, a.note_language, a.note_format) != (base.get("body"), base.get("note_language"),
                                                     base.get("note_format")):
        _patch_note(node, a, base, motivations)
    if list(a.tags) != list(base.get("tags", ())):
        _patch_tags(node, a, base, motivations)
    if list(a.motivation) != list(base.get("motivation", ())) or a.kind.value != base.get("kind"):
        node["motivation"] = list(a.motivation) if a.motivation and a.kind.value == base.get("kind") \
            else app_motivation(a)
    if a.colour.value != base.get("colour"):
        _patch_colour(node, path, a.colour)
    t, r = a.text, a.region
    text_now = [t.exact, t.prefix, t.suffix, t.start, t.end, t.page] if t else None
    region_now = [r.x, r.y, r.w, r.h] if r else None
    if text_now != base.get("text") or region_now != base.get("region"):
        _patch_selectors(node, path, a, base)
    if a.status.value != base.get("status"):
        key = next((k for k in STATUS_KEYS if k in node), STATUS_KEYS[0])
        node[key] = a.status.value
    if a.author != base.get("author"):
        if a.author:
            node["creator"] = {"type": "Person", "name": a.author}
        else:
            node.pop("creator", None)
    for key in ("created", "modified"):
        if getattr(a, key) != base.get(key):
            node[key] = getattr(a, key)
    return node
