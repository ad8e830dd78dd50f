"""A Persian query in the Concordance panel over real right-to-left texts (../shared/testdata/rtl_text):
every line reads right to left on screen — the words before the hit to its right, those after it to its left."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtGui import QColor, QFont, QFontMetrics

from rtl_archive import write_rtl_archive

from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.core.search import fold_word, open_index
from ashraf_desktop.ui.concordance import ConcordancePanel
from ashraf_desktop.ui.concordance.model import LINE_ROLE, LinesModel
from ashraf_desktop.ui.look import highlight_colors

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def rtl_index(tmp_path_factory, shared_testdata):
    root = tmp_path_factory.mktemp("rtl")
    archive = load_archive(write_rtl_archive(root / "a", shared_testdata / "rtl_text")).archive
    index = open_index(archive, root / "index")
    yield index
    index.close()


@pytest.fixture
def panel(qtbot, rtl_index):
    p = ConcordancePanel(lambda q, f: rtl_index.occurrences(q, filters=f), fold_word)
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.close()
    gc.collect()


def _row_has_ink(image, y0: int, y1: int, x0: int, x1: int, colour: QColor, same: bool = False) -> bool:
    """Whether a pixel of the box differs from ``colour`` (``same``: is ``colour``)."""
    return any((image.pixelColor(x, y) == colour) == same for x in range(max(0, x0), min(image.width(), x1))
               for y in range(y0, y1))


def test_a_persian_query_shows_its_contexts_right_to_left(qtbot, panel):
    with qtbot.waitSignal(panel.finished, timeout=30_000):
        panel.query_edit.setText("آزادی")
        panel.run_now()
    rows = panel.lines.rowCount()
    assert rows >= 10
    lines = [panel.lines.index(r, LinesModel.COL_LINE).data(LINE_ROLE) for r in range(rows)]
    assert all(ln.rtl for ln in lines)
    assert {ln.source.id for ln in lines} >= {"udhr-fa", "udhr-fa-nltk"}
    # as painted: in the first row the words before the hit fill the cell right of the axis, up to the hit,
    # and the words after it run leftwards from the hit
    table = panel.table
    image = table.viewport().grab().toImage()
    rect = table.visualRect(panel.lines.index(0, LinesModel.COL_LINE))
    background = image.pixelColor(rect.right() - 2, rect.top() + 1)
    inner = rect.adjusted(4, 0, -4, 0)
    axis = inner.left() + inner.width() // 2
    bold = QFont(table.font())
    bold.setBold(True)
    hit_left = axis - QFontMetrics(bold).horizontalAdvance(lines[0].match)
    y0, y1 = rect.top() + 3, rect.bottom() - 2
    assert lines[0].before and lines[0].after
    assert _row_has_ink(image, y0, y1, axis + 3, axis + 25, background)  # before: just right of the hit
    highlight = highlight_colors()[0]
    assert not _row_has_ink(image, y0, y1, axis + 3, axis + 25, highlight, same=True)  # …and not the hit
    assert _row_has_ink(image, y0, y1, axis - 12, axis - 2, highlight, same=True)  # the hit ends at the axis
    assert _row_has_ink(image, y0, y1, hit_left - 25, hit_left - 3, background)  # after: just left of it
    # the status reads in the interface's words
    assert panel.status.text().startswith(f"{rows} occurrences in ")
