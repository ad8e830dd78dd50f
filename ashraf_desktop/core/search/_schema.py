"""The index schema and how archive items and events become index documents.

Every item and event is one Whoosh document keyed ``item:<id>`` / ``event:<id>``. Each carries a content
hash of everything that was indexed from it (metadata, the held file's SHA-256, the extractor's version), so
an update re-indexes exactly what changed. Dates are stored as integer day ordinals (``date_lo``/``date_hi``)
so that historical dates of any age compare and an EDTF span overlaps a query range by two integer tests.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any, Iterable

from whoosh import columns, fields

from ..archive import Archive, Event, Fact, Item, ItemKind, MemoryItems, year_of
from ._analysis import ANALYSIS_VERSION, KEYWORD_SEP, ArchiveAnalyzer, KeywordAnalyzer

__all__ = ["SCHEMA_VERSION", "build_schema", "IndexDoc", "item_doc", "event_doc", "fact_doc", "annotation_doc",
           "plain_note", "ANNOTATION_PREFIX", "item_hash", "event_hash", "fact_hash",
           "archive_fingerprint", "archive_hashes", "hash_sum", "fingerprint_of", "facet_record", "decode_facets", "FIELD_SEP", "TEXT_LIMIT"]

#: Bump on any change to the fields below or to how documents are built; ANALYSIS_VERSION is folded in.
#: 2: no Whoosh spelling field (the unstemmed words live in ``words.txt``, see ``_index``), 8-bit date
#: tiers, one-term ``undated``, ``id`` stored only, cheaper content hashes.
#: 3: annotations are documents too (kind ``annotation``, key ``annot:<uuid>``): ``note`` field, ``annot`` stored.
#: 4: ``date_hi`` is a column too, so that date ranges are answered from columns (see ``_fast``).
#: 5: ``date_lo``/``date_hi`` are signed 64-bit day numbers (BCE, years beyond 9999, open ends; issue 19).
#: 6: the archive's facts are documents too (kind ``fact``, key ``fact:<id>``; issue 16).
#: 7: the 64-bit date fields write 4 range-tier terms a value instead of 8 (shift_step 16), and postings are
#: stored uncompressed (``_writer.codec``): a quarter fewer postings in a build of records.
SCHEMA_VERSION = f"7.{ANALYSIS_VERSION}"

#: Key prefix of annotation documents. They come from the annotations database (``sync_annotations``), not
#: from the archive, so they take no part in the archive's content hashes and fingerprint.
ANNOTATION_PREFIX = "annot:"

#: At most this many characters of an item's text are indexed and stored (a 50 MB log is not a document).
TEXT_LIMIT = 20_000_000
FIELD_SEP = "\x1e"
_YEAR_FACET_MAX = 5  # a span touching more years than this gets no year facet
_DECADE_FACET_MAX = 3


def build_schema() -> fields.Schema:
    text = ArchiveAnalyzer()
    kw = KeywordAnalyzer()
    return fields.Schema(
        key=fields.ID(stored=True, unique=True),  # "item:<id>" | "event:<id>" | "annot:<uuid>"
        id=fields.STORED(),  # ``id:`` queries use ``key`` (one unique term a document, not two)
        kind=fields.ID(stored=True),
        title=fields.TEXT(analyzer=text, stored=True),
        # title + every other searchable text. No ``spelling=True``: Whoosh's spelling field doubled the
        # terms written per document; prefix expansion and "did you mean" read a plain word list instead.
        content=fields.TEXT(analyzer=text),
        creator=fields.TEXT(analyzer=text),
        publisher=fields.TEXT(analyzer=text),
        tag=fields.TEXT(analyzer=kw, phrase=False),
        lang=fields.TEXT(analyzer=kw, phrase=False),
        pub=fields.TEXT(analyzer=kw, phrase=False),  # publishers as whole values, for the facet filter
        year=fields.TEXT(analyzer=kw, phrase=False),
        decade=fields.TEXT(analyzer=kw, phrase=False),
        # signed: Whoosh 2.7 mis-evaluates ranges on unsigned NUMERIC fields (every value matches "<= x")
        # shift_step 16: 4 range-tier terms a 64-bit value instead of 8 (ranges, answered from the columns by
        # ``_fast``, read a few more terms in Whoosh's fallback; builds write half the postings). ``undated``
        # is only sorted on, never ranged: one term.
        date_lo=fields.NUMERIC(int, bits=64, sortable=True, shift_step=16),
        date_hi=fields.NUMERIC(int, bits=64, sortable=True, shift_step=16),
        undated=fields.NUMERIC(int, bits=32, sortable=True, shift_step=32),
        title_sort=fields.COLUMN(columns.VarBytesColumn()),
        facets=fields.COLUMN(columns.VarBytesColumn()),
        state=fields.COLUMN(columns.VarBytesColumn()),  # "key<FIELD_SEP>content hash", for updates
        date=fields.STORED(),  # EDTF as written
        pubs=fields.STORED(),  # publisher for display
        item_id=fields.STORED(),
        body=fields.STORED(),  # the text snippets and hit positions are taken from
        pages=fields.STORED(),  # PDF pages: ((number, start, end), ...)
        note=fields.TEXT(analyzer=text),  # an annotation's note (``note:`` queries); also in ``content``
        annot=fields.STORED(),  # an annotation's display data: item label, quote, page, colour, tags, author
    )


@dataclass(frozen=True)
class IndexDoc:
    key: str
    chash: str
    fields: dict[str, Any]


def _h(parts: Any) -> str:
    """A 128-bit hex digest of plain data (str, int, None, tuples): ``repr`` is stable across processes."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _cites(citations) -> tuple:
    return tuple((c.item, c.quote, c.note) for c in citations)


