#!/usr/bin/env python3
"""One engine, one phase, one process: the unit that bench_search.py runs and measures.

    search_worker.py ENGINE PHASE --corpus C --index DIR [--quick] [--limit N] [--adds N]

ENGINE: ``ashraf`` (our SearchIndex facade, Whoosh), ``fts5`` (SQLite FTS5), ``recoll`` (Xapian, run with
Debian's /usr/bin/python3, which has python3-recoll). PHASE: ``build``, ``query``, ``first`` (one cold
query: what a new process pays up to its first result), ``add`` (one-item add + commit, repeated).
Prints one JSON object on stdout; timings in ms unless the key says otherwise.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

T_START = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import (CORPORA, QTYPES, Doc, build_archive, dir_size_mb, load_docs, load_queries,  # noqa: E402
                     new_item_like, percentiles, rss_mb, with_items, file_list)

perf = time.perf_counter
TOP = 10


def ms(t0: float) -> float:
    return round((perf() - t0) * 1000, 3)


# =========================================================================================== our index

def _open_index():
    """The facade's open_index (imported on first use, so that the import is timed)."""
    from ashraf_desktop.core.search import open_index
    return open_index


class AshrafEngine:
    """Through the public facade only: open_index(archive, root) → SearchIndex.search/update."""

    name = "ashraf"

    procs: int | None = None  # build_procs for open_index (None: the facade decides)
    facets = True
    use_signature = True  # pass the corpus signature, as the app's loader would (no item hashing on open)
    verify = "now"

    def signature(self) -> str:
        """What a loader derives from its files' sizes and times: here, the corpus and its manifest."""
        src = CORPORA / self.corpus / ("docs.jsonl" if self.corpus == "changelogs" else "manifest.jsonl")
        st = src.stat()
        return f"bench-{self.corpus}-{'quick' if self.quick else 'full'}-{st.st_size}-{st.st_mtime_ns}"

    def _kw(self) -> dict:
        import inspect
        params = inspect.signature(_open_index()).parameters
        kw = {}
        if self.use_signature and "signature" in params:
            kw["signature"] = self.signature()
        if self.verify != "now" and "verify" in params:
            kw["verify"] = self.verify
        return kw

    def __init__(self, corpus: str, index: Path, quick: bool) -> None:
        self.corpus, self.index, self.quick = corpus, index, quick
        self.ix = None
        self.archive = None

    @staticmethod
    def _import():
        t = perf()
        _open_index()
        return ms(t)

    def make_archive(self, docs=None):
        t = perf()
        docs = docs if docs is not None else load_docs(self.corpus, self.quick)
        self.archive = build_archive(docs, self.corpus)
        return ms(t)

    def build(self, docs: list[Doc]) -> dict:
        open_index = _open_index()
        t_arch = self.make_archive(docs)
        if self.index.exists():
            shutil.rmtree(self.index)
        calls = [0]

        def progress(*_a):
            calls[0] += 1

        kw = {"build_procs": self.procs} if self.procs else {}
        kw.update(self._kw())
        t = perf()
        ix = open_index(self.archive, self.index, progress=progress, **kw)
        build_s = perf() - t
        t = perf()
        ix.close()
        return {"build_s": round(build_s, 3), "close_ms": ms(t), "archive_ms": t_arch,
                "progress_calls": calls[0]}

    def open(self) -> dict:
        open_index = _open_index()
        kw = self._kw()
        t = perf()
        self.ix = open_index(self.archive, self.index, **kw)
        return {"open_ms": ms(t), "open_kw": sorted(kw)}

    def _q(self, qtype: str, q):
        if qtype == "single":
            return q[0], {}
        if qtype == "and":
            return " AND ".join(q), {}
        if qtype == "phrase":
            return '"' + " ".join(q) + '"', {}
        if qtype == "prefix":
            return q + "*", {}
        if qtype == "fuzzy":
            return q + "~", {}
        if qtype == "date":
            return f"date:{q[2]}", {"sort": "date"}
        if qtype == "term+date":
            return f"{q[0]} date:{q[3]}", {}
        raise ValueError(qtype)

    exact_total = False  # the window's first page: "about N" where a phrase has very many candidates

    def search(self, qtype: str, q) -> tuple[int, list]:
        text, kw = self._q(qtype, q)
        if not self.facets:
            kw["with_facets"] = False
        import inspect
        if "exact_total" in inspect.signature(self.ix.search).parameters:
            kw["exact_total"] = self.exact_total
        r = self.ix.search(text, page_size=TOP, **kw)
        return r.total, [(h.id, h.snippet) for h in r.hits]

    def add(self, n: int) -> float:
        """One new item through ``update_items`` (the GUI's path for an edit it knows about)."""
        base = self.archive.items[(n * 7919) % len(self.archive.items)]
        item = new_item_like(base, n)
        self.archive = with_items(self.archive, [item])
        t = perf()
        if hasattr(self.ix, "update_items"):
            self.ix.update_items([item])
        else:
            self.ix.update(self.archive)
        return ms(t)

    def add_full(self, n: int) -> float:
        """One new item through ``update(archive)`` (diff of the whole archive by content hash)."""
        base = self.archive.items[(n * 7919) % len(self.archive.items)]
        self.archive = with_items(self.archive, [new_item_like(base, 10_000 + n)])
        t = perf()
        self.ix.update(self.archive)
        return ms(t)

    def noop_update(self) -> float:
        t = perf()
        self.ix.update(self.archive)
        return ms(t)

    def close(self) -> None:
        if self.ix is not None:
            self.ix.close()


