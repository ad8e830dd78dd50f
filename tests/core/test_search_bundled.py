"""Search on the bundled archive (loaded by the real loader, text by the real extractor) and the CLI helpers."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.core.search import open_index
from ashraf_desktop.cli.search_cmd import cmd_index, cmd_search


@pytest.fixture(scope="module")
def bundled(bundled_archive_path: Path, tmp_path_factory):
    if not (bundled_archive_path / "collection.toml").exists():
        pytest.skip("the bundled archive is not there yet")
    from ashraf_desktop.core.extract import TextCache

    result = load_archive(bundled_archive_path)
    assert result.ok, result.errors
    cache = tmp_path_factory.mktemp("cache")
    index = open_index(result.archive, cache / "index", text_cache=TextCache(cache / "text"))
    yield index, result.archive
    index.close()


def test_camp_liberty_finds_the_history_and_the_relocation_events(bundled) -> None:
    index, archive = bundled
    r = index.search("Camp Liberty")
    found = [h.id for h in r.hits]
    assert "brief-history-of-ashraf-city" in found
    events = [h for h in r.hits if h.kind == "event"]
    assert len(events) >= 3 and all("liberty" in (h.title + h.snippet).lower() for h in events)
    assert r.hits[0].kind == "event" and "Liberty" in r.hits[0].title
    doc = next(h for h in r.hits if h.id == "brief-history-of-ashraf-city")
    assert {doc.snippet[a:b].lower() for a, b in doc.highlights} >= {"camp", "liberty"}
    for h in events:
        assert h.item_id in archive  # the event opens its first cited item


def test_hit_spans_on_the_bundled_document(bundled) -> None:
    from ashraf_desktop.core.extract import extract

    index, archive = bundled
    item = archive.item("brief-history-of-ashraf-city")
    text = extract(item.file, item.media_type).text
    spans = index.hit_spans(item.id, '"Camp Liberty"')
    assert spans and all(" ".join(text[s.start:s.end].lower().split()) == "camp liberty" for s in spans)
    assert len(spans) == len(re.findall(r"\bcamp\s+liberty\b", text, re.I))


@pytest.mark.parametrize("query, top", [
    ('"Human Rights Watch"', "2005-05-18-hrw-report"),
    ("title:RAND", None),
    ("kind:record RAND", None),
])
def test_relevance_on_the_bundled_archive(bundled, query: str, top: str | None) -> None:
    index, archive = bundled
    r = index.search(query)
    assert r.total > 0
    if top:
        assert r.hits[0].id == top or top in [h.id for h in r.hits[:2]]
    if query.startswith("kind:record"):
        assert {h.kind for h in r.hits} == {"record"}


def test_cli_index_and_search_json(bundled_archive_path: Path, tmp_path: Path) -> None:
    if not (bundled_archive_path / "collection.toml").exists():
        pytest.skip("the bundled archive is not there yet")
    out, err = io.StringIO(), io.StringIO()
    assert cmd_index(bundled_archive_path, data_dir=tmp_path, json=True, out=out, err=err) == 0
    summary = json.loads(out.getvalue())
    assert summary["rebuilt"] and summary["documents_indexed"] == summary["items"] + summary["events"] + summary["facts"]
    out = io.StringIO()
    assert cmd_search("Camp Liberty", archive=bundled_archive_path, limit=3, json=True, data_dir=tmp_path,
                      out=out, err=err) == 0
    obj = json.loads(out.getvalue())
    assert obj["total"] >= 3 and len(obj["hits"]) == 3
    for hit in obj["hits"]:
        assert {"id", "title", "kind", "date", "score", "snippet"} <= set(hit)
    assert "suggestion" not in obj
    out = io.StringIO()
    assert cmd_search("Camp Libirty", archive=bundled_archive_path, json=True, data_dir=tmp_path, out=out,
                      err=err) == 0
    assert json.loads(out.getvalue())["suggestion"] == "Camp liberty"
    out = io.StringIO()
    assert cmd_search("(camp", archive=bundled_archive_path, data_dir=tmp_path, out=out, err=err) == 0
    assert "searched the words instead" in err.getvalue() and "results for" in out.getvalue()
    assert cmd_index(bundled_archive_path, data_dir=tmp_path, out=io.StringIO(), err=io.StringIO()) == 0
    assert cmd_search("x", archive=tmp_path / "nowhere", data_dir=tmp_path, out=io.StringIO(),
                      err=io.StringIO()) == 1
    assert cmd_search("x", archive=bundled_archive_path, sort="bogus", out=io.StringIO(), err=io.StringIO()) == 2
