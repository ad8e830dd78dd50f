#!/usr/bin/env python3
"""The library view at scale (issue 16): how long the table's orders and a page of rows take on a large archive.

    .venv/bin/python bench/bench_library.py --archive bench/corpora/scale-100000/archive [--data /tmp/lib]

The archive is opened through its catalogue (built on the first run, under ``--data``), as the window does.
Each order (``core.library.library_ids``) runs on a worker in the app; a page of 200 rows
(``library_rows``) is what the table reads on the GUI thread as it scrolls, so that one must stay a few
milliseconds. Prints wall and CPU time (user + system) with the load average before each figure.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=Path("/tmp/ashraf-bench-library"))
    args = parser.parse_args(argv)
    from ashraf_desktop.core.archive import load_layered
    from ashraf_desktop.core.library import LibraryQuery, library_ids, library_rows
    (args.data / "cache").mkdir(parents=True, exist_ok=True)
    t0, c0 = time.perf_counter(), _cpu()
    archive = load_layered(args.archive, args.data / "data", check_files=False, cache_dir=args.data / "cache").archive
    print(f"open: {time.perf_counter() - t0:.2f} s wall, {_cpu() - c0:.2f} s CPU, {len(archive.items):,} items")
    print("| order | matches | ids (worker) | a page of 200 rows (GUI thread) | load |")
    print("| --- | --- | --- | --- | --- |")
    for label, query in (("title", LibraryQuery()), ("date, newest first", LibraryQuery(sort="date", descending=True)),
                         ("kind", LibraryQuery(sort="kind")), ("creator", LibraryQuery(sort="creator")),
                         ("filter \"liberty\"", LibraryQuery(text="liberty"))):
        load = os.getloadavg()[0]
        t0, c0 = time.perf_counter(), _cpu()
        ids = library_ids(archive, query)
        wall, cpu = time.perf_counter() - t0, _cpu() - c0
        middle = ids[len(ids) // 2:len(ids) // 2 + 200] or ids[:200]
        t1 = time.perf_counter()
        library_rows(archive, middle)
        page_ms = (time.perf_counter() - t1) * 1000
        print(f"| {label} | {len(ids):,} | {wall:.2f} s ({cpu:.2f} s CPU) | {page_ms:.1f} ms | {load:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
