"""The gallery inside the real main window: a tab beside the timeline that follows search and period."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from PIL import Image

PHOTOS = [("market", "1998-05-02", "Market street", (200, 40, 40)),
          ("river", "2005-07", "River bank at dusk", (40, 40, 200)),
          ("school", "2010", "School yard", (40, 160, 40))]


@pytest.fixture
def photo_archive(tmp_path: Path) -> Path:
    root = tmp_path / "photos"
    (root / "items").mkdir(parents=True)
    (root / "collection.toml").write_text('format = 1\nid = "photos"\ntitle = "Test photos"\n', encoding="utf-8")
    for name, date, caption, colour in PHOTOS:
        path = root / "items" / f"{name}.png"
        Image.new("RGB", (64, 48), colour).save(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        (root / "items" / f"{name}.toml").write_text(
            f'id = "{name}"\nkind = "image"\nfile = "{name}.png"\nsha256 = "{digest}"\ntitle = "{caption}"\n'
            f'caption = "{caption}"\ndate = "{date}"\nformat = "image/png"\n', encoding="utf-8")
    return root


def shown_ids(panel) -> set[str]:
    model = panel.model
    return {model.item_at(row).id for row in range(model.rowCount())}


def test_gallery_is_a_panel_tabbed_with_the_timeline(make_window):
    window = make_window()
    assert window.gallery_panel is not None
    gallery, timeline = window.panels["gallery"], window.panels["timeline"]
    assert gallery in window.tabifiedDockWidgets(timeline)
    assert any(a.text() == "Photos" for a in window.panels_menu.actions())


def test_gallery_follows_the_search(make_window, qtbot, photo_archive):
    window = make_window(photo_archive)
    panel = window.gallery_panel
    assert shown_ids(panel) == {"market", "river", "school"}
    window.search.set_query("river", now=True)
    qtbot.waitUntil(lambda: shown_ids(panel) == {"river"}, timeout=10_000)
    window.search.set_query("", now=True)
    qtbot.waitUntil(lambda: shown_ids(panel) == {"market", "river", "school"}, timeout=10_000)


def test_gallery_follows_the_timeline_period(make_window, qtbot, photo_archive):
    window = make_window(photo_archive)
    panel = window.gallery_panel
    window.links.set_date_filter(dt.date(2005, 1, 1).toordinal(), dt.date(2011, 1, 1).toordinal())
    assert shown_ids(panel) == {"river", "school"}
    window.links.clear_date_filter()
    assert shown_ids(panel) == {"market", "river", "school"}
