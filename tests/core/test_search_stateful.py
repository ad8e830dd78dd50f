"""The search index against a plain-Python reference model, step by step (issue 15).

A hypothesis ``RuleBasedStateMachine`` drives the core as the app does: it imports items (text, HTML, PDF,
image, record) into the user's layer, changes their metadata, deletes them, creates / edits / deletes
annotations, closes and reopens the index (a restart), kills a writer process in the middle of its work,
damages an index file while the app is closed, and rebuilds. After every step a fixed set of probe queries
- a word, a phrase, a prefix, a fuzzy word, ``tag:``, ``note:``, a date range, facet filters - must return
exactly the ids that :class:`Reference` computes from the archive on disk and the annotation store, with
plain loops over their text and nothing of the index.

The probes look for made-up words that the stemmer leaves alone and no test file contains, put into the
generated texts and metadata between filler words (so a phrase never spans two fields).

Budget: ``ASHRAF_STATEFUL_EXAMPLES`` runs of at most ``ASHRAF_STATEFUL_STEPS`` steps (by default 20 × 25, a
few hundred steps; ``bench/bench_reliability.py --stateful N`` or the two variables give a long run),
derandomised unless ``ASHRAF_STATEFUL_SEED`` is set. With ``ASHRAF_RELIABILITY_OUT`` the counts go to
``stateful.json`` there (docs/reliability.md). ``ASHRAF_STATEFUL_ONLY=import_file,annotate,restart`` runs only those steps.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import multiprocessing
import os
import random
import re
import signal
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kills writer processes with SIGKILL")

EXAMPLES = int(os.environ.get("ASHRAF_STATEFUL_EXAMPLES", "20"))
STEPS = int(os.environ.get("ASHRAF_STATEFUL_STEPS", "25"))
SEED = os.environ.get("ASHRAF_STATEFUL_SEED")
#: run only these steps (comma-separated rule names), e.g. to show one bug on an older tree
ONLY = frozenset(filter(None, os.environ.get("ASHRAF_STATEFUL_ONLY", "").split(",")))


def _allowed(name: str):
    return precondition(lambda self: not ONLY or name in ONLY)

#: made-up words: the Porter2 stemmer keeps each as it is (checked below), and no file of ../shared has them
VOCAB = ("quenvix", "zorblat", "tessaroon", "quorvank", "quorlith", "blentor", "blantor", "mirthwal")
PHRASE = ("zorblat", "tessaroon")
FILLER = ("and", "the", "of", "camp")
TAGS = ("ledger", "quenvix", "Field Notes")

#: the probes: (query, filter kinds, filter tags)
PROBES = (
    ("quenvix", None, None),
    ('"zorblat tessaroon"', None, None),
    ("quor*", None, None),
    ("blentor~", None, None),
    ("tag:ledger", None, None),
    ('tag:"field notes"', None, None),
    ("note:mirthwal", None, None),
    ("date:1990..1999", None, None),
    ("quenvix OR quorlith", ("record",), None),
    ("", None, ("ledger",)),
)

SHARED_FILES = {  # real files of each kind; each import gets its own copy with a distinct trailing byte where
    # the format allows (text, HTML), else another file (PDF, photo), so that no import is a duplicate
    "pdf": ["pdfs/py-pdf-sample-files/001-trivial/minimal-document.pdf",
            "pdfs/py-pdf-sample-files/004-pdflatex-4-pages/pdflatex-4-pages.pdf"],
    "image": ["photos/pillow/hopper.jpg", "photos/pillow/flower.webp"],
}


def _words(text: str) -> list[str]:
    """The reference's tokenizer: runs of word characters, case-folded (enough for the made-up words)."""
    return re.findall(r"\w+", text.casefold())


