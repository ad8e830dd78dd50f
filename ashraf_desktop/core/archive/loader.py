"""Read an archive folder (docs/archive-format.md) into model objects, collecting every problem.

Loading never stops at the first problem: an archivist fixing a hand-edited archive wants the whole list,
and one broken item must not hide the good ones. A broken item is left out; a broken citation is reported
and the event kept (it is still history, only its evidence needs fixing).
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from .dates import DateError, DateSpan, parse_date
from .model import (DC_FIELDS, Archive, Citation, Claim, Collection, Event, Fact, Item, ItemKind, Metadata,
                    Problem, Severity, TextLayer)

__all__ = ["FORMAT_VERSION", "LOADER_VERSION", "LoadResult", "load_archive", "sha256_of", "TEXT_FORMATS"]

FORMAT_VERSION = 1
#: bump when what the loader makes of the same files changes (the catalogue re-reads everything then)
LOADER_VERSION = 2
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TEXT_FORMATS = frozenset({"text/plain", "text/markdown", "text/html"})
DOCUMENT_FORMATS = TEXT_FORMATS | {"application/pdf",
                                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                   "application/vnd.oasis.opendocument.text", "message/rfc822"}
_REPEATABLE = frozenset({"creator", "publisher", "language", "subject", "identifier"})
_ITEM_KEYS = frozenset(DC_FIELDS) | {"id", "kind", "file", "sha256", "tags", "caption", "mentioned_in",
                                     "text_layer", "part_of"}
_TEXT_LAYER_KEYS = frozenset({"file", "sha256", "engine", "languages", "date", "pages"})
_COLLECTION_KEYS = frozenset({"format", "id", "title", "description", "publisher", "rights", "language"})
_EVENT_KEYS = frozenset({"id", "date", "title", "description", "places", "people", "tags", "citations",
                         "date_claims"})
_CITATION_KEYS = frozenset({"item", "quote", "note"})
_DATE_CLAIM_KEYS = frozenset({"date", "item", "quote"})
_FACT_KEYS = frozenset({"id", "label", "subject", "description", "claims"})
_FACT_CLAIM_KEYS = frozenset({"value", "item", "quote"})
_MAX_FIELD_CHARS = 100_000  # clamp absurd metadata at the edge


@dataclass(frozen=True)
class LoadResult:
    archive: Archive
    problems: tuple[Problem, ...] = ()
    #: things the user should be told once, in plain words (the catalogue was damaged and rebuilt)
    notices: tuple[str, ...] = ()
    #: False: served from the catalogue without checking the sidecars (``trust``); load again to be sure
    current: bool = True

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def ok(self) -> bool:
        return not self.errors


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class _Collector:
    """Problems found so far, with helpers that keep messages uniform."""

    root: Path
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path, where: str, message: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(self.shown(path), where, message, severity))

    def shown(self, path: Path) -> Path:
        """A path as the user reads it: relative to the archive, absolute when in a user layer."""
        try:
            return path.relative_to(self.root)
        except ValueError:
            return path


def _read_toml(path: Path, out: _Collector, raw: bytes | None = None) -> dict[str, Any] | None:
    """The TOML table of ``path`` (its bytes ``raw`` when the caller has read them already)."""
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            out.add(path, "", f"cannot be read: {exc.strerror or exc}")
            return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        out.add(path, f"byte {exc.start}", "is not UTF-8 text; metadata files must be saved as UTF-8")
        return None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        match = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        where = f"line {match.group(1)}, column {match.group(2)}" if match else ""
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg) or "invalid TOML"
        out.add(path, where, f"is not valid TOML: {reason}")
        return None


class _Fields:
    """Typed access to one TOML table that reports, rather than raises, on wrong shapes."""

    def __init__(self, data: dict[str, Any], path: Path, prefix: str, out: _Collector) -> None:
        self.data, self.path, self.prefix, self.out = data, path, prefix, out

    def where(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def unknown(self, allowed: Iterable[str]) -> None:
        allowed = set(allowed)
        for key in self.data:
            if key not in allowed:
                near = _closest(key, allowed)
                hint = f" (did you mean '{near}'?)" if near else ""
                self.out.add(self.path, self.where(key), f"unknown field '{key}'{hint}")

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.out.add(self.path, self.where(key), f"required field '{key}' is missing")
            return default
        if not isinstance(value, str):
            self.out.add(self.path, self.where(key), f"'{key}' must be text, not {_type_name(value)}")
            return default
        if required and not value.strip():
            self.out.add(self.path, self.where(key), f"'{key}' is empty")
        if len(value) > _MAX_FIELD_CHARS:
            self.out.add(self.path, self.where(key), f"'{key}' is {len(value):,} characters long; "
                         f"cut to {_MAX_FIELD_CHARS:,}", Severity.WARNING)
            value = value[:_MAX_FIELD_CHARS]
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,) if value.strip() else ()
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(v for v in value if v.strip())
        self.out.add(self.path, self.where(key), f"'{key}' must be text or a list of texts")
        return ()

    def tables(self, key: str) -> list[tuple[int, dict[str, Any]]]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.out.add(self.path, self.where(key), f"'{key}' must be a list of tables ([[{key}]])")
            return []
        return list(enumerate(value, start=1))


def _type_name(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__)


def _closest(key: str, allowed: Iterable[str]) -> str | None:
    import difflib
    matches = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.75)
    return matches[0] if matches else None


def _date(fields: _Fields, key: str, *, required: bool) -> DateSpan | None:
    raw = fields.text(key, required=required)
    if not raw.strip():
        return None
    try:
        return parse_date(raw)
    except DateError as exc:
        fields.out.add(fields.path, fields.where(key), str(exc))
        return None


class _Texts:
    """Extracted text of held items, read once per load, for verbatim quote checks."""

    def __init__(self, out: _Collector) -> None:
        self.out = out
        self._cache: dict[str, str | None] = {}

    def of(self, item: Item) -> str | None:
        if item.id not in self._cache:
            self._cache[item.id] = self._read(item)
        return self._cache[item.id]

    def _read(self, item: Item) -> str | None:
        if item.file is None or not item.file.is_file():
            return None
        from ..extract import ExtractionError, extract  # local: keeps loader import light
        try:
            extracted = extract(item.file, item.media_type or None)
        except ExtractionError as exc:
            self.out.add(item.file, "", f"text cannot be read: {exc.reason}")
            return None
        except Exception as exc:  # an extractor bug must not stop validation of everything else
            self.out.add(item.file, "", f"text cannot be read ({type(exc).__name__}: {exc})")
            return None
        if extracted.status != "ok":
            self.out.add(item.file, "", f"text cannot be checked: {extracted.status}", Severity.WARNING)
            return None
        return extracted.text


def _load_collection(root: Path, out: _Collector) -> Collection:
    path = root / "collection.toml"
    fallback = Collection(id=re.sub(r"[^a-z0-9-]+", "-", root.name.lower()).strip("-") or "archive",
                          title=root.name or "Archive")
    if not path.is_file():
        out.add(path, "", "missing: every archive folder needs a collection.toml (see docs/archive-format.md)")
        return fallback
    data = _read_toml(path, out)
    if data is None:
        return fallback
    f = _Fields(data, path, "", out)
    f.unknown(_COLLECTION_KEYS)
    version = data.get("format", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        out.add(path, "format", f"archive format {version!r} is newer than this app reads "
                                f"(up to {FORMAT_VERSION}); update the app")
    cid = f.text("id", required=True) or fallback.id
    if not ID_PATTERN.match(cid):
        out.add(path, "id", f"id {cid!r} may only contain lower-case letters, digits and '-'")
    return Collection(id=cid, title=f.text("title", required=True) or fallback.title,
                      description=f.text("description"), publisher=f.text("publisher"),
                      rights=f.text("rights"), language=f.texts("language"))


def _kind_of(raw: str, f: _Fields) -> ItemKind | None:
    try:
        return ItemKind(raw)
    except ValueError:
        f.out.add(f.path, "kind", f"kind must be document, image or record, not {raw!r}")
        return None


def _citation(table: dict[str, Any], f: _Fields, where: str, keys: frozenset[str]) -> Citation | None:
    cf = _Fields(table, f.path, f"{where}.", f.out)
    cf.unknown(keys)
    item = cf.text("item", required=True)
    quote = cf.text("quote", required=True)
    if not item or not quote.strip():
        return None
    return Citation(item=item, quote=quote, note=cf.text("note") if "note" in keys else "")


def _load_item(path: Path, root: Path, out: _Collector, check_files: bool,
               real_root: Path | None = None, raw: bytes | None = None) -> Item | None:
    """One sidecar. ``real_root``: ``root`` with its symbolic links resolved (once per load, not per item);
    ``raw``: the sidecar's bytes, when the caller has read them (the catalogue hashes them too)."""
    data = _read_toml(path, out, raw)
    if data is None:
        return None
    before = len(out.problems)
    f = _Fields(data, path, "", out)
    f.unknown(_ITEM_KEYS)
    item_id = f.text("id", required=True)
    if item_id and not ID_PATTERN.match(item_id):
        out.add(path, "id", f"id {item_id!r} may only contain lower-case letters, digits and '-'")
    kind = _kind_of(f.text("kind", required=True), f) if "kind" in data else _kind_of_missing(f)
    date = _date(f, "date", required=False)
    meta = Metadata(
        title=f.text("title", required=True),
        creator=f.texts("creator"), publisher=f.texts("publisher"),
        date=f.text("date") or None, language=f.texts("language"), description=f.text("description"),
        subject=f.texts("subject"), source=f.text("source"), rights=f.text("rights"), type=f.text("type"),
        format=f.text("format"), identifier=f.texts("identifier"),
    )
    file_name = f.text("file")
    sha = f.text("sha256").lower()
    held: Path | None = None
    if kind is ItemKind.RECORD:
        if file_name:
            out.add(path, "file", "a record describes a work the archive does not hold; it cannot have a file "
                                  "(use kind = \"document\" or \"image\")")
    elif kind is not None:
        if not file_name:
            out.add(path, "file", f"required field 'file' is missing (a {kind} holds a file)")
        else:
            real_root = real_root or root.resolve()
            # lexically inside the archive (``../`` cannot leave it); a link the archivist put inside it may
            # point elsewhere (a photo library kept on another disk). Resolving each path cost seconds.
            held = Path(os.path.normpath(real_root / path.parent.relative_to(root) / file_name)) \
                if path.is_relative_to(root) else Path(os.path.normpath(path.parent.resolve() / file_name))
            if not held.is_relative_to(real_root):
                out.add(path, "file", f"{file_name!r} points outside the archive folder")
                held = None
            elif not held.is_file():
                out.add(path, "file", f"held file {file_name!r} does not exist next to this sidecar")
            elif check_files:
                _check_sha(path, held, sha, out)
        if kind is ItemKind.DOCUMENT and meta.format and meta.format not in DOCUMENT_FORMATS:
            out.add(path, "format", f"a document's format must be one of {', '.join(sorted(DOCUMENT_FORMATS))}, "
                                    f"not {meta.format!r}")
        if kind is ItemKind.IMAGE and meta.format and not meta.format.startswith("image/"):
            out.add(path, "format", f"an image's format must be an image/… media type, not {meta.format!r}")
    mentioned = tuple(c for i, t in f.tables("mentioned_in")
                      if (c := _citation(t, f, f"mentioned_in[{i}]", _CITATION_KEYS)) is not None)
    fatal = any(p.severity is Severity.ERROR and p.where in ("", "id", "kind", "title")
                for p in out.problems[before:])
    if fatal or not item_id or kind is None:
        return None
    return Item(id=item_id, kind=kind, metadata=meta, sidecar=path, file=held, sha256=sha, date=date,
                caption=f.text("caption"), tags=f.texts("tags"), mentioned_in=mentioned,
                text_layer=_text_layer(f, held, root), part_of=f.text("part_of"))


