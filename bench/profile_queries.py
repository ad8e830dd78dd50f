"""Where the slowest queries of each type spend their CPU time, on an index bench_search.py built.

    .venv/bin/python bench/profile_queries.py bench/out/idx/full-ashraf-changelogs [--limit 100] [--types and phrase]

Times each query as the window asks (first page, ``exact_total=False``), prints CPU p50/p95 and the slowest six
with the CPU time of each part of the search (evaluator, a phrase's first page and positions, prefix
expansion, snippets, facets, did-you-mean), then a ``cProfile`` of the slowest 5 % run three times. Work on a
copy of the index if a benchmark may still write to it (its add phase does).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import build_archive, load_docs, load_queries  # noqa: E402

TEXT = {"single": lambda q: q[0], "and": lambda q: " AND ".join(q), "phrase": lambda q: '"' + " ".join(q) + '"',
        "prefix": lambda q: q + "*", "fuzzy": lambda q: q + "~"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("index", type=Path)
    ap.add_argument("--corpus", default="changelogs", choices=["changelogs", "speeches"])
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--types", nargs="+", default=["single", "and", "phrase", "prefix"], choices=sorted(TEXT))
    args = ap.parse_args()
    from ashraf_desktop.core.search import _expand, _phrases, _searching, open_index

    parts: dict[str, float] = {}

    def timed(module, name: str, label: str) -> None:
        fn = getattr(module, name)

        def wrapper(*a, **k):
            c = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                parts[label] = parts.get(label, 0.0) + time.process_time() - c
        setattr(module, name, wrapper)

    timed(_searching, "fast_search", "evaluator (exact)")
    timed(_phrases, "lazy_top", "phrase first page")
    timed(_phrases, "_positions", "positions")
    timed(_expand, "expand", "expansion")
    timed(_searching, "_hit", "snippets")
    timed(_searching, "_facets", "facets")
    timed(_searching, "_suggest", "did-you-mean")
    archive = build_archive(load_docs(args.corpus, False), args.corpus)
    ix = open_index(archive, args.index, signature=None, verify="background")
    queries = load_queries(args.corpus, args.limit)
    try:
        for qtype in args.types:
            texts = [TEXT[qtype](q) for q in queries[qtype]]
            for t in texts:  # warm-up, as the benchmark does
                ix.search(t, page_size=10, exact_total=False)
            rows = []
            for t in texts:
                parts.clear()
                c, w = time.process_time(), time.perf_counter()
                r = ix.search(t, page_size=10, exact_total=False)
                rows.append(((time.process_time() - c) * 1000, (time.perf_counter() - w) * 1000, t, r.total,
                             r.total_is_estimate, {k: round(v * 1000, 1) for k, v in parts.items() if v}))
            rows.sort(key=lambda r: -r[0])
            cpu = sorted(r[0] for r in rows)
            print(f"== {qtype}: CPU p50 {cpu[len(cpu) // 2]:.1f} p95 {cpu[int(len(cpu) * 0.95)]:.1f} "
                  f"max {cpu[-1]:.1f} ms")
            for r in rows[:6]:
                print(f"  CPU {r[0]:.1f} wall {r[1]:.1f} {r[2]!r} total {r[3]}{' (about)' if r[4] else ''} {r[5]}")
            slow = [r[2] for r in rows[:max(1, len(rows) // 20)]]
            prof = cProfile.Profile()
            prof.enable()
            for _ in range(3):
                for t in slow:
                    ix.search(t, page_size=10, exact_total=False)
            prof.disable()
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(12)
            print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))
    finally:
        ix.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
