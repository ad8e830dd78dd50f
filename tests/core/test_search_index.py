"""The search index end to end on small archives built here: relevance, every query feature, results."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

import functools

from ashraf_desktop.core.archive import dates

parse_date = functools.lru_cache(maxsize=None)(dates.parse_date)  # edtf parsing is slow (20-50 ms a date)
from ashraf_desktop.core.archive import Archive, Citation, Collection, Event, Item, ItemKind, Metadata
from ashraf_desktop.core.search import Filters, Hit, SearchResult, open_index

TEXTS = {
    "liberty-report": (
        "Relocation to Camp Liberty\n\n"
        "In February 2012 the first residents were moved from Camp Ashraf to Camp Liberty, a former US base "
        "near Baghdad airport. The relocation continued for six months. Camp Liberty was small and the "
        "residents described the conditions at Camp Liberty as a prison."),
    "water-history": (
        "The water supply of the camp\n\n"
        "Residents dug a canal from a Tigris offshoot 30 kilometers away to bring water to the camp. "
        "Gardens and squares were built. The liberation of the land from the desert took years."),
    "persian-note": (
        "یادداشت درباره اشرف\n\n"
        "ساکنان اشرف در سال ۱۳۹۰ به کمپ لیبرتی منتقل شدند و آنها می‌روند. این کتاب‌ها را بخوانید."),
    "arabic-note": "مذكرة عن أشرف\n\nيذهب السكان إلى مخيم ليبرتي. الكتاب في المكتبة.",
}


def make_archive(root: Path, *, extra_docs: dict[str, str] | None = None, drop: tuple[str, ...] = (),
                 change: dict[str, str] | None = None) -> Archive:
    items_dir = root / "items"
    items_dir.mkdir(parents=True, exist_ok=True)
    texts = {**TEXTS, **(extra_docs or {})}
    texts.update(change or {})
    meta = {
        "liberty-report": dict(title="Relocation to Camp Liberty", date="2012-08", creator=("UNAMI",),
                               publisher=("United Nations",), tags=("relocation", "Camp Liberty"), lang=("en",)),
        "water-history": dict(title="The water supply of the camp", date="1986", creator=("Residents",),
                              publisher=("PMOI",), tags=("history",), lang=("en",)),
        "persian-note": dict(title="یادداشت درباره اشرف", date="2011", creator=(), publisher=(), tags=("فارسی",),
                             lang=("fa-IR",)),
        "arabic-note": dict(title="مذكرة عن أشرف", date="2012", creator=(), publisher=(), tags=(), lang=("ar",)),
    }
    items = []
    for ident, text in texts.items():
        if ident in drop:
            continue
        path = items_dir / f"{ident}.txt"
        path.write_text(text, encoding="utf-8")
        m = meta.get(ident, dict(title=ident.replace("-", " "), date=None, creator=(), publisher=(), tags=(),
                                 lang=("en",)))
        items.append(Item(
            id=ident, kind=ItemKind.DOCUMENT, sidecar=items_dir / f"{ident}.toml", file=path,
            sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
            date=parse_date(m["date"]) if m["date"] else None, tags=tuple(m["tags"]),
            metadata=Metadata(title=m["title"], creator=tuple(m["creator"]), publisher=tuple(m["publisher"]),
                              date=m["date"], language=tuple(m["lang"]), format="text/plain")))
    if "hrw-report" not in drop:
        items.append(Item(
            id="hrw-report", kind=ItemKind.RECORD, sidecar=items_dir / "hrw-report.toml",
            date=parse_date("2005-05-18"), tags=("report",),
            metadata=Metadata(title="No Exit: Human Rights Abuses Inside the MKO Camps", publisher=("Human Rights Watch",),
                              date="2005-05-18", language=("en",),
                              description="A report on abuses, described by the archive's texts.")))
    if "gardens-photo" not in drop:
        items.append(Item(
            id="gardens-photo", kind=ItemKind.IMAGE, sidecar=items_dir / "gardens-photo.toml",
            file=items_dir / "gardens-photo.jpg", sha256="0" * 64, caption="Gardens at the entrance of the camp",
            date=parse_date("2003?"),
            metadata=Metadata(title="Entrance gardens", description="A photograph of flower beds.",
                              format="image/jpeg")))
    if "leaflet" not in drop:
        items.append(Item(id="leaflet", kind=ItemKind.RECORD, sidecar=items_dir / "leaflet.toml",
                          metadata=Metadata(title="A leaflet", description="An undated leaflet.")))
    events = (
        Event(id="move-to-liberty", date=parse_date("2012-02/2012-08"), title="Residents moved to the new site",
              description="The residents were moved over six months.", places=("Camp Liberty",),
              people=("Martin Kobler",), tags=("relocation",),
              citations=(Citation("liberty-report", "the first residents were moved from Camp Ashraf"),)),
        Event(id="canal-dug", date=parse_date("1986"), title="A canal is dug", description="Water for the camp.",
              citations=(Citation("water-history", "Residents dug a canal"),)),
    )
    return Archive(root=root, collection=Collection(id="test", title="Test", language=("en",)),
                   items=tuple(items), events=events)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("arch")
    archive = make_archive(root)
    calls = []
    index = open_index(archive, tmp_path_factory.mktemp("cache"), progress=lambda d, t, m: calls.append((d, t)))
    yield index, archive, calls
    index.close()


def ids(result: SearchResult) -> list[str]:
    return [h.id for h in result.hits]


def test_build_reports_progress_and_counts(built) -> None:
    index, archive, calls = built
    assert calls and calls[-1] == (9, 9)
    assert index.doc_count() == len(archive.items) + len(archive.events)
    assert index.notices == []


def test_relevance_title_match_comes_first(built) -> None:
    index, _, _ = built
    r = index.search("Camp Liberty")
    assert ids(r)[0] == "liberty-report"
    assert "move-to-liberty" in ids(r)  # the event, through its place
    assert {h.kind for h in r.hits} == {"document", "event"}
    assert r.hits[0].score >= r.hits[1].score > 0
    r = index.search("water canal")
    assert ids(r)[0] in ("water-history", "canal-dug") and set(ids(r)[:2]) == {"water-history", "canal-dug"}


def test_each_kind_is_found_and_labelled(built) -> None:
    index, _, _ = built
    assert [(h.id, h.kind) for h in index.search("flower beds").hits] == [("gardens-photo", "image")]
    assert [(h.id, h.kind) for h in index.search("entrance").hits] == [("gardens-photo", "image")]
    hit = index.search('"Human Rights Watch"').hits[0]
    assert (hit.id, hit.kind, hit.publisher, hit.date) == ("hrw-report", "record", "Human Rights Watch", "2005-05-18")
    event = index.search("Kobler").hits[0]
    assert (event.id, event.kind, event.item_id) == ("move-to-liberty", "event", "liberty-report")


def test_phrase_and_boolean(built) -> None:
    index, _, _ = built
    assert ids(index.search('"camp liberty"')) and "water-history" not in ids(index.search('"camp liberty"'))
    assert ids(index.search('"liberty camp"')) == []
    assert set(ids(index.search("canal OR kobler"))) == {"water-history", "canal-dug", "move-to-liberty"}
    assert "water-history" not in ids(index.search("camp NOT canal"))
    assert "water-history" not in ids(index.search("camp -canal"))
    assert ids(index.search("(canal OR kobler) AND gardens")) == ["water-history"]
    assert set(ids(index.search("(canal OR kobler) months"))) == {"move-to-liberty"}


def test_stemming_and_accent_folding(built) -> None:
    index, _, _ = built
    assert "liberty-report" in ids(index.search("relocated"))
    assert "water-history" in ids(index.search("gardens")) and "water-history" in ids(index.search("garden"))


def test_prefix_uses_unstemmed_words(built) -> None:
    index, _, _ = built
    assert "water-history" in ids(index.search("liberat*"))  # "liberation" is stemmed to "liber"
    r = index.search("relocat*")
    assert "liberty-report" in ids(r)
    hit = next(h for h in r.hits if h.id == "liberty-report")
    assert any(hit.snippet[a:b].lower().startswith("relocat") for a, b in hit.highlights)


def test_fuzzy(built) -> None:
    index, _, _ = built
    assert "liberty-report" in ids(index.search("libertty~"))
    assert ids(index.search("libxrtty~")) == []
    assert "liberty-report" in ids(index.search("libxrtty~2"))


def test_fields(built) -> None:
    index, _, _ = built
    assert ids(index.search("title:water")) == ["water-history"]
    assert set(ids(index.search("kind:event"))) == {"move-to-liberty", "canal-dug"}
    assert set(ids(index.search("kind:records"))) == {"hrw-report", "leaflet"}
    assert set(ids(index.search("tag:relocation"))) == {"liberty-report", "move-to-liberty"}
    assert ids(index.search('tag:"camp liberty"')) == ["liberty-report"]
    assert ids(index.search("creator:unami")) == ["liberty-report"]
    assert ids(index.search('publisher:"human rights"')) == ["hrw-report"]
    assert ids(index.search("lang:fa")) == ["persian-note"]
    assert ids(index.search("lang:fa-ir")) == ["persian-note"]
    assert ids(index.search("id:canal-dug")) == ["canal-dug"]


@pytest.mark.parametrize("query, expected", [
    ("date:2012", {"liberty-report", "arabic-note", "move-to-liberty"}),
    ("date:2009-07", set()),
    ("date:1986..2003", {"water-history", "canal-dug", "gardens-photo"}),
    ("date:2012-03", {"move-to-liberty", "arabic-note"}),  # Feb-Aug 2012 and 2012 overlap March; 2012-08 not
    ("date:..1990", {"water-history", "canal-dug"}),
    ("date:2011..", {"liberty-report", "persian-note", "arabic-note", "move-to-liberty"}),
])
def test_date_overlap(built, query: str, expected: set[str]) -> None:
    index, _, _ = built
    assert set(ids(index.search(query))) == expected


def test_persian_and_arabic_folding_in_the_index(built) -> None:
    index, _, _ = built
    assert ids(index.search("میروند")) == ["persian-note"]
    assert ids(index.search("می‌روند")) == ["persian-note"]
    assert ids(index.search("مي‌روند")) == ["persian-note"]  # Arabic yeh in the query
    assert ids(index.search("۱۳۹۰")) == ["persian-note"] == ids(index.search("1390"))
    assert ids(index.search("كتابها")) == ["persian-note"]  # Arabic kaf, no ZWNJ
    assert set(ids(index.search("اشرف"))) == {"persian-note", "arabic-note"}  # أشرف: alef with hamza
    hit = index.search("ليبرتي").hits  # both notes: ليبرتي (Arabic yeh) and لیبرتی
    assert {h.id for h in hit} == {"persian-note", "arabic-note"}
    persian = next(h for h in hit if h.id == "persian-note")
    assert [persian.snippet[a:b] for a, b in persian.highlights] == ["لیبرتی"]


def test_snippets_and_highlights_only_for_shown_hits(built) -> None:
    index, _, _ = built
    r = index.search("Liberty prison", page_size=5)
    hit = r.hits[0]
    assert hit.id == "liberty-report"
    marked = [hit.snippet[a:b].lower() for a, b in hit.highlights]
    assert "prison" in marked and "liberty" in marked
    assert "\n" not in hit.snippet


def test_facets_sorts_and_paging(built) -> None:
    index, _, _ = built
    r = index.search("camp", page_size=2)
    assert r.total >= 4 and len(r.hits) == 2
    assert dict(r.facets["kind"])["document"] >= 2
    assert set(r.facets) == {"kind", "year", "decade", "tag", "language", "publisher"}
    all_ids = ids(index.search("camp", page_size=100))
    pages = ids(r) + ids(index.search("camp", page=2, page_size=2)) + ids(index.search("camp", page=3, page_size=2))
    assert pages == all_ids[:len(pages)]
    by_date = index.search("", sort="date", page_size=100)
    dated = [h.date for h in by_date.hits]
    assert dated[0] == "1986" and dated[-1] is None  # undated last
    lowers = [parse_date(d).lower for d in dated if d]
    assert lowers == sorted(lowers)
    desc = [h.date for h in index.search("", sort="date-desc", page_size=100).hits if h.date]
    assert [parse_date(d).lower for d in desc] == sorted(lowers, reverse=True)
    titles = [h.title.casefold() for h in index.search("", sort="title", page_size=100).hits]
    assert titles == sorted(titles)
    years = dict(index.search("").facets["year"])
    assert years["2012"] == 3 and years["1986"] == 2
    assert dict(index.search("").facets["decade"])["2010"] == 4
    assert ("fa-IR", 1) in index.search("").facets["language"]


def test_filters(built) -> None:
    index, _, _ = built
    assert set(ids(index.search("camp", filters=Filters(kinds=frozenset({"event"}))))) == {"move-to-liberty",
                                                                                         "canal-dug"}
    assert ids(index.search("", filters=Filters(tags=frozenset({"Camp Liberty"})))) == ["liberty-report"]
    assert ids(index.search("", filters=Filters(languages=frozenset({"fa"})))) == ["persian-note"]
    assert ids(index.search("", filters=Filters(publishers=frozenset({"Human Rights Watch"})))) == ["hrw-report"]
    assert set(ids(index.search("", filters=Filters(years=frozenset({1986}))))) == {"water-history", "canal-dug"}
    assert set(ids(index.search("", filters=Filters(decades=frozenset({1980}))))) == {"water-history", "canal-dug"}
    span = (parse_date("2012-03").lower, parse_date("2012-03").upper)
    assert set(ids(index.search("", filters=Filters(date_range=span)))) == {"move-to-liberty", "arabic-note"}
    r = index.search("camp", filters=Filters(kinds=frozenset({"document"})))
    assert r.total == sum(c for _, c in r.facets["kind"]) and [k for k, _ in r.facets["kind"]] == ["document"]


def test_empty_query_browses_everything(built) -> None:
    index, archive, _ = built
    r = index.search("   ", page_size=100)
    assert r.total == len(archive.items) + len(archive.events) and r.notice is None


def test_syntax_error_and_absurd_queries_never_raise(built) -> None:
    index, _, _ = built
    r = index.search("(camp liberty")
    assert r.notice and "searched the words instead" in r.notice and ids(r)[0] == "liberty-report"
    r = index.search("camp " * 3000)
    assert r.notice and "shortened" in r.notice and r.total > 0
    r = index.search(" ".join(f"w{i}" for i in range(500)))
    assert r.notice and r.total == 0
    assert index.search("camp", sort="nonsense").notice


def test_did_you_mean(built) -> None:
    index, _, _ = built
    r = index.search("Camp Libirty")
    assert r.total == 0 and r.suggestion == "Camp liberty"
    assert index.search(r.suggestion).total > 0
    assert index.search("Camp Liberty").suggestion is None
    assert index.search("relocatoin").suggestion == "relocation"


def test_hit_spans_point_into_the_extracted_text(built) -> None:
    index, archive, _ = built
    text = TEXTS["liberty-report"]
    spans = index.hit_spans("liberty-report", '"camp liberty" OR relocation')
    found = [text[s.start:s.end] for s in spans]
    assert found[:3] == ["Relocation", "Camp Liberty", "Camp Liberty"]
    assert found.count("Camp Liberty") == text.count("Camp Liberty") == 4
    assert sorted({f.lower() for f in found}) == ["camp liberty", "relocation"]
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    assert all(s.page is None for s in spans)
    persian = TEXTS["persian-note"]
    spans = index.hit_spans("persian-note", "میروند")
    assert [persian[s.start:s.end] for s in spans] == ["می‌روند"]
    assert index.hit_spans("no-such-item", "camp") == []
    assert index.hit_spans("move-to-liberty", "camp") == []  # events have no extracted text


def test_more_like_this(built) -> None:
    index, _, _ = built
    r = index.more_like_this("water-history", limit=3)
    assert r.hits and "water-history" not in ids(r)
    assert ids(r)[0] == "canal-dug"
    assert index.more_like_this("nope").total == 0


def test_concurrent_searches_from_threads(built) -> None:
    index, _, _ = built
    errors: list[BaseException] = []
    results: list[int] = []

    def worker() -> None:
        try:
            for q in ("camp", '"camp liberty"', "relocat*", "date:2012", "libertty~", "kind:event"):
                results.append(index.search(q).total)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 36


def test_hit_is_plain_data(built) -> None:
    index, _, _ = built
    hit = index.search("canal").hits[0]
    assert isinstance(hit, Hit) and isinstance(hit.snippet, str)
    assert all(isinstance(a, int) and isinstance(b, int) for a, b in hit.highlights)


def test_incremental_update_by_content_hash(tmp_path: Path) -> None:
    root = tmp_path / "a"
    archive = make_archive(root)
    index = open_index(archive, tmp_path / "cache")
    try:
        folder = index.folder
        assert ids(index.search("zeppelin")) == []
        changed = make_archive(root, extra_docs={"new-doc": "A zeppelin flew over the camp."},
                               change={"water-history": "The water supply of the camp\n\nA new text about wells."},
                               drop=("arabic-note",))
        report = index.update(changed)
        assert (report.added, report.changed, report.deleted, report.rebuilt) == (1, 1, 1, False)
        assert index.folder == folder  # updated in place, not rebuilt
        assert ids(index.search("zeppelin")) == ["new-doc"]
        assert ids(index.search("wells")) == ["water-history"]
        assert "water-history" not in ids(index.search("tigris"))
        assert ids(index.search("مخيم")) == []
        again = index.update(changed)
        assert again.changes == 0 and again.unchanged == len(changed.items) + len(changed.events)
    finally:
        index.close()
    # reopening with the same archive does nothing; with the old one updates back
    index = open_index(changed, tmp_path / "cache")
    try:
        assert index.last_update is None and ids(index.search("zeppelin")) == ["new-doc"]
    finally:
        index.close()
    index = open_index(archive, tmp_path / "cache")
    try:
        assert index.last_update.changes == 3 and ids(index.search("zeppelin")) == []
    finally:
        index.close()


def test_unreadable_document_is_indexed_by_metadata_and_retried(tmp_path: Path) -> None:
    root = tmp_path / "a"
    archive = make_archive(root)
    (root / "items" / "water-history.txt").unlink()
    index = open_index(archive, tmp_path / "cache")
    try:
        assert index.last_update.problems and "water-history" in index.last_update.problems[0]
        assert any(n.code == "extraction-failed" for n in index.notices)
        assert ids(index.search("title:water")) == ["water-history"]
        assert ids(index.search("tigris")) == []
        (root / "items" / "water-history.txt").write_text(TEXTS["water-history"], encoding="utf-8")
        report = index.update(archive)
        assert report.changed == 1 and not report.problems
        assert ids(index.search("tigris")) == ["water-history"]
    finally:
        index.close()


def test_an_item_that_cannot_be_indexed_is_left_out_with_a_reason_and_retried(tmp_path: Path, monkeypatch) -> None:
    """One odd item (its document cannot be made) neither stops the others nor counts as damage."""
    from ashraf_desktop.core.search import _writing
    root = tmp_path / "a"
    archive = make_archive(root)
    index = open_index(archive, tmp_path / "cache")
    try:
        changed = make_archive(root, extra_docs={"one": "alpha zeppelin", "two": "beta zeppelin"})
        real = _writing.item_doc

        def failing(item, *a, **k):
            if item.id == "two":
                raise RuntimeError("boom")
            return real(item, *a, **k)

        monkeypatch.setattr(_writing, "item_doc", failing)
        report = index.update(changed)
        assert not report.rebuilt and any(p.startswith("two: it could not be indexed (RuntimeError: boom)")
                                          for p in report.problems)
        assert ids(index.search("zeppelin")) == ["one"]
        assert not any(n.code == "rebuilt-damaged" for n in index.notices)
        monkeypatch.setattr(_writing, "item_doc", real)
        assert index.update(changed).changed == 1  # retried at the next update
        assert set(ids(index.search("zeppelin"))) == {"one", "two"}
    finally:
        index.close()


def test_a_writer_failure_while_updating_rebuilds_with_the_update(tmp_path: Path, monkeypatch) -> None:
    """The failure rule on a write: any exception of the writer (not a full disk) repairs the index from
    the archive, the update included, and says so once."""
    from ashraf_desktop.core.search import _writer
    root = tmp_path / "a"
    archive = make_archive(root)
    index = open_index(archive, tmp_path / "cache")
    try:
        before = index.folder
        changed = make_archive(root, extra_docs={"one": "alpha zeppelin", "two": "beta zeppelin"})

        real = _writer.SafeSegmentWriter.add_document
        failures = []

        def broken(self, **fields):  # the update's writer fails; the rebuild's works
            if not failures:
                failures.append(1)
                raise ValueError("a posting went wrong")
            return real(self, **fields)

        monkeypatch.setattr(_writer.SafeSegmentWriter, "add_document", broken)
        report = index.update(changed)
        assert report.rebuilt and index.folder != before and not before.exists()
        assert set(ids(index.search("zeppelin"))) == {"one", "two"}
        [notice] = [n for n in index.notices if n.code == "rebuilt-damaged"]
        assert "ValueError: a posting went wrong" in notice.message and notice.severity == "warning"
    finally:
        index.close()


def test_prebuilt_index_is_used_in_place_when_it_matches(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "a")
    with open_index(archive, tmp_path / "cache1") as index:
        shipped = index.export(tmp_path / "shipped")
    with open_index(archive, tmp_path / "cache2", prebuilt=shipped) as index:
        assert index.folder == shipped and index.last_update is None
        assert ids(index.search("canal"))
        # a change makes a writable copy in the cache; the shipped folder is left alone
        before = sorted(p.name for p in shipped.iterdir())
        changed = make_archive(tmp_path / "a", extra_docs={"z": "zeppelin"})
        assert index.update(changed).added == 1
        assert index.folder != shipped and ids(index.search("zeppelin")) == ["z"]
        assert sorted(p.name for p in shipped.iterdir()) == before
    # a prebuilt index for a different archive state is copied and updated, not trusted as is
    with open_index(changed, tmp_path / "cache3", prebuilt=shipped) as index:
        assert index.folder != shipped and ids(index.search("zeppelin")) == ["z"]
        assert index.last_update is not None and index.last_update.added == 1


def test_totals_and_facets_count_every_match(tmp_path: Path) -> None:
    """Whoosh prunes low-scoring blocks once the top N is full; totals must still count every match."""
    import random

    rng = random.Random(7)
    vocab = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()
    texts = {f"d{i:03d}": " ".join(rng.choice(vocab) for _ in range(rng.randint(3, 60))) for i in range(90)}
    root = tmp_path / "a"
    first = dict(list(texts.items())[:30])
    index = open_index(make_archive(root, extra_docs=first), tmp_path / "cache")
    try:
        index.update(make_archive(root, extra_docs=dict(list(texts.items())[:60])))
        index.update(make_archive(root, extra_docs=texts))  # several segments
        for query, test in [("alpha beta", lambda ws: {"alpha", "beta"} <= ws),
                            ("alpha OR kappa", lambda ws: bool({"alpha", "kappa"} & ws)),
                            ('"gamma delta"', None)]:
            if test is None:
                expected = {k for k, t in texts.items() if "gamma delta" in t}
            else:
                expected = {k for k, t in texts.items() if test(set(t.split()))}
            r = index.search(query, page_size=3)
            assert r.total == len(expected), query
            assert dict(r.facets["kind"]) == {"document": len(expected)}
            every = index.search(query, page_size=500)
            assert {h.id for h in every.hits} == expected
    finally:
        index.close()