def _edits1(a: str, b: str) -> bool:
    """Whether ``b`` is at most one edit (insert, delete, substitute) from ``a``."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@dataclasses.dataclass
class Doc:
    """What the reference knows of one searchable thing."""

    id: str
    kind: str
    texts: list[str]  # every searchable text (title, description, tags, creators, body…), kept apart
    tags: tuple[str, ...] = ()
    span: tuple[int, int] | None = None  # days, inclusive
    note: str = ""  # annotations: the note


class Reference:
    """Expected ids of each probe, from the archive on disk and the annotation store only."""

    def __init__(self, archive, annotations, extracted: dict[str, str]) -> None:
        self.docs: list[Doc] = []
        items = {item.id: item for item in archive.items}
        for item in items.values():
            md = item.metadata
            texts = [md.title, md.description, item.caption, *md.subject, *md.creator, *md.publisher,
                     *item.tags, md.source, *md.identifier, *(c.quote for c in item.mentioned_in)]
            if item.file is not None and item.sha256 in extracted:
                texts.append(extracted[item.sha256])
            span = (item.date.lower, item.date.upper) if item.date is not None and not (
                item.date.open_start or item.date.open_end) else None
            self.docs.append(Doc(item.id, str(item.kind), [t for t in texts if t], tuple(item.tags), span))
        for event in archive.events:
            texts = [event.title, event.description, *(c.quote for c in event.citations), *event.places,
                     *event.people, *event.tags]
            self.docs.append(Doc(event.id, "event", [t for t in texts if t], tuple(event.tags),
                                 (event.date.lower, event.date.upper)))
        for a in annotations:
            item = items.get(a.item_id)
            span = None
            if item is not None and item.date is not None:
                span = (item.date.lower, item.date.upper)
            self.docs.append(Doc(a.id, "annotation", [a.body, *a.tags], tuple(a.tags), span, note=a.body))

    @staticmethod
    def _has_word(texts, pred) -> bool:
        return any(pred(w) for t in texts for w in _words(t))

    @staticmethod
    def _has_phrase(texts, phrase) -> bool:
        for t in texts:
            ws = _words(t)
            if any(tuple(ws[i:i + len(phrase)]) == phrase for i in range(len(ws))):
                return True
        return False

    def matches(self, doc: Doc, query: str) -> bool:
        if query == "":
            return True
        if " OR " in query:
            return any(self.matches(doc, part) for part in query.split(" OR "))
        if query.startswith('"'):
            return self._has_phrase(doc.texts, tuple(_words(query)))
        if query.endswith("*"):
            prefix = query[:-1].casefold()
            return self._has_word(doc.texts, lambda w: w.startswith(prefix))
        if query.endswith("~"):
            word = query[:-1].casefold()
            return self._has_word(doc.texts, lambda w: w[:1] == word[:1] and _edits1(word, w))
        if query.startswith("tag:"):
            value = query[4:].strip('"').casefold()
            return any(" ".join(t.casefold().split()) == value for t in doc.tags)
        if query.startswith("note:"):
            return doc.kind == "annotation" and self._has_word([doc.note], lambda w: w == query[5:])
        if query.startswith("date:"):
            lo_text, hi_text = query[5:].split("..")
            lo = dt.date(int(lo_text), 1, 1).toordinal()
            hi = dt.date(int(hi_text), 12, 31).toordinal()
            return doc.span is not None and doc.span[0] <= hi and doc.span[1] >= lo
        return self._has_word(doc.texts, lambda w: w == query.casefold())

    def expected(self, query: str, kinds, tags) -> set[str]:
        out = set()
        for doc in self.docs:
            if kinds and doc.kind not in kinds:
                continue
            if tags and not {" ".join(t.casefold().split()) for t in doc.tags} & {t.casefold() for t in tags}:
                continue
            if self.matches(doc, query):
                out.add(doc.id)
        return out


# --- the writer process killed mid-write -------------------------------------------------------------

def _writer_loop(archive_root: str, data: str, index_root: str) -> None:
    """Opens the same index in another process and keeps rebuilding and merging it until killed."""
    from ashraf_desktop.core.archive import load_layered
    from ashraf_desktop.core.search import open_index
    archive = load_layered(Path(archive_root), Path(data)).archive
    index = open_index(archive, Path(index_root))
    while True:
        index.rebuild()
        index.sync_annotations(Path(data))
        index.merge()


def _spawn_and_kill(after: float, *args) -> None:
    ctx = multiprocessing.get_context("fork")
    proc = ctx.Process(target=_writer_loop, args=args)
    proc.start()
    time.sleep(after)
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(30)


# --- the machine -------------------------------------------------------------------------------------

STATS: Counter = Counter()

phrases = st.lists(st.sampled_from(VOCAB + ("zorblat tessaroon",)), min_size=1, max_size=3)
years = st.one_of(st.none(), st.integers(1980, 2012))
tag_lists = st.lists(st.sampled_from(TAGS), max_size=2, unique=True)


def _text(words: list[str]) -> str:
    return " ".join(f"{FILLER[i % len(FILLER)]} {w} {FILLER[(i + 1) % len(FILLER)]}" for i, w in enumerate(words))


class IndexMachine(RuleBasedStateMachine):
    """One archive, one data folder, one index: the app's life, probed after every step."""

    root: Path
    shared: Path

    @initialize()
    def start(self) -> None:
        import tempfile

        from ashraf_desktop.core.annotations import open_store
        self.tmp = Path(tempfile.mkdtemp(prefix="ashraf-stateful-"))
        self.archive_root = self.tmp / "archive"
        (self.archive_root / "items").mkdir(parents=True)
        (self.archive_root / "collection.toml").write_text(
            'format = 1\nid = "stateful"\ntitle = "Stateful"\nlanguage = ["en"]\n', encoding="utf-8")
        (self.archive_root / "timeline.toml").write_text(
            '[[event]]\nid = "founding"\ndate = "1995-03"\ntitle = "The founding of the quenvix camp"\n'
            'description = "and the zorblat tessaroon of camp"\ntags = ["ledger"]\n', encoding="utf-8")
        self.data = self.tmp / "data"
        self.index_root = self.tmp / "cache" / "index"
        self.store = open_store(self.data)
        self.serial = 0
        self.kills = 0
        self.extracted: dict[str, str] = {}
        self.index = None
        self._open()

    def teardown(self) -> None:
        import shutil
        if getattr(self, "index", None) is not None:
            self.index.close()
        if getattr(self, "store", None) is not None:
            self.store.close()
        if getattr(self, "tmp", None) is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers --

    def _archive(self):
        from ashraf_desktop.core.archive import load_layered
        return load_layered(self.archive_root, self.data).archive

    def _layer(self):
        from ashraf_desktop.core.archive import layer_root
        return layer_root(self.data, "stateful")

    def _open(self) -> None:
        from ashraf_desktop.core.search import open_index
        self.index = open_index(self._archive(), self.index_root, annotations=self.data)
        self.index.sync_annotations(self.data)

    def _user_items(self):
        archive = self._archive()
        return archive, [item for item in archive.items if archive.layer_of(item) is not None]

    def _show(self, changed_ids=(), deleted_ids=()) -> None:
        """What the window does after a change in the layer: reload, update the index for those items."""
        archive = self._archive()
        items = [archive.item(i) for i in changed_ids if archive.item(i) is not None]
        self.index.update_items(items, list(deleted_ids))

    def _metadata(self, words, tags, year) -> dict:
        out = {"description": _text(words)}
        if tags:
            out["tags"] = list(tags)
        if year is not None:
            out["date"] = str(year)
        return out

    # -- imports --

    @_allowed("import_file")
    @rule(kind=st.sampled_from(["text", "html", "pdf", "image"]), body=phrases, words=phrases, tags=tag_lists,
          year=years)
    def import_file(self, kind, body, words, tags, year) -> None:
        from ashraf_desktop.core.ingest import import_files
        self.serial += 1
        folder = self.tmp / "incoming" / str(self.serial)
        folder.mkdir(parents=True)
        if kind == "text":
            path = folder / f"note-{self.serial}.txt"
            path.write_text(f"Note {self.serial}\n\n{_text(body)}\n", encoding="utf-8")
        elif kind == "html":
            path = folder / f"page-{self.serial}.html"
            path.write_text(f"<html><head><title>Page {self.serial}</title></head><body><p>{_text(body)}</p>"
                            "</body></html>", encoding="utf-8")
        else:
            source = self.shared / SHARED_FILES[kind][self.serial % len(SHARED_FILES[kind])]
            path = folder / source.name
            path.write_bytes(source.read_bytes())
        report = import_files(self._archive(), self._layer(), [path],
                              metadata=self._metadata(words, tags, year))
        STATS[f"import {kind}"] += 1
        self._show([o.item_id for o in report.added])

    @_allowed("add_record")
    @rule(words=phrases, tags=tag_lists, year=years)
    def add_record(self, words, tags, year) -> None:
        from ashraf_desktop.core.archive import ensure_layer, write_item
        self.serial += 1
        layer = self._layer()
        ensure_layer(layer, self._archive())
        ident = f"record-{self.serial}"
        sidecar = {"id": ident, "kind": "record", "title": f"Record {self.serial}", **self._metadata(words, tags, year)}
        write_item(layer, "records", sidecar)
        STATS["add record"] += 1
        self._show([ident])

    # -- metadata, deletes --

    @_allowed("change_metadata")
    @rule(pick=st.integers(0, 1 << 16), words=phrases, tags=tag_lists, year=years)
    def change_metadata(self, pick, words, tags, year) -> None:
        from ashraf_desktop.core.archive import rewrite_sidecar
        archive, items = self._user_items()
        if not items:
            return
        item = sorted(items, key=lambda i: i.id)[pick % len(items)]
        rewrite_sidecar(archive, item, {"description": _text(words), "tags": list(tags) or None,
                                        "date": str(year) if year is not None else None})
        STATS["change metadata"] += 1
        self._show([item.id])

    @_allowed("delete_item")
    @rule(pick=st.integers(0, 1 << 16))
    def delete_item(self, pick) -> None:
        from ashraf_desktop.core.archive import remove_item
        archive, items = self._user_items()
        if not items:
            return
        item = sorted(items, key=lambda i: i.id)[pick % len(items)]
        remove_item(archive, item)
        STATS["delete item"] += 1
        self._show((), [item.id])

    # -- annotations --

    @_allowed("annotate")
    @rule(pick=st.integers(0, 1 << 16), words=phrases, tags=tag_lists, marked=st.booleans())
    def annotate(self, pick, words, tags, marked) -> None:
        archive = self._archive()
        ids = sorted(i.id for i in archive.items)
        if not ids:
            return
        item_id = ids[pick % len(ids)]
        self.store.create("stateful", item_id, "note", body=_text(words + ["mirthwal"] * marked), tags=tags)
        STATS["annotate"] += 1
        self.index.sync_annotations(self.data)

    @_allowed("edit_annotation")
    @rule(pick=st.integers(0, 1 << 16), words=phrases, tags=tag_lists)
    def edit_annotation(self, pick, words, tags) -> None:
        found = self.store.query(collection_id="stateful")
        if not found:
            return
        a = sorted(found, key=lambda x: x.id)[pick % len(found)]
        self.store.update(a.id, body=_text(words), tags=tags)
        STATS["edit annotation"] += 1
        self.index.sync_annotations(self.data)

    @_allowed("delete_annotation")
    @rule(pick=st.integers(0, 1 << 16))
    def delete_annotation(self, pick) -> None:
        found = self.store.query(collection_id="stateful")
        if not found:
            return
        a = sorted(found, key=lambda x: x.id)[pick % len(found)]
        self.store.delete(a.id)
        STATS["delete annotation"] += 1
        self.index.sync_annotations(self.data)

    # -- the index's life --

    @_allowed("restart")
    @rule()
    def restart(self) -> None:
        self.index.close()
        STATS["restart"] += 1
        self._open()

    @precondition(lambda self: self.kills < 3)  # each costs a process: a few a run
    @_allowed("kill_writer")
    @rule(after=st.floats(0.05, 0.6))
    def kill_writer(self, after) -> None:
        """Another process (the command line beside the window) rebuilding the same index, killed."""
        _spawn_and_kill(after, str(self.archive_root), str(self.data), str(self.index_root))
        self.kills += 1
        STATS["kill writer"] += 1

    @_allowed("damage_a_file")
    @rule(pick=st.integers(0, 1 << 16), where=st.floats(0, 1, exclude_max=True), flip=st.integers(1, 255))
    def damage_a_file(self, pick, where, flip) -> None:
        """One byte of one index file changed while the app was closed, then the app starts."""
        folder = self.index.folder
        self.index.close()
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.stat().st_size
                       and not p.name.startswith(".")) if folder is not None and folder.is_dir() else []
        if files:
            victim = files[pick % len(files)]
            raw = bytearray(victim.read_bytes())
            raw[int(where * len(raw))] ^= flip
            victim.write_bytes(bytes(raw))
            STATS["damage a file"] += 1
        self._open()

    @_allowed("rebuild")
    @rule()
    def rebuild(self) -> None:
        self.index.rebuild()
        STATS["rebuild"] += 1

    # -- after every step --

    @invariant()
    def probes_answer_as_the_reference(self) -> None:
        from ashraf_desktop.core.extract import extract
        from ashraf_desktop.core.search import Filters
        if self.index is None:
            return
        archive = self._archive()
        for item in archive.items:
            if item.file is not None and item.sha256 not in self.extracted and str(item.kind) == "document":
                self.extracted[item.sha256] = extract(item.file, item.media_type or None).text
        reference = Reference(archive, self.store.query(collection_id="stateful"), self.extracted)
        for query, kinds, tags in PROBES:
            filters = Filters(kinds=frozenset(kinds or ()), tags=frozenset(tags or ()))
            result = self.index.search(query, filters=filters, page_size=500, with_facets=False)
            got = {h.id for h in result.hits}
            want = reference.expected(query, kinds, tags)
            assert got == want, (query, kinds, tags, {"missing": sorted(want - got), "extra": sorted(got - want)})
            STATS["probes"] += 1
        STATS["steps checked"] += 1


