"""Issue 19 item 3: CSL-JSON, RIS and BibTeX exports; Chicago and APA from CSL styles, right-to-left safe.

"Done when": the RIS and CSL-JSON exports of the bundled archive import into a CSL processor (citeproc-py)
without errors - the RIS read back by a RIS reader (rispy) and mapped field by field as Zotero does.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings

import pytest

from ashraf_desktop.core.archive import Item, ItemKind, Metadata, load_archive, parse_date
from ashraf_desktop.core.citations import bibtex, csl_item, csl_items, csl_json, format_citations, ris

citeproc = pytest.importorskip("citeproc")
rispy = pytest.importorskip("rispy")

DAY = dt.date(2026, 12, 6)


@pytest.fixture(scope="module")
def bundled(bundled_archive_path):
    return load_archive(bundled_archive_path, check_files=False).archive


def _render(records: list[dict]) -> dict[str, list[str]]:
    """Both styles through citeproc-py with every warning an error (a field it could not read is a failure)."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from ashraf_desktop.core.citations.styles import style_path

    out = {}
    for style in ("chicago", "apa"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the style file's own CSL 1.0.2 notices
            css = CitationStylesStyle(str(style_path(style)), validate=False)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            source = CiteProcJSON(records)
            bibliography = CitationStylesBibliography(css, source, formatter.plain)
            for r in records:
                bibliography.register(Citation([CitationItem(r["id"])]))
            out[style] = [str(entry) for entry in bibliography.bibliography()]
    return out


def test_csl_json_of_the_bundled_archive_imports_into_a_csl_processor(bundled):
    records = json.loads(csl_json(bundled.items, bundled, DAY))
    assert len(records) == len(bundled.items)
    rendered = _render(records)
    for style, entries in rendered.items():
        assert len(entries) == len(records) and all(entries), style
    joined = "\n".join(rendered["apa"])
    assert "No Exit: Human Rights Abuses Inside the MKO Camps" in joined and "Human Rights Watch" in joined


_RIS_TO_CSL = {"TI": "title", "PB": "publisher", "LA": "language", "AB": "abstract", "DB": "archive",
               "AN": "archive_location", "UR": "URL", "N1": "note"}


def _ris_date(value: str) -> dict:
    parts = [int(p) for p in value.strip("/").split("/") if p]
    return {"date-parts": [parts]}


def test_ris_of_the_bundled_archive_reads_back_and_imports_into_a_csl_processor(bundled):
    text = ris(csl_items(bundled.items, bundled, DAY))
    assert text.count("ER  - ") == len(bundled.items) and "\r\n" in text
    entries = rispy.loads(text, skip_unknown_tags=False)
    assert len(entries) == len(bundled.items)
    mapping = {v: k for k, v in rispy.TAG_KEY_MAPPING.items()}
    records = []
    for entry in entries:
        flat = {mapping.get(k, k): v for k, v in entry.items()}
        record = {"id": flat["ID"], "type": "document"}
        for tag, key in _RIS_TO_CSL.items():
            if tag in flat:
                value = flat[tag]
                record[key] = "; ".join(value) if isinstance(value, list) else value
        if "AU" in flat:
            record["author"] = [{"literal": name} for name in flat["AU"]]
        if "DA" in flat:
            record["issued"] = _ris_date(flat["DA"])
        if "Y2" in flat:
            record["accessed"] = {"date-parts": [[int(p) for p in flat["Y2"].split("-")]]}
        records.append(record)
    by_id = {r["id"]: r for r in records}
    hrw = by_id["hrw-no-exit-2005"]
    assert hrw["issued"] == {"date-parts": [[2005, 5, 18]]} and hrw["publisher"] == "Human Rights Watch"
    assert hrw["archive"] == bundled.collection.title and hrw["URL"] == "urn:ashraf-archive:ashraf:item:hrw-no-exit-2005"
    assert "not held" in hrw["archive_location"] and hrw["accessed"] == {"date-parts": [[2026, 12, 6]]}
    assert "Held in" in by_id["about-camp-ashraf"]["note"]
    rendered = _render(records)
    assert all(rendered["chicago"]) and all(rendered["apa"])


def _item(date: str | None, **md) -> Item:
    return Item(id="x", kind=ItemKind.DOCUMENT, metadata=Metadata(title=md.pop("title", "A title"), date=date, **md),
                sidecar=__import__("pathlib").Path("x.toml"), file=__import__("pathlib").Path("x.txt"),
                date=parse_date(date) if date else None)


@pytest.mark.parametrize("edtf, issued", [
    ("2013-09-01", {"date-parts": [[2013, 9, 1]]}),
    ("2003-04~", {"date-parts": [[2003, 4]], "circa": True}),
    ("-0999", {"date-parts": [[-1000]]}),  # CSL has no year 0: -1 is 1 BC
    ("0000", {"date-parts": [[-1]]}),
    ("2012-02/2012-08", {"date-parts": [[2012, 2], [2012, 8]]}),
    ("198X", {"date-parts": [[1980], [1989]]}),
    ("1979/..", {"literal": "1979/.."}),
    ("2001-21", {"literal": "2001-21"}),
])
def test_dates_become_csl_dates(bundled, edtf, issued):
    assert csl_item(_item(edtf), bundled, DAY)["issued"] == issued


def test_bibtex_escapes_and_braces_organisations(bundled):
    text = bibtex(csl_items([_item("2005-05-18", creator=("Human Rights Watch",), title="50% & more_")],
                            bundled, DAY))
    assert "@misc{x," in text and "author = {{Human Rights Watch}}" in text
    assert r"title = {50\% \& more\_}" in text and "year = {2005}" in text and "urldate = {2026-12-06}" in text


def test_persian_fields_are_isolated_in_formatted_citations(bundled):
    item = _item("2011", title="یادداشت درباره اشرف", creator=("سازمان مجاهدین",), publisher=("Some Press",))
    [chicago] = format_citations([csl_item(item, bundled, DAY)], "chicago")
    assert "\u2068یادداشت درباره اشرف\u2069" in chicago and "\u2068سازمان مجاهدین\u2069" in chicago
    assert "Some Press" in chicago and "\u2068Some Press" not in chicago


def test_cite_command_formats_and_refuses_unknown_items(capsys, bundled_archive_path):
    from ashraf_desktop.cli import main
    assert main(["cite", str(bundled_archive_path), "--format", "ris", "--items", "hrw-no-exit-2005"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("TY  - GEN") and "PB  - Human Rights Watch" in out
    assert main(["cite", str(bundled_archive_path), "--format", "bibtex"]) == 0
    assert capsys.readouterr().out.count("@misc{") >= 6
    assert main(["cite", str(bundled_archive_path), "--items", "no-such-item"]) == 2
    assert "no-such-item" in capsys.readouterr().err
