"""Photos in the lightbox (issue 16, Build 5): a small photo grows to be seen, a photo turned by hand stays
turned (kept as the user's data, the file never changes), and the thumbnail turns with it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PIL import Image


def test_a_photo_turned_by_hand_stays_turned_and_its_file_is_untouched(qtbot, make_window, tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    Image.new("RGB", (400, 200), (150, 60, 30)).save(folder / "sideways.png")
    Image.new("RGB", (40, 30), (30, 60, 150)).save(folder / "tiny.png")
    window = make_window(index=False, data="turns")
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as blocker:
        window.importer.import_paths([folder])
    added = {Path(o.path).name: o.item_id for o in blocker.args[0].added}
    gallery = window.gallery_panel
    qtbot.waitUntil(lambda: gallery.model.rowCount() == 2, timeout=10_000)
    row = gallery.model.row_of(added["sideways.png"])
    item = window.archive.item(added["sideways.png"])
    before = hashlib.sha256(item.file.read_bytes()).hexdigest()
    box = gallery.open_lightbox(row)
    box.resize(900, 640)
    qtbot.waitUntil(lambda: box._resolution in ("screen", "full"), timeout=10_000)
    box.act_turn_right.trigger()  # ] or Ctrl+R
    assert box.canvas.turn == 90
    rect = box.canvas.image_rect()
    assert rect.height() > rect.width()  # drawn standing up
    saved = json.loads((window.dirs.data / "rotations.json").read_text(encoding="utf-8"))
    assert saved["collections"][window.archive.collection.id][item.id] == 90
    assert hashlib.sha256(item.file.read_bytes()).hexdigest() == before  # the held file is as archived
    assert gallery.delegate.turn_of(item.id) == 90  # the thumbnail turns too
    # a small photo is shown larger than its pixels, not a speck in a dark field
    box.show_row(gallery.model.row_of(added["tiny.png"]))
    qtbot.waitUntil(lambda: box._resolution in ("screen", "full"), timeout=10_000)
    assert box.canvas.zoom() > 4 and box.canvas.image_rect().width() >= 0.25 * box.canvas.width()
    box.close()
    # the next start shows it turned
    window.close()
    again = make_window(index=False, data="turns")
    box = again.gallery_panel.open_lightbox(again.gallery_panel.model.row_of(item.id))
    assert box.canvas.turn == 90
    box.act_turn_left.trigger()
    assert box.canvas.turn == 0
    box.close()
