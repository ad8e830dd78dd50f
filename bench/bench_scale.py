#!/usr/bin/env python3
"""Large archives (issue 17): a 100,000-item archive made from real material, measured in new processes.

    .venv/bin/python bench/bench_scale.py                    # make (once, cached) and measure everything
    .venv/bin/python bench/bench_scale.py --items 1250       # the same at another size
    .venv/bin/python bench/bench_scale.py --report-only      # the tables of the last run (bench/out/scale-*.json)

The archive (bench/_scale_corpus.py): passages of the speeches as documents, change records of the changelog
corpus as records, 10,000 images as links to ../shared/testdata/photos, written in the archive format with
the project's own sidecar writer, under ``--work`` (default ``bench/corpora/scale-N``; ``ASHRAF_SCALE_WORK``
moves it). Each figure comes from a new process, as a user meets it:

* ``catalogue_build``: ``info --json`` with no catalogue (every sidecar read once);
* ``info`` / ``search WORD``: warm, ``--runs`` times each (the search words: ``--words``);
* ``index_build``: ``index --json`` with no index (the first build), and ``add``: ``import`` of one new
  text file into the user's layer (copy, sidecar, catalogue, index update);
* ``gui``: bench/scale_gui_driver.py: the window's first paint and first result (from process start),
  then RSS after browsing the result list to its end, the gallery and the timeline; ``--runs`` times.

Beside every wall time: the CPU time (user + system) of the process and the 1-minute load average before
it, because this machine is shared. Results go to ``bench/out/scale-N.json``; the Markdown tables for
docs/performance.md are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))

TARGETS = {"first_paint_s": 1.0, "first_result_s": 1.5, "info_s": 0.5, "search_s": 0.5, "rss_mb": 400.0}


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode caches on, as for an installed app
    env.setdefault("PYTHONPYCACHEPREFIX", str(OUT / "pycache"))
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def timed(cmd: list[str], *, timeout: float = 3600) -> dict:
    """Run ``cmd`` in a new process: wall and CPU seconds, load before, exit code, output."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=_env(), cwd=REPO, capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "load": round(load, 2), "code": proc.returncode,
            "stdout": proc.stdout, "stderr": proc.stderr[-2000:]}


def app(archive: Path, data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "ashraf_desktop", "--data-dir", str(data), "--archive", str(archive), *args]


def summary(runs: list[dict], key: str = "wall_s") -> dict:
    values = [r[key] for r in runs if key in r]
    if not values:
        return {}
    return {"median": round(statistics.median(values), 3), "max": round(max(values), 3),
            "cpu_median": round(statistics.median(r["cpu_s"] for r in runs if "cpu_s" in r), 3)
            if any("cpu_s" in r for r in runs) else None,
            "load": [min(r["load"] for r in runs), max(r["load"] for r in runs)], "n": len(values)}


