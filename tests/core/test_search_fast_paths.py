"""The index's fast paths: incremental ``update_items``, cached content hashes, opening without hashing
(``verify="background"``, ``signature``), small commits that merge only tiny segments, the word list that
replaced Whoosh's spelling field, the ASCII snippet path, the build's process count and the CLI's facets."""

from __future__ import annotations

import dataclasses
import io
import random
import re
from pathlib import Path

import pytest

from ashraf_desktop.core.archive import Event, Item, ItemKind, Metadata
from ashraf_desktop.core.search import _files, _highlight, _index, _schema, _writing, open_index
from ashraf_desktop.core.search._analysis import term_of
from ashraf_desktop.core.search._query import HighlightSpec

from test_search_index import make_archive, parse_date  # noqa: E402 - tests/core is on sys.path


def ids(result) -> list[str]:
    return [h.id for h in result.hits]


def record(ident: str, text: str, title: str = "") -> Item:
    return Item(id=ident, kind=ItemKind.RECORD, sidecar=Path(f"/nowhere/{ident}.toml"),
                date=parse_date("2013-05-01"),
                metadata=Metadata(title=title or "A note", description=text, language=("en",)))


@pytest.fixture
def counting(monkeypatch):
    """Counts content hashes computed (items and events)."""
    calls = {"item": 0, "event": 0}
    item_hash, event_hash = _schema.item_hash, _schema.event_hash

    def ih(item, ev):
        calls["item"] += 1
        return item_hash(item, ev)

    def eh(event):
        calls["event"] += 1
        return event_hash(event)

    for mod in (_schema, _writing):
        monkeypatch.setattr(mod, "item_hash", ih)
        monkeypatch.setattr(mod, "event_hash", eh)
    return calls


def test_update_items_adds_changes_and_deletes_without_a_diff(tmp_path: Path, counting) -> None:
    archive = make_archive(tmp_path / "a")
    index = open_index(archive, tmp_path / "cache")
    try:
        counting["item"] = counting["event"] = 0
        new = record("zeppelin-note", "A zeppelin flew over the camp at dawn.")
        report = index.update_items([new])
        assert (report.added, report.changed, report.deleted) == (1, 0, 0)
        assert counting == {"item": 1, "event": 0}  # nothing else was hashed
        assert ids(index.search("zeppelin")) == ["zeppelin-note"]
        assert ids(index.search("zeppeli*")) == ["zeppelin-note"]  # its words joined the word list
        assert ids(index.search("zepelin~")) == ["zeppelin-note"]

        changed = dataclasses.replace(new, metadata=dataclasses.replace(new.metadata, description="A balloon."))
        report = index.update_items([changed])
        assert (report.added, report.changed, report.deleted) == (0, 1, 0)
        assert ids(index.search("zeppelin")) == [] and ids(index.search("balloon")) == ["zeppelin-note"]

        event = Event(id="balloon-day", date=parse_date("2013"), title="The balloon day")
        report = index.update_items([event], deleted=["arabic-note", "canal-dug"])
        assert (report.added, report.changed, report.deleted) == (1, 0, 2)
        assert ids(index.search("مخيم")) == [] and ids(index.search("canal")) == ["water-history"]
        assert set(ids(index.search("balloon"))) == {"zeppelin-note", "balloon-day"}
        again = index.update_items([changed], deleted=["no-such-item"])
        assert again.changes == 0
        # the index's archive follows the changes
        current = index.archive
        assert current.item("zeppelin-note") is changed and current.item("arabic-note") is None
        assert {e.id for e in current.events} == {"move-to-liberty", "balloon-day"}
    finally:
        index.close()
    # the incrementally kept fingerprint is the one a full check computes: reopening changes nothing
    index = open_index(current, tmp_path / "cache")
    try:
        assert index.last_update is None
        assert set(ids(index.search("balloon"))) == {"zeppelin-note", "balloon-day"}
        assert index.update(current).changes == 0
    finally:
        index.close()


def test_update_items_rejects_what_it_cannot_index(tmp_path: Path) -> None:
    index = open_index(make_archive(tmp_path / "a"), tmp_path / "cache")
    try:
        with pytest.raises(TypeError):
            index.update_items(["not an item"])
        new = record("x-note", "text")
        with pytest.raises(ValueError):
            index.update_items([new], deleted=["x-note"])
    finally:
        index.close()


