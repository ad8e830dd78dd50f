"""Every real file through every reader, each in a supervised worker process: a crash or a hang is detected,
not waited for, and every refusal is checked for a message a user can read.

Used by ``tests/reliability/test_every_file.py`` (bounded: the dated corpora sampled) and by
``bench/bench_reliability.py`` (everything). Nothing here imports Qt in the supervising process.

Protocol: a worker (this file run as a script) reads one JSON task a line on stdin and answers one JSON line
on its protocol pipe. One task is in flight per worker, so a worker that dies (a segfault in a C library) or
goes silent past the bound is charged to exactly one (file, reader); the supervisor then starts a new
worker and goes on with the next task.
"""

from __future__ import annotations

import json
import os
import platform
import re
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
NETGUARD = REPO / "tests" / "netguard"

#: Readers that need only the Qt-free core (run in plain workers).
CORE_READERS = ("text", "thumbnail", "exif", "lightbox", "loader", "import")
#: Readers that need Qt (run in offscreen Qt workers): QtPdf page rendering, the lightbox's QImage step.
QT_READERS = ("pdf_render", "lightbox_qimage")
DATED = "corpus_dated"
DEFAULT_TIMEOUT_S = float(os.environ.get("ASHRAF_RELIABILITY_TIMEOUT", "60"))
#: Address-space cap of a core worker: a decompression bomb must meet a MemoryError, not the OOM killer.
CORE_MEMORY_LIMIT = 6 * 1024 ** 3
LIGHTBOX_BOX = (1920, 1080)


# --------------------------------------------------------------------------------------------------------
# the files
# --------------------------------------------------------------------------------------------------------

def collect(testdata: Path, *, dated_every: int = 10) -> list[Path]:
    """All files under ``testdata`` in a stable order; the dated corpora every ``dated_every``-th (1 = all)."""
    files = sorted(p for p in testdata.rglob("*") if p.is_file())
    dated = [p for p in files if DATED in p.relative_to(testdata).parts[:1]]
    rest = [p for p in files if p not in set(dated)]
    return rest + dated[::max(1, dated_every)]


