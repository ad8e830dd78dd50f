"""A phrase with very many candidates (issue 17): the first page shows at once with "about N results", and
the exact count and the filters' counts follow without the user doing anything."""

from __future__ import annotations


def test_about_n_then_the_exact_count(qtbot, make_window, monkeypatch) -> None:
    from ashraf_desktop.core.search import _phrases
    monkeypatch.setattr(_phrases, "LAZY_CANDIDATES", 2)  # the bundled archive is small: every phrase is "many"
    window = make_window()
    panel = window.search
    exact = window.index.search('"Camp Ashraf"')
    assert exact.total > 3 and not exact.total_is_estimate
    with qtbot.waitSignal(panel.count_settled, timeout=20_000) as settled:
        with qtbot.waitSignal(panel.result_shown, timeout=20_000) as shown:
            panel.set_query('"Camp Ashraf"')
        first = shown.args[0]
        assert first.total_is_estimate and not first.facets
        assert panel.count.text().startswith("about ")
        page = window.index.search('"Camp Ashraf"', page_size=len(first.hits))
        assert [h.id for h in first.hits] == [h.id for h in page.hits]
    assert settled.args[0].total == exact.total
    assert panel.count.text() == f"{exact.total:,} results"
    assert panel.facets.rowCount() > 0 and panel.results.total == exact.total
