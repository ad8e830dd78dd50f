"""The CLI's JSON shapes are relied on by other tools (docs/cli.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ashraf_desktop.cli import main
from ashraf_desktop.main import display_problem

from archive_builder import write_archive


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_validate_ok_prints_a_one_line_summary(tmp_path, capsys):
    code, out, _ = run_cli(capsys, "validate", str(write_archive(tmp_path / "a")))
    assert code == 0
    assert out.count("\n") == 1 and out.startswith("OK:") and "1 documents" in out


def test_validate_lists_every_problem_and_exits_1(tmp_path, capsys):
    root = write_archive(tmp_path / "a", item_extra='titel = "x"\ndate = "nonsense"\n')
    code, out, err = run_cli(capsys, "validate", str(root))
    assert code == 1
    assert "titel" in out and "not a valid EDTF date" in out and "INVALID" in err


def test_info_json_counts(tmp_path, capsys):
    code, out, _ = run_cli(capsys, "info", str(write_archive(tmp_path / "a")), "--json")
    data = json.loads(out)
    assert code == 0
    assert {k: data[k] for k in ("documents", "images", "records", "events")} == \
        {"documents": 1, "images": 0, "records": 1, "events": 1}
    assert all(isinstance(data[k], int) for k in ("documents", "images", "records", "events"))


def test_events_json_shape(tmp_path, capsys):
    code, out, _ = run_cli(capsys, "events", str(write_archive(tmp_path / "a")), "--json")
    [event] = json.loads(out)
    assert code == 0
    assert event["id"] == "built" and event["date"] == "1986" and event["title"] == "Camp built"
    assert event["citations"] == [{"item": "doc", "quote": "In 1986 the camp was built"}]


def test_global_archive_option(tmp_path, capsys):
    root = write_archive(tmp_path / "a")
    code, out, _ = run_cli(capsys, "--archive", str(root), "info", "--json")
    assert json.loads(out)["records"] == 1


def test_no_display_explains_itself_instead_of_a_qt_abort():
    message = display_problem(environ={}, platform="linux")
    assert message and "xvfb-run" in message and "QT_QPA_PLATFORM=offscreen" in message
    assert display_problem(environ={"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None


def test_gui_without_display_exits_2_with_the_message(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "ashraf_desktop", "--data-dir", str(tmp_path)],
                         capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 2
    assert "needs a screen" in out.stderr and "Traceback" not in out.stderr


def test_annotations_export_import_round_trip_through_the_cli(tmp_path, capsys, bundled_archive_path):
    from ashraf_desktop.core.annotations import open_store, text_selector
    from ashraf_desktop.core.extract import extract
    from ashraf_desktop.core.archive import load_archive
    from ashraf_desktop.paths import user_dirs

    archive = load_archive(bundled_archive_path, check_files=False).archive
    doc = archive.item("brief-history-of-ashraf-city")
    text = extract(doc.file).text
    start = text.index("Camp Liberty")
    store = open_store(user_dirs(tmp_path / "one").ensure().data)
    store.create(archive.collection.id, doc.id, "highlight", text=text_selector(text, start, start + 12),
                 body="Compare with the UN's account.", tags=["relocation"], author="A. Archivist",
                 item_sha256=doc.sha256)
    store.close()

    code, exported, _ = run_cli(capsys, "--data-dir", str(tmp_path / "one"), "annotations", "export")
    assert code == 0 and "Camp Liberty" in exported and "relocation" in exported
    source = tmp_path / "export.jsonld"
    source.write_text(exported, encoding="utf-8")
    code, _, _ = run_cli(capsys, "--data-dir", str(tmp_path / "two"), "annotations", "import", str(source))
    assert code == 0
    code, again, _ = run_cli(capsys, "--data-dir", str(tmp_path / "two"), "annotations", "export")
    assert json.loads(again) == json.loads(exported)


def test_the_command_line_never_imports_the_window():
    """cli/ holds every command and never imports ui/ (the entry point, ashraf_desktop.main, opens the window):
    statically, and at run time no command pulls Qt in."""
    import ast

    import ashraf_desktop.cli as cli_package
    for path in sorted(Path(cli_package.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                target = "." * node.level + (node.module or "")
                assert not (target.startswith("..ui") or (node.module or "").startswith("ashraf_desktop.ui")), \
                    f"{path.name} imports {target}"
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith(("ashraf_desktop.ui", "PySide6")) for a in node.names), path.name
    code = ("import sys; from ashraf_desktop.cli import main; main(['info', '--json']); "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'ashraf_desktop.ui'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_command_line_alone_has_no_window_to_open(capsys):
    assert main([]) == 2
    assert "no window to open" in capsys.readouterr().err
