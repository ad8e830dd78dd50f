"""The Concordance panel on a fake index: lines stream in, counts, sorting, focus on a count, CSV, stopping."""

from __future__ import annotations

import csv
import datetime as dt
import re
import threading
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from ashraf_desktop.ui.concordance import ConcordancePanel
from ashraf_desktop.ui.concordance.delegate import KwicDelegate
from ashraf_desktop.ui.concordance.model import LINE_ROLE, LinesModel


@dataclass(frozen=True)
class Doc:
    id: str
    title: str
    text: str
    date: str | None
    spans: tuple
    kind: str = "document"

    @property
    def item_id(self):
        return self.id

    @property
    def date_lo(self):
        return dt.date(int(self.date[:4]), 1, 1).toordinal() if self.date else None

    def page_at(self, offset):
        return None


TEXTS = {
    "report-2005": ("2005", "The report of May 2005 describes Camp Ashraf. Residents of Camp Ashraf disagreed."),
    "letter-2009": ("2009-07", "In July 2009 Camp Ashraf was entered by Iraqi forces."),
    "notes": (None, "Undated notes: Ashraf, Liberty, Ashraf again."),
    "fa-2012": ("2012", "ساکنان اشرف به کمپ لیبرتی منتقل شدند و اشرف خالی شد."),
}