# =========================================================================================== SQLite FTS5

class Fts5Engine:
    name = "fts5"

    def __init__(self, corpus: str, index: Path, quick: bool) -> None:
        self.corpus, self.index, self.quick = corpus, index, quick
        self.db = None
        self.docs: list[Doc] = []

    @property
    def path(self) -> Path:
        return self.index / "fts.sqlite"

    def _connect(self):
        import sqlite3
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")

    def build(self, docs: list[Doc]) -> dict:
        if self.index.exists():
            shutil.rmtree(self.index)
        self.index.mkdir(parents=True)
        t = perf()
        self._connect()
        db = self.db
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, "
                   "tokenize='porter unicode61 remove_diacritics 2')")
        db.execute("CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, kind TEXT, creator TEXT, "
                   "date TEXT, lo INTEGER, hi INTEGER)")
        with db:
            for i, d in enumerate(docs, 1):
                db.execute("INSERT INTO docs(rowid, title, body) VALUES (?,?,?)", (i, d.title, d.body))
                db.execute("INSERT INTO meta VALUES (?,?,?,?,?,?,?)",
                           (i, d.id, d.kind, d.creator, d.date, d.lo, d.hi))
            db.execute("CREATE INDEX meta_lo ON meta(lo)")
        build_s = perf() - t
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        return {"build_s": round(build_s, 3)}

    def open(self) -> dict:
        t = perf()
        self._connect()
        self.db.execute("SELECT count(*) FROM meta").fetchone()
        return {"open_ms": ms(t)}

    @staticmethod
    def _match(qtype: str, q) -> str | None:
        quote = lambda w: '"' + w.replace('"', '""') + '"'  # noqa: E731
        if qtype in ("single", "term+date"):
            return quote(q[0])
        if qtype == "and":
            return " AND ".join(quote(w) for w in q)
        if qtype == "phrase":
            return quote(" ".join(q))
        if qtype == "prefix":
            return quote(q) + "*"
        return None

    _SEL = ("SELECT m.id, m.date, d.title, snippet(docs, 1, '[', ']', '…', 16) FROM docs d "
            "JOIN meta m ON m.rowid = d.rowid WHERE docs MATCH ?")

    def search(self, qtype: str, q) -> tuple[int, list]:
        db = self.db
        if qtype == "fuzzy":
            raise NotImplementedError("FTS5 has no fuzzy (edit-distance) query")
        if qtype == "date":
            lo, hi = q[0], q[1]
            total = db.execute("SELECT count(*) FROM meta WHERE lo <= ? AND hi >= ?", (hi, lo)).fetchone()[0]
            rows = db.execute("SELECT m.id, m.date, d.title, substr(d.body, 1, 200) FROM meta m "
                              "JOIN docs d ON d.rowid = m.rowid WHERE m.lo <= ? AND m.hi >= ? "
                              "ORDER BY m.lo LIMIT ?", (hi, lo, TOP)).fetchall()
            return total, rows
        match = self._match(qtype, q)
        if qtype == "term+date":
            lo, hi = q[1], q[2]
            total = db.execute("SELECT count(*) FROM docs d JOIN meta m ON m.rowid = d.rowid "
                               "WHERE docs MATCH ? AND m.lo <= ? AND m.hi >= ?", (match, hi, lo)).fetchone()[0]
            rows = db.execute(self._SEL + " AND m.lo <= ? AND m.hi >= ? ORDER BY bm25(docs, 10.0, 1.0) LIMIT ?",
                              (match, hi, lo, TOP)).fetchall()
            return total, rows
        total = db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (match,)).fetchone()[0]
        rows = db.execute(self._SEL + " ORDER BY bm25(docs, 10.0, 1.0) LIMIT ?", (match, TOP)).fetchall()
        return total, rows

    def add(self, n: int) -> float:
        if not self.docs:
            self.docs = load_docs(self.corpus, self.quick)
        d = self.docs[(n * 7919) % len(self.docs)]
        t = perf()
        with self.db:
            cur = self.db.execute("INSERT INTO meta(id, kind, creator, date, lo, hi) VALUES (?,?,?,?,?,?)",
                                  (f"{d.id}-added-{n}", d.kind, d.creator, d.date, d.lo, d.hi))
            self.db.execute("INSERT INTO docs(rowid, title, body) VALUES (?,?,?)", (cur.lastrowid, d.title, d.body))
        return ms(t)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


