"""The benchmark corpora as plain records, the query sets, and the in-memory Archive built from them.

Stdlib only at import time (Debian's /usr/bin/python3 runs the Recoll worker with this module); the
archive model is imported lazily by :func:`build_archive`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CORPORA = BENCH / "corpora"
SHARED = Path(os.environ.get("ASHRAF_SHARED", BENCH.parent.parent / "shared")).resolve()
CHANGELOG_QUERIES = SHARED / "bench" / "queries-changelogs.json"
SPEECH_QUERIES = BENCH / "queries-speeches.json"
CORPUS_NAMES = ("changelogs", "speeches")
QUICK_SIZE = {"changelogs": 10_000, "speeches": 250}
QTYPES = ("single", "and", "phrase", "prefix", "fuzzy", "date", "term+date")


@dataclass(frozen=True)
class Doc:
    id: str  # archive item id (lower-case, digits, '-')
    title: str
    body: str  # the searchable text besides the title (changelog body, or the speech's full text)
    creator: str
    date: str  # EDTF ("2019-03-04" or "1790")
    lo: int  # ordinal day bounds of ``date``
    hi: int
    path: str  # a file holding title + body (changelogs) or the held text (speeches)
    nbytes: int  # UTF-8 bytes of title + body, the "MB" of MB/s
    kind: str  # "record" (changelogs) or "document" (speeches)
    sha256: str = ""


def _bounds(edtf: str) -> tuple[int, int]:
    if len(edtf) == 4:
        y = int(edtf)
        return dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
    d = dt.date.fromisoformat(edtf[:10]).toordinal()
    return d, d


def _subset(docs: list[Doc], n: int | None) -> list[Doc]:
    """A deterministic, evenly spread subset (every k-th document), so every source is represented."""
    if not n or n >= len(docs):
        return docs
    step = len(docs) / n
    return [docs[int(i * step)] for i in range(n)]


def load_docs(corpus: str, quick: bool = False) -> list[Doc]:
    n = QUICK_SIZE[corpus] if quick else None
    if corpus == "changelogs":
        base = CORPORA / "changelogs"
        docs = []
        with open(base / "docs.jsonl", encoding="utf-8") as handle:
            for line in handle:
                d = json.loads(line)
                date = d["date"][:10]
                lo, hi = _bounds(date)
                ident = d["id"]
                docs.append(Doc(id=ident, title=d["title"], body=d["body"], creator=d["author"], date=date,
                                lo=lo, hi=hi, path=str(base / "files" / ident[:4] / f"{ident}.txt"),
                                nbytes=len(d["title"].encode()) + len(d["body"].encode()), kind="record"))
        return _subset(docs, n)
    if corpus == "speeches":
        docs = []
        with open(CORPORA / "speeches" / "manifest.jsonl", encoding="utf-8") as handle:
            for line in handle:
                e = json.loads(line)
                lo, hi = _bounds(e["date"])
                raw = Path(e["path"]).read_bytes()
                body = raw.decode("utf-8", "replace")
                docs.append(Doc(id=e["id"], title=e["title"], body=body, creator=e["creator"],
                                date=e["date"], lo=lo, hi=hi, path=e["path"],
                                nbytes=len(e["title"].encode()) + len(raw), kind="document",
                                sha256=e["sha256"]))
        return _subset(docs, n)
    raise ValueError(corpus)


def file_list(corpus: str, quick: bool) -> tuple[Path, list[Doc]]:
    """The folder Recoll indexes for this corpus (quick: a folder of hard links to the subset)."""
    docs = load_docs(corpus, quick)
    full = CORPORA / corpus / ("files" if corpus == "changelogs" else "archive/items")
    if not quick:
        return full, docs
    sub = CORPORA / corpus / "quick_files"
    stamp = sub / ".complete"
    if not stamp.exists():
        sub.mkdir(parents=True, exist_ok=True)
        for d in docs:
            target = sub / Path(d.path).name
            if not target.exists():
                os.link(d.path, target)
        stamp.write_text(str(len(docs)))
    return sub, docs


# --- queries -------------------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]{4,}")


def make_speech_queries(docs: list[Doc], n: int = 250, seed: int = 1789) -> dict[str, list]:
    """250 queries of each type drawn from the speeches, like queries-changelogs.json was from its corpus."""
    rng = random.Random(seed)
    out: dict[str, list] = {"single": [], "and": [], "phrase": [], "prefix": [], "fuzzy": []}
    words_of = {}

    def words(d: Doc) -> list[str]:
        if d.id not in words_of:
            words_of[d.id] = [w.lower() for w in _WORD.findall(d.body)]
        return words_of[d.id]

    while min(len(v) for v in out.values()) < n:
        w = words(rng.choice(docs))
        if len(w) < 50:
            continue
        i = rng.randrange(len(w) - 1)
        if len(out["single"]) < n:
            out["single"].append([w[i]])
        if len(out["and"]) < n:
            j = rng.randrange(len(w))
            if w[j] != w[i]:
                out["and"].append([w[i], w[j]])
        if len(out["phrase"]) < n:
            out["phrase"].append([w[i], w[i + 1]])
        if len(out["prefix"]) < n and len(w[i]) >= 6:
            out["prefix"].append(w[i][:4])
        if len(out["fuzzy"]) < n and len(w[i]) >= 6:
            k = rng.randrange(1, len(w[i]) - 1)
            c = rng.choice([ch for ch in "abcdefghijklmnopqrstuvwxyz" if ch != w[i][k]])
            out["fuzzy"].append(w[i][:k] + c + w[i][k + 1:])
    return out


def date_queries(corpus: str, n: int = 250, seed: int = 2003) -> list[tuple[int, int, str]]:
    """Date ranges: a year, a month, or a span of 2-10 years, as (lo ordinal, hi ordinal, EDTF range)."""
    rng = random.Random(seed)
    y0, y1 = (1990, 2024) if corpus == "changelogs" else (1790, 2019)
    out = []
    for i in range(n):
        y = rng.randint(y0, y1)
        kind = i % 3
        if kind == 0:
            lo, hi, text = dt.date(y, 1, 1), dt.date(y, 12, 31), f"{y}"
        elif kind == 1:
            m = rng.randint(1, 12)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            lo, hi, text = dt.date(y, m, 1), nxt - dt.timedelta(days=1), f"{y}-{m:02d}"
        else:
            span = rng.randint(2, 10)
            lo, hi, text = dt.date(y, 1, 1), dt.date(y + span - 1, 12, 31), f"{y}..{y + span - 1}"
        out.append((lo.toordinal(), hi.toordinal(), text))
    return out


def load_queries(corpus: str, limit: int | None = None) -> dict[str, list]:
    """{type: [query, ...]}; words as lists (single/and/phrase), prefix/fuzzy as strings, and date ranges.

    ``term+date`` pairs the i-th single-word query with the i-th date range.
    """
    path = CHANGELOG_QUERIES if corpus == "changelogs" else SPEECH_QUERIES
    with open(path, encoding="utf-8") as handle:
        q = json.load(handle)
    dates = date_queries(corpus)
    q["date"] = [list(d) for d in dates]
    q["term+date"] = [[s[0], *d] for s, d in zip(q["single"], dates)]
    if limit:
        q = {k: v[:limit] for k, v in q.items()}
    return {k: q[k] for k in QTYPES}


# --- the archive model ---------------------------------------------------------------------------------

def build_archive(docs: list[Doc], corpus: str):
    """An :class:`Archive` of these docs built from model classes (no TOML parsing, no hashing)."""
    from ashraf_desktop.core.archive import DateSpan, Precision
    from ashraf_desktop.core.archive import Archive, Collection, Item, ItemKind, Metadata
    root = CORPORA / corpus / "archive"
    items = []
    for d in docs:
        span = DateSpan(d.date, d.lo, d.hi, Precision.YEAR if len(d.date) == 4 else Precision.DAY)
        if d.kind == "record":
            md = Metadata(title=d.title, creator=(d.creator,) if d.creator else (), date=d.date,
                          language=("en",), description=d.body, type="Text")
            items.append(Item(id=d.id, kind=ItemKind.RECORD, metadata=md, sidecar=root / "items" / f"{d.id}.toml",
                              date=span))
        else:
            md = Metadata(title=d.title, creator=(d.creator,) if d.creator else (), date=d.date,
                          language=("en",), type="Text", format="text/plain")
            items.append(Item(id=d.id, kind=ItemKind.DOCUMENT, metadata=md,
                              sidecar=Path(d.path).with_suffix(".toml"), file=Path(d.path), sha256=d.sha256,
                              date=span))
    coll = Collection(id=f"bench-{corpus}", title=f"benchmark corpus {corpus}", language=("en",))
    return Archive(root=root, collection=coll, items=tuple(items))


def with_items(archive, extra):
    """The same archive plus ``extra`` items (one-item add benchmark)."""
    from ashraf_desktop.core.archive import Archive
    return Archive(root=archive.root, collection=archive.collection, items=archive.items + tuple(extra),
                   events=archive.events, facts=archive.facts)


def new_item_like(item, n: int):
    """A new item with a new id and the text of an existing one (real text, unique id)."""
    from dataclasses import replace

    return replace(item, id=f"{item.id}-added-{n}")


def rss_mb() -> dict[str, float]:
    """VmRSS (now) and VmHWM (peak) of this process, in MB."""
    out = {}
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, val = line.split(":")
                    out[key] = int(val.split()[0]) / 1024
    except OSError:
        pass
    return {"rss_mb": round(out.get("VmRSS", 0.0), 1), "hwm_mb": round(out.get("VmHWM", 0.0), 1)}


def dir_size_mb(path: Path) -> float:
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return round(total / 1e6, 1)


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    s = sorted(values)

    def pct(p: float) -> float:  # nearest-rank on the sorted sample
        k = max(0, min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1))
        return s[k]

    return {"n": len(s), "p50": round(pct(50), 3), "p95": round(pct(95), 3), "max": round(s[-1], 3),
            "mean": round(sum(s) / len(s), 3)}
