"""Fixtures shared by all tests.

Tests that need ../shared (real-world test data beside the clone) skip with a reason where it is absent;
`.ci/run` sets ASHRAF_REQUIRE_SHARED=1 so that there such a skip fails the run instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BUNDLED_ARCHIVE = REPO / "archive"
SHARED = Path(os.environ.get("ASHRAF_SHARED_DIR", REPO.parent / "shared"))


def _require_shared(sub: str) -> Path:
    path = SHARED / sub
    if not path.exists():
        if os.environ.get("ASHRAF_REQUIRE_SHARED") == "1":
            pytest.fail(f"{path} is missing but ASHRAF_REQUIRE_SHARED=1 (CI must run the real-data tests)")
        pytest.skip(f"real test data not found at {path} (a contributor's clone without ../shared)")
    return path


@pytest.fixture(scope="session")
def shared_testdata() -> Path:
    """../shared/testdata: real photos, PDFs, HTML, office files, RTL texts, dated corpora."""
    return _require_shared("testdata")


@pytest.fixture(scope="session")
def shared_seeds() -> Path:
    """../shared/seeds: the source texts of the bundled archive."""
    return _require_shared("seeds")


@pytest.fixture(scope="session")
def bundled_archive_path() -> Path:
    return BUNDLED_ARCHIVE


@pytest.fixture(autouse=True)
def _user_dirs_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user data/cache folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
