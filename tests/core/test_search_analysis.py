"""Search analysis and query language, without an index: folding, offsets, parsing, fallbacks, clamps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ashraf_desktop.core.search import _analysis as an
from ashraf_desktop.core.search._highlight import find_hits, make_snippet
from ashraf_desktop.core.search._query import (MAX_QUERY_CHARS, MAX_TERMS, DateLeaf, Leaf, Node, highlight_spec,
                                               leaves, parse, parse_date_range, to_whoosh)
from ashraf_desktop.core.archive import parse_date
def terms(text: str) -> list[str]:
    return [t for t, _, _ in an.iter_terms(text)]


# --- folding -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("می\u200cروند", "میروند"),  # ZWNJ
    ("كتاب", "کتاب"),  # Arabic kaf
    ("يک", "یک"),  # Arabic yeh
    ("على", "علی"),  # alef maksura
    ("کليـه", "کلیه"),  # tatweel + Arabic yeh
    ("اعتُمد", "اعتمد"),  # damma
    ("مدرسة", "مدرسه"),  # teh marbuta
    ("خانۀ", "خانه"),  # heh with yeh above
    ("أحمد", "احمد"), ("إيران", "ایران"), ("آزادی", "ازادی"),  # alef forms
    ("۱۳۸۹", "1389"), ("١٩٨٦", "1986"),  # Persian and Arabic-Indic digits
    ("Café", "cafe"), ("NAÏVE", "naive"), ("Straße", "strasse"),
    ("e\u0301te\u0301", "ete"),  # decomposed accents stay in one word
    ("שָׁלוֹם", "שלום"),  # Hebrew points
])
def test_equivalent_spellings_fold_to_the_same_term(a: str, b: str) -> None:
    assert terms(a) == terms(b)
    assert len(terms(a)) == 1


def test_distinct_words_stay_distinct() -> None:
    assert terms("ئ") != terms("ی")  # the hamza on yeh is kept
    assert terms("camp") != terms("cap")
    assert terms("کتاب")[0] != terms("کتب")[0]


def test_english_is_stemmed_but_other_scripts_are_not() -> None:
    assert terms("camps") == terms("camp") == ["camp"]
    assert terms("relocation relocated") == ["reloc", "reloc"]
    assert terms("کتابها") == ["کتابها"]


def test_offsets_point_into_the_original_text() -> None:
    text = "The ‌residents  of كيلومتر\u200c‌ها moved to Camp Liberty in ۲۰۱۲ (café)."
    for term, start, end in an.iter_terms(text):
        original = text[start:end]
        assert an.term_of(original) == term
    found = {term: text[s:e] for term, s, e in an.iter_terms(text)}
    assert found["2012"] == "۲۰۱۲"
    assert found["cafe"] == "café"
    assert found["کیلومترها"] == "كيلومتر\u200c‌ها"


def test_dots_and_apostrophes_split_words() -> None:
    assert terms("vector.hh") == ["vector", "hh"]
    assert terms("People's") == ["peopl", "s"]


def test_mark_table_matches_this_pythons_unicode() -> None:
    assert an._MARKS == an._mark_ranges()


def test_whoosh_analyzer_positions_and_no_morph() -> None:
    a = an.ArchiveAnalyzer()
    toks = [(t.text, t.pos, t.startchar, t.endchar) for t in a("Camps in Liberty", positions=True, chars=True)]
    assert toks == [("camp", 0, 0, 5), ("in", 1, 6, 8), ("liberti", 2, 9, 16)]
    assert [t.text for t in a("Camps in Liberty", no_morph=True)] == ["camps", "in", "liberty"]


# --- real Persian and Arabic text -----------------------------------------------------------------------

def _read(shared: Path, rel: str) -> str:
    return (shared / "rtl_text" / rel).read_text(encoding="utf-8-sig")


def test_real_persian_texts_in_two_orthographies_share_terms(shared_testdata: Path) -> None:
    """Farsi_Persian-UTF8 writes Arabic yeh and no ZWNJ (ميتواند); pes_1 writes Farsi yeh with ZWNJ (می‌تواند)."""
    old = _read(shared_testdata, "udhr-nltk/Farsi_Persian-UTF8")
    new = _read(shared_testdata, "udhr2-unicode-nltk/pes_1.txt")
    assert "\u064a" in old and "ميتواند" in old and "\u0640" in old  # Arabic yeh, the word, tatweel
    assert "می\u200cتواند" in new
    old_terms, new_terms = set(terms(old)), set(terms(new))
    assert "میتواند" in old_terms and "میتواند" in new_terms
    assert not any("\u064a" in t or "\u0640" in t or "\u200c" in t for t in old_terms | new_terms)
    assert {"حقوق", "بشر", "اعلامیه"} <= old_terms & new_terms
    # every hit maps back onto characters of the original text
    spec = highlight_spec(parse("می‌تواند").tree)
    for text in (old, new):
        spans = find_hits(text, spec)
        assert spans
        for s, e in spans:
            assert an.term_of(text[s:e]) == "میتواند"


def test_real_arabic_text_with_harakat_matches_bare_spelling(shared_testdata: Path) -> None:
    text = _read(shared_testdata, "udhr2-unicode-nltk/arb.txt")
    assert "اعتُمد" in text
    spec = highlight_spec(parse("اعتمد").tree)
    spans = find_hits(text, spec)
    assert any(text[s:e] == "اعتُمد" for s, e in spans)
    assert "الانسان" in set(terms(text))  # الإنسان: hamza-under alef folded


def test_mixed_language_text(shared_testdata: Path) -> None:
    text = _read(shared_testdata, "lshort-persian-tex/preface.tex")
    found = set(terms(text))
    assert "latex" in found and "حروفچینی" in found


# --- query language ------------------------------------------------------------------------------------

def test_words_are_anded_and_operators_parse() -> None:
    p = parse('camp liberty')
    assert isinstance(p.tree, Node) and p.tree.op == "and"
    p = parse('(camp OR ashraf) AND NOT iran -iraq')
    assert not p.notices
    tree = p.tree
    assert isinstance(tree, Node) and tree.op == "and"
    ops = [c.op if isinstance(c, Node) else "leaf" for c in tree.children]
    assert ops == ["or", "not", "not"]
    assert [leaf.text for leaf, neg in leaves(tree) if neg] == ["iran", "iraq"]


def test_lowercase_operators_are_words() -> None:
    p = parse("war and peace")
    assert [leaf.text for leaf, _ in leaves(p.tree)] == ["war", "and", "peace"]


def test_fields_phrases_prefix_fuzzy() -> None:
    p = parse('title:"camp liberty" kind:event tag:hand-over creator:HRW lang:fa relocat* liberti~ rajvi~2')
    got = [(lf.field, lf.text, lf.phrase, lf.op, lf.dist) for lf, _ in leaves(p.tree)]
    assert got == [("title", "camp liberty", True, "", 1), ("kind", "event", False, "", 1),
                   ("tag", "hand-over", False, "", 1), ("creator", "HRW", False, "", 1),
                   ("lang", "fa", False, "", 1), (None, "relocat", False, "prefix", 1),
                   (None, "liberti", False, "fuzzy", 1), (None, "rajvi", False, "fuzzy", 2)]
    assert not p.notices


@pytest.mark.parametrize("text, lo, hi", [
    ("1986..2003", "1986-01-01", "2003-12-31"),
    ("2009-07", "2009-07-01", "2009-07-31"),
    ("2009", "2009-01-01", "2009-12-31"),
    ("..2003", None, "2003-12-31"),
    ("2012-02/2012-08", "2012-02-01", "2012-08-31"),
])
def test_date_ranges(text: str, lo: str | None, hi: str) -> None:
    a, b = parse_date_range(text)
    if lo:
        assert a == parse_date(lo).lower
    assert b == parse_date(hi).upper
    p = parse(f"date:{text}")
    assert isinstance(p.tree, DateLeaf) and (p.tree.lo, p.tree.hi) == (a, b)


def test_bad_date_is_left_out_with_a_notice() -> None:
    p = parse("camp date:someday")
    assert isinstance(p.tree, Leaf) and p.tree.text == "camp"
    assert p.notices and "someday" in p.notices[0]


@pytest.mark.parametrize("query, near", [
    ("(camp liberty", "("), ("camp AND", "AND"), ('"camp liberty', '"'), ("OR camp", "OR"),
    ("camp )", ")"), ("()", ")"), ("title:", "title:"), ("NOT", "NOT"),
])
def test_syntax_errors_fall_back_to_words(query: str, near: str) -> None:
    p = parse(query)
    assert p.fallback
    assert len(p.notices) == 1 and "searched the words instead" in p.notices[0]
    assert f"near '{near}'" in p.notices[0]
    words = [lf.text for lf, _ in leaves(p.tree)]
    assert all(w not in ("AND", "OR", "NOT") for w in words)
    to_whoosh(p.tree)  # and it still makes a query


def test_absurd_queries_are_clamped() -> None:
    p = parse("a" * 10_000)
    assert p.notices and "shortened" in p.notices[0]
    p = parse(" ".join(f"w{i}" for i in range(500)))
    assert any(f"first {MAX_TERMS} terms" in n for n in p.notices)
    assert len(list(leaves(p.tree))) == MAX_TERMS
    p = parse("(" * 499 + "camp" + ")" * 499)  # deep nesting: no RecursionError, words instead
    assert p.fallback and "nested too deeply" in p.notices[-1]
    assert [lf.text for lf, _ in leaves(p.tree)] == ["camp"]
    assert not parse("((camp))").notices
    assert len(parse("x " * 2000).notices) >= 1
    assert MAX_QUERY_CHARS <= 1000


def test_empty_query_is_browse() -> None:
    assert parse("").tree is None and parse("   ").tree is None
    assert parse("*").tree is None


# --- snippets ------------------------------------------------------------------------------------------

def test_snippet_highlights_match_the_words_and_phrases() -> None:
    text = ("Intro.\n\n" + "filler words here. " * 30 + "The residents were moved to Camp   Liberty near "
            "Baghdad; relocation of the camps started in 2012. " + "more filler. " * 30)
    spec = highlight_spec(parse('"camp liberty" relocation').tree)
    spans = find_hits(text, spec)
    assert [text[s:e] for s, e in spans] == ["Camp   Liberty", "relocation"]
    snippet, marks = make_snippet(text, spans)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[a:b] for a, b in marks] == ["Camp Liberty", "relocation"]
    assert "\n" not in snippet and "  " not in snippet
    assert len(snippet) <= 240


def test_snippet_without_hits_is_the_start() -> None:
    snippet, marks = make_snippet("Short text.", [])
    assert snippet == "Short text." and marks == ()


def test_negated_words_are_not_highlighted() -> None:
    spec = highlight_spec(parse("camp NOT liberty").tree)
    assert spec.terms == {"camp"}


def test_query_regex_sanity() -> None:
    assert re.fullmatch(an.WORD_RE, "می\u200cروند")