# =========================================================================================== Recoll

class RecollEngine:
    """Recoll 1.34 (Xapian): ``recollindex`` over the files, queries in-process with python3-recoll."""

    name = "recoll"

    def __init__(self, corpus: str, index: Path, quick: bool) -> None:
        self.corpus, self.index, self.quick = corpus, index, quick
        self.db = None
        self.conf = index / "conf"

    def _write_conf(self, topdir: Path) -> None:
        self.conf.mkdir(parents=True, exist_ok=True)
        (self.conf / "recoll.conf").write_text(
            f"topdirs = {topdir}\nnoaspell = 1\nloglevel = 1\n"
            "skippedNames+ = *.toml .complete\n", encoding="utf-8")

    def build(self, docs: list[Doc]) -> dict:
        if self.index.exists():
            shutil.rmtree(self.index)
        topdir, _ = file_list(self.corpus, self.quick)
        self._write_conf(topdir)
        t = perf()
        proc = subprocess.Popen(["recollindex", "-c", str(self.conf), "-z"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        build_s = perf() - t
        err = proc.stderr.read().decode(errors="replace")[-500:]
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"recollindex failed: {err}")
        return {"build_s": round(build_s, 3), "indexer_peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
                "index_mb_xapian": dir_size_mb(self.conf / "xapiandb")}

    def open(self) -> dict:
        from recoll import recoll
        t = perf()
        self.db = recoll.connect(confdir=str(self.conf))
        return {"open_ms": ms(t)}

    @staticmethod
    def _iso(ordinal: int) -> str:
        import datetime as dt
        return dt.date.fromordinal(ordinal).isoformat()

    def _qs(self, qtype: str, q) -> str:
        if qtype == "single":
            return q[0]
        if qtype == "and":
            return " ".join(q)  # Recoll ANDs words
        if qtype == "phrase":
            return '"' + " ".join(q) + '"'
        if qtype == "prefix":
            return q + "*"
        if qtype == "date":
            return f"date:{self._iso(q[0])}/{self._iso(q[1])}"
        if qtype == "term+date":
            return f"{q[0]} date:{self._iso(q[1])}/{self._iso(q[2])}"
        raise NotImplementedError("Recoll has no edit-distance query (only aspell suggestions, disabled)")

    def search(self, qtype: str, q) -> tuple[int, list]:
        qs = self._qs(qtype, q)
        query = self.db.query()
        if qtype == "date":
            query.sortby("mtime", True)
        total = query.execute(qs, stemming=1, stemlang="english")
        out = []
        for _ in range(min(TOP, total)):
            doc = query.fetchone()
            if doc is None:
                break
            out.append((doc.url, query.makedocabstract(doc)))
        return total, out

    _files = None

    def add(self, n: int) -> float:
        if self._files is None:
            self._files = file_list(self.corpus, self.quick)
        topdir, docs = self._files
        d = docs[(n * 7919) % len(docs)]
        target = topdir / f"added-{n}-{Path(d.path).name}"
        shutil.copyfile(d.path, target)
        try:
            t = perf()
            subprocess.run(["recollindex", "-c", str(self.conf), "-i", str(target)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return ms(t)
        finally:
            self._added.append(target)

    _added: list = []

    def cleanup(self) -> None:
        for p in self._added:
            try:
                p.unlink()
            except OSError:
                pass

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


ENGINES = {"ashraf": AshrafEngine, "fts5": Fts5Engine, "recoll": RecollEngine}


# =========================================================================================== phases

def phase_build(eng, args) -> dict:
    t = perf()
    docs = load_docs(args.corpus, args.quick)
    load_ms = ms(t)
    nbytes = sum(d.nbytes for d in docs)
    gc.collect()
    before = rss_mb()
    out = eng.build(docs)
    out.update(docs=len(docs), text_mb=round(nbytes / 1e6, 2), corpus_load_ms=load_ms,
               docs_per_s=round(len(docs) / out["build_s"], 1), mb_per_s=round(nbytes / 1e6 / out["build_s"], 2),
               index_mb=dir_size_mb(eng.index), rss_before_build_mb=before["rss_mb"],
               peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))
    return out


def phase_query(eng, args) -> dict:
    out: dict = {}
    if isinstance(eng, AshrafEngine):
        out["import_ms"] = eng._import()
        out["rss_after_import_mb"] = rss_mb()["rss_mb"]
        out["archive_ms"] = eng.make_archive()
        out["rss_after_archive_mb"] = rss_mb()["rss_mb"]
    out.update(eng.open())
    out["rss_after_open_mb"] = rss_mb()["rss_mb"]
    queries = load_queries(args.corpus, args.limit)
    types: dict = {}
    for qtype in QTYPES:
        qs = queries[qtype]
        try:
            eng.search(qtype, qs[0])
        except NotImplementedError as exc:
            types[qtype] = {"unsupported": str(exc)}
            continue
        for q in qs:  # warm-up pass (page cache, term caches, searcher)
            eng.search(qtype, q)
        times, cpu, zero, totals = [], [], 0, []
        for q in qs:
            c = time.process_time()
            t = perf()
            total, hits = eng.search(qtype, q)
            times.append((perf() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
            zero += total == 0
            totals.append(total)
        st = percentiles(times)
        st.update(zero_hits=zero, median_total=sorted(totals)[len(totals) // 2], cpu=percentiles(cpu))
        types[qtype] = st
    if isinstance(eng, AshrafEngine):  # the second search the window makes: the exact count and the facets
        eng.exact_total = True
        times, cpu = [], []
        for q in queries["phrase"]:
            c = time.process_time()
            t = perf()
            eng.search("phrase", q)
            times.append((perf() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        types["phrase-exact"] = {**percentiles(times), "cpu": percentiles(cpu)}
        eng.exact_total = False
    out["types"] = types
    r = rss_mb()
    out["rss_open_searcher_mb"] = r["rss_mb"]
    out["hwm_mb"] = r["hwm_mb"]
    eng.close()
    return out


def phase_first(eng, args) -> dict:
    """A new process up to its first result. bench_search.py measures the wall time around this process."""
    out = {"interpreter_to_main_ms": round((perf() - T_START) * 1000, 3)}
    if isinstance(eng, AshrafEngine):
        out["import_ms"] = eng._import()
        out["archive_ms"] = eng.make_archive()
    out.update(eng.open())
    t = perf()
    total, hits = eng.search("single", [args.word])
    out["first_query_ms"] = ms(t)
    out["total"] = total
    return out


def phase_add(eng, args) -> dict:
    out: dict = {}
    if isinstance(eng, AshrafEngine):
        eng.make_archive()
    eng.open()
    if isinstance(eng, AshrafEngine):
        out["noop_update_ms"] = [eng.noop_update() for _ in range(3)]
    times, cpu = [], []
    for i in range(args.adds + 2):  # the first two are warm-up
        c = time.process_time()
        times.append(eng.add(i))
        cpu.append((time.process_time() - c) * 1000)
    out["add"] = percentiles(times[2:])
    out["add_path"] = "update_items" if isinstance(eng, AshrafEngine) and hasattr(eng.ix, "update_items") \
        else "update" if isinstance(eng, AshrafEngine) else eng.name
    if isinstance(eng, AshrafEngine) and hasattr(eng.ix, "update_items"):
        full = [eng.add_full(i) for i in range(args.full_adds)]
        out["add_via_update"] = percentiles(full)
    if not isinstance(eng, RecollEngine):  # recollindex runs in its own process: no CPU figure here
        out["add"]["cpu"] = percentiles(cpu[2:])
    if isinstance(eng, RecollEngine):
        eng.cleanup()
    eng.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("engine", choices=sorted(ENGINES))
    ap.add_argument("phase", choices=["build", "query", "first", "add"])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--index", required=True, type=Path)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="queries per type (default: all 250)")
    ap.add_argument("--adds", type=int, default=30)
    ap.add_argument("--word", default="segfault")
    ap.add_argument("--procs", type=int, default=None, help="ashraf: build_procs passed to open_index")
    ap.add_argument("--no-facets", action="store_true", help="ashraf: search(..., with_facets=False)")
    ap.add_argument("--no-signature", action="store_true",
                    help="ashraf: open without the archive signature (every item is hashed on open)")
    ap.add_argument("--verify", default="now", help="ashraf: open_index(verify=...)")
    ap.add_argument("--full-adds", type=int, default=5, help="ashraf: adds timed through update(archive)")
    args = ap.parse_args()
    eng = ENGINES[args.engine](args.corpus, args.index, args.quick)
    if args.engine == "ashraf":
        eng.procs = args.procs
        eng.facets = not args.no_facets
        eng.use_signature = not args.no_signature
        eng.verify = args.verify
    out = globals()[f"phase_{args.phase}"](eng, args)
    out["engine"], out["phase"], out["corpus"] = args.engine, args.phase, args.corpus
    pkg = sys.modules.get("ashraf_desktop")
    if pkg is not None:  # which copy of the code was measured (bench_search.py --src)
        out["src"] = str(Path(pkg.__file__).resolve().parent.parent)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