def item_hash(item: Item, extractor_version: str) -> str:
    md = item.metadata
    return _h((SCHEMA_VERSION, "item", item.id, str(item.kind), md.title, md.creator, md.publisher, md.date,
               md.language, md.description, md.subject, md.source, md.rights, md.type, md.format,
               md.identifier, item.sha256, item.caption, tuple(item.tags),
               item.date.edtf if item.date else None, _cites(item.mentioned_in),
               extractor_version if item.kind is ItemKind.DOCUMENT else "",
               item.text_layer.sha256 if item.text_layer else ""))  # read again (OCR): index again


def fact_hash(fact: Fact) -> str:
    return _h((SCHEMA_VERSION, "fact", fact.id, fact.label, fact.subject, fact.description,
               tuple((cl.value, cl.citation.item, cl.citation.quote) for cl in fact.claims)))


def event_hash(event: Event) -> str:
    return _h((SCHEMA_VERSION, "event", event.id, event.date.edtf, event.title, event.description,
               tuple(event.places), tuple(event.people), tuple(event.tags), _cites(event.citations),
               tuple((cl.value, cl.citation.item, cl.citation.quote) for cl in event.date_claims)))


_MASK = (1 << 128) - 1


def hash_sum(hashes: Iterable[str]) -> int:
    """The order-free sum of content hashes an archive fingerprint is made of (see :func:`fingerprint_of`)."""
    return sum(int(h, 16) for h in hashes) & _MASK


def fingerprint_of(collection_id: str, count: int, total: int) -> str:
    """Fingerprint from the number of indexed things and the sum of their content hashes.

    Every content hash covers its item's or event's id, so the sum changes whenever anything indexed is
    added, changed or removed, and it can be kept up to date one item at a time (incremental updates).
    """
    return _h((SCHEMA_VERSION, collection_id, count, total))


def archive_hashes(archive: Archive, extractor_version, cache: dict | None = None) -> dict[str, str]:
    """``{"item:<id>" | "event:<id>": content hash}``. ``cache`` maps a key to ``(object, hash)`` from an
    earlier call: items and events are immutable, so one that *is* the cached object is not hashed again.
    ``extractor_version`` may be a function, called only if a document needs hashing."""
    out: dict[str, str] = {}
    if callable(extractor_version):
        lazy = extractor_version

        def version(item: Item) -> str:
            nonlocal extractor_version
            if callable(extractor_version) and item.kind is ItemKind.DOCUMENT:
                extractor_version = lazy()
            return extractor_version if not callable(extractor_version) else ""
    else:
        def version(item: Item) -> str:
            return extractor_version
    get = cache.get if cache is not None else (lambda _k: None)
    # Items of a catalogued archive are built afresh on every load and on every walk: holding them in the
    # cache could never save a hash, and kept 100k Items alive (190 MB at 100k); the items of an archive
    # held in memory are alive anyway
    keep = cache is not None and isinstance(archive.items, MemoryItems)
    for item in archive.items:
        key = "item:" + item.id
        hit = get(key)
        if hit is not None and hit[0] is item:
            out[key] = hit[1]
            continue
        h = out[key] = item_hash(item, version(item))
        if keep:
            cache[key] = (item, h)
    for event in archive.events:
        key = "event:" + event.id
        hit = get(key)
        if hit is not None and hit[0] is event:
            out[key] = hit[1]
            continue
        h = out[key] = event_hash(event)
        if cache is not None:
            cache[key] = (event, h)
    for fact in archive.facts:
        out["fact:" + fact.id] = fact_hash(fact)
    return out


