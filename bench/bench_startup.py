#!/usr/bin/env python3
"""Start-up time of the real app: process start -> window shown, and -> first search result.

    .venv/bin/python bench/bench_startup.py [--runs 5] [--query Ashraf] [--src DIR]

Each run starts ``python -m ashraf_desktop`` with ASHRAF_BENCH=1 (the app prints when its window's first
frame has been painted, when the panels built after that frame are ready, and when the first result of
ASHRAF_BENCH_QUERY is shown, then quits) on the offscreen platform unless a display is set, with a fresh
--data-dir for the first ("cold index") run and the same one afterwards ("warm"). Bytecode caches are on
(PYTHONDONTWRITEBYTECODE is dropped). ``--src DIR`` runs the package of another checkout (e.g. a
``git worktree`` of an older commit) with this interpreter, to compare in the same conditions. Prints one
JSON line; the target is shown <= 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def one_run(data_dir: Path, query: str, src: Path = REPO) -> dict[str, float]:
    env = dict(os.environ, ASHRAF_BENCH="1", ASHRAF_BENCH_QUERY=query)
    # bytecode caches on, as for an installed app (a sandbox's PYTHONDONTWRITEBYTECODE would make every run
    # compile the changed modules again); kept under bench/out/ rather than in the tree
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(src / "bench" / "out" / "pycache"))
    if src != REPO:  # the package of that checkout, not the one this interpreter has installed
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH", "")]))
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "ashraf_desktop", "--data-dir", str(data_dir)], cwd=src,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    times: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("ASHRAF_BENCH "):
            _, what, _inner = line.split()
            times[what] = time.perf_counter() - start
    proc.wait(timeout=120)
    if "shown" not in times:
        raise SystemExit(f"bench: the app did not report its window (exit {proc.returncode})")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--query", default="Ashraf")
    parser.add_argument("--src", type=Path, default=REPO, help="checkout whose package to run (default: this one)")
    args = parser.parse_args()
    src = args.src.resolve()
    with tempfile.TemporaryDirectory(prefix="ashraf-bench-") as tmp:
        data = Path(tmp)
        cold = one_run(data, args.query, src)
        warm = [one_run(data, args.query, src) for _ in range(args.runs)]
    shown = [r["shown"] for r in warm]
    panels = [r["panels"] for r in warm if "panels" in r]  # older checkouts build every panel before showing
    result = [r["result"] for r in warm if "result" in r]
    print(json.dumps({
        "bench": "startup", "runs": args.runs, "platform": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "cold_index_shown_s": round(cold["shown"], 3), "cold_index_first_result_s": round(cold.get("result", -1), 3),
        "shown_median_s": round(statistics.median(shown), 3), "shown_max_s": round(max(shown), 3),
        "panels_median_s": round(statistics.median(panels), 3) if panels else None,
        "first_result_median_s": round(statistics.median(result), 3) if result else None,
        "target_s": 1.0, "ok": max(shown) <= 1.0, "load_average": [round(x, 2) for x in os.getloadavg()],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
