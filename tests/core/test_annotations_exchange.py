"""Export and import: exact JSON-LD round trip, merge by id with conflicts reported, urn:sha256 targets,
CSV/Markdown reports and the CLI functions."""

from __future__ import annotations

import csv
import io
import json
import string
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from archive_builder import TEXT, write_archive  # noqa: E402

from ashraf_desktop.core.annotations import (  # noqa: E402
    Annotation, Colour, ImportFormatError, Kind, RegionSelector, TextSelector, csv_report, export_jsonld,
    import_jsonld, item_iri, item_link_ids, markdown_report, open_store, sha256_urn, text_selector)
from ashraf_desktop.cli.annotations_cmd import cmd_export, cmd_import  # noqa: E402
from ashraf_desktop.core.annotations.reports import CSV_COLUMNS  # noqa: E402
from ashraf_desktop.core.archive import load_archive  # noqa: E402


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: float = 1) -> None:
        self.now += timedelta(seconds=seconds)


def _fill(store) -> list[Annotation]:
    start = TEXT.index("In 1986")
    made = [
        store.create("test", "doc", "highlight", text=text_selector(TEXT, start, start + 26), colour="green",
                     body="Built in **1986**; see [the report](item:report).\n\nSecond paragraph.",
                     tags=["camp", "history"], author="Ann Archivist", item_sha256="b" * 64).after,
        store.create("test", "doc", "note", text=TextSelector("Diyala", "lies in ", ".\nIn", 20, 26, 1),
                     body="Province — استان دیالی", author="Бо").after,
        store.create("test", "photo", "region", region=RegionSelector(12.5, 0, 33.333333333333336, 50),
                     tags=["gate"], colour="pink").after,
        store.create("test", "report", "note", body="A record: no file, whole-item note.").after,
    ]
    store.reanchor_item("test", "doc", "x" + TEXT)  # positions and context move; the page stays (a str has none)
    return [store.get(a.id) for a in made]


def test_json_ld_shape(tmp_path):
    with open_store(tmp_path / "a", clock=Clock()) as store:
        _fill(store)
        doc = json.loads(export_jsonld(store, collection_id="test"))
    assert doc["@context"][0] == "http://www.w3.org/ns/anno.jsonld" and doc["type"] == "AnnotationCollection"
    assert doc["id"] == "urn:ashraf-archive:test:annotations" and doc["total"] == 4
    items = doc["first"]["items"]
    hl = next(i for i in items if i["motivation"] == "highlighting")
    assert hl["id"].startswith("urn:uuid:") and hl["creator"] == {"type": "Person", "name": "Ann Archivist"}
    assert hl["target"]["source"] == item_iri("test", "doc") == "urn:ashraf-archive:test:item:doc"
    assert [b["purpose"] for b in hl["body"]] == ["commenting", "tagging", "tagging"]
    assert hl["body"][0]["format"] == "text/markdown"
    assert {s["type"] for s in hl["target"]["selector"]} == {"TextQuoteSelector", "TextPositionSelector"}
    pdf = next(i for i in items if isinstance(i["target"].get("selector"), list)
               and i["target"]["selector"][0]["type"] == "FragmentSelector")
    assert pdf["target"]["selector"][0]["value"] == "page=1"
    assert pdf["target"]["selector"][0]["refinedBy"]["type"] == "TextQuoteSelector"
    region = next(i for i in items if i["target"]["source"].endswith(":photo"))
    assert region["target"]["selector"]["value"] == "xywh=percent:12.5,0,33.333333333333336,50"


def test_round_trip_is_exact(tmp_path):
    with open_store(tmp_path / "a", clock=Clock()) as store:
        _fill(store)
        first = export_jsonld(store)
    with open_store(tmp_path / "b") as empty:
        report = import_jsonld(empty, first)
        assert len(report.added) == 4 and report.complete
        second = export_jsonld(empty)
    assert second == first


_text = st.text(alphabet=string.ascii_letters + " \n.,'\"—دیالی<>&*[]()", max_size=40)


@st.composite
def annotations(draw):
    kind = draw(st.sampled_from(list(Kind)))
    text = region = None
    if kind is Kind.REGION:
        x, y = draw(st.floats(0, 50)), draw(st.floats(0, 50))
        region = RegionSelector(x, y, draw(st.floats(0.01, 50)), draw(st.floats(0.01, 50)))
    elif kind is Kind.HIGHLIGHT or draw(st.booleans()):
        start = draw(st.integers(0, 10_000))
        text = TextSelector(draw(_text.filter(bool)), draw(_text), draw(_text), start,
                            start + draw(st.integers(0, 500)), draw(st.none() | st.integers(1, 900)))
    return dict(kind=kind, text=text, region=region, colour=draw(st.sampled_from(list(Colour))), body=draw(_text),
                tags=draw(st.lists(st.text(alphabet=string.ascii_letters + " -", min_size=1, max_size=12)
                                   .filter(str.strip), max_size=3)),
                author=draw(_text).strip(), item_sha256=draw(st.sampled_from(["", "c" * 64])),
                item_id=draw(st.sampled_from(["doc", "photo-1", "r"])))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=st.lists(annotations(), min_size=1, max_size=5), orphan=st.booleans())