def out_dir() -> Path:
    """Where the JSON reports go: ``ASHRAF_RELIABILITY_OUT`` or a folder under the system temp dir."""
    folder = Path(os.environ.get("ASHRAF_RELIABILITY_OUT") or Path(tempfile.gettempdir()) / "ashraf-reliability")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_report(name: str, data: dict[str, Any]) -> Path:
    path = out_dir() / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return path


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kb = int(next(line for line in Path("/proc/meminfo").read_text().splitlines()
                          if line.startswith("MemTotal")).split()[1])
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    return {"os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem_kb / 1024 ** 2, 1)}


# --------------------------------------------------------------------------------------------------------
# what a good refusal looks like
# --------------------------------------------------------------------------------------------------------

_EXC_START = re.compile(r"^\s*[A-Za-z_][\w.]*(Error|Exception|Warning|Interrupt)\b")
_WORD = re.compile(r"[^\W\d_]{2,}")
#: The catch-alls of core/extract (dispatch.py) and core/ingest (importer.py): a library raised something the
#: reader did not expect, and the message says only that, with the exception's text in brackets.
_CATCH_ALL = re.compile(r"^\W*an unexpected problem stopped its (text from being read|import)", re.IGNORECASE)


def message_problem(message: str, path: Path) -> str | None:
    """Why ``message`` is not an acceptable refusal of ``path`` (None when it is).

    Acceptable: names the file, says why in at least three words of prose outside any brackets (technical
    detail in brackets is fine), and is not an exception's text (``KeyError: 3``), a traceback, or a catch-all
    ("an unexpected problem stopped …" with only the exception's text in brackets).
    """
    if not message or not message.strip():
        return "empty message"
    if "Traceback (most recent call last)" in message or re.search(r'File ".*", line \d+', message):
        return "contains a traceback"
    if path.name not in message and path.stem not in message:
        return "does not name the file"
    reason = message.replace(str(path), " ").replace(path.name, " ")
    reason = re.sub(r"^\W*(error|warning)\W*", "", reason.strip(), flags=re.IGNORECASE)
    reason = reason.lstrip(" :-")
    if _EXC_START.match(reason):
        return "starts with an exception name instead of a reason"
    if _CATCH_ALL.match(reason):
        return "a catch-all: the only reason given is an exception's text"
    prose = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", reason)
    if len(_WORD.findall(prose)) < 3:
        return "no reason in words"
    return None


# --------------------------------------------------------------------------------------------------------
# the readers (run inside a worker)
# --------------------------------------------------------------------------------------------------------

class Refused(Exception):
    """A reader's documented refusal, carrying the message the user would see."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _read_text(path: Path, scratch: Path) -> dict:
    from ashraf_desktop.core.extract import ExtractionError, extract
    try:
        result = extract(path)
    except ExtractionError as exc:
        raise Refused(str(exc)) from None
    return {"chars": len(result.text), "status": result.status, "media_type": result.media_type}


def _read_thumbnail(path: Path, scratch: Path) -> dict:
    from ashraf_desktop.core.images import ThumbnailCache, Thumbnailer
    thumbs = Thumbnailer(ThumbnailCache(scratch / "thumbs"))
    first = thumbs.get(path, 256)
    again = thumbs.get(path, 256)  # the second answer comes from the cache entry the first one wrote
    if first.ok != again.ok:
        raise AssertionError(f"the cached thumbnail disagrees with the decoded one ({first.ok} vs {again.ok})")
    if first.problem is not None:
        raise Refused(first.problem.message)
    return {"width": first.width, "height": first.height, "from_cache": again.from_cache}


def _read_exif(path: Path, scratch: Path) -> dict:
    from ashraf_desktop.core.images import ImageProblem, exif_summary
    try:
        summary = exif_summary(path)
    except ImageProblem as exc:
        raise Refused(exc.message) from None
    return {"rows": len(summary.rows()), "damaged": summary.damaged}


def _read_lightbox(path: Path, scratch: Path) -> dict:
    """What the lightbox's worker does (ui/gallery/lightbox.py ``_load_screen`` and ``_want_full``)."""
    from ashraf_desktop.core.images import (ImageProblem, exif_summary, load_display, load_frames, probe,
                                            release_decode_memory)
    try:
        try:
            exif_summary(path)  # _safe_exif: an ImageProblem there is swallowed; the picture decides
        except ImageProblem:
            pass
        info = probe(path)
        if info.animated:
            frames, info = load_frames(path, LIGHTBOX_BOX)
            return {"frames": len(frames), "megapixels": round(info.megapixels, 1)}
        image, info = load_display(path, LIGHTBOX_BOX)
        del image
        release_decode_memory(info.width * info.height)
        if info.megapixels <= 24.0:  # AUTO_REFINE_MEGAPIXELS: the lightbox then loads the full size
            image, info = load_display(path, None)
            del image
            release_decode_memory(info.width * info.height)
    except ImageProblem as exc:
        raise Refused(exc.message) from None
    return {"megapixels": round(info.megapixels, 1), "pages": info.pages}


def _toml_str(value: str) -> str:
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _read_loader(path: Path, scratch: Path) -> dict:
    """The file as the one item of a generated archive, loaded with every check (checksums, quotes)."""
    import hashlib
    import mimetypes

    from ashraf_desktop.core.extract import ExtractionError, extract, sniff_media_type
    from ashraf_desktop.core.images import IMAGE_SUFFIXES
    from ashraf_desktop.core.archive import load_archive
    from ashraf_desktop.core.archive import Severity
    root = scratch / "archive"
    shutil.rmtree(root, ignore_errors=True)
    (root / "items").mkdir(parents=True)
    (root / "collection.toml").write_text('format = 1\nid = "walk"\ntitle = "Reliability walk"\n',
                                          encoding="utf-8")
    held = root / "items" / path.name
    shutil.copyfile(path, held)
    digest = hashlib.sha256(held.read_bytes()).hexdigest()
    image = path.suffix.lower() in IMAGE_SUFFIXES
    if image:
        kind, fmt = "image", mimetypes.guess_type(path.name, strict=False)[0] or "image/" + path.suffix[1:].lower()
    else:
        try:
            kind, fmt = "document", sniff_media_type(held)
        except OSError:
            kind, fmt = "document", "application/octet-stream"
    sidecar = root / "items" / (path.name + ".toml")
    sidecar.write_text(
        f'id = "walked"\nkind = "{kind}"\nfile = {_toml_str(path.name)}\nsha256 = "{digest}"\n'
        f'title = {_toml_str(path.stem or path.name)}\nformat = {_toml_str(fmt)}\ndate = "2011-09"\n',
        encoding="utf-8")
    quote: str | None = "x"  # an image is cited as a whole; a document by a passage of its own text
    if not image:
        try:
            text = extract(held, fmt).text
            quote = next((line.strip()[:40] for line in text.splitlines() if len(line.strip()) >= 8),
                         text.strip()[:40] or None)
        except ExtractionError:
            pass  # the loader must then say the text cannot be read
    if quote is not None:
        (root / "timeline.toml").write_text(
            f'[[event]]\nid = "e"\ndate = "2011"\ntitle = "Cited"\n[[event.citations]]\nitem = "walked"\n'
            f"quote = {_toml_str(quote)}\n", encoding="utf-8")
    result = load_archive(root, check_files=True)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    if not result.archive.items or errors:
        raise Refused("; ".join(str(p) for p in (errors or result.problems)) or
                      f"{path.name}: the item was left out without a problem")
    return {"items": len(result.archive.items), "warnings": len(result.problems)}


def _sha256_of(path: Path) -> str:
    import hashlib
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


#: How an import outcome that hides an exception begins (core/ingest/importer.py's catch-all): a bug, not a
#: refusal, even though it reads like a sentence.
_IMPORT_CATCH_ALL = "an unexpected problem stopped its import"


def _layer_leftovers(layer: Path) -> list[str]:
    """Everything under the layer's ``items/`` (sidecars, held files, ``.partial-*`` temporaries)."""
    items = layer / "items"
    if not items.is_dir():
        return []
    return sorted(str(p.relative_to(layer)) for p in items.rglob("*") if not p.is_dir())


def _read_import(path: Path, scratch: Path) -> dict:
    """The import (core/ingest): the one file into a fresh layer of a tiny archive, then the result checked
    whole. "added": the item loads (``load_layered``, checksums checked) and its held file has the source's
    SHA-256, and the layer holds that sidecar and that file and nothing else. "failed": a message, and nothing
    of the file in the layer (no sidecar, no held file, no ``.partial-`` file). "duplicate" cannot happen for
    one file the archive does not hold. ``prefill`` (the metadata form's guesses) must not raise either."""
    from ashraf_desktop.core.ingest import import_files, prefill
    from ashraf_desktop.core.archive import layer_root, load_layered
    from ashraf_desktop.core.archive import Severity
    if str(REPO / "tests") not in sys.path:
        sys.path.insert(0, str(REPO / "tests"))
    from archive_builder import write_archive

    try:
        guessed = prefill(path)
    except Exception as exc:  # noqa: BLE001 - reported as a bug of prefill, with its traceback
        raise AssertionError(f"prefill raised {type(exc).__name__}: {exc}") from exc
    if not isinstance(guessed, dict):
        raise AssertionError(f"prefill returned {type(guessed).__name__}, not a dict")

    # its one text is held by no test-data file (so no "duplicate"); the timeline's quote is in it
    root = write_archive(scratch / "archive", text="In 1986 the camp was built: the reliability walk's own "
                                                   "archive text, held by no test-data file.\n")
    data_dir = scratch / "data"
    archive = load_layered(root, data_dir).archive
    layer = layer_root(data_dir, archive.collection.id)
    source_sha = _sha256_of(path)
    report = import_files(archive, layer, [path])
    if report.outcomes and report.outcomes[0].path == path and len(report.outcomes) > 1 and not report.not_started:
        return _container_outcomes(path, report, root, data_dir)  # an mbox, or a message with attachments
    if len(report.outcomes) != 1 or report.not_started or report.cancelled:
        raise AssertionError(f"one file chosen, {len(report.outcomes)} outcomes "
                             f"({report.summary()}): {report.as_json()}")
    outcome = report.outcomes[0]
    left = _layer_leftovers(layer)
    if outcome.status == "duplicate":
        raise AssertionError(f"a duplicate of an archive that does not hold it: {outcome.message}")
    if outcome.status == "failed":
        if outcome.message.startswith(_IMPORT_CATCH_ALL):  # the importer's own catch-all: an exception
            raise AssertionError(f"the import hit an exception it does not expect: {outcome.message}")
        if left:
            raise AssertionError(f"failed ({outcome.message}) but left in the layer: {left}")
        raise Refused(f"{path.name}: {outcome.message}")  # as the report shows it (file, then the reason)
    # added
    result = load_layered(root, data_dir, check_files=True)
    item = next((i for i in result.archive.items if i.id == outcome.item_id), None)
    if item is None:
        raise AssertionError(f"added as {outcome.item_id!r} but the item does not load: "
                             + "; ".join(str(p) for p in result.problems))
    errors = [str(p) for p in result.problems if p.severity is Severity.ERROR]
    if errors:
        raise AssertionError(f"the layer does not load cleanly after the import: {'; '.join(errors)}")
    if result.archive.layer_of(item) is None or item.file is None or not item.file.is_file():
        raise AssertionError(f"the item {item.id!r} has no held file in the layer ({item.file})")
    held_sha = _sha256_of(item.file)
    if held_sha != source_sha or item.sha256.lower() != source_sha:
        raise AssertionError(f"the held copy's SHA-256 {held_sha[:12]}… (sidecar {item.sha256[:12]}…) is not "
                             f"the source's {source_sha[:12]}…")
    expected = sorted(str(p.relative_to(layer)) for p in (item.sidecar, item.file))
    if left != expected:
        raise AssertionError(f"the layer holds {left}, not just the item's sidecar and file {expected}")
    named = f"({item.id})"  # "added as 'Title' (id); note; note"
    note = outcome.message[outcome.message.find(named) + len(named):].lstrip("; ") if named in outcome.message else ""
    return {"item": item.id, "kind": item.kind.value, "format": item.media_type,
            "renamed": item.file.name != path.name, "note": note, "prefilled": sorted(guessed)}


def _container_outcomes(path: Path, report, root: Path, data_dir: Path) -> dict:
    """A file that holds others (an mbox's messages, a message's attachments, issue 18): every outcome names the
    chosen file, none is the importer's catch-all, and every item added loads from a layer that loads cleanly."""
    from ashraf_desktop.core.archive import Severity, load_layered
    if any(o.path != path for o in report.outcomes):
        raise AssertionError(f"outcomes of one chosen file name other files: {report.as_json()}")
    if any(o.status == "failed" and o.message.startswith(_IMPORT_CATCH_ALL) for o in report.outcomes):
        raise AssertionError(f"the import hit an exception it does not expect: {report.as_json()}")
    result = load_layered(root, data_dir, check_files=True)
    errors = [str(p) for p in result.problems if p.severity is Severity.ERROR]
    missing = [o.item_id for o in report.added if result.archive.item(o.item_id or "") is None]
    if errors or missing:
        raise AssertionError(f"the layer does not load cleanly after the import: {errors} {missing}")
    return {"item": report.added[0].item_id if report.added else None, "kind": "container",
            "format": "", "renamed": False, "note": report.summary(), "prefilled": []}


_QT_APP = None


def _qt_app():
    global _QT_APP
    if _QT_APP is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        import ashraf_desktop.ui  # noqa: F401 - the PySide6 6.12 guard first
        from PySide6.QtGui import QGuiApplication
        _QT_APP = QGuiApplication.instance() or QGuiApplication(["ashraf-reliability"])
    return _QT_APP


def _read_pdf_render(path: Path, scratch: Path) -> dict:
    """What the viewer's PDF page does (ui/viewer/pdf_page.py): QPdfDocument.load, then page 1 drawn."""
    _qt_app()
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        error = document.load(str(path))
        E = QPdfDocument.Error
        if error == E.IncorrectPassword:
            raise Refused(f"{path.name} is encrypted and needs a password to open.")
        if error == E.UnsupportedSecurityScheme:
            raise Refused(f"{path.name} is encrypted with a method this viewer does not support.")
        if error == E.FileNotFound:
            raise Refused(f"{path.name} cannot be shown: the file does not exist (moved or deleted?).")
        if error != E.None_:
            raise Refused(f"{path.name} cannot be shown: it is damaged or not a PDF "
                          f"(the PDF reader reported: {error.name}).")
        pages = document.pageCount()
        if pages < 1:
            raise Refused(f"{path.name} cannot be shown: the PDF has no pages.")
        size = document.pagePointSize(0)
        width = 800
        height = max(1, min(4000, round(width * size.height() / size.width()))) if size.width() > 0 else 1100
        image = document.render(0, QSize(width, height))
        if image.isNull():
            raise Refused(f"{path.name}: page 1 could not be drawn (the PDF reader returned no picture).")
        return {"pages": pages, "rendered": [image.width(), image.height()]}
    finally:
        document.close()


def _read_lightbox_qimage(path: Path, scratch: Path) -> dict:
    """The lightbox's last step: the decoded picture handed to Qt (pil_to_qimage, as its worker does)."""
    _qt_app()
    from ashraf_desktop.core.images import ImageProblem, load_display
    from ashraf_desktop.ui.gallery.loader import pil_to_qimage
    try:
        image, info = load_display(path, LIGHTBOX_BOX)
    except ImageProblem as exc:
        raise Refused(exc.message) from None
    qimage = pil_to_qimage(image)
    if qimage.isNull():
        raise AssertionError("pil_to_qimage returned a null image")
    return {"qimage": [qimage.width(), qimage.height()]}


READERS = {"text": _read_text, "thumbnail": _read_thumbnail, "exif": _read_exif, "lightbox": _read_lightbox,
           "loader": _read_loader, "import": _read_import, "pdf_render": _read_pdf_render,
           "lightbox_qimage": _read_lightbox_qimage}


def _peak_reset() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM (Linux)
    except OSError:
        pass


def _peak_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def worker_main(protocol_fd: int, memory_limit: int) -> None:
    """Serve tasks from stdin until it closes. Library chatter on stdout goes to stderr."""
    if memory_limit:
        try:
            import resource
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
        except (ImportError, ValueError, OSError):
            pass
    proto = os.fdopen(protocol_fd, "w", buffering=1, encoding="utf-8")
    sys.stdout = sys.stderr
    scratch_root = Path(tempfile.mkdtemp(prefix="ashraf-walk-"))
    try:
        for line in sys.stdin:
            task = json.loads(line)
            path, reader = Path(task["path"]), task["reader"]
            scratch = scratch_root / str(task["i"])
            scratch.mkdir(parents=True, exist_ok=True)
            _peak_reset()
            t0 = time.perf_counter()
            answer: dict[str, Any] = {"i": task["i"]}
            try:
                detail = READERS[reader](path, scratch)
                answer.update(status="opened", detail=detail)
            except Refused as refusal:
                answer.update(status="refused", message=refusal.message)
            except BaseException as exc:  # noqa: BLE001 - this is what the walk is looking for
                answer.update(status="unhandled", message=f"{type(exc).__name__}: {exc}"[:2000],
                              traceback=traceback.format_exc()[-4000:])
            answer["seconds"] = round(time.perf_counter() - t0, 3)
            answer["peak_mb"] = _peak_mb()
            shutil.rmtree(scratch, ignore_errors=True)
            proto.write(json.dumps(answer, ensure_ascii=False, default=str) + "\n")
    finally:
        shutil.rmtree(scratch_root, ignore_errors=True)


# --------------------------------------------------------------------------------------------------------
# the supervisor
# --------------------------------------------------------------------------------------------------------

class _Worker:
    def __init__(self, qt: bool, env: dict[str, str], log_dir: Path, number: int) -> None:
        read_fd, write_fd = os.pipe()
        self.stderr_path = log_dir / f"worker-{'qt' if qt else 'core'}-{number}.log"
        self._stderr = self.stderr_path.open("ab")
        limit = 0 if qt else CORE_MEMORY_LIMIT
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", str(write_fd), str(limit)],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._stderr, env=env, cwd=str(REPO),
            pass_fds=(write_fd,))
        os.close(write_fd)
        self.read_fd = read_fd
        self.buffer = b""

    def ask(self, task: dict, timeout: float) -> dict:
        try:
            self.proc.stdin.write((json.dumps(task) + "\n").encode())
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            return self._died()
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return {"status": "hung", "message": f"no answer within {timeout:.0f} s"}
            ready, _, _ = select.select([self.read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.read_fd, 65536)
            if not chunk:
                return self._died()
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def _died(self) -> dict:
        try:
            code = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            code = None
        tail = ""
        try:
            tail = self.stderr_path.read_text(errors="replace")[-1500:]
        except OSError:
            pass
        return {"status": "crashed", "message": f"the worker process died (exit status {code})", "stderr": tail}

    def stop(self, kill: bool = False) -> None:
        if kill and self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.read_fd)
        self._stderr.close()


