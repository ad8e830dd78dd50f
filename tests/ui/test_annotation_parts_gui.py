"""Issue 19: the annotations panel shows what it can of another tool's annotation (motivation, links, choices,
a reply) and marks one that has parts it does not display."""

from __future__ import annotations

import pytest

from ashraf_desktop.core.annotations import import_jsonld, open_store
from ashraf_desktop.ui.annotations.model import AnnotationDelegate, AnnotationsModel

pytestmark = pytest.mark.gui


def test_panel_lines_for_an_imported_annotation(qtbot, tmp_path):
    node = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/a1", "type": "Annotation",
            "motivation": "questioning",
            "body": ["http://example.org/post1",
                     {"type": "Choice", "items": [{"type": "TextualBody", "value": "Yes", "language": "en"},
                                                  {"type": "TextualBody", "value": "بله", "language": "fa"}]}],
            "generator": {"type": "Software", "name": "Other tool"},
            "target": {"source": "urn:ashraf-archive:test:item:doc",
                       "selector": {"type": "CssSelector", "value": "#p2"}}}
    with open_store(tmp_path / "data") as store:
        assert import_jsonld(store, [node]).complete
        [a] = store.query()
    model = AnnotationsModel()
    lines = [text for _, text in AnnotationDelegate(model)._lines(a)]
    assert lines[0] == "Note · Question"
    assert "Choice: Yes | بله" in lines and "Link: http://example.org/post1" in lines
    assert lines[-1] == "Has parts this app does not display (kept, and exported unchanged)"


def test_import_report_window_lists_what_is_kept_but_not_shown(qtbot, make_window, tmp_path):
    import json
    window = make_window(index=False)
    window.ensure_panels()
    nodes = [{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/css", "type": "Annotation",
              "body": {"type": "TextualBody", "value": "From another tool"},
              "target": {"source": "urn:ashraf-archive:ashraf:item:about-camp-ashraf",
                         "selector": {"type": "CssSelector", "value": "#p2"}}},
             {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/away", "type": "Annotation",
              "body": "http://example.org/b", "target": "http://example.com/page1"}]
    path = tmp_path / "in.jsonld"
    path.write_text(json.dumps(nodes), encoding="utf-8")
    report = window.annotations.import_annotations(path)
    box = window.annotations._report_box
    assert len(report.added) == 1 and len(report.unresolved) == 1
    assert "Kept and exported unchanged, but not shown here" in box.text()
    assert "From another tool" in box.text() and "selector CssSelector (#p2)" in box.text()
    assert "http://example.com/page1" in box.text()
    box.close()


def test_copy_citation_in_chicago_by_shortcut_and_apa_from_the_menu(qtbot, make_window):
    from PySide6.QtGui import QGuiApplication
    window = make_window(index=False)
    panel = window.provenance
    panel.show_item(window.archive.item("hrw-no-exit-2005"))
    window.action("copy_citation").trigger()  # Ctrl+Shift+C: the action passes ``checked``, still Chicago
    assert QGuiApplication.clipboard().text().startswith("“No Exit: Human Rights Abuses Inside the MKO Camps”.")
    apa = next(a for a in panel.copy_button.menu().actions() if a.text() == "APA")
    apa.trigger()
    assert QGuiApplication.clipboard().text().startswith("No Exit: Human Rights Abuses Inside the MKO Camps. (2005")


def test_year_and_decade_facets_read_bce():
    from ashraf_desktop.ui.search.models import _period_label
    assert _period_label("year", 1986) == "1986" and _period_label("decade", 1980) == "1980s"
    assert _period_label("year", -999) == "1000 BCE" and _period_label("year", 0) == "1 BCE"
    assert _period_label("decade", -1000) == "1001 BCE – 992 BCE"
