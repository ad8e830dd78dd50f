"""What of an imported annotation the app shows, and what it keeps without showing.

The annotations panel shows an imported annotation's note, tags, author, times, motivation and passage or
region like the app's own, and also: bodies that are links (an external resource, a SpecificResource),
a Choice as its options, further notes, and "in reply to". Everything else (a CSS or SVG selector, a
state, the generator, an audience, rights, …) is kept and exported unchanged; :func:`undisplayed_parts`
names each such part in words, for the import report and the "has parts this app does not display" mark.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from .jsonld_read import SHA_KEYS, STATUS_KEYS, as_list, first_str, selector_paths, types_of, unwrap_original
from .model import Annotation

__all__ = ["AnnotationParts", "Link", "ExtraNote", "parts_of", "undisplayed_parts", "MOTIVATION_WORDS"]

#: The W3C motivations in words (docs/annotations.md); any other IRI is shown as written.
MOTIVATION_WORDS = {
    "assessing": "assessment", "bookmarking": "bookmark", "classifying": "classification",
    "commenting": "comment", "describing": "description", "editing": "edit request", "highlighting": "highlight",
    "identifying": "identification", "linking": "link", "moderating": "moderation", "questioning": "question",
    "replying": "reply", "tagging": "tags",
}

_FRIENDLY = {
    "generator": "the software that made it (generator)", "generated": "when it was generated",
    "audience": "its intended audience", "rights": "its licence (rights)", "via": "where it was copied from (via)",
    "canonical": "its canonical IRI", "accessibility": "accessibility features", "renderedVia": "renderedVia",
    "stylesheet": "another tool's stylesheet", "scope": "its scope",
}
_NOTE_KEYS = {"type", "value", "language", "format", "purpose"}
_LINK_KEYS = {"id", "@id", "type", "format", "language", "purpose", "label"}
_TOP_SHOWN = {"@context", "id", "@id", "type", "@type", "motivation", "created", "modified", "creator", "body",
              "bodyValue", "target", *STATUS_KEYS}
_CREATOR_SHOWN = {"name", "nickname", "type", "id", "@id"}


@dataclass(frozen=True, slots=True)
class Link:
    iri: str
    label: str  # what to show: the label, or the IRI
    purpose: str = ""
    format: str = ""
    language: str = ""


@dataclass(frozen=True, slots=True)
class ExtraNote:
    value: str
    language: str = ""
    format: str = ""
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class AnnotationParts:
    """The parts of an imported annotation the panel shows beyond the app's own fields."""

    motivation: tuple[str, ...] = ()  # in words ("bookmark", "question")
    links: tuple[Link, ...] = ()
    choices: tuple[tuple[str, ...], ...] = ()  # each Choice: its options, in order (the first is the default)
    notes: tuple[ExtraNote, ...] = ()  # textual bodies beyond the note
    reply_to: str = ""  # the IRI of the annotation this one answers
    undisplayed: tuple[str, ...] = ()  # each part kept without being shown, in words

    @property
    def has_undisplayed(self) -> bool:
        return bool(self.undisplayed)


def _extra(keys: set[str], shown: set[str], what: str) -> list[str]:
    rest = sorted(k for k in keys - shown if k not in SHA_KEYS)
    return [f"{what}: {', '.join(rest)}"] if rest else []


def _body_parts(body: Any, motivations: set[str], note_taken: bool, out: dict[str, list]) -> bool:
    """Sort one body into links, choices, notes or tags; return whether it was the note."""
    if isinstance(body, str):
        out["links"].append(Link(body, body))
        return False
    if not isinstance(body, dict):
        out["undisplayed"].append("a body that is not an object or IRI")
        return False
    kinds = types_of(body)
    purpose = first_str(body, "purpose") or ""
    if "Choice" in kinds:
        options = []
        for item in as_list(body.get("items")):
            if isinstance(item, dict):
                options.append(first_str(item, "value", "label", "id", "@id") or "?")
                out["undisplayed"] += _extra(set(item), _NOTE_KEYS | _LINK_KEYS, "a choice option's details")
            elif isinstance(item, str):
                options.append(item)
        out["choices"].append(tuple(options))
        out["undisplayed"] += _extra(set(body), {"type", "items", "purpose"}, "the choice's details")
        return False
    if isinstance(body.get("value"), str) and (not kinds or kinds & {"TextualBody", "Text"}):
        purposes = {p for p in as_list(body.get("purpose")) if isinstance(p, str)}
        is_tag = "tagging" in purposes or (not purposes and motivations == {"tagging"})
        out["undisplayed"] += _extra(set(body), _NOTE_KEYS | {"id", "@id"}, "the tag's details" if is_tag
                                     else "the note's details")
        if is_tag:
            return False
        if note_taken:
            out["notes"].append(ExtraNote(body["value"], first_str(body, "language") or "",
                                          first_str(body, "format") or "", purpose))
            return False
        return True
    if "SpecificResource" in kinds:
        source = body.get("source")
        iri = first_str(source, "id", "@id") if isinstance(source, dict) else source
        if isinstance(iri, str):
            out["links"].append(Link(iri, first_str(body, "label") or iri, purpose))
        out["undisplayed"] += _extra(set(body), {"type", "source", "purpose", "label", "id", "@id"},
                                     "the linked resource's details (selector, state…)")
        return False
    iri = first_str(body, "id", "@id")
    if iri:
        out["links"].append(Link(iri, first_str(body, "label") or iri, purpose, first_str(body, "format") or "",
                                 first_str(body, "language") or ""))
        out["undisplayed"] += _extra(set(body), _LINK_KEYS, "the linked resource's details")
        return False
    out["undisplayed"].append("a body the app cannot read")
    return False


