#!/usr/bin/env python3
"""Concordance benchmark on the 1,250 speeches (bench/corpora/speeches; ``bench/prepare_corpora.py`` makes it).

What a user typing into the Concordance panel waits for, per query type (single word, two words, phrase,
prefix; the queries of ``bench/queries-speeches.json``), with the index open and warm, as in the app:

- **first lines**: from the call to the first step carrying lines (what the panel shows first);
- **complete**: every document read, every occurrence counted (counts per document and per year final);
- **typing**: a word typed a letter at a time, each keystroke stopping the previous run after its first step
  (as the panel does), from the last keystroke to its first lines.

Wall and CPU (``process_time``) milliseconds, p50 / p95 (nearest rank), with the load average beside them.

Usage:  .venv/bin/python bench/bench_concordance.py [--limit N] [--out bench/out/concordance.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from ashraf_desktop.core.archive import load_archive  # noqa: E402
from ashraf_desktop.core.concordance import Concordance, steps  # noqa: E402
from ashraf_desktop.core.search import fold_word, open_index  # noqa: E402


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def _queries(limit: int) -> dict[str, list[str]]:
    raw = json.loads((BENCH / "queries-speeches.json").read_text(encoding="utf-8"))
    return {"single": [q[0] for q in raw["single"][:limit]],
            "and": [" ".join(q) for q in raw["and"][:limit]],
            "phrase": ['"' + " ".join(q) + '"' for q in raw["phrase"][:limit]],
            "prefix": [q + "*" for q in raw["prefix"][:limit]]}


def one(index, query: str, stop_after_first: bool = False) -> dict:
    t0, c0 = time.perf_counter(), time.process_time()
    conc = Concordance(query)
    hits = index.occurrences(query)
    first = first_cpu = None
    run = steps(hits, conc, fold_word, total=len(hits))
    for step in run:
        if first is None and step.lines:
            first, first_cpu = time.perf_counter() - t0, time.process_time() - c0
            if stop_after_first:
                run.close()
                hits.close()
                break
    return {"query": query, "first_ms": (first or (time.perf_counter() - t0)) * 1000,
            "first_cpu_ms": (first_cpu or (time.process_time() - c0)) * 1000,
            "complete_ms": (time.perf_counter() - t0) * 1000, "complete_cpu_ms": (time.process_time() - c0) * 1000,
            "occurrences": conc.total, "documents": len(conc.per_source), "lines": len(conc.lines)}


def typing(index, word: str) -> dict:
    """Each prefix of ``word`` as typed (the panel waits 300 ms after a key, but a fast typist beats it:
    here every keystroke starts a run and stops the previous one at its first step)."""
    for n in range(2, len(word)):
        one(index, word[:n], stop_after_first=True)
    return one(index, word)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=50, help="queries per type (default 50)")
    ap.add_argument("--out", type=Path, default=BENCH / "out" / "concordance.json")
    args = ap.parse_args(argv)
    root = BENCH / "corpora" / "speeches" / "archive"
    if not (root / "collection.toml").exists():
        print("run bench/prepare_corpora.py first", file=sys.stderr)
        return 2
    work = Path(os.environ.get("ASHRAF_BENCH_DIR", BENCH / "out" / "concordance-index"))
    archive = load_archive(root).archive
    t0 = time.perf_counter()
    index = open_index(archive, work)
    print(f"index open/build: {time.perf_counter() - t0:.1f} s ({index.doc_count()} documents)")
    one(index, "warm up")
    report: dict = {"load_start": os.getloadavg(), "types": {}}
    for kind, queries in _queries(args.limit).items():
        rows = [one(index, q) for q in queries]
        report["types"][kind] = rows
        print(f"{kind:>7}: first lines p50/p95 {_pct([r['first_ms'] for r in rows], 50):.0f} / "
              f"{_pct([r['first_ms'] for r in rows], 95):.0f} ms (CPU p95 {_pct([r['first_cpu_ms'] for r in rows], 95):.0f}); "
              f"complete {_pct([r['complete_ms'] for r in rows], 50):.0f} / {_pct([r['complete_ms'] for r in rows], 95):.0f} ms "
              f"(CPU p95 {_pct([r['complete_cpu_ms'] for r in rows], 95):.0f}); "
              f"occurrences median {statistics.median(r['occurrences'] for r in rows):.0f}, "
              f"max {max(r['occurrences'] for r in rows)}; load {os.getloadavg()[0]:.1f}")
    words = ["liberty", "government", "slavery", "the"]
    report["typing"] = [typing(index, w) for w in words]
    report["common"] = [one(index, q) for q in ("the", '"of the"', "liberty", '"united states"')]
    for r in report["typing"]:
        print(f" typing {r['query']!r}: first lines {r['first_ms']:.0f} ms after the last key (CPU "
              f"{r['first_cpu_ms']:.0f}), complete {r['complete_ms']:.0f} ms, {r['occurrences']} occurrences")
    for r in report["common"]:
        print(f" {r['query']!r}: first {r['first_ms']:.0f} ms, complete {r['complete_ms']:.0f} ms (CPU "
              f"{r['complete_cpu_ms']:.0f}), {r['occurrences']} occurrences in {r['documents']} documents, "
              f"{r['lines']} lines kept")
    report["load_end"] = os.getloadavg()
    index.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"load average {report['load_start'][0]:.1f} → {report['load_end'][0]:.1f}; raw data: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
