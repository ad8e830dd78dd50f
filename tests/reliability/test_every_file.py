"""Every real file of ../shared/testdata through every reader (the import among them), each supervised: no
crash, no hang, no unhandled exception, and every refusal a message that names the file and says why in words.

The dated corpora (1,200+ plain texts of one kind) are sampled, every 20th file, to keep CI short;
``ASHRAF_RELIABILITY_FULL=1`` (set by bench/bench_reliability.py) walks them all. Counts go to
``$ASHRAF_RELIABILITY_OUT/every_file*.json``.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from rel_walk import CORE_READERS, QT_READERS, collect, machine, message_problem, summarise, walk, write_report
from rel_hostile import TRAVERSAL_TARGET, write_hostile_files

FULL = os.environ.get("ASHRAF_RELIABILITY_FULL") == "1"


def _attempts(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]


def _check(summary: dict, net: list[dict]) -> None:
    assert not summary["failures"], "crashed, hung or raised:\n" + json.dumps(summary["failures"], indent=1)[:6000]
    assert not summary["bad_messages"], "refusals without a readable message:\n" + json.dumps(
        summary["bad_messages"], indent=1)[:6000]
    assert not net, f"readers tried the network: {net[:3]}"


def _run(files: list[Path], readers: tuple[str, ...], root: Path, tmp_path: Path, report: str,
         label: str) -> tuple[dict, list[dict]]:
    net_log = tmp_path / "net.jsonl"
    started = time.perf_counter()
    results = walk(files, readers, workers=2, net_log=net_log, log_dir=tmp_path / "logs")
    summary = summarise(results, root)
    if "import" in readers:
        summary["import"] = _import_summary(results, root)
    net = _attempts(net_log)
    write_report(report, {"what": label, "testdata": str(root), "sampled": not FULL, "machine": machine(),
                          "seconds": round(time.perf_counter() - started, 1), "network_attempts": len(net),
                          **summary})
    _check(summary, net)
    return summary, results


def _import_summary(results: list[dict], root: Path) -> dict:
    """What the import reader did with each file: added (with a note or not, renamed or not) or refused."""
    out: dict = {"added": 0, "added_with_note": 0, "renamed": 0, "refused": [], "notes": []}
    for r in results:
        if r["reader"] != "import":
            continue
        path = Path(r["path"])
        rel = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        if r["status"] == "opened":
            detail = r.get("detail") or {}
            out["added"] += 1
            out["renamed"] += bool(detail.get("renamed"))
            if detail.get("note"):
                out["added_with_note"] += 1
                out["notes"].append({"file": rel, "note": detail["note"][:300]})
        elif r["status"] == "refused":
            out["refused"].append({"file": rel, "message": r.get("message", "")[:300]})
    return out


def test_every_real_file_through_every_core_reader(shared_testdata: Path, tmp_path: Path) -> None:
    files = collect(shared_testdata, dated_every=1 if FULL else 20)
    summary, _ = _run(files, CORE_READERS, shared_testdata, tmp_path, "every_file.json",
                      "text extraction, thumbnail (+ its cache), EXIF, lightbox decode, loader with checks, "
                      "import into a fresh layer (checked whole)")
    assert summary["files"]["tried"] == len(files) > 250
    for reader in CORE_READERS:
        assert summary["readers"][reader]["tried"] == len(files)
    assert summary["files"]["opened"] > len(files) // 2  # sanity: the walk really read things
    assert summary["readers"]["import"]["opened"] > len(files) // 2  # and really imported things


@pytest.mark.gui
def test_every_real_pdf_renders_and_every_image_reaches_qt(shared_testdata: Path, tmp_path: Path) -> None:
    """QtPdf: load and draw page 1 to a QImage (offscreen, no app worker threads); the lightbox's QImage."""
    files = collect(shared_testdata, dated_every=1 if FULL else 20)
    summary, _ = _run(files, QT_READERS, shared_testdata, tmp_path, "every_file_qt.json",
                      "QtPdf render of page 1 (PDFs), the lightbox's PIL-to-QImage step (images)")
    assert summary["readers"]["pdf_render"]["tried"] >= 80
    assert summary["readers"]["pdf_render"]["opened"] >= 60
    assert summary["readers"]["lightbox_qimage"]["opened"] >= 80


#: Hostile files the import must refuse (with a message, leaving nothing in the layer: the reader checks that),
#: and words the message must hold.
IMPORT_REFUSES = {
    "bomb-header-100k.png": "image too large to open safely",
    "bomb-header-64k.gif": "image too large to open safely",
    "bomb-header-200k.tif": "image too large to open safely",
    "png-bomb-named.pdf": "image too large to open safely",  # the content decides, and it is a bomb
    "zip-bomb.docx": "zip bomb",
    "zip-bomb.odt": "zip bomb",
    "zip-bomb-named.jpg": "zip bomb",
    "entity-bomb.docx": "declares a DOCTYPE or entities",
    "report-403.pdf": "not a PDF (the file is a web page (HTML) titled “403 Forbidden”)",
    "empty.txt": "the file is empty",
}
#: Hostile files the import may take (and the reader then checks the item loads, with the source's SHA-256).
IMPORT_TAKES = {"untrusted.html", "zip-slip.docx", "con.txt", "\u202etxt.exe-report.txt",
                ("very-long-name-" * 16) + ".txt"}


def test_hostile_files_are_refused_within_bounds(tmp_path: Path) -> None:
    """Image bombs (PNG/GIF/TIFF headers of 4-40 gigapixels, a 100 MP zlib bomb), zip bombs in a DOCX and an
    ODT, an XML entity bomb, a "zip slip" DOCX, files named as what they are not, odd names: each refused with
    a message or read within a memory bound, by every core reader including the import."""
    folder = tmp_path / "hostile"
    files = write_hostile_files(folder)
    summary, results = _run(files, CORE_READERS, folder, tmp_path, "hostile_files.json", "generated hostile files")
    for reader, stats in summary["readers"].items():
        assert stats["max_peak_mb"] < 1500, f"{reader} used {stats['max_peak_mb']} MB on a hostile file"
    refusals = {r["file"]: r["message"] for r in summary["refusals"]}
    assert "image too large to open safely" in refusals["bomb-header-100k.png"]
    assert "image too large to open safely" in refusals["bomb-header-64k.gif"]
    assert "image too large to open safely" in refusals["bomb-header-200k.tif"]
    assert "zip bomb" in refusals["zip-bomb.docx"] and "zip bomb" in refusals["zip-bomb.odt"]
    assert "DOCTYPE or entities" in refusals["entity-bomb.docx"]

    imported = {Path(r["path"]).name: r for r in results if r["reader"] == "import"}
    assert set(imported) == {f.name for f in files}
    for name, words in IMPORT_REFUSES.items():
        answer = imported[name]
        assert answer["status"] == "refused", f"the import took the hostile {name}: {answer}"
        assert message_problem(answer["message"], folder / name) is None, answer["message"]
        assert words in answer["message"], f"{name}: {answer['message']}"
    for name in IMPORT_TAKES:
        assert imported[name]["status"] == "opened", f"{name}: {imported[name]}"
    # the 100 MP zlib bomb is under the pixel limit: taken or refused, both within the memory bound above
    assert imported["bomb-zlib-100mp.png"]["status"] in ("opened", "refused")
    # nothing read a package entry to disk: the "zip slip" entries stayed names
    assert not (Path("/tmp") / TRAVERSAL_TARGET).exists()
    assert not any(Path(tmp_path).rglob(TRAVERSAL_TARGET))
