"""What a command imports is part of what it costs: at 100,000 items `search WORD` has half a second, and the
text readers alone (BeautifulSoup, markdown-it, pdfium) took a fifth of it (issue 17). A search whose texts
are indexed and cached reads no file, so it must not import them; `info` needs neither Whoosh nor them, nor the
annotations (which only the `annotations` commands and the index's sync use), nor ctypes (the window's check
for X libraries)."""

from __future__ import annotations

import json
import subprocess
import sys

READERS = ("bs4", "markdown_it", "pypdfium2", "soupsieve")
OFFICE = "ashraf_desktop.core.extract.office"


def _modules_after(args: list[str], data_dir) -> tuple[dict, list[str]]:
    code = ("import sys, json, io, contextlib\n"
            "from ashraf_desktop.main import main\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            f"    status = main({['--data-dir', str(data_dir), *args]!r})\n"
            "print(json.dumps({'status': status, 'out': out.getvalue(), 'modules': sorted(sys.modules)}))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["status"] == 0, proc.stderr
    return json.loads(report["out"]), report["modules"]


def test_a_search_of_an_indexed_archive_imports_no_text_reader(tmp_path, bundled_archive_path):
    data = tmp_path / "data"
    _modules_after(["index", str(bundled_archive_path), "--json"], data)  # builds the index (reads the texts)
    result, modules = _modules_after(["--archive", str(bundled_archive_path), "search", "Ashraf", "--json"], data)
    assert result["total"] > 0
    assert [m for m in modules if m.split(".")[0] in READERS or m == OFFICE] == []


def test_info_imports_neither_the_index_nor_the_readers(tmp_path, bundled_archive_path):
    result, modules = _modules_after(["info", str(bundled_archive_path), "--json"], tmp_path / "data")
    assert result["documents"] >= 1
    assert [m for m in modules if m.split(".")[0] in (*READERS, "whoosh", "ctypes")] == []
    assert [m for m in modules if m.startswith(("ashraf_desktop.core.annotations", OFFICE))] == []