def test_the_index_answers_as_the_reference_model_after_every_step(shared_testdata: Path) -> None:
    from ashraf_desktop.core.search._analysis import term_of
    assert all(term_of(w) == w for w in VOCAB), "a probe word is stemmed: pick another"
    IndexMachine.shared = shared_testdata
    runs = settings(max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None, database=None,
                    derandomize=SEED is None, suppress_health_check=list(HealthCheck),
                    phases=[p for p in Phase if p is not Phase.shrink or not os.environ.get("ASHRAF_STATEFUL_NO_SHRINK")])
    if SEED is not None:  # a run of its own: hypothesis's generator and the writer kills both follow the seed
        import hypothesis.core
        random.seed(int(SEED))
        hypothesis.core.threadlocal._hypothesis_global_random = random.Random(int(SEED))
    STATS.clear()
    t0 = time.perf_counter()
    try:
        run = IndexMachine.TestCase
        run.settings = runs
        run().runTest()
    finally:
        out = os.environ.get("ASHRAF_RELIABILITY_OUT")
        if out:
            Path(out).mkdir(parents=True, exist_ok=True)
            (Path(out) / "stateful.json").write_text(json.dumps(
                {"examples": EXAMPLES, "max_steps": STEPS, "seconds": round(time.perf_counter() - t0, 1),
                 "counts": dict(STATS)}, indent=1))