def _target_parts(node: dict[str, Any], chosen: tuple, out: dict[str, list]) -> None:
    from .iri import parse_item_iri, parse_sha256_urn

    targets = as_list(node.get("target"))
    chosen_index = chosen[1] if len(chosen) > 1 and isinstance(chosen[1], int) else 0
    for index, target in enumerate(targets):
        iri = target if isinstance(target, str) else None
        if isinstance(target, dict):
            source = target.get("source")
            iri = first_str(source, "id", "@id") if isinstance(source, dict) else source
            iri = iri if isinstance(iri, str) else first_str(target, "id", "@id")
        if index != chosen_index:
            out["undisplayed"].append(f"another target: {iri or 'without an IRI'}")
            continue
        if iri and not parse_item_iri(iri) and not parse_sha256_urn(iri):
            out["reply_to"] = iri  # placed on an item through the annotation it answers
        if not isinstance(target, dict):
            continue
        if len(chosen) > 2:  # an item of a Choice/List of targets
            out["undisplayed"].append(f"the target is one of several ({first_str(target, 'type') or 'a set'})")
        shown_keys = {"type", "source", "id", "@id", "selector", "styleClass", *SHA_KEYS}
        out["undisplayed"] += _extra(set(target), shown_keys, "the target's details")
        styles = [s for s in as_list(target.get("styleClass")) if isinstance(s, str) and not s.startswith("ashraf-")]
        if styles:
            out["undisplayed"].append(f"style classes: {', '.join(styles)}")
        for _, sel in selector_paths(target):
            kinds = types_of(sel)
            value = sel.get("value") if isinstance(sel.get("value"), str) else ""
            understood = ("TextQuoteSelector" in kinds or "TextPositionSelector" in kinds or
                          ("FragmentSelector" in kinds and value.startswith(("page=", "xywh="))))
            if not understood:
                name = first_str(sel, "type") or "a selector without a type"
                out["undisplayed"].append(f"selector {name}" + (f" ({value[:60]})" if value else ""))
            else:
                extra = set(sel) - {"type", "exact", "prefix", "suffix", "start", "end", "value", "conformsTo",
                                    "refinedBy"}
                out["undisplayed"] += _extra(extra, set(), f"the {first_str(sel, 'type')}'s details")


@functools.lru_cache(maxsize=4096)
def _parts(original: str) -> AnnotationParts:
    wrapped = unwrap_original(original)
    if wrapped is None:
        return AnnotationParts()
    node: dict[str, Any] = wrapped["w3c"]
    out: dict[str, list] = {"links": [], "choices": [], "notes": [], "undisplayed": [], "reply_to": ""}
    motivations = {m for m in as_list(node.get("motivation")) if isinstance(m, str)}
    note_taken = False
    for body in as_list(node.get("body")):
        note_taken = _body_parts(body, motivations, note_taken, out) or note_taken
    _target_parts(node, tuple(wrapped.get("target") or ("target",)), out)
    for key in sorted(set(node) - _TOP_SHOWN):
        if key == "stylesheet" and isinstance(node[key], dict) and \
                str(node[key].get("value", "")).lstrip().startswith(".ashraf-"):
            continue  # the app's own colours
        out["undisplayed"].append(_FRIENDLY.get(key, key))
    for creator in as_list(node.get("creator")):
        if isinstance(creator, dict):
            out["undisplayed"] += _extra(set(creator), _CREATOR_SHOWN, "the author's details")
    words = tuple(MOTIVATION_WORDS.get(m, m) for m in as_list(node.get("motivation")) if isinstance(m, str))
    return AnnotationParts(motivation=words, links=tuple(out["links"]), choices=tuple(out["choices"]),
                           notes=tuple(out["notes"]), reply_to=out["reply_to"],
                           undisplayed=tuple(dict.fromkeys(out["undisplayed"])))


def parts_of(a: Annotation) -> AnnotationParts:
    """The extra parts of an annotation for the panel (empty for the app's own annotations)."""
    return _parts(a.original) if a.original else AnnotationParts()


def undisplayed_parts(a: Annotation) -> tuple[str, ...]:
    """Each part kept without being shown, in words (the import report; the "not displayed" mark)."""
    return parts_of(a).undisplayed
