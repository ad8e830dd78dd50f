#!/usr/bin/env python3
"""Thumbnail benchmark: Pillow (the gallery's path) vs vipsthumbnail, the disk cache, and the first screen.

    apt-get install libvips-tools                          # optional: the side-by-side comparison
    (mkdir -p /tmp/wallpapers && cd /tmp/wallpapers && apt-get download plasma-workspace-wallpapers \
        && dpkg-deb -x plasma-workspace-wallpapers_*.deb x)
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_thumbnails.py --wallpapers /tmp/wallpapers/x

Prints one JSON object. Sets measured (whole runs, 256 px, JPEG q85 output, each set run once untimed
first so every contender reads from the page cache):
- ``wallpapers``: every JPEG of the wallpaper package (real photographs and renders, 0.5-15 MP);
- ``12mp``: those of at least 10 MP (the 12 MP-class camera case);
- ``wallpapers-progressive`` / ``wallpapers-baseline``: the same files split by JPEG encoding;
- ``progressive-as-baseline``: the progressive ones re-encoded as baseline JPEGs (q92, same chroma
  sampling): the same pixels, so the difference to ``wallpapers-progressive`` is the encoding alone;
- ``testdata``: ../shared/testdata/photos (small and odd files, including the broken ones);
For each Pillow run, ``cpu_per_wall`` is process CPU time / wall time (2.0 = both cores busy), and for
vips the same over its child processes.
Then ``first_screen``: a 10,000-image folder (hard links to the wallpapers, so 10,000 distinct paths; each
item has a title, a caption and an EDTF date, as an archive's photos do) in a fresh process: gallery panel
shown -> every cell on screen has its thumbnail, cold cache and warm cache, and peak RSS while scrolling
through all 10,000 (warm).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SIZE = 256


def _pillow_run(files: list[Path], threads: int, cache_dir: Path | None) -> tuple[float, dict]:
    from ashraf_desktop.core.images import ThumbnailCache, Thumbnailer
    thumbnailer = Thumbnailer(ThumbnailCache(cache_dir) if cache_dir else None)

    def one(path: Path):
        result = thumbnailer.get(path, SIZE)
        if result.ok and result.image is None:
            result.decoded()  # from the cache: count the decode of the stored JPEG too
        return result.ok

    cpu0, start = _cpu(resource.RUSAGE_SELF), time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        ok = sum(pool.map(one, files))
    elapsed = time.perf_counter() - start
    return elapsed, {"ok": ok, "decodes": thumbnailer.decodes, "hits": thumbnailer.hits,
                     "cpu_per_wall": round((_cpu(resource.RUSAGE_SELF) - cpu0) / elapsed, 2)}


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _vips_run(files: list[Path], procs: int, out: Path, stats: dict | None = None) -> float | None:
    exe = shutil.which("vipsthumbnail")
    if exe is None:
        return None
    out.mkdir(parents=True, exist_ok=True)
    chunks = [files[i::procs] for i in range(procs)]
    cpu0, start = _cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
    running = [subprocess.Popen([exe, "-s", str(SIZE), "-o", str(out / "%s.jpg[Q=85]"), *map(str, chunk)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for chunk in chunks if chunk]
    for proc in running:
        proc.wait()
    elapsed = time.perf_counter() - start
    if stats is not None:
        stats["cpu_per_wall"] = round((_cpu(resource.RUSAGE_CHILDREN) - cpu0) / elapsed, 2)
    return elapsed


def _rate(n: int, seconds: float | None) -> float | None:
    return round(n / seconds, 1) if seconds else None


def bench_set(name: str, files: list[Path], work: Path) -> dict:
    if not files:
        return {"set": name, "files": 0}
    megapixels = []
    from PIL import Image
    for f in files:
        try:
            with Image.open(f) as im:
                megapixels.append(im.width * im.height / 1e6)
        except Exception:  # noqa: BLE001 - broken test files count as files, not pixels
            pass
    megapixels.sort()
    _pillow_run(files, 2, None)  # warm the page cache
    _vips_run(files, 2, work / f"{name}-vips-warm")
    out: dict = {"set": name, "files": len(files),
                 "median_megapixels": round(megapixels[len(megapixels) // 2], 1) if megapixels else None}
    for threads in (1, 2):
        cache = work / f"{name}-cache-{threads}"
        cold, stats = _pillow_run(files, threads, cache)
        warm, warm_stats = _pillow_run(files, threads, cache)
        out[f"pillow_cold_{threads}t_per_s"] = _rate(len(files), cold)
        out[f"pillow_cached_{threads}t_per_s"] = _rate(len(files), warm)
        out[f"pillow_{threads}t_stats"] = {"cold": stats, "cached": warm_stats}
    for procs in (1, 2):
        vstats: dict = {}
        seconds = _vips_run(files, procs, work / f"{name}-vips-{procs}", vstats)
        out[f"vips_{procs}p_per_s"] = _rate(len(files), seconds)
        out[f"vips_{procs}p_cpu_per_wall"] = vstats.get("cpu_per_wall")
    if out.get("vips_2p_per_s"):
        out["pillow_vs_vips_2cores"] = round(out["pillow_cold_2t_per_s"] / out["vips_2p_per_s"], 2)
    return out


# -- first screen of a 10,000-image folder, in a child process --------------------------------------------------
def _child_first_screen(folder: Path, cache: Path, scroll: bool) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t0 = time.perf_counter()
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    from ashraf_desktop.core.archive import Item, ItemKind, Metadata
    from ashraf_desktop.core.archive import Archive, Collection
    from ashraf_desktop.ui.gallery import GalleryPanel
    from ashraf_desktop.core.archive import parse_date
    files = sorted(folder.iterdir())
    # dates as an archive's photos have them: days, months, years, approximate and uncertain, some ranges
    shapes = ("{y}-{m:02d}-{d:02d}", "{y}-{m:02d}", "{y}", "{y}-{m:02d}~", "{y}?", "{y}-{m:02d}/{y}-12", "")
    items = []
    for i, f in enumerate(files):
        edtf = shapes[i % len(shapes)].format(y=1986 + (i * 7) % 30, m=1 + i % 12, d=1 + i % 28)
        items.append(Item(id=f"img-{i:05d}", kind=ItemKind.IMAGE,
                          metadata=Metadata(title=f.name, date=edtf or None), sidecar=f, file=f,
                          date=parse_date(edtf) if edtf else None, caption=f"Photo {i:,} of the bench folder"))
    items = tuple(items)
    archive = Archive(root=folder, collection=Collection(id="bench", title="bench"), items=items)
    t_ready = time.perf_counter()
    panel = GalleryPanel(archive, cache_dir=cache, background_check=False)
    panel.resize(1280, 800)
    panel.show()
    app.processEvents()
    first, last = panel.view.visible_rows()
    ids = [panel.model.item_at(r).id for r in range(first, last + 1)]
    on_screen = [i for i in ids if panel.view.visualRect(panel.model.index(panel.model.row_of(i))).intersects(
        panel.view.viewport().rect())]
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline:
        app.processEvents()
        if all(panel.model.pixmap(i) is not None or panel.model.problem(i) is not None for i in on_screen):
            break
        time.sleep(0.001)
    first_screen = time.perf_counter() - t_ready
    result = {"images": len(items), "cells_on_screen": len(on_screen), "first_screen_ms": round(first_screen * 1000),
              "process_start_to_first_screen_ms": round((time.perf_counter() - t0) * 1000),
              "decodes": panel.thumbnailer.decodes, "hits": panel.thumbnailer.hits}
    if scroll:
        bar = panel.view.verticalScrollBar()
        start = time.perf_counter()
        value = 0
        while value < bar.maximum():
            value = min(bar.maximum(), value + bar.pageStep())
            bar.setValue(value)
            for _ in range(3):
                app.processEvents()
                time.sleep(0.002)
        panel.wait_idle(60_000)
        result["scroll_through_s"] = round(time.perf_counter() - start, 1)
        result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        with open("/proc/self/statm") as statm:  # Linux: resident pages now
            result["rss_after_scroll_mb"] = round(int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20)
        result["pixmaps_held"] = len(panel.model._pixmaps)
        result["pixmap_budget_mb"] = round(getattr(panel.model, "pixmap_budget", 0) / 2**20, 1)
    panel.shutdown()
    return result


def bench_first_screen(wallpapers: list[Path], work: Path, count: int) -> dict:
    folder = work / "ten-thousand"
    folder.mkdir(exist_ok=True)
    for i in range(count):
        src = wallpapers[i % len(wallpapers)]
        dst = folder / f"{i:05d}-{src.name}"
        try:
            os.link(src, dst)
        except OSError:
            os.symlink(src, dst)
    cache = work / "ten-thousand-cache"
    run = lambda scroll: json.loads(subprocess.run(  # noqa: E731
        [sys.executable, __file__, "--child", str(folder), str(cache)] + (["--scroll"] if scroll else []),
        capture_output=True, text=True, check=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen")).stdout)
    cold = run(False)
    warm_runs = [run(False) for _ in range(3)]  # the machine is shared: show the spread, report the median
    warm = sorted(warm_runs, key=lambda r: r["first_screen_ms"])[1]
    scroll = run(True)
    return {"cold": cold, "warm": dict(warm, runs_ms=[r["first_screen_ms"] for r in warm_runs]),
            "scroll_warm": scroll}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wallpapers", type=Path, default=Path("/tmp/wallpapers/x"),
                        help="folder holding the extracted wallpaper JPEGs (searched recursively)")
    parser.add_argument("--testdata", type=Path, default=REPO.parent / "shared" / "testdata" / "photos")
    parser.add_argument("--images", type=int, default=10_000, help="size of the first-screen folder")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scroll", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child_first_screen(args.child[0], args.child[1], args.scroll)))
        return 0
    from PIL import Image
    # the package holds relative symlinks between sizes: take each real file once
    wallpapers = sorted({p.resolve() for p in args.wallpapers.rglob("*.jpg") if p.is_file()}) \
        if args.wallpapers.is_dir() else []
    big = []
    for p in wallpapers:
        with Image.open(p) as im:
            if im.width * im.height >= 10e6:
                big.append(p)
    progressive, baseline = [], []
    for p in wallpapers:
        with Image.open(p) as im:
            (progressive if im.info.get("progressive") or im.info.get("progression") else baseline).append(p)
    testdata = sorted(p for p in args.testdata.rglob("*") if p.is_file() and p.suffix not in (".tsv", ".txt")) \
        if args.testdata.is_dir() else []
    vips = shutil.which("vipsthumbnail")
    report: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                                "load_average_at_start": os.getloadavg(),
                                "pillow": Image.__version__,
                                "vipsthumbnail": subprocess.run([vips, "--vips-version"], capture_output=True,
                                                                text=True).stdout.strip() if vips else None},
                    "size": SIZE, "sets": []}
    with tempfile.TemporaryDirectory(prefix="bench-thumbs-") as tmp:
        work = Path(tmp)
        reencoded = []
        for p in progressive:  # the same pixels, stored baseline
            target = work / "reencoded" / f"{len(reencoded):03d}-{p.name}"
            target.parent.mkdir(exist_ok=True)
            with Image.open(p) as im:
                from PIL import JpegImagePlugin
                sampling = JpegImagePlugin.get_sampling(im)
                im.save(target, "JPEG", quality=92, progressive=False,
                        subsampling=sampling if sampling >= 0 else "keep", exif=im.info.get("exif", b""))
            reencoded.append(target)
        for name, files in (("wallpapers", wallpapers), ("12mp", big), ("wallpapers-progressive", progressive),
                            ("wallpapers-baseline", baseline), ("progressive-as-baseline", reencoded),
                            ("testdata", testdata)):
            report["sets"].append(bench_set(name, files, work))
        if wallpapers and args.images:
            report["first_screen"] = bench_first_screen(wallpapers, work, args.images)
    report["machine"]["load_average_at_end"] = os.getloadavg()
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
