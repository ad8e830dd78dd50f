"""The archive's facts are found by search as their own kind, with each value and its source in the snippet."""

from __future__ import annotations

from pathlib import Path

from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.core.search import Filters, open_index
from ashraf_desktop.paths import bundled_archive


def test_facts_are_documents_of_their_own_kind(tmp_path: Path) -> None:
    archive = load_archive(bundled_archive()).archive
    index = open_index(archive, tmp_path / "ix")
    try:
        for query, fact in (("population", "population"), ("3,500", "population"), ("80 km", "distance-from-baghdad"),
                            ('"square kilometer"', "area")):
            result = index.search(query)
            assert fact in {h.id for h in result.hits if h.kind == "fact"}, query
        result = index.search("residents")
        assert any(value == "fact" and n >= 1 for value, n in result.facets["kind"])
        only = index.search("camp", filters=Filters(kinds=frozenset({"fact"})))
        assert only.total and {h.kind for h in only.hits} == {"fact"}
        hit = next(h for h in index.search("population").hits if h.kind == "fact")
        assert hit.title == "Number of residents"
    finally:
        index.close()