def test_round_trip_property(tmp_path_factory, specs, orphan):
    base = tmp_path_factory.mktemp("rt")
    with open_store(base / "a", clock=Clock()) as store:
        for spec in specs:
            item = spec.pop("item_id")
            store.create("coll", item, **spec)
        if orphan:
            store.reanchor_item("coll", "doc", "")
        first = export_jsonld(store)
    with open_store(base / "b") as empty:
        import_jsonld(empty, first)
        assert export_jsonld(empty) == first


# -- merging ------------------------------------------------------------------------------------------------

@pytest.fixture
def two(tmp_path):
    clock = Clock()
    with open_store(tmp_path / "A", clock=clock) as a, open_store(tmp_path / "B", clock=clock) as b:
        yield a, b, clock


def test_merge_add_unchanged_update_keep_and_conflict(two):
    a, b, clock = two
    x = a.create("test", "doc", "note", body="x v1").after
    y = a.create("test", "doc", "note", body="y v1").after
    z = a.create("test", "doc", "note", body="z v1").after
    assert len(import_jsonld(b, export_jsonld(a)).added) == 3
    assert import_jsonld(b, export_jsonld(a)).unchanged == [x.id, y.id, z.id] or \
        sorted(import_jsonld(b, export_jsonld(a)).unchanged) == sorted([x.id, y.id, z.id])
    clock.tick()
    b.update(x.id, body="x edited in B")  # only B changed x → A fast-forwards
    a.update(y.id, body="y edited in A")  # only A changed y → A keeps its own
    a.update(z.id, body="z edited in A")  # both changed z → conflict, A keeps its own
    clock.tick()
    b.update(z.id, body="z edited in B")
    report = import_jsonld(a, export_jsonld(b))
    assert report.updated == [x.id] and report.kept_local == [y.id]
    assert [c.local.id for c in report.conflicts] == [z.id] and not report.complete
    assert a.get(x.id).body == "x edited in B" and a.get(z.id).body == "z edited in A"
    assert report.conflicts[0].incoming.body == "z edited in B"
    m = a.put(report.conflicts[0].incoming)  # "use theirs", undoable
    assert a.get(z.id).body == "z edited in B"
    a.apply(m.inverse())
    assert a.get(z.id).body == "z edited in A"


def test_merge_fast_forwards_repeatedly_after_import(two):
    a, b, clock = two
    x = a.create("test", "doc", "note", body="v1").after
    import_jsonld(b, export_jsonld(a))
    clock.tick()
    a.update(x.id, body="v2")
    assert import_jsonld(b, export_jsonld(a)).updated == [x.id]
    clock.tick()
    a.update(x.id, body="v3")
    assert import_jsonld(b, export_jsonld(a)).updated == [x.id] and b.get(x.id).body == "v3"


def test_merge_does_not_resurrect_a_local_deletion(two):
    a, b, _ = two
    x = a.create("test", "doc", "note", body="v1").after
    import_jsonld(b, export_jsonld(a))
    b.delete(x.id)
    report = import_jsonld(b, export_jsonld(a))
    assert report.deleted_locally == [x.id] and b.find(x.id) is None


def test_import_by_sha256_resolves_against_held_files(tmp_path):
    archive_root = write_archive(tmp_path / "archive")
    archive = load_archive(archive_root, check_files=False).archive
    held = archive.item("doc")
    doc = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
           "first": {"type": "AnnotationPage", "items": [
               {"id": "https://example.org/anno/1", "type": "Annotation", "motivation": "highlighting",
                "created": "2015-01-28T12:00:00Z",
                "body": {"type": "TextualBody", "value": "from another tool"},
                "target": {"source": sha256_urn(held.sha256.upper()),
                           "selector": {"type": "TextQuoteSelector", "exact": "barren land"}}},
               {"id": "urn:uuid:00000000-0000-4000-8000-000000000001", "type": "Annotation",
                "target": sha256_urn("f" * 64)},
               {"type": "Annotation", "target": "x"}]}}
    with open_store(tmp_path / "data") as store:
        report = import_jsonld(store, json.dumps(doc), archive=archive)
        # an annotation without an id gets one (made from its content); one whose target names nothing here
        # is refused with the reason, like the file naming an unknown checksum
        assert len(report.added) == 1 and len(report.unresolved) == 2 and not report.problems
        assert not report.complete
        got = store.get(report.added[0])
        assert (got.collection_id, got.item_id, got.kind, got.body) == ("test", "doc", Kind.HIGHLIGHT,
                                                                        "from another tool")
        assert got.item_sha256 == held.sha256 and got.created == "2015-01-28T12:00:00.000Z"
        assert store.reanchor_item("test", "doc", TEXT).moved == (got.id,)
        assert import_jsonld(store, json.dumps(doc), archive=archive).unchanged == [got.id]  # stable id


