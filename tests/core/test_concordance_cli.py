"""``ashraf-desktop concordance`` and ``similar`` on the bundled archive (what a script or a screen-less user gets)."""

from __future__ import annotations

import csv
import json

import pytest

from ashraf_desktop.cli import main


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("data")  # one index for the module


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_concordance_json_lines_and_counts(capsys, data_dir):
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "concordance", '"Camp Liberty"', "--json")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == len(data["lines"]) >= 5
    assert all(ln["match"].casefold() == "camp liberty" for ln in data["lines"])
    assert sum(n for _, n in data["per_document"]) == data["total"] == sum(n for _, n in data["per_year"])
    line = data["lines"][0]
    assert set(line) >= {"id", "title", "date", "start", "end", "before", "match", "after", "rtl"}


def test_concordance_text_csv_sort_and_filters(capsys, data_dir, tmp_path):
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "concordance", "Liberty", "--sort", "before",
                       "--width", "30", "--counts")
    assert code == 0
    body, _, counts = out.partition("\nper document:")
    rows = [r for r in body.splitlines() if "[" in r]
    assert rows and all(r.index("[") == 30 for r in rows)  # the hits stand in one column
    assert "per year:" in counts
    path = tmp_path / "c.csv"
    code, _, err = run(capsys, "--data-dir", str(data_dir), "concordance", "Liberty", "--kind", "event",
                       "--csv", str(path))
    assert code == 0 and "lines written" in err
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows and {r["match"] for r in rows} == {"Liberty"}
    code, _, err = run(capsys, "--data-dir", str(data_dir), "concordance", "Liberty", "--from", "2099")
    assert code == 0
    code, _, err = run(capsys, "--data-dir", str(data_dir), "concordance", "Liberty", "--from", "May 2005")
    assert code == 2 and "EDTF" in err


def test_similar_lists_related_items_and_refuses_an_unknown_one(capsys, data_dir):
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "similar", "brief-history-of-ashraf-city", "--json")
    assert code == 0
    hits = json.loads(out)
    assert 1 <= len(hits) <= 10 and all(h["id"] != "brief-history-of-ashraf-city" for h in hits)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "similar", "no-such-item")
    assert code == 1 and "no-such-item" in err
