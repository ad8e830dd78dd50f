"""Models pass Qt's model tester; the task runner drops superseded results; pure helpers."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt

from ashraf_desktop.core.search import Hit, SearchResult
from ashraf_desktop.ui.search.models import FacetsModel, ResultsModel, filters_from_checked
from ashraf_desktop.ui.tasks import TaskRunner
from ashraf_desktop.ui.viewer.hits import HitCursor, query_terms, utf16_offsets


def _result(n: int = 5, total: int = 12) -> SearchResult:
    hits = tuple(Hit(id=f"h{i}", kind="document" if i % 2 else "event", title=f"Title {i}", date="2003-04~",
                     publisher="P", score=1.0, snippet="a camp here", highlights=((2, 6),), item_id=f"h{i}")
                 for i in range(n))
    return SearchResult(query="camp", total=total, hits=hits,
                        facets={"kind": [("document", 3), ("event", 2)], "decade": [("2000", 5)]}, page=1,
                        page_size=n)


def test_results_model_passes_modeltester(qapp, qtmodeltester):
    model = ResultsModel()
    model.set_result(_result())
    assert model.canFetchMore()  # 5 of 12 shown: the view may ask for page 2
    wanted = []
    model.more_wanted.connect(wanted.append)
    model.fetchMore()
    assert wanted == [2]
    assert not model.canFetchMore()  # until that page arrives
    model.set_result(_result())
    qtmodeltester.check(model)


def test_facets_model_passes_modeltester(qapp, qtmodeltester):
    model = FacetsModel()
    model.set_facets(_result().facets)
    qtmodeltester.check(model)
    idx = model.find("decade", "2000")
    assert model.setData(idx, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.checked() == {"decade": {"2000"}}
    filters = filters_from_checked(model.checked())
    assert filters.decades == frozenset({2000})
    model.set_facets({"kind": [("event", 1)]})  # a checked value stays, even with no hits now
    assert model.find("decade", "2000").isValid()
    qtmodeltester.check(model)


def test_newer_task_with_same_key_supersedes_older(qtbot):
    runner = TaskRunner()
    got: list[str] = []
    threads: list[str] = []

    def slow():
        threads.append(threading.current_thread().name)
        time.sleep(0.3)
        return "old"

    runner.run_task(slow, got.append, key="k")
    runner.run_task(lambda: "new", got.append, key="k")
    qtbot.waitUntil(lambda: runner.running == 0, timeout=5000)
    assert got == ["new"]
    assert threading.main_thread().name not in threads


def test_task_errors_reach_on_error(qtbot):
    runner = TaskRunner()
    errors: list[BaseException] = []

    def boom():
        raise ValueError("bad")

    runner.run_task(boom, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_hit_cursor_and_helpers():
    c = HitCursor()
    c.reset([(10, 12), (1, 3), (5, 6)])
    assert c.label() == "1 of 3" and c.spans[0] == (1, 3)
    c.step()
    assert c.label() == "2 of 3"
    c.step(False)
    c.step(False)
    assert c.label() == "3 of 3"
    assert utf16_offsets("a😀b", [0, 2, 3]) == [0, 3, 4]
    assert query_terms('"Human Rights" camp -Liberty date:2003..2009 OR x') == ["Human Rights", "camp", "x"]


def test_chicago_citation_and_provenance_rows(bundled_archive_path):
    from ashraf_desktop.core.archive import load_archive
    from ashraf_desktop.ui.citation import chicago_citation
    from ashraf_desktop.ui.provenance import provenance_rows
    archive = load_archive(bundled_archive_path, check_files=False).archive
    record = archive.item("hrw-no-exit-2005")
    text = chicago_citation(record, archive)  # Chicago notes-bibliography, from the bundled CSL style
    assert text.startswith("“No Exit: Human Rights Abuses Inside the MKO Camps”. Human Rights Watch, May 18, 2005.")
    assert f"not held. {archive.collection.title}." in text and text.endswith("item:hrw-no-exit-2005.")
    doc = archive.item("about-camp-ashraf")
    assert "n.d." in chicago_citation(doc, archive)
    from ashraf_desktop.ui.citation import apa_citation
    assert apa_citation(record, archive).startswith("No Exit: Human Rights Abuses Inside the MKO Camps. (2005, May 18).")
    rows = dict(provenance_rows(doc, archive))
    assert rows["SHA-256"] == doc.sha256 and rows["Date"] == "not given"
    assert rows["Rights"] == "Unknown"