@pytest.mark.parametrize("text", ["not json", "{\"type\": \"Person\"}", "42",
                                  "{\"type\": \"AnnotationCollection\", \"first\": \"http://x/page1\"}"])
def test_import_rejects_non_annotation_documents(tmp_path, text):
    with open_store(tmp_path / "d") as store, pytest.raises(ImportFormatError):
        import_jsonld(store, text)


# -- reports --------------------------------------------------------------------------------------------------

def test_csv_report(tmp_path):
    with open_store(tmp_path / "a", clock=Clock()) as store:
        items = _fill(store)
        store.create("test", "doc", "note", body="=HYPERLINK(\"http://evil\")")
        text = csv_report(store.all(), {"doc": "A document"})
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0].keys()) == CSV_COLUMNS and len(rows) == 5
    hl = next(r for r in rows if r["annotation_id"] == items[0].id)
    assert hl["item_title"] == "A document" and hl["tags"] == "camp; history" and hl["quote"] == items[0].quote
    assert "Second paragraph." in hl["note"]
    assert any(r["note"].startswith("'=HYPERLINK") for r in rows)  # no formula injection
    assert next(r for r in rows if r["item_id"] == "photo")["region"].startswith("xywh=percent:12.5,0,")


def test_markdown_reports_by_item_and_by_tag(tmp_path):
    with open_store(tmp_path / "a", clock=Clock()) as store:
        _fill(store)
        by_item = markdown_report(store.all(), titles={"doc": "A document"})
        by_tag = markdown_report(store.all(), by="tag")
    assert "## A document (`doc`)" in by_item and "> In 1986 the camp was built" in by_item
    assert "Tags: `camp`, `history`" in by_item and "p. 1" in by_item
    assert "## Tag: camp" in by_tag and "## Tag: gate" in by_tag and "## Without a tag" in by_tag


def test_item_links_in_notes():
    body = "See [x](item:report) and [y](urn:ashraf-archive:test:item:doc) and [z](urn:ashraf-archive:o:item:q)."
    assert item_link_ids(body, "test") == ("report", "doc")


# -- command line -----------------------------------------------------------------------------------------------

def test_cli_export_import_round_trip(tmp_path):
    archive_root = write_archive(tmp_path / "archive")
    data_a, data_b = tmp_path / "A", tmp_path / "B"
    from ashraf_desktop.paths import user_dirs
    with open_store(user_dirs(data_a).data) as store:
        _fill(store)
    out, err = io.StringIO(), io.StringIO()
    assert cmd_export(format="jsonld", archive=archive_root, data_dir=data_a, out=out, err=err) == 0
    exported = tmp_path / "export.jsonld"
    exported.write_text(out.getvalue(), encoding="utf-8")
    assert json.loads(out.getvalue())["total"] == 4
    out2 = io.StringIO()
    assert cmd_import(exported, archive=archive_root, data_dir=data_b, out=out2, err=io.StringIO()) == 0
    assert "4 added" in out2.getvalue()
    out3 = io.StringIO()
    assert cmd_export(data_dir=data_b, archive=archive_root, out=out3) == 0 and out3.getvalue() == out.getvalue()
    for fmt, marker in (("csv", "annotation_id,"), ("md", "# Annotations: Test archive")):
        o = io.StringIO()
        assert cmd_export(format=fmt, archive=archive_root, data_dir=data_a, out=o) == 0
        assert o.getvalue().startswith(marker)
    o = io.StringIO()
    assert cmd_export(format="md", data_dir=data_a, tag="gate", out=o) == 0 and "gate" in o.getvalue()


def test_cli_errors_are_messages_and_statuses(tmp_path):
    err = io.StringIO()
    assert cmd_import(tmp_path / "missing.jsonld", data_dir=tmp_path, err=err) == 2 and "cannot read" in err.getvalue()
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    err = io.StringIO()
    assert cmd_import(bad, data_dir=tmp_path, err=err, out=io.StringIO()) == 2
    assert cmd_export(format="xml", data_dir=tmp_path, err=io.StringIO()) == 2
    out = io.StringIO()  # no database yet: an empty, valid collection, and no file is created
    assert cmd_export(data_dir=tmp_path / "fresh", out=out) == 0 and json.loads(out.getvalue())["total"] == 0
    assert not (tmp_path / "fresh" / "data" / "annotations.sqlite").exists()
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps({"type": "Annotation", "id": "urn:uuid:00000000-0000-4000-8000-000000000002",
                                   "target": sha256_urn("e" * 64)}), encoding="utf-8")
    err = io.StringIO()
    assert cmd_import(partial, data_dir=tmp_path, err=err, out=io.StringIO()) == 1
    assert "name nothing this archive holds" in err.getvalue()
