"""The archive shipped with the app: loads cleanly, texts exactly as published, neutral, cited."""

from __future__ import annotations

import hashlib

import pytest

from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.core.archive import ItemKind
@pytest.fixture(scope="module")
def bundled(bundled_archive_path):
    return load_archive(bundled_archive_path)


def test_loads_without_any_problem(bundled):
    assert bundled.problems == (), "\n".join(map(str, bundled.problems))


def test_holds_the_two_texts_and_the_referenced_reports(bundled):
    archive = bundled.archive
    counts = archive.counts()
    assert counts["documents"] == 2 and counts["images"] == 0 and counts["events"] >= 25
    titles = {item.title for item in archive.of_kind(ItemKind.RECORD)}
    assert "No Exit: Human Rights Abuses Inside the MKO Camps" in titles
    assert any(t.startswith("The Mujahedin-e Khalq: A Policy Conundrum") for t in titles)
    hrw = next(i for i in archive.of_kind(ItemKind.RECORD) if i.title.startswith("No Exit"))
    assert hrw.date.edtf == "2005-05-18" and hrw.metadata.publisher == ("Human Rights Watch",)


def test_texts_are_byte_identical_to_the_seeds(bundled, shared_seeds):
    docs = bundled.archive.of_kind(ItemKind.DOCUMENT)
    seeds = {hashlib.sha256(p.read_bytes()).hexdigest() for p in shared_seeds.glob("*.txt")}
    assert {hashlib.sha256(d.file.read_bytes()).hexdigest() for d in docs} == seeds
    assert all(d.sha256 == hashlib.sha256(d.file.read_bytes()).hexdigest() for d in docs)


def test_every_citation_quote_occurs_verbatim(bundled):
    archive = bundled.archive
    citations = [c for e in archive.events for c in e.citations]
    citations += [cl.citation for e in archive.events for cl in e.date_claims]
    citations += [cl.citation for f in archive.facts for cl in f.claims]
    citations += [c for i in archive.items for c in i.mentioned_in]
    assert len(citations) >= 30
    for c in citations:
        text = archive.item(c.item).file.read_text(encoding="utf-8")
        assert c.quote in text, (c.item, c.quote)


def test_timeline_spans_1965_to_2013_and_every_event_is_cited(bundled):
    events = bundled.archive.events
    assert min(e.date.lower_date.year for e in events if not e.date.open_start) == 1965
    assert max(e.date.upper_date.year for e in events if not e.date.open_end) == 2013
    assert all(e.citations or e.date_claims for e in events)


def test_the_handover_dispute_is_recorded_with_both_sources(bundled):
    disputed = [e for e in bundled.archive.events if e.disputed]
    handover = [e for e in disputed if {c.value for c in e.date_claims} >= {"2009-01", "2009-02-20"}]
    assert len(handover) == 1
    assert {c.citation.item for c in handover[0].date_claims} == {"about-camp-ashraf",
                                                                   "brief-history-of-ashraf-city"}


@pytest.mark.parametrize("fragments", [("3,400", "3,500"), ("60 miles", "80km"), ("44 miles", "70km"),
                                       ("14 square", "40 square")])
def test_disagreements_between_the_texts_are_facts_with_both_values(bundled, fragments):
    facts = [f for f in bundled.archive.facts if f.disputed]
    quotes = [" ".join(c.citation.quote for c in f.claims) for f in facts]
    assert any(all(fr in q for fr in fragments) for q in quotes), fragments


LOADED = ("massacre", "slaughter", "illegal", "dirty division", "tyranny", "misguided", "brutal", "regime")


def _outside_quotes(text: str) -> str:
    import re
    text = re.sub(r"[\"“][^\"”]*[\"”]", " ", text)
    # a single quote opens only after a non-letter (so "People's" is an apostrophe, not a quotation)
    return re.sub(r"(?<!\w)['‘].*?['’](?!\w)", " ", text)


def test_the_archive_s_own_words_stay_neutral(bundled):
    """Loaded words of a source may appear only inside quotation marks in titles and descriptions."""
    archive = bundled.archive
    own_words = [e.title for e in archive.events] + [e.description for e in archive.events]
    own_words += [i.metadata.description for i in archive.items] + [f.label for f in archive.facts]
    for text in own_words:
        bare = _outside_quotes(text).lower()
        assert not [w for w in LOADED if w in bare], text


def test_no_image_pretends_to_show_ashraf(bundled):
    assert bundled.archive.of_kind(ItemKind.IMAGE) == ()
