"""E-mail (issue 18 item 4): ../shared/testdata/email — 46 real and damaged messages and an mbox of ten —
imports message by message, each message or attachment added or refused with its reason, none stopping the
import; the mbox gives ten messages linked to their attachments."""

from __future__ import annotations

from pathlib import Path

from ashraf_desktop.core.archive import layer_root, load_layered
from ashraf_desktop.core.extract import extract
from ashraf_desktop.core.ingest import import_files

REPO = Path(__file__).resolve().parents[2]


def _import(tmp_path: Path, paths: list[Path]):
    data = tmp_path / "data"
    archive = load_layered(REPO / "archive", data).archive
    report = import_files(archive, layer_root(data, archive.collection.id), paths)
    return load_layered(REPO / "archive", data, check_files=True), report


def test_the_mbox_gives_ten_messages_linked_to_their_attachments(tmp_path, shared_testdata):
    mbox = shared_testdata / "email" / "derived" / "ten-messages.mbox"
    loaded, report = _import(tmp_path, [mbox])
    assert not report.failed, report.as_json()
    archive = loaded.archive
    messages = [archive.item(o.item_id) for o in report.added if o.message.startswith("message ") and
                "attachment" not in o.message.split(":")[1]]
    assert len(messages) == 10 and all(m.media_type == "message/rfc822" for m in messages)
    attachments = [i for i in archive.items if i.part_of]
    assert {a.part_of for a in attachments} <= {m.id for m in messages}
    pdf = next(a for a in attachments if a.media_type == "application/pdf")
    parent = archive.item(pdf.part_of)
    assert parent.title.startswith("test message via curl")  # the attachment knows its message …
    assert pdf.id in [a.id for a in attachments if a.part_of == parent.id]  # … and the message its attachments
    assert "test.pdf" in extract(parent.file, parent.media_type).text  # listed in the message's text
    russian = next(m for m in messages if m.title == "Hello")
    assert russian.metadata.creator and "Bob" in russian.metadata.creator[0]
    assert russian.metadata.date == "2012-06-29"
    assert not [p for p in loaded.problems if p.severity == "error"], loaded.problems


def test_every_message_imports_or_is_refused_with_its_reason_and_none_stops_the_import(tmp_path, shared_testdata):
    messages = sorted((shared_testdata / "email" / "flanker").rglob("*.eml"))
    assert len(messages) == 46
    loaded, report = _import(tmp_path, messages)
    chosen = {o.path for o in report.outcomes}
    assert chosen == set(messages)  # each message has its line(s) in the report
    for outcome in report.outcomes:
        assert outcome.message and "Traceback" not in outcome.message and "unexpected problem" not in outcome.message
    top = [o for o in report.outcomes if not o.message.startswith(("its attachment", "message "))]
    assert sum(o.status in ("added", "duplicate") for o in top) == 46  # every message itself is kept
    # damaged ones are kept with what is wrong said in words
    broken = next(o for o in top if o.path.name == "missing-final-boundary.eml")
    assert "no closing boundary" in broken.message
    refused = [o for o in report.failed]
    assert refused and all("its attachment" in o.message for o in refused)
    assert any("bzip2" in o.message for o in refused)


def test_a_message_is_searchable_by_its_headers_and_body(tmp_path, shared_testdata):
    msg = shared_testdata / "email" / "flanker" / "text-only.eml"
    loaded, report = _import(tmp_path, [msg])
    item = loaded.archive.item(report.added[0].item_id)
    text = extract(item.file, item.media_type).text
    assert text.startswith("From: Bob Marley <bob@marley.com>\nTo: hello@there.com\nDate: 2011-12-29")
    assert "I'm just testing message parsing" in text
    assert item.title == "Testing message parsing" and item.metadata.date == "2011-12-29"
    assert "To: hello@there.com" in item.metadata.description
    assert item.file.read_bytes() == msg.read_bytes()  # held byte for byte
