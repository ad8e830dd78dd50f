#!/usr/bin/env python3
"""Robustness and the offline guarantee, measured: one command, one JSON (bench/out/reliability.json).

    .venv/bin/python bench/bench_reliability.py            # the full run (5-8 minutes on 2 cores)
    .venv/bin/python bench/bench_reliability.py --quick    # the CI-sized run (what the test suite does)

It runs, with pytest, the tests in tests/reliability/ with larger budgets - every file of ../shared/testdata
(the dated corpora unsampled) through every reader including the import, thousands of fuzzing examples a
property, hundreds of kill -9 trials (annotation writers, index writers, imports) - plus the existing
recovery tests of tests/core and tests/packaging that cover the other corruption, crash and network cases,
and gathers what they wrote into one report. docs/reliability.md quotes it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO / "tests" / "reliability"))

from rel_walk import machine  # noqa: E402

#: Existing tests that already cover a corruption or crash case: run and counted, not duplicated.
EXISTING_SCENARIOS = {
    "index: deleted segment file": "tests/core/test_search_recovery.py::test_deleted_segment_file",
    "index: truncated segment file": "tests/core/test_search_recovery.py::test_truncated_segment_file",
    "index: unreadable table of contents": "tests/core/test_search_recovery.py::test_unreadable_table_of_contents",
    "index: missing table of contents": "tests/core/test_search_recovery.py::test_missing_table_of_contents",
    "index: missing stamp": "tests/core/test_search_recovery.py::test_missing_stamp",
    "index: schema version change": "tests/core/test_search_recovery.py::test_schema_version_change",
    "index: damage found while searching": "tests/core/test_search_recovery.py::"
                                           "test_damage_found_while_searching_is_repaired",
    "index: stale lock of a killed process": "tests/core/test_search_recovery.py::test_stale_lock_from_a_dead_process",
    "index: lock file naming a dead pid": "tests/core/test_search_recovery.py::test_lock_file_naming_a_dead_pid",
    "index: live lock is waited for": "tests/core/test_search_recovery.py::test_live_lock_is_waited_for",
    "index: writers killed mid-commit, mid-rebuild, at random": "tests/core/test_search_recovery.py::"
                                                                 "test_writers_killed_mid_commit_mid_rebuild_and_at_random",
    "text cache: corrupt entry": "tests/core/test_extract.py::test_corrupt_cache_entry_is_a_miss_and_gets_repaired",
    "thumbnail cache: corrupt entry": "tests/core/test_images.py::test_a_corrupt_cache_entry_is_regenerated",
    "annotations: damaged database file": "tests/core/test_annotations_store.py::test_damaged_file_is_a_corrupt_error",
    "annotations: 30 writers killed (kill -9)": "tests/core/test_annotations_crash.py::"
                                                "test_kill_9_loses_no_committed_annotation",
    "network: guard refuses and records": "tests/packaging/test_no_network.py::"
                                          "test_the_guard_refuses_and_records_remote_attempts_but_not_local_ones",
    "network: the app's --smoke under the guard": "tests/packaging/test_no_network.py::"
                                                  "test_the_app_from_source_makes_no_network_attempt",
}


def _pytest(args: list[str], env: dict[str, str], junit: Path) -> tuple[int, float]:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}",
                           *args], cwd=REPO, env=env)
    return proc.returncode, round(time.perf_counter() - started, 1)


def _outcomes(junit: Path) -> dict[str, str]:
    """test id -> passed / failed / skipped / xfailed, from a JUnit XML file."""
    out: dict[str, str] = {}
    if not junit.exists():
        return out
    for case in ET.parse(junit).getroot().iter("testcase"):
        classname, name = case.get("classname", ""), case.get("name", "")
        path = classname.replace(".", "/") + ".py"
        key = f"{path}::{name}"
        status = "passed"
        for child in case:
            if child.tag in ("failure", "error"):
                status = "failed"
            elif child.tag == "skipped":
                status = "xfailed" if "xfail" in (child.get("type", "") + child.get("message", "")) else "skipped"
        out[key] = status
    return out


def _read(parts: Path, name: str) -> dict:
    path = parts / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="CI budgets (sampled corpora, few examples)")
    parser.add_argument("--fuzz", type=int, default=3000, help="hypothesis examples a property (default 3000)")
    parser.add_argument("--kill-annotations", type=int, default=300, help="annotation writers killed (300)")
    parser.add_argument("--kill-index", type=int, default=30, help="index writers killed (30)")
    parser.add_argument("--kill-import", type=int, default=60, help="imports killed in progress (60)")
    parser.add_argument("--out", type=Path, default=OUT / "reliability.json")
    args = parser.parse_args()

    parts = OUT / "reliability-parts"
    shutil.rmtree(parts, ignore_errors=True)
    parts.mkdir(parents=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ASHRAF_RELIABILITY_OUT=str(parts))
    if not args.quick:
        env.update(ASHRAF_RELIABILITY_FULL="1", ASHRAF_FUZZ_EXAMPLES=str(args.fuzz),
                   ASHRAF_KILL_TRIALS_ANNOTATIONS=str(args.kill_annotations),
                   ASHRAF_KILL_TRIALS_INDEX=str(args.kill_index),
                   ASHRAF_KILL_TRIALS_IMPORT=str(args.kill_import))
    started = time.perf_counter()
    code_new, seconds_new = _pytest(["tests/reliability"], env, parts / "junit-reliability.xml")
    code_old, seconds_old = _pytest(sorted(set(EXISTING_SCENARIOS.values())), env, parts / "junit-existing.xml")
    new = _outcomes(parts / "junit-reliability.xml")
    old = _outcomes(parts / "junit-existing.xml")

    walk, walk_qt = _read(parts, "every_file.json"), _read(parts, "every_file_qt.json")
    hostile, offline = _read(parts, "hostile_files.json"), _read(parts, "offline.json")
    crash, corrupt = _read(parts, "crash.json"), _read(parts, "corrupt_state.json")

    scenarios = [{"scenario": name, "recovered": bool(v.get("recovered")), "source": "tests/reliability",
                  "known_bug": v.get("known_bug")} for name, v in corrupt.items()]
    scenarios += [{"scenario": name, "recovered": old.get(node) == "passed", "source": node,
                   "outcome": old.get(node, "not run")} for name, node in EXISTING_SCENARIOS.items()
                  if not name.startswith(("network:", "annotations: 30"))]
    fuzz = {name.split("::")[-1]: status for name, status in new.items() if "test_fuzz" in name}
    network_tests = {name: old.get(node, "not run") for name, node in EXISTING_SCENARIOS.items()
                     if name.startswith("network:")}
    report = {
        "command": " ".join(["bench/bench_reliability.py", *sys.argv[1:]]),
        "machine": machine(),
        "seconds": round(time.perf_counter() - started, 1),
        "full": not args.quick,
        "files": {
            "testdata": walk.get("testdata"),
            "sampled": walk.get("sampled"),
            "core_readers": walk.get("files"),
            "per_reader": {**walk.get("readers", {}), **walk_qt.get("readers", {})},
            "qt_steps": walk_qt.get("files"),
            "failures": walk.get("failures", []) + walk_qt.get("failures", []),
            "bad_messages": walk.get("bad_messages", []) + walk_qt.get("bad_messages", []),
            "refusals": walk.get("refusals", []) + walk_qt.get("refusals", []),
            "import": walk.get("import"),
        },
        "hostile_files": {"files": hostile.get("files"), "per_reader": hostile.get("readers"),
                          "refusals": hostile.get("refusals"), "import": hostile.get("import")},
        "network": {
            "attempts_by_readers": (walk.get("network_attempts") or 0) + (walk_qt.get("network_attempts") or 0)
            + (hostile.get("network_attempts") or 0),
            "attempts_by_gui": offline.get("network_attempts"),
            "gui_panels_opened": offline.get("panels"),
            "gui_items_opened": offline.get("items"),
            "refused_resources_in_untrusted_html": offline.get("refused_resources"),
            "suite_guard": "tests/conftest.py (autouse, every test)",
            "existing_tests": network_tests,
        },
        "kill_9": crash,
        "corruption": {"scenarios": len(scenarios), "recovered": sum(s["recovered"] for s in scenarios),
                       "list": scenarios},
        "fuzz": {"examples_per_property": int(env.get("ASHRAF_FUZZ_EXAMPLES", "100")), "properties": fuzz,
                 "extraction_catch_all": _read(parts, "fuzz_catch_all.json")},
        "known_bugs_xfail": {name: status for name, status in new.items() if status == "xfailed"},
        "pytest": {"tests/reliability": {"exit": code_new, "seconds": seconds_new, "outcomes": new},
                   "existing": {"exit": code_old, "seconds": seconds_old}},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    core = report["files"]["core_readers"] or {}
    print(f"files tried {core.get('tried')}, opened {core.get('opened')}, refused with a message "
          f"{core.get('refused_with_message')}, refused badly {core.get('refused_badly')}, crashed "
          f"{core.get('crashed')}, hung {core.get('hung')}")
    print(f"network attempts: readers {report['network']['attempts_by_readers']}, GUI "
          f"{report['network']['attempts_by_gui']}")
    if crash:
        a, i = crash["annotations"], crash["index"]
        print(f"kill -9: annotations {a['trials']} trials, {a['committed']} committed, {a['lost']} lost; "
              f"index {i['trials']} trials, {i['usable_as_left']} usable as left, {i['rebuilt']} rebuilt, "
              f"{i['failed']} failed")
        if crash.get("import"):
            m = crash["import"]
            print(f"kill -9: imports {m['trials']} trials ({m['killed_mid_import']} killed mid-import), "
                  f"{m['items_whole_after_kill']} items whole, {m['items_broken']} broken, "
                  f"{m['orphan_held_files']} orphan held files, {m['temporaries_swept']} temporaries swept "
                  f"({m['temporaries_left_outside_items']} left outside items/, a known bug), "
                  f"retry complete {m['retry_complete']}, failed {m['failed']}")
    print(f"corruption scenarios recovered: {report['corruption']['recovered']} of {report['corruption']['scenarios']}")
    print(f"fuzz ({report['fuzz']['examples_per_property']} examples a property): {fuzz}")
    per_reader = report["files"]["per_reader"]
    if "import" in per_reader:
        m = per_reader["import"]
        print(f"import reader: tried {m['tried']}, added {m['opened']}, refused with a message "
              f"{m['refused_with_message']}, refused badly {m['refused_badly']}, crashed {m['crashed']}, "
              f"hung {m['hung']}")
    print(f"wrote {args.out} in {report['seconds']} s")
    return 0 if code_new == 0 and code_old == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