def measure(archive: Path, data: Path, args: argparse.Namespace) -> dict:
    out: dict = {"keep_index": args.keep_index}
    cache = data / "cache"
    quiet = {"stdout", "stderr"}
    # first open: the catalogue is built from every sidecar
    shutil.rmtree(cache / "catalogue", ignore_errors=True)
    first = timed(app(archive, data, "info", "--json"))
    out["catalogue_build"] = {k: v for k, v in first.items() if k not in quiet}
    out["counts"] = json.loads(first["stdout"]) if first["code"] == 0 else first["stderr"]
    out["catalogue_mb"] = round(sum(p.stat().st_size for p in (cache / "catalogue").glob("*")) / 1e6, 1)
    info = [timed(app(archive, data, "info", "--json")) for _ in range(args.runs)]
    out["info"] = summary(info)
    # the first index build, then warm searches
    if not args.keep_index:
        shutil.rmtree(cache / "index", ignore_errors=True)
    build = timed(app(archive, data, "index", "--json"), timeout=7200)
    out["index_build"] = {k: v for k, v in build.items() if k not in quiet}
    if build["code"] == 0:
        out["index_build"]["report"] = json.loads(build["stdout"])
    searches = []
    for word in args.words:
        for _ in range(args.runs):
            r = timed(app(archive, data, "search", word, "--json"))
            r["word"] = word
            searches.append(r)
    out["search"] = summary(searches)
    out["search_hits"] = {w: json.loads(r["stdout"]).get("total") for r in searches for w in [r["word"]]
                          if r["code"] == 0}
    # the window: first paint, first result, RSS after browsing
    gui = []
    for _ in range(args.gui_runs):
        r = timed([sys.executable, str(BENCH / "scale_gui_driver.py"), str(archive), str(data), args.words[0]],
                  timeout=1800)
        line = next((l for l in r["stdout"].splitlines() if l.startswith("RESULT ")), None)
        row = {"wall_s": r["wall_s"], "cpu_s": r["cpu_s"], "load": r["load"]}
        row.update(json.loads(line[len("RESULT "):]) if line else {"error": r["stderr"][-800:]})
        gui.append(row)
    out["gui_runs"] = gui
    ok = [g for g in gui if "first_paint_s" in g]
    if ok:
        out["gui"] = {
            "first_paint_s": summary([{"wall_s": g["first_paint_s"], "load": g["load"]} for g in ok]),
            "first_result_s": summary([{"wall_s": g["first_result_s"], "load": g["load"]} for g in ok]),
            "rss_after_browsing_mb": max(g["after_timeline"]["rss_mb"] for g in ok if "after_timeline" in g)
            if any("after_timeline" in g for g in ok) else None,
            "peak_rss_mb": max(g["end"]["hwm_mb"] for g in ok if "end" in g) if any("end" in g for g in ok) else None,
        }
    # an add: one new text file imported into the user's layer (index updated by the import)
    note = data / "bench-add" / f"added-{int(time.time())}.txt"
    note.parent.mkdir(parents=True, exist_ok=True)
    note.write_text("A passage added to a large archive by bench_scale, searched for as zanzibarquux.\n")
    add = timed(app(archive, data, "import", str(note), "--json"))
    out["add"] = {k: v for k, v in add.items() if k not in quiet}
    after = timed(app(archive, data, "search", "zanzibarquux", "--json"))
    out["add"]["found_after"] = json.loads(after["stdout"]).get("total") if after["code"] == 0 else after["stderr"]
    return out


def table(result: dict) -> str:
    n = result["params"]["items"]
    rows = [f"| at {n:,} items | target | measured (median; max) | CPU | load | |", "| --- | --- | --- | --- | --- | --- |"]

    def line(label: str, s: dict | None, target: float | None, unit: str = "s") -> None:
        if not s:
            rows.append(f"| {label} | {target or '–'} | not measured | | | |")
            return
        ok = "" if target is None else ("✓" if s["median"] <= target else f"✗ {s['median'] / target:.1f}×")
        cpu = f"{s['cpu_median']} s" if s.get("cpu_median") is not None else ""
        tgt = f"≤ {target} {unit}" if target is not None else "–"
        rows.append(f"| {label} | {tgt} | **{s['median']} {unit}** ({s['max']}) | {cpu} | {s['load'][0]}–{s['load'][1]} | {ok} |")

    gui = result.get("gui", {})
    line("window first paint", gui.get("first_paint_s"), TARGETS["first_paint_s"])
    line("first result after typing, from start", gui.get("first_result_s"), TARGETS["first_result_s"])
    line("`info --json`", result.get("info"), TARGETS["info_s"])
    line("`search WORD`", result.get("search"), TARGETS["search_s"])
    rss = gui.get("rss_after_browsing_mb")
    ok = "" if rss is None else ("✓" if rss <= TARGETS["rss_mb"] else f"✗ {rss / TARGETS['rss_mb']:.1f}×")
    rows.append(f"| RSS after browsing results, gallery, timeline | ≤ 400 MB | **{rss} MB** (peak {gui.get('peak_rss_mb')}) | | | {ok} |")
    index_label = "index update (index kept)" if result.get("keep_index") else "first index build"
    for key, label in (("catalogue_build", "first open (catalogue built)"), ("index_build", index_label),
                       ("add", "an add (import one file, index updated)")):
        r = result.get(key)
        if r:
            rows.append(f"| {label} | – | {r['wall_s']} s | {r['cpu_s']} s | {r['load']} | |")
    return "\n".join(rows)


def run_existing(args: argparse.Namespace, archive: Path, data: Path, name: str) -> dict:
    """Measure ``archive`` as it is, with the user data folder ``data`` (its layer of imported items)."""
    data.mkdir(parents=True, exist_ok=True)
    result = {"params": {"items": None, "archive": str(archive), "data": str(data)},
              "when": time.strftime("%Y-%m-%d %H:%M"), "nproc": os.cpu_count(),
              **measure(archive.resolve(), data, args)}
    counts = result["counts"]
    result["params"]["items"] = sum(counts.get(k, 0) for k in ("documents", "images", "records")) \
        if isinstance(counts, dict) else 0
    return _save(result, name)


