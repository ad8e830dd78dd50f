"""The index schema and how archive items and events become index documents.

Every item and event is one Whoosh document keyed ``item:<id>`` / ``event:<id>``. Each carries a content
hash of everything that was indexed from it (metadata, the held file's SHA-256, the extractor's version), so
an update re-indexes exactly what changed. Dates are stored as integer day ordinals (``date_lo``/``date_hi``)
so that historical dates of any age compare and an EDTF span overlaps a query range by two integer tests.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterable

from whoosh import columns, fields

from ..model import Archive, Event, Item, ItemKind
from ._analysis import ANALYSIS_VERSION, KEYWORD_SEP, ArchiveAnalyzer, KeywordAnalyzer

__all__ = ["SCHEMA_VERSION", "build_schema", "IndexDoc", "item_doc", "event_doc", "item_hash", "event_hash",
           "archive_fingerprint", "facet_record", "decode_facets", "FIELD_SEP", "TEXT_LIMIT"]

#: Bump on any change to the fields below or to how documents are built; ANALYSIS_VERSION is folded in.
SCHEMA_VERSION = f"1.{ANALYSIS_VERSION}"

#: At most this many characters of an item's text are indexed and stored (a 50 MB log is not a document).
TEXT_LIMIT = 20_000_000
FIELD_SEP = "\x1e"
_YEAR_FACET_MAX = 5  # a span touching more years than this gets no year facet
_DECADE_FACET_MAX = 3


def build_schema() -> fields.Schema:
    text = ArchiveAnalyzer()
    kw = KeywordAnalyzer()
    return fields.Schema(
        key=fields.ID(stored=True, unique=True),  # "item:<id>" | "event:<id>"
        id=fields.ID(stored=True),
        kind=fields.ID(stored=True),
        title=fields.TEXT(analyzer=text, stored=True),
        content=fields.TEXT(analyzer=text, spelling=True),  # title + every other searchable text
        creator=fields.TEXT(analyzer=text),
        publisher=fields.TEXT(analyzer=text),
        tag=fields.TEXT(analyzer=kw, phrase=False),
        lang=fields.TEXT(analyzer=kw, phrase=False),
        pub=fields.TEXT(analyzer=kw, phrase=False),  # publishers as whole values, for the facet filter
        year=fields.TEXT(analyzer=kw, phrase=False),
        decade=fields.TEXT(analyzer=kw, phrase=False),
        # signed: Whoosh 2.7 mis-evaluates ranges on unsigned NUMERIC fields (every value matches "<= x")
        date_lo=fields.NUMERIC(int, bits=32, sortable=True),
        date_hi=fields.NUMERIC(int, bits=32),
        undated=fields.NUMERIC(int, bits=32, sortable=True),
        title_sort=fields.COLUMN(columns.VarBytesColumn()),
        facets=fields.COLUMN(columns.VarBytesColumn()),
        state=fields.COLUMN(columns.VarBytesColumn()),  # "key<FIELD_SEP>content hash", for updates
        date=fields.STORED(),  # EDTF as written
        pubs=fields.STORED(),  # publisher for display
        item_id=fields.STORED(),
        body=fields.STORED(),  # the text snippets and hit positions are taken from
        pages=fields.STORED(),  # PDF pages: ((number, start, end), ...)
    )


@dataclass(frozen=True)
class IndexDoc:
    key: str
    chash: str
    fields: dict[str, Any]


def _h(parts: Iterable[Any]) -> str:
    return hashlib.sha256(json.dumps(list(parts), ensure_ascii=False, default=str).encode()).hexdigest()[:32]


def item_hash(item: Item, extractor_version: str) -> str:
    md = item.metadata
    return _h([SCHEMA_VERSION, "item", item.id, str(item.kind), md.as_dict(), item.sha256, item.caption,
               list(item.tags), item.date.edtf if item.date else None,
               [[c.item, c.quote, c.note] for c in item.mentioned_in],
               extractor_version if item.kind is ItemKind.DOCUMENT else ""])


def event_hash(event: Event) -> str:
    return _h([SCHEMA_VERSION, "event", event.id, event.date.edtf, event.title, event.description,
               list(event.places), list(event.people), list(event.tags),
               [[c.item, c.quote, c.note] for c in event.citations],
               [[cl.value, cl.citation.item, cl.citation.quote] for cl in event.date_claims]])


def archive_fingerprint(archive: Archive, extractor_version: str) -> str:
    """Changes whenever anything indexed from the archive would change (cheap: no file is read)."""
    pairs = sorted([("item:" + i.id, item_hash(i, extractor_version)) for i in archive.items]
                   + [("event:" + e.id, event_hash(e)) for e in archive.events])
    return _h([SCHEMA_VERSION, archive.collection.id, pairs])


def _year_of(ordinal: int) -> int:
    return _dt.date.fromordinal(ordinal).year


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
    if item.kind is ItemKind.DOCUMENT and text:
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