def test_update_hashes_only_objects_it_has_not_seen(tmp_path: Path, counting) -> None:
    archive = make_archive(tmp_path / "a")
    index = open_index(archive, tmp_path / "cache")
    try:
        counting["item"] = counting["event"] = 0
        assert index.update(archive).changes == 0
        assert counting == {"item": 0, "event": 0}
        bigger = dataclasses.replace(archive, items=archive.items + (record("kite-note", "A red kite."),))
        report = index.update(bigger)
        assert (report.added, report.changed, report.deleted) == (1, 0, 0)
        assert counting == {"item": 1, "event": 0}
        assert ids(index.search("kite")) == ["kite-note"]
    finally:
        index.close()


def test_small_updates_never_merge_and_small_segments_are_folded_in_the_background(tmp_path: Path,
                                                                                   monkeypatch) -> None:
    from ashraf_desktop.core.search import _merging
    index = open_index(make_archive(tmp_path / "a"), tmp_path / "cache")
    try:
        asked = []
        real_request = index._merger.request_when_quiet
        monkeypatch.setattr(index._merger, "request_when_quiet", lambda ix, folder: asked.append(folder))
        n = 3 * _merging.SMALL_SEGMENTS
        for i in range(n):
            before = {s.segment_id() for s in index._readers.ix._segments()}
            index.update_items([record(f"note-{i}", f"note number{i} about kites")])
            after = {s.segment_id() for s in index._readers.ix._segments()}
            assert len(after) == len(before) + 1 and before < after  # its own segment, nothing merged
        assert asked and index.search("kites").total == n
        monkeypatch.setattr(index._merger, "request_when_quiet", real_request)
        monkeypatch.setattr(_merging, "QUIET_S", 0.01)
        while len(_merging.small_segments(index._readers.ix)) >= _merging.SMALL_SEGMENTS:
            index._merge_soon()  # what the next small commit would do (the merge starts once writes pause)
            index._merger.wait(30)
        assert index._merger.merges >= 1
        assert len(_merging.small_segments(index._readers.ix)) < _merging.SMALL_SEGMENTS
        assert index.search("kites").total == n
        assert ids(index.search(f"number{2 * _merging.SMALL_SEGMENTS}")) == [f"note-{2 * _merging.SMALL_SEGMENTS}"]
        assert index.merge() is True and index._contents.unmerged == 0
        assert index.search("kites").total == n
        archive = index.archive
    finally:
        index.close()
    index = open_index(archive, tmp_path / "cache")  # the merges were stamped: trusted as is
    try:
        assert index.last_update is None and not index.notices
    finally:
        index.close()


def test_deletes_made_while_a_merge_runs_are_kept(tmp_path: Path, monkeypatch) -> None:
    """The merge folds segments outside the writer; an item deleted or changed meanwhile stays deleted or
    changed in the folded segment (its document number is mapped)."""
    import threading

    from ashraf_desktop.core.search import _merging
    index = open_index(make_archive(tmp_path / "a"), tmp_path / "cache")
    try:
        real_request = index._merger.request_when_quiet
        monkeypatch.setattr(index._merger, "request_when_quiet", lambda *a: None)
        for i in range(_merging.SMALL_SEGMENTS):
            index.update_items([record(f"note-{i}", f"note number{i} about kites")])
        gate, written = threading.Event(), threading.Event()
        real_write = _merging.BackgroundMerge._write

        def slow_write(*args):
            out = real_write(*args)
            written.set()
            gate.wait(30)  # the segments are folded; the swap waits while the user edits
            return out
        monkeypatch.setattr(_merging.BackgroundMerge, "_write", staticmethod(slow_write))
        monkeypatch.setattr(index._merger, "request_when_quiet", real_request)
        index._merger.request(index._readers.ix, index.folder)
        assert written.wait(30)
        index.update_items([record("note-2", "changed to balloons")], deleted=["note-4"])
        gate.set()
        index._merger.wait(30)
        assert index._merger.merges >= 1
        assert set(ids(index.search("kites", page_size=50))) == {f"note-{i}" for i in (0, 1, 3, 5)}
        assert ids(index.search("balloons")) == ["note-2"]
    finally:
        index.close()


