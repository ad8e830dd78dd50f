"""kill -9 trials counted into $ASHRAF_RELIABILITY_OUT/crash.json (tests/core has the detailed tests; the
bench runs many more trials through the same helper)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys

import pytest

from rel_crash import (KNOWN_BUG_LAYER_TEMP, annotation_kill_trials, import_kill_trials, index_kill_trials,
                       kill_while_creating_the_layer)
from rel_walk import machine, write_report

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not hasattr(os, "fork"),
                                reason="needs POSIX SIGKILL and fork")

ANNOTATION_TRIALS = int(os.environ.get("ASHRAF_KILL_TRIALS_ANNOTATIONS", "20"))
INDEX_TRIALS = int(os.environ.get("ASHRAF_KILL_TRIALS_INDEX", "4"))
IMPORT_TRIALS = int(os.environ.get("ASHRAF_KILL_TRIALS_IMPORT", "8"))


def test_kill_9_counts(tmp_path) -> None:
    annotations = annotation_kill_trials(tmp_path / "annotations", ANNOTATION_TRIALS)
    index = index_kill_trials(tmp_path / "index", INDEX_TRIALS)
    imports = import_kill_trials(tmp_path / "import", IMPORT_TRIALS)
    write_report("crash.json", {"machine": machine(), "annotations": annotations, "index": index,
                                "import": imports})
    assert annotations["trials"] == ANNOTATION_TRIALS and annotations["committed"] >= ANNOTATION_TRIALS
    assert annotations["lost"] == 0, f"seed {annotations['seed']}: committed annotations lost"
    assert annotations["integrity"] == ["ok"] and annotations["writable_after"]
    assert index["trials"] == INDEX_TRIALS
    assert index["failed"] == 0, index["failures"]
    assert index["usable_as_left"] + index["rebuilt"] == INDEX_TRIALS
    assert imports["trials"] == IMPORT_TRIALS
    assert imports["failed"] == 0 and imports["items_broken"] == 0, imports["failures"]
    assert imports["retry_complete"] == IMPORT_TRIALS


def test_an_import_killed_while_creating_its_layer_leaves_nothing_after_a_sweep(tmp_path) -> None:
    from ashraf_desktop.core.archive import ensure_layer, sweep
    layer = tmp_path / "imported" / "test"
    child = multiprocessing.get_context("fork").Process(target=kill_while_creating_the_layer, args=(str(layer),))
    child.start()
    child.join(30)
    assert child.exitcode == -signal.SIGKILL
    assert not (layer / "collection.toml").exists()
    ensure_layer(layer)  # the next import creates the layer; the loader never sees the temporary
    sweep(layer)
    left = sorted(p.name for p in layer.rglob(".partial-*"))
    assert not left, f"left in the layer after sweep(): {left}"
