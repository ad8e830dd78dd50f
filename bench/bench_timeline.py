"""Timeline benchmark: 10,000 synthetic events, layout time and the paint time of full frames, offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_timeline.py [--events 10000] [--width 1400]

Prints one JSON object. Times are wall-clock milliseconds (best and median of several runs). "cold"
layout packs every lane for a new zoom step; afterwards panning reuses the cached layout, so a pan frame
costs only painting.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ashraf_desktop.core.archive import MAX_ORDINAL, MIN_ORDINAL, DateSpan, Precision  # noqa: E402
from ashraf_desktop.core.archive import Archive, Citation, Claim, Collection, Event  # noqa: E402

_WORDS = ("camp", "residents", "agreement", "report", "attack", "transfer", "meeting", "letter", "statement",
          "visit", "hearing", "protest", "delegation", "court", "ruling", "convoy", "relocation", "inspection")


def _span(rng: random.Random, start: dt.date, span_days: int) -> DateSpan:
    """A random date in every style, built directly: parse_date (the edtf package) costs tens of ms a call,
    which would make building 10,000 events take minutes and is not what this bench measures."""
    d = start + dt.timedelta(days=rng.randrange(span_days))
    kind = rng.random()
    flag = rng.choice(["", "", "", "", "~", "?"])
    approx, unc = flag == "~", flag == "?"
    if kind < 0.45:
        return DateSpan(d.isoformat() + flag, d.toordinal(), d.toordinal(), Precision.DAY, approx, unc)
    if kind < 0.7:
        first = dt.date(d.year, d.month, 1)
        last = (dt.date(d.year + d.month // 12, d.month % 12 + 1, 1) - dt.timedelta(days=1))
        return DateSpan(f"{d.year:04d}-{d.month:02d}{flag}", first.toordinal(), last.toordinal(), Precision.MONTH,
                        approx, unc)
    if kind < 0.8:
        return DateSpan(f"{d.year:04d}{flag}", dt.date(d.year, 1, 1).toordinal(), dt.date(d.year, 12, 31).toordinal(),
                        Precision.YEAR, approx, unc)
    if kind < 0.95:
        e = d + dt.timedelta(days=rng.choice([20, 90, 400, 1500]))
        return DateSpan(f"{d.isoformat()}/{e.isoformat()}", d.toordinal(), e.toordinal(), Precision.INTERVAL)
    if rng.random() < 0.5:
        return DateSpan(f"{d.year:04d}/..", dt.date(d.year, 1, 1).toordinal(), MAX_ORDINAL, Precision.INTERVAL,
                        open_end=True)
    return DateSpan(f"../{d.year:04d}", MIN_ORDINAL, dt.date(d.year, 12, 31).toordinal(), Precision.INTERVAL,
                    open_start=True)


def synthetic_archive(n: int = 10_000, seed: int = 42) -> Archive:
    """An archive of ``n`` events over 1965–2013 with every date style; 1 in 100 has disputed dates."""
    rng = random.Random(seed)
    start = dt.date(1965, 1, 1)
    span_days = (dt.date(2013, 12, 31) - start).days
    cite = Citation("doc", "a passage")
    events = []
    for i in range(n):
        date = _span(rng, start, span_days)
        claims = ()
        if rng.random() < 0.01:
            # two sources that disagree; values from a small pool (each distinct value is parsed once)
            year = rng.randrange(2000, 2004)
            claims = (Claim(f"{year}-0{rng.randrange(1, 3)}", cite), Claim(f"{year}-0{rng.randrange(6, 8)}-15", cite))
        title = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(2, 9))).capitalize() + f" #{i}"
        events.append(Event(f"e{i:05d}", date, title, tags=(rng.choice(_WORDS),), citations=(cite,),
                            date_claims=claims))
    events.sort(key=lambda e: e.date.sort_key)
    return Archive(root=Path("."), collection=Collection("bench", "Synthetic"), events=tuple(events))


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=560)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from ashraf_desktop.ui.timeline import TimelineRenderer

    app = QApplication.instance() or QApplication([])  # noqa: F841 (fonts need an application)
    t0 = time.perf_counter()
    archive = synthetic_archive(args.events)
    t_build = time.perf_counter() - t0

    renderer = TimelineRenderer()
    renderer.resize(args.width, args.height)
    t0 = time.perf_counter()
    renderer.set_archive(archive)  # measures every title once, sorts entries
    t_prepare = time.perf_counter() - t0

    image = QImage(args.width, args.height, QImage.Format.Format_ARGB32_Premultiplied)

    def frame() -> float:
        painter = QPainter(image)
        t = time.perf_counter()
        renderer.paint(painter)
        painter.end()
        return time.perf_counter() - t

    results = {}
    for name, zoom in (("fit_all", 1.0), ("decade", 4.0), ("year", 40.0), ("month", 400.0), ("day", 8000.0)):
        renderer.fit_all()
        renderer.zoom_by(zoom, args.width * 0.8)
        renderer.model._cache.clear()
        t = time.perf_counter()
        layout = renderer.event_layout()
        renderer.item_layout()
        cold_layout = time.perf_counter() - t
        cold_frame = frame()
        frames = [frame() for _ in range(args.runs)]
        pans = []
        for _ in range(args.runs):
            renderer.pan_by(-37)
            pans.append(frame())
        lo, hi = renderer.visible_days()
        results[name] = {
            "days_per_px": round(renderer.scale.days_per_px, 4),
            "lanes": layout.lane_count,
            "clusters": len(layout.clusters),
            "visible_marks": sum(1 for _ in renderer.placed()),
            "layout_cold_ms": _ms(cold_layout),
            "first_frame_ms": _ms(cold_frame),
            "frame_best_ms": _ms(min(frames)),
            "frame_median_ms": _ms(statistics.median(frames)),
            "pan_frame_median_ms": _ms(statistics.median(pans)),
        }
    print(json.dumps({
        "events": args.events,
        "size": [args.width, args.height],
        "build_archive_ms": _ms(t_build),
        "prepare_ms": _ms(t_prepare),
        "zooms": results,
        "python": sys.version.split()[0],
    }, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
