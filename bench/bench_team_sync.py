#!/usr/bin/env python3
"""Team sync at scale: 10,000 annotations from one data folder to another through a PostgreSQL server.

    .venv/bin/python bench/bench_team_sync.py [--count 10000] [--edits 1000]

Starts a throwaway cluster (initdb + postgres in a temporary folder, Unix socket only; as root it runs as
``nobody``, as the tests do - tests/team/team_pg.py), makes a team database with two members, then times:

1. *push*: folder A (``count`` annotations, made in one local transaction) sends them all;
2. *pull*: folder B, empty, receives them all;
3. *incremental*: B edits ``edits`` of them (one transaction), sends; A receives;
4. *idle*: a sync with nothing to do.

Wall time and this process's CPU time (user+sys; the server's own work is not in it), per annotation, and
the load average. Prints one JSON object; docs/performance.md ("Team sync") reports it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "team"))

from ashraf_desktop.core.annotations import Annotation, Kind, open_store, text_selector  # noqa: E402
from ashraf_desktop.core.team import sync  # noqa: E402
from team_pg import make_team, remove_cluster, start_cluster  # noqa: E402

TEXT = "In 1986 the camp was built on barren land north of Baghdad, near the Iranian border. " * 4


def _annotations(count: int) -> list[Annotation]:
    out = []
    for n in range(count):
        start = (n * 7) % 200
        stamp = f"2024-05-01T09:{(n // 1000) % 60:02d}:{(n // 10) % 60:02d}.{n % 1000:03d}Z"
        out.append(Annotation(id=str(uuid.uuid4()), collection_id="ashraf", item_id=f"item-{n % 400}",
                              kind=Kind.HIGHLIGHT, body=f"Note {n}: the date is disputed, see item-{(n + 1) % 400}.",
                              tags=("camp", f"t{n % 37}"), author=f"Archivist {n % 3}", created=stamp,
                              modified=stamp, text=text_selector(TEXT, start, start + 30)))
    return out


def _timed(fn):
    t0, c0 = time.perf_counter(), os.times()
    result = fn()
    c1 = os.times()
    return result, time.perf_counter() - t0, (c1.user - c0.user) + (c1.system - c0.system)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=1_000)
    args = parser.parse_args()
    cluster = start_cluster()
    try:
        import psycopg
        passwords = make_team(cluster, "bench", {"bench_a": True, "bench_b": True})

        def member(role: str):
            return psycopg.connect(cluster.url("bench"), user=role, password=passwords[role])

        with tempfile.TemporaryDirectory(prefix="ashraf-bench-team-") as tmp:
            a_dir, b_dir = Path(tmp) / "a", Path(tmp) / "b"
            annotations = _annotations(args.count)
            with open_store(a_dir) as store:
                _, made_s, _ = _timed(lambda: store.merge(annotations))
            results: dict[str, object] = {"count": args.count, "edits": args.edits,
                                          "local_import_s": round(made_s, 2)}

            def run(folder: Path, role: str):
                with open_store(folder) as store, member(role) as conn:
                    return sync(store, conn)

            for name, folder, role in (("push", a_dir, "bench_a"), ("pull", b_dir, "bench_b")):
                report, wall, cpu = _timed(lambda: run(folder, role))
                results[name] = {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                                 "per_annotation_ms": round(1000 * wall / args.count, 3),
                                 "pushed": report.pushed, "pulled": report.pulled}
            with open_store(b_dir) as store:  # B edits some notes, in one local transaction
                edited = store.all()[: args.edits]
                ids = [a.id for a in edited]
                with store.sync_transaction() as txn:
                    for a in edited:
                        txn.write(replace(a, body=a.body + " (checked)", modified="2025-01-01T00:00:00.000Z"))
            for name, folder, role in (("incremental_push", b_dir, "bench_b"), ("incremental_pull", a_dir, "bench_a"),
                                       ("idle", a_dir, "bench_a")):
                report, wall, cpu = _timed(lambda: run(folder, role))
                results[name] = {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "pushed": report.pushed,
                                 "pulled": report.pulled}
            with open_store(a_dir) as store:
                assert len(store.all()) == args.count
                assert all(store.get(i).body.endswith("(checked)") for i in ids)
            results["load_average"] = [round(x, 2) for x in os.getloadavg()]
        print(json.dumps(results, indent=2))
    finally:
        remove_cluster(cluster)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
