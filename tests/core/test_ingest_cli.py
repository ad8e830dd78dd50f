"""``ashraf-desktop import``: the report, exit codes, the search index brought up to date, and what the other
commands (search, info, validate) see afterwards; kill -9 in the middle of an import never leaves half an item."""

from __future__ import annotations

import importlib.util
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ashraf_desktop.cli import main
from ashraf_desktop.core.archive import layers
from ashraf_desktop.core.archive import layer_root, load_layered
from archive_builder import write_archive
from test_ingest import make_pdf

REPO = Path(__file__).resolve().parents[2]


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def env(tmp_path):
    root = write_archive(tmp_path / "archive")
    return root, tmp_path / "data"


def test_import_then_search_info_and_validate_see_the_items(env, tmp_path, capsys):
    root, data = env
    base = ["--archive", str(root), "--data-dir", str(data)]
    code, out, _ = run_cli(capsys, *base, "index")
    assert code == 0
    pdf = make_pdf(tmp_path / "handover.pdf", "The perimeter of Ashraf was guarded by Iraqi police.",
                   title="Perimeter report", created="D:20090301")
    code, out, err = run_cli(capsys, *base, "import", str(pdf))
    assert code == 0, out + err
    assert "[1/1] handover.pdf" in err  # progress on standard error
    assert "added      " in out and "Perimeter report" in out
    assert "1 added, 0 duplicates skipped, 0 failed" in out
    assert "Search index updated: 1 added" in out  # the index that existed was updated at once
    code, out, _ = run_cli(capsys, *base, "search", "perimeter", "--json")
    hits = json.loads(out)["hits"]
    assert code == 0 and [h["item_id"] for h in hits] == ["handover"]
    code, out, _ = run_cli(capsys, *base, "info", "--json")
    assert json.loads(out)["documents"] == 2
    code, out, _ = run_cli(capsys, *base, "validate")
    assert code == 0 and out.startswith("OK:") and "2 documents" in out


def test_search_builds_with_imported_items_when_there_was_no_index(env, tmp_path, capsys):
    root, data = env
    base = ["--archive", str(root), "--data-dir", str(data)]
    pdf = make_pdf(tmp_path / "memo.pdf", "Residents moved to Camp Liberty in 2012.")
    code, out, _ = run_cli(capsys, *base, "import", str(pdf), "--json")
    report = json.loads(out)
    assert code == 0 and report["added"] == 1 and report["index"] is None
    assert report["files"][0]["item"] == "memo" and report["files"][0]["status"] == "added"
    code, out, _ = run_cli(capsys, *base, "search", '"Camp Liberty"', "--json")
    assert [h["item_id"] for h in json.loads(out)["hits"]] == ["memo"]


def test_real_pdf_is_found_by_its_text(shared_testdata, env, capsys):
    root, data = env
    base = ["--archive", str(root), "--data-dir", str(data)]
    pdf = shared_testdata / "pdfs" / "py-pdf-sample-files" / "009-pdflatex-geotopo" / "GeoTopo-komprimiert.pdf"
    code, out, err = run_cli(capsys, *base, "import", str(pdf))
    assert code == 0, out + err
    code, out, _ = run_cli(capsys, *base, "search", "Topologie", "--json")
    result = json.loads(out)
    assert result["hits"][0]["item_id"] == "geotopo-komprimiert"
    assert result["hits"][0]["title"] == "Geometrie und Topologie"


def test_exit_codes(env, tmp_path, capsys):
    root, data = env
    base = ["--archive", str(root), "--data-dir", str(data)]
    good = make_pdf(tmp_path / "good.pdf")
    (tmp_path / "bad.docx").write_text("not a zip")
    code, out, _ = run_cli(capsys, *base, "import", str(good), str(tmp_path / "bad.docx"))
    assert code == 1
    assert "FAILED     " in out and "not a Word document (the file is plain text)" in out
    code, out, _ = run_cli(capsys, *base, "import", str(good))
    assert code == 0 and "duplicate" in out and "(good)" in out
    code, _, err = run_cli(capsys, *base, "import", str(good), "--date", "Spring 2009")
    assert code == 2 and "--date: not a valid EDTF date" in err
    code, _, err = run_cli(capsys, *base, "import", str(good), "--language", "Persian")
    assert code == 2 and "--language" in err
    code, _, err = run_cli(capsys, "--archive", str(tmp_path / "nowhere"), "--data-dir", str(data), "import",
                           str(good))
    assert code == 2 and "is not an archive" in err
    with pytest.raises(SystemExit) as exit_info:
        main([*base, "import"])  # no PATH
    assert exit_info.value.code == 2


