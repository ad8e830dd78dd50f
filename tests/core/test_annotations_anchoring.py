"""Re-anchoring: a passage follows its text through edits before, inside and after it; a deleted one orphans."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from ashraf_desktop.core.annotations import anchor, locate, text_selector
from ashraf_desktop.core.extract import ExtractedText, PageSpan

TEXT = ("Camp Ashraf lies in Diyala province, north of Baghdad. In 1986 the camp was built on barren land "
        "near the Iranian border. Over the years it grew into a small town with roads and gardens. "
        "In 2009 control passed to the Iraqi government.")
QUOTE = "In 1986 the camp was built on barren land"


def _sel(text: str = TEXT, quote: str = QUOTE):
    start = text.index(quote)
    return text_selector(text, start, start + len(quote))


def test_selector_holds_quote_context_and_position():
    sel = _sel()
    assert sel.exact == QUOTE and TEXT.endswith(sel.suffix + TEXT[sel.end + len(sel.suffix):])
    assert TEXT[sel.start - len(sel.prefix):sel.start] == sel.prefix and len(sel.prefix) == 32


def test_unchanged_text_anchors_by_position():
    match = locate(_sel(), TEXT)
    assert match.method == "position" and TEXT[match.start:match.end] == QUOTE


def test_insertion_before_the_quote_moves_it():
    new = "Preface added by the archivist. " + TEXT
    start, end = anchor(_sel(), new)
    assert new[start:end] == QUOTE and start == TEXT.index(QUOTE) + 32


def test_insertion_right_before_the_quote_inside_the_prefix():
    new = TEXT.replace(QUOTE, "(see note 3) " + QUOTE)
    start, end = anchor(_sel(), new)
    assert new[start:end] == QUOTE


def test_insertion_after_the_quote_keeps_it():
    new = TEXT.replace("near the Iranian border.", "near the Iranian border, some 80 km away.")
    match = locate(_sel(), new)
    assert new[match.start:match.end] == QUOTE and match.method == "position"


def test_insertion_right_after_the_quote_inside_the_suffix():
    new = TEXT.replace(QUOTE, QUOTE + " [sic]")
    start, end = anchor(_sel(), new)
    assert new[start:end] == QUOTE


def test_insertion_inside_the_quote_anchors_to_the_edited_passage():
    edited = "In 1986 the camp was quickly built on barren land"
    new = TEXT.replace(QUOTE, edited)
    match = locate(_sel(), new)
    assert match is not None and new[match.start:match.end] == edited and not match.exact


def test_small_fix_of_the_quote_with_context_also_changed_is_fuzzy():
    sel = _sel()
    new = ("Something entirely different comes first now. " + "In 1986 the kamp was built on barren land"
           + " and then nothing else that was there before.")
    match = locate(sel, new)
    assert match is not None and match.method == "fuzzy" and match.distance == 1
    assert new[match.start:match.end] == "In 1986 the kamp was built on barren land"


def test_deleted_quote_is_none():
    new = TEXT.replace(QUOTE + " near the Iranian border. ", "")
    assert anchor(_sel(), new) is None


def test_heavily_rewritten_quote_is_none():
    new = TEXT.replace(QUOTE, "Construction began in the late eighties on empty ground")
    assert anchor(_sel(), new) is None


def test_repeated_quote_is_chosen_by_context():
    text = "alpha beta THE CAMP gamma delta. epsilon zeta THE CAMP eta theta."
    second = text.rindex("THE CAMP")
    sel = text_selector(text, second, second + 8)
    new = "THE CAMP intro. " + text  # three occurrences now; the context picks the right one
    start, _ = anchor(sel, new)
    assert start == second + len("THE CAMP intro. ")


def test_long_quote_with_an_edit_is_found():
    text = ("x" * 50) + " " + " ".join(f"word{i}" for i in range(120)) + " tail text here"
    start = text.index("word3 ")
    end = text.index("word100") + 7
    sel = text_selector(text, start, end)
    new = text.replace("word50", "WORD-fifty")
    assert locate(sel, new) is not None


def test_pdf_selector_gets_the_page():
    pages_text = "page one text\n\f\npage two has the quote here"
    extracted = ExtractedText(text=pages_text, media_type="application/pdf",
                              pages=(PageSpan(1, 0, 13), PageSpan(2, 16, len(pages_text))))
    start = pages_text.index("the quote")
    assert text_selector(extracted, start, start + 9).page == 2


@settings(max_examples=60, deadline=None)
@given(before=st.text(max_size=40), after=st.text(max_size=40), cut=st.integers(0, len(TEXT)))
def test_any_insertion_outside_the_quote_keeps_the_quote(before, after, cut):
    sel = _sel()
    if sel.start < cut < sel.end:
        cut = sel.end
    at = min(cut, sel.start) if cut <= sel.start else cut
    new = TEXT[:at] + before + after + TEXT[at:]
    span = anchor(sel, new)
    assert span is not None and new[span[0]:span[1]] == QUOTE