class FakeIndex:
    """``occurrences(query, filters)`` over TEXTS, matching the query as a plain regex; records what it did."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.gate = gate
        self.closed: list[str] = []
        self.filters_seen: list = []

    def occurrences(self, query, filters=None):
        self.filters_seen.append(filters)
        docs = []
        for id_, (date, text) in sorted(TEXTS.items(), key=lambda kv: (kv[1][0] is None, kv[1][0] or "")):
            spans = [(m.start(), m.end()) for m in re.finditer(query, text)]
            if spans:
                docs.append(Doc(id_, id_.replace("-", " ").title(), text, date, spans))
        return _Hits(docs, self, query)


class _Hits:
    def __init__(self, docs, index, query):
        self.docs, self.index, self.query = docs, index, query

    def __len__(self):
        return len(self.docs)

    def __iter__(self):
        try:
            for i, d in enumerate(self.docs):
                if i == 1 and self.index.gate is not None:
                    self.index.gate.wait(10)
                yield d
        finally:
            self.index.closed.append(self.query)


@pytest.fixture
def panel(qtbot):
    index = FakeIndex()
    p = ConcordancePanel(index.occurrences, filters=lambda: "FILTERS")
    p.index = index
    qtbot.addWidget(p)
    p.resize(1000, 500)
    p.show()
    yield p
    p.close()


def run(qtbot, panel, query):
    with qtbot.waitSignal(panel.finished, timeout=10_000):
        panel.set_query(query)


def test_lines_counts_and_status(qtbot, panel):
    run(qtbot, panel, "Ashraf")
    model = panel.lines
    assert model.rowCount() == 5
    first = model.index(0, LinesModel.COL_LINE).data(LINE_ROLE)
    assert (first.source.id, first.before, first.match) == ("report-2005", "The report of May 2005 describes Camp ",
                                                            "Ashraf")
    assert model.index(0, LinesModel.COL_LINE).data() == TEXTS["report-2005"][1]  # what a screen reader reads
    assert [(panel.per_document.index(r, 0).data(), panel.per_document.index(r, 1).data()) for r in range(3)] == [
        ("Notes", "2"), ("Report 2005", "2"), ("Letter 2009", "1")]
    assert [(panel.per_year.index(r, 0).data(), panel.per_year.index(r, 1).data()) for r in range(3)] == [
        ("2005", "2"), ("2009", "1"), ("Undated", "2")]
    assert panel.status.text() == "5 occurrences in 3 documents"
    assert panel.index.filters_seen == ["FILTERS"]
    panel.within_filters.setChecked(False)  # runs again, on the whole archive
    qtbot.waitUntil(lambda: panel.index.filters_seen == ["FILTERS", None], timeout=10_000)


def test_sort_by_the_word_before_and_after(qtbot, panel):
    run(qtbot, panel, "Ashraf")
    panel.sort_box.setCurrentIndex(panel.sort_box.findData("before"))
    befores = [tuple(panel.lines.line(r).before_key.split("\x00")[:2]) for r in range(panel.lines.rowCount())]
    assert befores == [("camp", "2009"), ("camp", "describes"), ("camp", "of"), ("liberty", "ashraf"),
                       ("notes", "undated")]
    panel.sort_box.setCurrentIndex(panel.sort_box.findData("after"))
    afters = [panel.lines.line(r).after_key.split("\x00")[0] for r in range(panel.lines.rowCount())]
    assert afters == ["again", "disagreed", "liberty", "residents", "was"]


def test_activating_a_count_shows_only_its_lines_and_enter_opens_a_line(qtbot, panel):
    run(qtbot, panel, "Ashraf")
    panel.year_counts.setFocus()
    row = next(r for r in range(panel.per_year.rowCount()) if panel.per_year.index(r, 0).data() == "2009")
    panel.year_counts.setCurrentIndex(panel.per_year.index(row, 0))
    qtbot.keyClick(panel.year_counts, Qt.Key.Key_Return)
    assert panel.lines.rowCount() == 1 and panel.show_all.isVisible()
    assert panel.table.hasFocus()
    panel.table.setCurrentIndex(panel.lines.index(0, LinesModel.COL_LINE))
    with qtbot.waitSignal(panel.line_activated) as opened:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened.args[0].source.id == "letter-2009"
    panel.show_all.click()
    assert panel.lines.rowCount() == 5 and not panel.show_all.isVisible()


def test_export_writes_the_lines_shown(qtbot, panel, tmp_path):
    run(qtbot, panel, "اشرف")
    path = tmp_path / "c.csv"
    with qtbot.waitSignal(panel.message) as said:
        assert panel.export_to(path) == 2
    assert "2 lines saved" in said.args[0]
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert [r[6] for r in rows[1:]] == ["اشرف", "اشرف"]
    assert panel.export_to(tmp_path / "missing" / "c.csv") == 0  # a folder that is not there: said, not raised


def test_a_new_query_stops_the_old_run(qtbot):
    gate = threading.Event()
    index = FakeIndex(gate)
    panel = ConcordancePanel(index.occurrences)
    qtbot.addWidget(panel)
    panel.set_query("Ashraf")  # blocks in the worker after its first document
    qtbot.waitUntil(lambda: panel.lines.rowCount() == 2, timeout=10_000)
    with qtbot.waitSignal(panel.finished, timeout=10_000):
        panel.set_query("Liberty")
        gate.set()
    qtbot.waitUntil(lambda: "Ashraf" in index.closed, timeout=10_000)
    assert [panel.lines.line(r).match for r in range(panel.lines.rowCount())] == ["Liberty"]
    assert panel.status.text() == "1 occurrence in 1 document"


def _ink(image: QImage, x0: int, x1: int) -> bool:
    """Whether any pixel in columns x0..x1 is not white."""
    white = QColor("white")
    return any(image.pixelColor(x, y) != white for x in range(max(0, x0), min(image.width(), x1 + 1))
               for y in range(image.height()))


def test_a_persian_line_has_its_before_words_right_of_the_hit(qtbot, panel):
    run(qtbot, panel, "لیبرتی")
    index = panel.lines.index(0, LinesModel.COL_LINE)
    line = index.data(LINE_ROLE)
    assert line.rtl and line.before == "ساکنان اشرف به کمپ " and line.after == " منتقل شدند و اشرف خالی شد."
    delegate = KwicDelegate()
    option = QStyleOptionViewItem()
    option.font = panel.table.font()
    option.palette = panel.table.palette()
    width, height = 800, 24
    option.rect = QRect(0, 0, width, height)

    def paint(line_obj):
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        delegate._paint_line(painter, option, line_obj)
        painter.end()
        return image

    from dataclasses import replace
    axis = 4 + (width - 8) // 2
    only_before = paint(replace(line, after=""))
    # the hit ends at the axis; the words before it start just right of it and nothing is left of the hit
    assert _ink(only_before, axis + 3, axis + 20)
    assert not _ink(only_before, 0, axis - 80)
    only_after = paint(replace(line, before=""))
    assert not _ink(only_after, axis + 3, width)
    assert _ink(only_after, 5, axis - 80)
    bold = QFont(option.font)
    bold.setBold(True)
    hit_left = axis - QFontMetrics(bold).horizontalAdvance(line.match)
    assert _ink(only_after, hit_left - 20, hit_left - 3)  # the words after the hit stand right next to it