def test_batch_options(env, tmp_path, capsys):
    root, data = env
    base = ["--archive", str(root), "--data-dir", str(data)]
    a, b = make_pdf(tmp_path / "a.pdf", "one"), make_pdf(tmp_path / "b.pdf", "two")
    code, out, err = run_cli(capsys, *base, "import", str(a), str(b), "--date", "2012-02/2012-08",
                             "--subject", "Camp Liberty", "--subject", "relocation", "--creator", "UNAMI",
                             "--tag", "batch-1", "--language", "en")
    assert code == 0, out + err
    archive = load_layered(root, data / "data").archive
    for item_id in ("a", "b"):
        meta = archive.item(item_id).metadata
        assert meta.date == "2012-02/2012-08" and meta.subject == ("Camp Liberty", "relocation")
        assert meta.creator == ("UNAMI",) and meta.language == ("en",)
        assert archive.item(item_id).tags == ("batch-1",)


@pytest.mark.skipif(importlib.util.find_spec("ashraf_desktop.core.integrity") is None,
                    reason="core.integrity (BagIt import, the integrity work) is not there yet")
def test_a_bag_folder_is_imported_as_a_bag(env, tmp_path, capsys):
    from ashraf_desktop.core.integrity import export_bag
    from ashraf_desktop.core.archive import load_archive
    source_root, _ = env
    bag = export_bag(load_archive(source_root).archive, tmp_path / "bag")
    assert (bag / "bagit.txt").is_file()
    other = tmp_path / "other"
    (other / "items").mkdir(parents=True)
    (other / "collection.toml").write_text('format = 1\nid = "other"\ntitle = "Another archive"\n')
    data = tmp_path / "data2"
    base = ["--archive", str(other), "--data-dir", str(data)]
    code, out, err = run_cli(capsys, *base, "import", str(bag))
    assert code == 0, out + err
    assert f"Bag {bag}:" in out
    archive = load_layered(other, data / "data").archive
    assert archive.item("doc") is not None and archive.layer_of(archive.item("doc")) is not None
    code, out, _ = run_cli(capsys, *base, "import", str(bag), "--json")
    report = json.loads(out)
    assert report["bags"][0]["path"] == str(bag) and report["added"] == 0


# --- kill -9 -------------------------------------------------------------------------------------------------

_WORKER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from ashraf_desktop.core.ingest import import_files
    from ashraf_desktop.core.archive import layer_root, load_layered
    root, data, source = (Path(a) for a in sys.argv[1:4])
    archive = load_layered(root, data).archive
    print("started", flush=True)
    import_files(archive, layer_root(data, archive.collection.id), [source])
    print("done", flush=True)
""")


def _check_no_half_item(root: Path, data: Path) -> int:
    result = load_layered(root, data, check_files=True)
    assert result.ok, [str(p) for p in result.errors][:5]  # every sidecar whole, every file there and intact
    layer = layer_root(data, result.archive.collection.id)
    assert len(layers.orphans(layer)) <= 1  # at most the one file whose sidecar rename was cut off
    return sum(1 for item in result.archive.items if result.archive.layer_of(item) is not None)


@pytest.mark.slow
def test_kill_9_during_an_import_leaves_no_half_item(env, tmp_path):
    root, data = env
    source = tmp_path / "source"
    source.mkdir()
    rng = random.Random(9)
    line = "Camp Ashraf, Diyala province, Iraq. " * 50 + "\n"
    for n in range(30):
        (source / f"note-{n:02d}.txt").write_text(f"note {n}\n" + line * (600 + rng.randrange(600)),
                                                 encoding="utf-8")
    counts = []
    for trial in range(4):
        worker = subprocess.Popen([sys.executable, "-c", _WORKER, str(root), str(data), str(source)],
                                  stdout=subprocess.PIPE, text=True, cwd=REPO)
        assert worker.stdout.readline().strip() == "started"
        time.sleep(rng.uniform(0.05, 0.6))
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
        counts.append(_check_no_half_item(root, data))
    assert counts == sorted(counts)  # each run went on from where the last was killed
    finished = subprocess.run([sys.executable, "-c", _WORKER, str(root), str(data), str(source)],
                              capture_output=True, text=True, cwd=REPO, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert _check_no_half_item(root, data) == 30  # every note once: killed copies were not half-counted
