"""The core and the CLI never import Qt: everything they do works without a screen or Qt libraries."""

import subprocess
import sys

import pytest

import ashraf_desktop

PROBE = """
import sys, pkgutil, importlib
import ashraf_desktop.core as core
import ashraf_desktop.cli, ashraf_desktop.paths
for mod in pkgutil.walk_packages(core.__path__, core.__name__ + "."):
    importlib.import_module(mod.name)
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "PyQt")))
print(",".join(qt))
"""


def test_core_and_cli_import_no_qt():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"Qt imported by the core/CLI: {out.stdout.strip()}"


def test_the_probe_would_notice_qt(tmp_path):
    """Guard against a probe that cannot fail: importing Qt shows up in its output."""
    probe = PROBE.replace("import ashraf_desktop.core as core", "import PySide6.QtCore\nimport ashraf_desktop.core as core")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert "PySide6.QtCore" in out.stdout
