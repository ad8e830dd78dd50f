"""kill -9 trials counted into $ASHRAF_RELIABILITY_OUT/crash.json (tests/core has the detailed tests; the
bench runs many more trials through the same helper)."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from rel_crash import annotation_kill_trials, index_kill_trials
from rel_walk import machine, write_report

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not hasattr(os, "fork"),
                                reason="needs POSIX SIGKILL and fork")

ANNOTATION_TRIALS = int(os.environ.get("ASHRAF_KILL_TRIALS_ANNOTATIONS", "20"))
INDEX_TRIALS = int(os.environ.get("ASHRAF_KILL_TRIALS_INDEX", "4"))


def test_kill_9_counts(tmp_path) -> None:
    annotations = annotation_kill_trials(tmp_path / "annotations", ANNOTATION_TRIALS)
    index = index_kill_trials(tmp_path / "index", INDEX_TRIALS)
    write_report("crash.json", {"machine": machine(), "annotations": annotations, "index": index})
    assert annotations["trials"] == ANNOTATION_TRIALS and annotations["committed"] >= ANNOTATION_TRIALS
    assert annotations["lost"] == 0, f"seed {annotations['seed']}: committed annotations lost"
    assert annotations["integrity"] == ["ok"] and annotations["writable_after"]
    assert index["trials"] == INDEX_TRIALS
    assert index["failed"] == 0, index["failures"]
    assert index["usable_as_left"] + index["rebuilt"] == INDEX_TRIALS