def test_background_verification_opens_at_once_and_then_updates(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "a"
    archive = make_archive(root)
    open_index(archive, tmp_path / "cache").close()
    changed = make_archive(root, extra_docs={"new-doc": "A zeppelin flew over the camp."})
    gate = __import__("threading").Event()
    verify_now = _index.SearchIndex._verify_now

    def slow_verify(self):
        gate.wait(10)
        return verify_now(self)

    monkeypatch.setattr(_index.SearchIndex, "_verify_now", slow_verify)
    index = open_index(changed, tmp_path / "cache", verify="background")
    try:
        assert ids(index.search("zeppelin")) == []  # the stamped index, searchable before the check ends
        assert index.wait_until_current(timeout=0.05) is False
        gate.set()
        assert index.wait_until_current(timeout=30)
        assert ids(index.search("zeppelin")) == ["new-doc"]
        assert index.last_update is not None and index.last_update.added == 1
    finally:
        index.close()
    with pytest.raises(ValueError):
        open_index(changed, tmp_path / "cache", verify="sometimes")


def test_signature_skips_hashing_when_it_matches(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "a"
    archive = make_archive(root)
    open_index(archive, tmp_path / "cache", signature="sig-1").close()

    def no_hashing(*_a):
        raise AssertionError("hashed although the signature matched")

    with monkeypatch.context() as m:
        m.setattr(_writing, "archive_hashes", no_hashing)
        index = open_index(archive, tmp_path / "cache", signature="sig-1")
        try:
            assert index.last_update is None and ids(index.search("canal"))
        finally:
            index.close()
    changed = make_archive(root, extra_docs={"new-doc": "A zeppelin flew over the camp."})
    index = open_index(changed, tmp_path / "cache", signature="sig-2")  # another signature: checked
    try:
        assert index.last_update.added == 1 and ids(index.search("zeppelin")) == ["new-doc"]
    finally:
        index.close()
    index = open_index(archive, tmp_path / "cache")  # no signature: always checked by content hash
    try:
        assert index.last_update.deleted == 1
    finally:
        index.close()


def test_missing_word_list_means_rebuild(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "a")
    index = open_index(archive, tmp_path / "cache")
    folder = index.folder
    index.close()
    (folder / _files.WORDS).unlink()
    index = open_index(archive, tmp_path / "cache")
    try:
        assert [n.code for n in index.notices] == ["rebuilt-damaged"]
        assert _files.WORDS in index.notices[0].message
        assert ids(index.search("liberat*"))  # prefixes expand through the word list again
    finally:
        index.close()


def test_build_uses_two_processes_for_many_items(tmp_path: Path, monkeypatch) -> None:
    archive = make_archive(tmp_path / "a")
    monkeypatch.setattr(_writing.os, "cpu_count", lambda: 2)
    index = _index.SearchIndex(archive, tmp_path / "cache")
    try:
        monkeypatch.setattr(_writing, "MP_BUILD_ITEMS", 5)
        assert index._contents._procs_for(archive) == (2 if _writing.os.name == "posix" else 1)
        monkeypatch.setattr(_writing, "MP_BUILD_ITEMS", 10_000)
        assert index._contents._procs_for(archive) == 1
    finally:
        index.close()
    index = _index.SearchIndex(archive, tmp_path / "cache", build_procs=1)
    try:
        monkeypatch.setattr(_writing, "MP_BUILD_ITEMS", 5)
        assert index._contents._procs_for(archive) == 1
    finally:
        index.close()


_TEXT = ("The skies were grey; dying embers, lying witnesses and tied boats. Only early risers saw it — "
         "“happily” the happy, happiest of runners kept running. Generalization of rational relations, U.S. policy in 1812, "
         "snake_case words, and a café’s menu. ") * 3


@pytest.mark.parametrize("words", [["sky"], ["die"], ["lie", "tie"], ["only", "early"], ["happy"], ["run"],
                                   ["generalize"], ["rational"], ["u", "s"], ["1812"], ["snake_case"], ["a"],
                                   ["cafe"], ["menu", "policy"]])
def test_ascii_snippet_path_finds_what_the_tokenizer_finds(words: list[str], monkeypatch) -> None:
    terms = frozenset(term_of(w) for w in words)
    specs = [HighlightSpec(terms, ()), HighlightSpec(terms, (tuple(term_of(w) for w in "the skies".split()),)),
             HighlightSpec(frozenset(), (tuple(term_of(w) for w in "lying witnesses".split()),))]
    for text in (_TEXT, _TEXT.replace("café", "cafe")):
        assert _highlight._ascii_words(text) is ("é" not in text)
        for spec in specs:
            for kw in ({}, {"limit": 200, "max_hits": 3, "settle": 40}):
                fast = _highlight.find_hits(text, spec, **kw)
                with monkeypatch.context() as m:
                    m.setattr(_highlight, "_ascii_words", lambda _t: False)
                    slow = _highlight.find_hits(text, spec, **kw)
                assert fast == slow
                if spec.terms and not kw:
                    assert fast, spec


def test_ascii_snippet_path_on_random_words(monkeypatch) -> None:
    rng = random.Random(7)
    vocab = re.findall(r"\w+", _TEXT)
    text = " ".join(rng.choice(vocab) + rng.choice(["", ",", ".", " —", "'s"]) for _ in range(3000))
    for _ in range(40):
        spec = HighlightSpec(frozenset(term_of(rng.choice(vocab)) for _ in range(2)),
                             (tuple(term_of(rng.choice(vocab)) for _ in range(2)),))
        fast = _highlight.find_hits(text, spec, max_hits=64)
        with monkeypatch.context() as m:
            m.setattr(_highlight, "_ascii_words", lambda _t: False)
            assert _highlight.find_hits(text, spec, max_hits=64) == fast


def test_cli_text_output_skips_facets(tmp_path: Path, monkeypatch) -> None:
    from ashraf_desktop.cli import search_cmd as cli_support
    from ashraf_desktop.cli.context import Opened

    archive = make_archive(tmp_path / "a")
    seen: list[bool] = []
    search = _index.SearchIndex.search

    def spy(self, query, **kw):
        seen.append(kw.get("with_facets", True))
        return search(self, query, **kw)

    monkeypatch.setattr(_index.SearchIndex, "search", spy)
    from ashraf_desktop.core.archive import LoadResult
    from ashraf_desktop.paths import user_dirs
    loaded = Opened(tmp_path / "a", user_dirs(tmp_path / "d"), LoadResult(archive, ()))
    monkeypatch.setattr(cli_support, "_load", lambda _a, _e, _data_dir=None: loaded)
    out = io.StringIO()
    assert cli_support.cmd_search("canal", archive=tmp_path / "a", data_dir=tmp_path / "d", out=out,
                                  err=io.StringIO()) == 0
    assert cli_support.cmd_search("canal", archive=tmp_path / "a", data_dir=tmp_path / "d", json=True,
                                  out=out, err=io.StringIO()) == 0
    assert seen == [False, True]
    assert '"facets"' in out.getvalue()


@dataclasses.dataclass(frozen=True)
class _Changes:
    items: frozenset = frozenset()
    removed: frozenset = frozenset()
    wholes: frozenset = frozenset()

    def __bool__(self) -> bool:
        return bool(self.items or self.removed or self.wholes)


def _tokened(archive, token: str, log: dict):
    """``archive`` as the catalogue hands it out: a change token, and what changed since earlier tokens."""
    from ashraf_desktop.core.archive import Archive

    @dataclasses.dataclass(frozen=True, eq=False)
    class Tokened(Archive):
        change_token: str | None = None

        def changes_since(self, since):
            return log.get((since, self.change_token))

    return Tokened(root=archive.root, collection=archive.collection, items=tuple(archive.items),
                   events=archive.events, signature=f"sig-{token}", change_token=token)


def test_freshness_from_the_catalogue_costs_what_changed(tmp_path: Path, monkeypatch) -> None:
    """Issue 17: when the archive's signature differs from the stamp's, the catalogue says which items
    changed since the stamp's change token; only those are hashed and indexed (was: every item hashed, 17 s
    and 190 MB more at 100k). A whole file changed, or a catalogue that cannot tell: every item, as before."""
    root = tmp_path / "a"
    base = make_archive(root)
    log: dict = {}
    first = _tokened(base, "t1", log)
    open_index(first, tmp_path / "cache", signature=first.signature).close()
    added = record("kite-note", "A red kite over the camp.")
    second = _tokened(dataclasses.replace(base, items=tuple(base.items) + (added,)), "t2", log)
    log[("t1", "t2")] = _Changes(items=frozenset({"kite-note"}))

    hashed = []
    real = _writing.archive_hashes
    monkeypatch.setattr(_writing, "archive_hashes", lambda *a, **k: hashed.append(1) or real(*a, **k))
    index = open_index(second, tmp_path / "cache", signature=second.signature)
    try:
        assert ids(index.search("kite")) == ["kite-note"] and not hashed
        assert index.last_update.added == 1
    finally:
        index.close()
    third = _tokened(dataclasses.replace(base, items=tuple(i for i in base.items if i.id != "water-history")
                                         + (added,)), "t3", log)
    log[("t2", "t3")] = _Changes(removed=frozenset({"water-history"}))
    index = open_index(third, tmp_path / "cache", signature=third.signature)
    try:
        assert ids(index.search("Tigris")) == [] and ids(index.search("kite")) == ["kite-note"] and not hashed
    finally:
        index.close()
    index = open_index(third, tmp_path / "cache", signature=third.signature)  # same signature: nothing at all
    index.close()
    fourth = _tokened(third, "t4", log)
    log[("t3", "t4")] = _Changes(wholes=frozenset({"timeline.toml"}))
    open_index(fourth, tmp_path / "cache", signature=fourth.signature).close()
    assert hashed  # a whole file changed: every item checked, as before
    hashed.clear()
    fifth = _tokened(fourth, "t5", log)  # the catalogue cannot tell (no log entry): every item
    open_index(fifth, tmp_path / "cache", signature=fifth.signature).close()
    assert hashed
