"""The concordance engine on its own: lines, directions, sorting, counts, CSV (no index, no Qt)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass

import pytest

from ashraf_desktop.core.concordance import Concordance, is_rtl, sort_lines, steps, write_csv


@dataclass(frozen=True)
class Doc:
    id: str
    title: str
    text: str
    date: str | None
    spans: tuple
    kind: str = "document"
    item_id: str | None = None

    @property
    def date_lo(self):
        return dt.date(int(self.date[:4]), 1, 1).toordinal() if self.date else None

    def page_at(self, offset):
        return None


def doc(id_, text, word, date="2009", title=None):
    spans = [(m.start(), m.end()) for m in re.finditer(word, text)]
    return Doc(id_, title or id_.title(), text, date, spans, item_id=id_)


EN = doc("a", "The residents moved to Camp Liberty in 2012.\nCamp   Liberty lies near Baghdad airport; "
              "many residents called Camp Liberty a prison.", r"Camp\s+Liberty", "2012")
FA = doc("b", "ساکنان اشرف به کمپ لیبرتی منتقل شدند. کمپ لیبرتی در نزدیکی فرودگاه بغداد است.", "کمپ لیبرتی",
         "2012-02")
OLD = doc("c", "In 1986 the first group arrived at the camp, later called Camp Liberty by nobody.", "Camp Liberty",
          "1986")


def run(docs, max_lines=1000, **kw):
    conc = Concordance("Camp Liberty", max_lines=max_lines)
    out = list(steps(docs, conc, str.casefold, total=len(docs), **kw))
    return conc, out


def test_each_occurrence_is_one_line_with_the_text_as_written_around_it():
    conc, _ = run([EN])
    assert [ln.match for ln in conc.lines] == ["Camp Liberty", "Camp Liberty", "Camp Liberty"]
    first, second, third = conc.lines
    assert first.before == "The residents moved to "
    assert first.after == " in 2012. Camp Liberty lies near Baghdad airport; many residents called Camp Liberty a"
    assert second.match == "Camp   Liberty".replace("   ", " ")  # white space runs read as one space
    assert (second.start, second.end) == (EN.text.index("Camp   Liberty"), EN.text.index("Camp   Liberty") + 14)
    assert third.before.endswith("many residents called ")
    assert third.after == " a prison."
    assert not any(ln.rtl for ln in conc.lines)


def test_contexts_are_cut_between_words_never_inside_one():
    conc, _ = run([EN], width=20)
    ln = conc.lines[2]
    assert ln.before == "residents called "  # not "y residents called"
    assert ln.after == " a prison."
    ln = conc.lines[0]
    assert ln.after == " in 2012. Camp"  # the text goes on: stop at the last whole word


def test_persian_lines_are_right_to_left_and_keep_their_letters():
    conc, _ = run([FA])
    assert len(conc.lines) == 2 and all(ln.rtl for ln in conc.lines)
    assert conc.lines[0].before == "ساکنان اشرف به "
    assert conc.lines[1].after == " در نزدیکی فرودگاه بغداد است."
    assert is_rtl("2012 کمپ") is True and is_rtl("Camp کمپ") is False and is_rtl("2012 ...") is None


def test_counts_per_document_and_per_year_and_sorted_by_neighbouring_words():
    conc, _ = run([EN, FA, OLD])
    assert conc.total == 6
    assert [(s.id, n) for s, n in conc.sources_by_count()] == [("a", 3), ("b", 2), ("c", 1)]
    assert conc.years() == [(1986, 1), (2012, 5)]
    by_before = sort_lines(conc.lines, "before")
    assert [ln.before_key.split("\x00")[0] for ln in by_before] == ["2012", "called", "called", "to", "به", "شدند"]
    assert [ln.source.id for ln in by_before[1:3]] == ["c", "a"]  # same word: then the next one out ("later" < "residents")
    by_after = sort_lines(conc.lines, "after")
    assert [ln.after_key.split("\x00")[0] for ln in by_after] == ["a", "by", "in", "lies", "در", "منتقل"]
    assert [ln.source.id for ln in sort_lines(conc.lines, "source")] == ["c", "a", "a", "a", "b", "b"]
    with pytest.raises(ValueError):
        sort_lines(conc.lines, "colour")


def test_past_the_line_limit_occurrences_are_still_counted():
    conc, out = run([EN, FA, OLD], max_lines=4)
    assert len(conc.lines) == 4 and conc.total == 6 and conc.truncated
    assert sum(len(s.lines) for s in out) == 4
    assert out[-1].finished and out[-1].done == 3 and out[-1].total == 3


def test_the_first_lines_come_at_once_then_a_step_per_interval():
    ticks = iter(range(100))  # a clock that moves one "second" per call
    _, out = run([EN, FA, OLD], clock=lambda: next(ticks) * 0.01, step_seconds=0.025)
    assert len(out[0].lines) == 3 and out[0].done == 1  # the first document's lines, not after a wait
    assert out[-1].finished
    assert [ln.match for s in out for ln in s.lines] == ["Camp Liberty"] * 3 + ["کمپ لیبرتی"] * 2 + ["Camp Liberty"]
    assert [(src.id, n) for s in out for src, n in s.counted] == [("a", 3), ("b", 2), ("c", 1)]


def test_csv_export_opens_in_a_spreadsheet_with_persian_intact(tmp_path):
    conc, _ = run([EN, FA])
    path = tmp_path / "concordance.csv"
    assert write_csv(conc.lines, path) == 5
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark spreadsheet programs need for UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["document", "title", "date", "page", "offset", "before", "match", "after"]
    assert rows[4][0] == "b" and rows[4][6] == "کمپ لیبرتی" and rows[4][2] == "2012-02"
    assert not list(tmp_path.glob("*.part"))