def run_made(args: argparse.Namespace, items: int, images: int, work: Path, name: str) -> dict:
    """Make (once) the archive of ``items`` items from real material and measure it."""
    import prepare_corpora
    from _scale_corpus import make_archive
    docs = prepare_corpora.prepare_changelogs()
    t0 = time.perf_counter()
    made = make_archive(work / "archive", items=items, images=images, max_passages=args.max_passages,
                        docs_jsonl=docs)
    print(f"scale: archive {work / 'archive'}: {made['made']} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    data = work / "data"
    shutil.rmtree(data / "data", ignore_errors=True)  # no layer left from an earlier run's add
    data.mkdir(parents=True, exist_ok=True)
    result = {"params": made["params"], "made": made["made"], "when": time.strftime("%Y-%m-%d %H:%M"),
              "nproc": os.cpu_count(), **measure(work / "archive", data, args)}
    return _save(result, name)


def run_passages_import(args: argparse.Namespace, work: Path) -> dict:
    """The bundled archive with the speeches split into passages of two paragraphs (13,457 files), imported
    once with ``ashraf-desktop import`` into ``work/data``, then measured."""
    from _scale_corpus import passages
    data = work / "data"
    done = work / ".imported"
    if not done.exists():
        folder = work / "passages"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)
        folder.mkdir(parents=True)
        n = 0
        for p in passages():
            if p["source"] != "presidential-speeches":
                continue
            if n >= 13_457:
                break
            (folder / f"{p['folder'].split('/', 1)[1]}-{p['name']}.txt").write_text(p["text"], encoding="utf-8")
            n += 1
        imported = timed([sys.executable, "-m", "ashraf_desktop", "--data-dir", str(data), "import", str(folder),
                          "--json"], timeout=7200)
        if imported["code"] not in (0, 1):
            raise SystemExit(f"scale: the import of the passages failed: {imported['stderr']}")
        done.write_text(json.dumps({k: v for k, v in imported.items() if k not in ("stdout", "stderr")}))
    return run_existing(args, REPO / "archive", data, "passages13k")


def _save(result: dict, name: str) -> dict:
    OUT.mkdir(exist_ok=True)
    (OUT / f"scale-{name}.json").write_text(json.dumps(result, indent=1))
    print(table(result))
    print(f"(written to {OUT / f'scale-{name}.json'})", file=sys.stderr)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="the bundled archive, 1,250 items, the 13k-passage "
                        "import and 100,000 items, one after the other (the tables of docs/performance.md)")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--images", type=int, default=10_000)
    parser.add_argument("--max-passages", type=int, default=30_000)
    parser.add_argument("--work", type=Path, default=None, help="where the archives and their data folders live "
                        "(default bench/corpora, or $ASHRAF_SCALE_WORK)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each CLI measurement")
    parser.add_argument("--gui-runs", type=int, default=3)
    parser.add_argument("--words", nargs="+", default=["liberty", "kernel", "photo"])
    parser.add_argument("--keep-index", action="store_true", help="do not time a first index build")
    parser.add_argument("--archive", type=Path, help="measure this archive as it is (e.g. the bundled one, with "
                        "--data holding an import) instead of making one")
    parser.add_argument("--data", type=Path, help="with --archive: its data folder (default: a new one under --work)")
    parser.add_argument("--name", help="name of the result file bench/out/scale-NAME.json (default: the size)")
    parser.add_argument("--report-only", action="store_true")
    args = parser.parse_args()
    base = args.work or Path(os.environ.get("ASHRAF_SCALE_WORK", BENCH / "corpora"))
    if args.report_only:
        names = ["bundled", "1250", "passages13k", "100000"] if args.all else [args.name or str(args.items)]
        for name in names:
            print(table(json.loads((OUT / f"scale-{name}.json").read_text())))
        return 0
    if args.all:
        fresh = base / "scale-bundled" / "data"
        shutil.rmtree(fresh, ignore_errors=True)
        run_existing(args, REPO / "archive", fresh, "bundled")
        run_made(args, 1_250, 150, base / "scale-1250", "1250")
        run_passages_import(args, base / "scale-passages13k")
        run_made(args, 100_000, 10_000, base / "scale-100000", "100000")
        return 0
    if args.archive is not None:
        data = args.data or base / f"scale-{args.name or 'archive'}" / "data"
        run_existing(args, args.archive, data, args.name or "archive")
        return 0
    run_made(args, args.items, args.images, base / f"scale-{args.items}", args.name or str(args.items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