def _text_layer(f: _Fields, held: Path | None, root: Path) -> TextLayer | None:
    """The ``[text_layer]`` table: machine-read text (OCR) kept beside the held file. A layer that is missing
    or broken is a warning only: the item and its file are whole without it (it is derived, and read again)."""
    table = f.data.get("text_layer")
    if table is None:
        return None
    if not isinstance(table, dict):
        f.out.add(f.path, "text_layer", "'text_layer' must be a table ([text_layer])", Severity.WARNING)
        return None
    tf = _Fields(table, f.path, "text_layer.", f.out)
    tf.unknown(_TEXT_LAYER_KEYS)
    name = tf.text("file")
    if held is None or not name:
        return None
    layer = (f.path.parent / name).resolve()
    if not layer.is_relative_to(root.resolve()) or not layer.is_file():
        f.out.add(f.path, "text_layer.file", f"the machine-read text {name!r} is missing (read the item's "
                                             "scanned pages again to restore it)", Severity.WARNING)
        return None
    pages = table.get("pages", [])
    pages = tuple(p for p in pages if isinstance(p, int)) if isinstance(pages, list) else ()
    return TextLayer(file=layer, sha256=tf.text("sha256").lower(), engine=tf.text("engine"),
                     languages=tf.texts("languages"), date=tf.text("date"), pages=pages)