def archive_fingerprint(archive: Archive, extractor_version: str, cache: dict | None = None) -> str:
    """Changes whenever anything indexed from the archive would change (cheap: no file is read)."""
    hashes = archive_hashes(archive, extractor_version, cache)
    return fingerprint_of(archive.collection.id, len(hashes), hash_sum(hashes.values()))


def _year_of(day: int) -> int:
    return year_of(day)  # day numbers of any year (core.archive.days): BCE and beyond 9999 too


def _date_fields(span) -> dict[str, Any]:
    if span is None:
        return {"undated": 1}  # no date_lo/date_hi terms: an undated item matches no date range
    lo, hi = span.lower, span.upper
    out: dict[str, Any] = {"undated": 0, "date_lo": lo, "date_hi": hi}
    if not (span.open_start or span.open_end):
        y0, y1 = _year_of(lo), _year_of(hi)
        if y1 - y0 < _YEAR_FACET_MAX:
            out["year"] = KEYWORD_SEP.join(str(y) for y in range(y0, y1 + 1))
        if y1 // 10 - y0 // 10 < _DECADE_FACET_MAX:
            out["decade"] = KEYWORD_SEP.join(str(d * 10) for d in range(y0 // 10, y1 // 10 + 1))
    return out


def facet_record(kind: str, years: str, decades: str, tags: Iterable[str], langs: Iterable[str],
                 pubs: Iterable[str]) -> bytes:
    return FIELD_SEP.join([kind, years, decades, KEYWORD_SEP.join(tags), KEYWORD_SEP.join(langs),
                           KEYWORD_SEP.join(pubs)]).encode("utf-8")


def decode_facets(raw: bytes) -> tuple[tuple[str, ...], ...]:
    if not raw:
        return ((), (), (), (), (), ())
    parts = raw.decode("utf-8").split(FIELD_SEP)
    return tuple(tuple(v for v in p.split(KEYWORD_SEP) if v) for p in parts)


def _clean(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        v = " ".join(str(v).split())
        if v:
            seen.setdefault(v, None)
    return list(seen)


def _languages(values: Iterable[str]) -> list[str]:
    """BCP 47 tags lower-cased, plus each tag's primary language (``fa-IR`` is also ``fa``)."""
    out: dict[str, None] = {}
    for v in values:
        tag = v.strip().lower().replace("_", "-")
        if tag:
            out.setdefault(tag, None)
            out.setdefault(tag.split("-")[0], None)
    return list(out)


def _common(key: str, ident: str, kind: str, title: str, span, tags: list[str], langs: list[str],
            pubs: list[str], creators: list[str], content: str, body: str, item_id: str | None,
            chash: str, pages=()) -> IndexDoc:
    date_fields = _date_fields(span)
    lang_values = _languages(langs)
    f: dict[str, Any] = {
        "key": key, "id": ident, "kind": kind, "title": title, "content": content,
        "title_sort": " ".join(title.casefold().split()).encode("utf-8"),
        "facets": facet_record(kind, date_fields.get("year", ""), date_fields.get("decade", ""),
                               tags, [lang for lang in langs if lang], pubs),
        "state": f"{key}{FIELD_SEP}{chash}".encode("utf-8"),
        "date": span.edtf if span is not None else None,
        "pubs": "; ".join(pubs), "item_id": item_id, "body": body,
        **date_fields,
    }
    if pages:
        f["pages"] = tuple(pages)
    if creators:
        f["creator"] = "\n".join(creators)
    if pubs:
        f["publisher"] = "\n".join(pubs)
        f["pub"] = KEYWORD_SEP.join(pubs)
    if tags:
        f["tag"] = KEYWORD_SEP.join(tags)
    if lang_values:
        f["lang"] = KEYWORD_SEP.join(lang_values)
    return IndexDoc(key=key, chash=chash, fields=f)


def item_doc(item: Item, chash: str, text: str = "", pages=()) -> IndexDoc:
    """``text``: the extracted text of a held document ("" for images, records or unreadable files)."""
    md = item.metadata
    tags = _clean(item.tags)
    pubs = _clean(md.publisher)
    creators = _clean(md.creator)
    langs = _clean(md.language)
    mentions = [c.quote for c in item.mentioned_in]
    extra = [md.description, item.caption, *md.subject, *creators, *pubs, *tags, md.source,
             *md.identifier, *mentions]
    meta_text = "\n".join(x for x in extra if x)
    text = text[:TEXT_LIMIT]
    content = "\n".join(x for x in (md.title, meta_text, text) if x)
    if text:  # a document's text, or a photo's machine-read text (OCR)
        body = text
    else:
        body = "\n".join(x for x in (item.caption, md.description, *mentions) if x)
    return _common("item:" + item.id, item.id, str(item.kind), md.title, item.date, tags, langs, pubs,
                   creators, content, body, item.id, chash, pages)


def event_doc(event: Event, chash: str, default_langs: Iterable[str] = ()) -> IndexDoc:
    quotes = [c.quote for c in event.citations] + [cl.citation.quote for cl in event.date_claims]
    tags = _clean(event.tags)
    places, people = _clean(event.places), _clean(event.people)
    body = "\n".join(x for x in (event.description, *_clean(quotes),
                                 "Places: " + "; ".join(places) if places else "",
                                 "People: " + "; ".join(people) if people else "") if x)
    content = "\n".join(x for x in (event.title, body, *tags) if x)
    cited = event.cited_items()
    return _common("event:" + event.id, event.id, "event", event.title, event.date, tags,
                   _clean(default_langs), [], [], content, body,
                   cited[0] if cited else None, chash)



def fact_doc(fact: Fact, chash: str, titles: dict[str, str], default_langs: Iterable[str] = ()) -> IndexDoc:
    """A fact the sources state, as a document of kind ``fact``: found by its label, its id's words, subject,
    description, every value and every quoted passage; its snippet gives each value with its source (``titles``: item id ->
    title, for the sources the archive has)."""
    values: dict[str, list[str]] = {}
    for claim in fact.claims:  # the values as first written, each with its sources, in file order
        values.setdefault(claim.value, []).append(titles.get(claim.citation.item, claim.citation.item))
    body = " · ".join(f"{value} — {'; '.join(sources)}" for value, sources in values.items())
    quotes = _clean([claim.citation.quote for claim in fact.claims])
    # the fact's id is the archive's own key word for it ("population", "distance-from-baghdad"): searchable too
    content = "\n".join(x for x in (fact.label, fact.id.replace("-", " "), fact.subject, fact.description, *values,
                                     *quotes) if x)
    first = fact.claims[0].citation.item if fact.claims else None
    return _common("fact:" + fact.id, fact.id, "fact", fact.label, None, [], _clean(default_langs), [], [],
                   content, body, first, chash)


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(^|\n)[ \t]{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def plain_note(markdown: str) -> str:
    """A Markdown note as plain words for indexing and snippets: links become their labels, emphasis and
    heading/list/quote marks go. Not a renderer: what a reader of the snippet should see."""
    text = _MD_LINK.sub(lambda m: m.group(1), markdown or "")
    text = _MD_MARKS.sub(lambda m: m.group(1), text)
    return _MD_EMPHASIS.sub(lambda m: m.group(2), text).strip()


def annotation_doc(record, item: Item | None) -> IndexDoc:
    """An annotation (a ``core.annotations.IndexRecord``) as an index document of kind ``annotation``.

    Searchable: the note (``note:`` and plain queries), the tags (``tag:`` and plain queries), the author
    (``creator:``/``author:``). The quoted passage is *not* indexed (the document's own text already is);
    it is stored for display. Dated like its item, so a date filter keeps the annotations of the period.
    """
    note = plain_note(record.note)
    tags = _clean(record.tags)
    label = item.title if item is not None else record.item_id
    key = ANNOTATION_PREFIX + record.annotation_id
    content = "\n".join(x for x in (note, *tags) if x)
    body = note or record.quote
    doc = _common(key, record.annotation_id, "annotation", "", item.date if item is not None else None, tags,
                  [], [], [record.author] if record.author else [], content, body, record.item_id, "")
    f = doc.fields
    f.pop("state", None)  # not an archive object: never part of the archive diff
    f["title_sort"] = " ".join(label.casefold().split()).encode("utf-8")
    if note:
        f["note"] = note
    f["annot"] = {"label": label, "quote": record.quote, "page": record.page, "colour": record.colour,
                  "tags": tuple(record.tags), "author": record.author, "status": record.status,
                  "kind": record.kind, "note": record.note[:4000], "modified": record.modified}
    return IndexDoc(key=key, chash="", fields=f)