def worker_env(net_log: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    paths = [str(REPO)]
    if net_log is not None:  # the readers run under the socket guard too: any attempt is recorded
        paths.insert(0, str(NETGUARD))
        env["ASHRAF_NETGUARD_LOG"] = str(net_log)
    env["PYTHONPATH"] = os.pathsep.join(paths + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("PYTHONFAULTHANDLER", "1")  # a native crash leaves its stack in the worker log
    return env


def walk(files: list[Path], readers: tuple[str, ...], *, workers: int = 2, timeout: float = DEFAULT_TIMEOUT_S,
         net_log: Path | None = None, log_dir: Path | None = None) -> list[dict]:
    """Run every reader on every file; one result dict per (file, reader), in task order."""
    qt = any(r in QT_READERS for r in readers)
    if qt and any(r in CORE_READERS for r in readers):
        raise ValueError("walk core readers and Qt readers separately")
    tasks = [{"i": i, "path": str(path), "reader": reader}
             for i, (path, reader) in enumerate((p, r) for p in files for r in readers if applies(r, p))]
    results: list[dict | None] = [None] * len(tasks)
    env = worker_env(net_log)
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="ashraf-walk-logs-"))
    log_dir.mkdir(parents=True, exist_ok=True)
    lock = threading.Lock()
    pending = list(reversed(tasks))

    def lane(number: int) -> None:
        worker = _Worker(qt, env, log_dir, number)
        try:
            while True:
                with lock:
                    if not pending:
                        return
                    task = pending.pop()
                answer = worker.ask(task, timeout)
                if answer["status"] in ("hung", "crashed"):
                    worker.stop(kill=True)
                    worker = _Worker(qt, env, log_dir, number)
                answer.update(path=task["path"], reader=task["reader"])
                results[task["i"]] = answer
        finally:
            worker.stop()

    threads = [threading.Thread(target=lane, args=(n,), daemon=True) for n in range(max(1, workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [r for r in results if r is not None]


def _is_image(path: Path) -> bool:
    from ashraf_desktop.core.images import IMAGE_SUFFIXES  # Qt-free
    return path.suffix.lower() in IMAGE_SUFFIXES


def _is_pdf(path: Path) -> bool:
    if path.suffix.lower() == ".pdf":
        return True
    try:
        with path.open("rb") as handle:
            return b"%PDF-" in handle.read(1024)
    except OSError:
        return False


def applies(reader: str, path: Path) -> bool:
    """Core readers get every file (a misnamed file is the interesting case); the Qt steps get the files the
    app would hand them: the PDF view gets PDFs (by name or content), the lightbox's QImage step images."""
    if reader == "pdf_render":
        return _is_pdf(path)
    if reader == "lightbox_qimage":
        return _is_image(path)
    return True


def primary_reader(path: Path, answers: dict[str, dict]) -> str:
    """The reader whose answer decides whether a file "opened": thumbnail for images, text for the rest."""
    for reader in (("thumbnail", "lightbox_qimage") if _is_image(path) else ("text", "pdf_render")):
        if reader in answers:
            return reader
    return next(iter(answers))


def summarise(results: list[dict], testdata: Path) -> dict[str, Any]:
    """Counts per reader and per file, and every failure worth reading, for the JSON report."""
    readers: dict[str, dict[str, Any]] = {}
    by_file: dict[str, dict[str, dict]] = {}
    failures, bad_messages = [], []
    for r in results:
        path = Path(r["path"])
        rel = str(path.relative_to(testdata)) if path.is_relative_to(testdata) else str(path)
        by_file.setdefault(rel, {})[r["reader"]] = r
        stats = readers.setdefault(r["reader"], {"tried": 0, "opened": 0, "refused_with_message": 0,
                                                 "refused_badly": 0, "crashed": 0, "hung": 0,
                                                 "max_seconds": 0.0, "max_peak_mb": 0.0})
        stats["tried"] += 1
        status = r["status"]
        stats["max_seconds"] = max(stats["max_seconds"], r.get("seconds") or 0.0)
        stats["max_peak_mb"] = max(stats["max_peak_mb"], r.get("peak_mb") or 0.0)
        if status == "opened":
            stats["opened"] += 1
        elif status == "refused":
            why = message_problem(r.get("message", ""), path)
            if why is None:
                stats["refused_with_message"] += 1
            else:
                stats["refused_badly"] += 1
                bad_messages.append({"file": rel, "reader": r["reader"], "problem": why,
                                     "message": r.get("message", "")[:400]})
        elif status == "hung":
            stats["hung"] += 1
            failures.append({"file": rel, "reader": r["reader"], "status": status, "message": r.get("message")})
        else:  # crashed, or an exception the reader does not document
            stats["crashed"] += 1
            failures.append({"file": rel, "reader": r["reader"], "status": status, "message": r.get("message"),
                             "traceback": r.get("traceback") or r.get("stderr", "")})
    files = {"tried": len(by_file), "opened": 0, "refused_with_message": 0, "refused_badly": 0, "crashed": 0,
             "hung": 0}
    refusals = []
    for rel, answers in sorted(by_file.items()):
        statuses = {a["status"] for a in answers.values()}
        if statuses & {"crashed", "unhandled"}:
            files["crashed"] += 1
            continue
        if "hung" in statuses:
            files["hung"] += 1
            continue
        main = answers[primary_reader(Path(rel), answers)]
        if main["status"] == "opened":
            files["opened"] += 1
        elif message_problem(main.get("message", ""), Path(main["path"])) is None:
            files["refused_with_message"] += 1
            refusals.append({"file": rel, "reader": main["reader"], "message": main["message"][:300]})
        else:
            files["refused_badly"] += 1
    return {"files": files, "readers": readers, "failures": failures, "bad_messages": bad_messages,
            "refusals": refusals}


if __name__ == "__main__" and len(sys.argv) >= 4 and sys.argv[1] == "--worker":
    sys.path.insert(0, str(REPO))
    worker_main(int(sys.argv[2]), int(sys.argv[3]))