def _kind_of_missing(f: _Fields) -> None:
    f.out.add(f.path, "kind", "required field 'kind' is missing (document, image or record)")
    return None


def _check_sha(sidecar: Path, held: Path, declared: str, out: _Collector) -> None:
    if not declared:
        out.add(sidecar, "sha256", "required field 'sha256' is missing for a held file")
        return
    if not re.fullmatch(r"[0-9a-f]{64}", declared):
        out.add(sidecar, "sha256", "sha256 must be 64 hexadecimal characters")
        return
    try:
        actual = sha256_of(held)
    except OSError as exc:
        out.add(held, "", f"cannot be read: {exc.strerror or exc}")
        return
    if actual != declared:
        out.add(sidecar, "sha256", f"checksum mismatch: the file {held.name!r} has changed since it was "
                                   f"described (expected {declared[:12]}…, found {actual[:12]}…)")


def _load_events(root: Path, out: _Collector) -> list[Event]:
    path = root / "timeline.toml"
    if not path.is_file():
        return []
    data = _read_toml(path, out)
    if data is None:
        return []
    top = _Fields(data, path, "", out)
    top.unknown({"event"})
    events = []
    for index, table in top.tables("event"):
        label = f"event[{index}]" + (f" '{table['id']}'" if isinstance(table.get("id"), str) else "")
        f = _Fields(table, path, f"{label}.", out)
        f.unknown(_EVENT_KEYS)
        eid, title = f.text("id", required=True), f.text("title", required=True)
        date = _date(f, "date", required=True)
        if eid and not ID_PATTERN.match(eid):
            out.add(path, f.where("id"), f"id {eid!r} may only contain lower-case letters, digits and '-'")
        citations = tuple(c for i, t in f.tables("citations")
                          if (c := _citation(t, f, f"{label}.citations[{i}]", _CITATION_KEYS)) is not None)
        claims = []
        for i, t in f.tables("date_claims"):
            where = f"{label}.date_claims[{i}]"
            citation = _citation(t, f, where, _DATE_CLAIM_KEYS)
            claim_date = _Fields(t, path, f"{where}.", out).text("date", required=True)
            if claim_date:
                try:
                    parse_date(claim_date)
                except DateError as exc:
                    out.add(path, f"{where}.date", str(exc))
                    continue
            if citation is not None and claim_date:
                claims.append(Claim(value=claim_date, citation=citation))
        if not citations and not claims:
            out.add(path, f"{label}.citations", "an event needs at least one citation ([[event.citations]])")
        if not (eid and title and date):
            continue
        events.append(Event(id=eid, date=date, title=title, description=f.text("description"),
                            places=f.texts("places"), people=f.texts("people"), tags=f.texts("tags"),
                            citations=citations, date_claims=tuple(claims)))
    return events


