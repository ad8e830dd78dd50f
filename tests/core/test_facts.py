"""Facts summarised for the facts view and ``ashraf-desktop facts``: values grouped by agreeing sources."""

from __future__ import annotations

import json

from ashraf_desktop.cli import main
from ashraf_desktop.core.archive import load_archive
from ashraf_desktop.core.facts import summarize_facts, value_key

from archive_builder import write_archive

FACTS = '''
[[fact]]
id = "province"
subject = "Camp Ashraf"
label = "Province"

[[fact.claims]]
value = "Diyala"
item = "doc"
quote = "Camp Ashraf lies in Diyala"

[[fact.claims]]
value = "diyala "
item = "report"
quote = "Diyala"

[[fact]]
id = "built"
label = "Year built"

[[fact.claims]]
value = "1986"
item = "doc"
quote = "In 1986 the camp was built"

[[fact.claims]]
value = "1987"
item = "gone"
quote = "in 1987"

[[fact.claims]]
value = "1986"
item = "report"
quote = "1986"
'''


def _archive(tmp_path):
    root = write_archive(tmp_path / "a")
    (root / "facts.toml").write_text(FACTS, encoding="utf-8")
    return root, load_archive(root, check_files=False).archive


def test_values_group_their_sources_and_disputes_are_flagged(tmp_path):
    _, archive = _archive(tmp_path)
    province, built = summarize_facts(archive)
    assert not province.disputed and province.agree
    [diyala] = province.values
    assert diyala.value == "Diyala"  # as first written
    assert [s.item_id for s in diyala.sources] == ["doc", "report"]
    assert built.disputed
    assert [(v.value, [s.item_id for s in v.sources]) for v in built.values] == \
        [("1986", ["doc", "report"]), ("1987", ["gone"])]
    doc, report = built.values[0].sources
    assert (doc.item_title, doc.quote, doc.held, doc.present) == \
        ("A document", "In 1986 the camp was built", True, True)
    assert (report.held, report.present) == (False, True)  # a record: named, not held
    gone = built.values[1].sources[0]
    assert (gone.item_title, gone.present) == ("gone", False)


def test_values_agree_only_when_the_words_are_the_same():
    assert value_key("Diyala ") == value_key("DIYALA") == value_key("di\u200byala".replace("\u200b", ""))
    assert value_key("60 miles") != value_key("approximately 80 km")  # never interpreted: both shown


def test_bundled_archive_facts_show_each_disagreement(bundled_archive_path):
    archive = load_archive(bundled_archive_path, check_files=False).archive
    summaries = {s.id: s for s in summarize_facts(archive)}
    assert summaries["population"].disputed
    assert [v.value for v in summaries["population"].values] == ["some 3,400", "approximately 3,500"]
    assert not summaries["province"].disputed
    assert len(summaries["province"].values[0].sources) == 2


def test_facts_command_text_and_json(tmp_path, capsys):
    root, _ = _archive(tmp_path)
    assert main(["facts", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Province — Camp Ashraf: sources agree" in out
    assert "Year built: sources disagree" in out
    assert "    A document [doc]: “In 1986 the camp was built”" in out
    assert "    gone (not in this archive): “in 1987”" in out
    assert main(["facts", str(root), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [f["id"] for f in data] == ["province", "built"]
    assert data[1]["disputed"] is True and data[0]["disputed"] is False
    assert data[1]["values"][0]["sources"][0] == {"item": "doc", "title": "A document",
                                                  "quote": "In 1986 the camp was built", "held": True}


def test_facts_command_without_an_archive_says_so(tmp_path, capsys):
    assert main(["facts", str(tmp_path)]) == 2
    assert "no archive here" in capsys.readouterr().err


def test_events_text_shows_each_sources_date_where_they_disagree(capsys, bundled_archive_path):
    assert main(["events", str(bundled_archive_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("2009-01/2009-02-20"))
    assert lines[at].endswith("[sources disagree on the date]")
    assert "2009-01 (January 2009) according to About Camp Ashraf [about-camp-ashraf]: “continued until January 2009”" \
        in lines[at + 1]
    assert lines[at + 2].strip().startswith("2009-02-20 (20 February 2009) according to Brief history of Ashraf City")


def test_events_json_gives_iso_bounds_and_null_for_open_ends(tmp_path, capsys):
    timeline = ('[[event]]\nid = "since"\ndate = "1979/.."\ntitle = "Since 1979"\n'
                '[[event.citations]]\nitem = "doc"\nquote = "In 1986 the camp was built"\n'
                '[[event]]\nid = "bce"\ndate = "-0999"\ntitle = "Long ago"\n'
                '[[event.citations]]\nitem = "doc"\nquote = "In 1986 the camp was built"\n')
    root = write_archive(tmp_path / "a", timeline=timeline)
    assert main(["events", str(root), "--json"]) == 0
    by_id = {e["id"]: e for e in json.loads(capsys.readouterr().out)}
    assert (by_id["since"]["lower"], by_id["since"]["upper"]) == ("1979-01-01", None)
    assert (by_id["bce"]["lower"], by_id["bce"]["upper"]) == ("-0999-01-01", "-0999-12-31")