def _load_facts(root: Path, out: _Collector) -> list[Fact]:
    path = root / "facts.toml"
    if not path.is_file():
        return []
    data = _read_toml(path, out)
    if data is None:
        return []
    top = _Fields(data, path, "", out)
    top.unknown({"fact"})
    facts = []
    for index, table in top.tables("fact"):
        label = f"fact[{index}]" + (f" '{table['id']}'" if isinstance(table.get("id"), str) else "")
        f = _Fields(table, path, f"{label}.", out)
        f.unknown(_FACT_KEYS)
        fid, flabel = f.text("id", required=True), f.text("label", required=True)
        claims = []
        for i, t in f.tables("claims"):
            where = f"{label}.claims[{i}]"
            value = _Fields(t, path, f"{where}.", out).text("value", required=True)
            citation = _citation(t, f, where, _FACT_CLAIM_KEYS)
            if value and citation is not None:
                claims.append(Claim(value=value, citation=citation))
        if not claims:
            out.add(path, f"{label}.claims", "a fact needs at least one claim with its source")
        if fid and flabel and claims:
            facts.append(Fact(id=fid, label=flabel, claims=tuple(claims), description=f.text("description"),
                              subject=f.text("subject")))
    return facts


def _check_ids(items: list[Item], events: list[Event], facts: list[Fact], root: Path,
               out: _Collector) -> tuple[list[Item], list[Event], list[Fact]]:
    """Drop later duplicates, reporting each with both places."""
    kept_items: dict[str, Item] = {}
    for item in items:
        if item.id in kept_items:
            out.add(item.sidecar, "id", f"duplicate id {item.id!r}: already used by "
                                        f"{out.shown(kept_items[item.id].sidecar)}; this item is left out")
        else:
            kept_items[item.id] = item
    seen_events: dict[str, Event] = {}
    for event in events:
        if event.id in seen_events:
            out.add(root / "timeline.toml", f"event '{event.id}'", f"duplicate event id {event.id!r}; "
                                                                    "the second is left out")
        else:
            seen_events[event.id] = event
    seen_facts: dict[str, Fact] = {}
    for fact in facts:
        if fact.id in seen_facts:
            out.add(root / "facts.toml", f"fact '{fact.id}'", f"duplicate fact id {fact.id!r}; the second is left out")
        else:
            seen_facts[fact.id] = fact
    return list(kept_items.values()), list(seen_events.values()), list(seen_facts.values())


def _check_citations(archive_items: dict[str, Item], citations: Iterable[tuple[Path, str, Citation]],
                     texts: _Texts | None, out: _Collector) -> None:
    for path, where, citation in citations:
        item = archive_items.get(citation.item)
        if item is None:
            out.add(path, f"{where}.item", f"cites item {citation.item!r}, which is not in the archive")
            continue
        if texts is None:
            continue
        if item.kind is ItemKind.RECORD:
            out.add(path, f"{where}.item", f"cites the record {citation.item!r}; a record holds no text to "
                                           "quote — cite the document that mentions it")
            continue
        if item.kind is ItemKind.IMAGE:
            continue  # an image's evidence is the picture itself; nothing to match verbatim
        text = texts.of(item)
        if text is not None and citation.quote not in text:
            near = _nearest_passage(citation.quote, text)
            hint = f"; the closest passage is {near!r}" if near else ""
            out.add(path, f"{where}.quote", f"quote not found verbatim in {citation.item!r}: "
                                            f"{_short(citation.quote)!r}{hint}")


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _nearest_passage(quote: str, text: str) -> str | None:
    """Point the archivist at the likely intended passage (a straight quote for a curly one, a typo)."""
    import difflib
    if len(text) > 2_000_000:
        return None
    head = quote[:24]
    matcher = difflib.SequenceMatcher(None, text, head, autojunk=False)
    match = matcher.find_longest_match(0, len(text), 0, len(head))
    if match.size < 8:
        return None
    start = max(0, match.a - match.b)
    return _short(text[start:start + len(quote)])


def _all_citations(items: list[Item], events: list[Event], facts: list[Fact], root: Path
                   ) -> Iterable[tuple[Path, str, Citation]]:
    for item in items:
        for i, c in enumerate(item.mentioned_in, start=1):
            yield item.sidecar, f"mentioned_in[{i}]", c
    timeline = root / "timeline.toml"
    for event in events:
        for i, c in enumerate(event.citations, start=1):
            yield timeline, f"event '{event.id}'.citations[{i}]", c
        for i, claim in enumerate(event.date_claims, start=1):
            yield timeline, f"event '{event.id}'.date_claims[{i}]", claim.citation
    for fact in facts:
        for i, claim in enumerate(fact.claims, start=1):
            yield root / "facts.toml", f"fact '{fact.id}'.claims[{i}]", claim.citation


def _sidecars(root: Path, out: _Collector, *, required: bool = True) -> list[Path]:
    items_dir = root / "items"
    if not items_dir.is_dir():
        if required:
            out.add(items_dir, "", "missing: the archive has no items/ folder", Severity.WARNING)
        return []
    return sorted(p for p in items_dir.rglob("*.toml") if p.is_file() and not p.name.startswith("."))


def load_archive(root: Path | str, *, layers: Sequence[Path | str] = (), check_files: bool = True,
                 progress: Callable[[int, int], None] | None = None,
                 cache_dir: Path | str | None = None, trust: bool = False) -> LoadResult:
    """Load and validate the archive at ``root``, with the items of its user ``layers`` on top.

    ``check_files`` verifies checksums and that every citation is verbatim in its item (reads every held
    file): ``validate`` and tests use it; the GUI starts with it off and runs the fixity check in the
    background, so a large photo archive does not delay the first window.

    A layer (``core.archive.layers``) is a folder with an ``items/`` tree in the same format, where the app writes
    what the user imports: the archive at ``root`` may be read-only (the bundled one) and both show as one
    archive. A layer item whose id is already taken is reported and left out, like any duplicate.

    ``cache_dir`` (the user cache folder; without ``check_files``): go through the archive's catalogue
    (``core.archive.catalogue``), which re-reads only the sidecars changed since the last open and serves
    the items lazily; ``progress`` then counts the sidecars it reads; ``trust`` (the window's start) skips
    stat'ing the sidecars (``LoadResult.current`` is then False). ``validate`` reads everything.
    """
    if cache_dir is not None and not check_files:
        from .catalogue_open import load_catalogued
        return load_catalogued(root, layers=layers, cache_dir=cache_dir, progress=progress, trust=trust)
    root = Path(root)
    out = _Collector(root=root)
    if not root.is_dir():
        out.add(root, "", "is not a folder (an archive is a folder with a collection.toml)")
        return LoadResult(Archive(root=root, collection=Collection(id="missing", title=root.name)),
                          tuple(out.problems))
    collection = _load_collection(root, out)
    layer_roots = tuple(Path(layer) for layer in layers)
    sidecars = [(root, s) for s in _sidecars(root, out)]
    sidecars += [(layer, s) for layer in layer_roots for s in _sidecars(layer, out, required=False)]
    items = []
    real = {base: base.resolve() for base in (root, *layer_roots)}
    for number, (base, sidecar) in enumerate(sidecars, start=1):
        item = _load_item(sidecar, base, out, check_files, real[base])
        if item is not None:
            items.append(item)
        if progress:
            progress(number, len(sidecars))
    events = _load_events(root, out)
    facts = _load_facts(root, out)
    items, events, facts = _check_ids(items, events, facts, root, out)
    by_id = {item.id: item for item in items}
    _check_citations(by_id, _all_citations(items, events, facts, root), _Texts(out) if check_files else None, out)
    events.sort(key=lambda e: (e.date.sort_key, e.id))
    archive = Archive(root=root, collection=collection, items=tuple(items), events=tuple(events),
                      facts=tuple(facts), layers=layer_roots)
    return LoadResult(archive=archive, problems=tuple(out.problems))
