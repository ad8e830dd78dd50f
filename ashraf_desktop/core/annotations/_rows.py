"""Annotation <-> SQLite rows. One place knows the column layout, so migrations touch one file."""

from __future__ import annotations

import sqlite3
from typing import Iterable

from .model import Annotation, Colour, Kind, RegionSelector, Status, TextSelector

SELECT = """
SELECT a.id, a.collection_id, a.item_id, a.item_sha256, a.kind, a.colour, a.body, a.author, a.created,
       a.modified, a.status, a.quote_exact, a.quote_prefix, a.quote_suffix, a.pos_start, a.pos_end, a.page,
       a.region_x, a.region_y, a.region_w, a.region_h,
       (SELECT group_concat(t.name, char(31)) FROM annotation_tag x JOIN tag t ON t.id = x.tag_id
         WHERE x.annotation_id = a.id) AS tags,
       a.motivation, a.note_language, a.note_format, a.original,
       a.synced
FROM annotation a
"""

_SEP = "\x1f"  # tags never contain control characters (normalise_tag removes them)


def from_row(row: tuple) -> Annotation:
    (id_, cid, item, sha, kind, colour, body, author, created, modified, status, exact, prefix, suffix,
     start, end, page, rx, ry, rw, rh, tags, motivation, note_language, note_format, original, _synced) = row
    text = (TextSelector(exact=exact, prefix=prefix or "", suffix=suffix or "", start=start or 0, end=end or 0,
                         page=page) if exact is not None else None)
    region = RegionSelector(rx, ry, rw, rh) if rx is not None else None
    try:
        colour_value = Colour(colour)
    except ValueError:  # a colour from a newer version: show it as the default rather than fail
        colour_value = Colour.YELLOW
    return Annotation(id=id_, collection_id=cid, item_id=item, kind=Kind(kind), item_sha256=sha,
                      colour=colour_value, body=body, tags=tuple(sorted(tags.split(_SEP))) if tags else (),
                      author=author, created=created, modified=modified, text=text, region=region,
                      status=Status(status), motivation=tuple(motivation.split()) if motivation else (),
                      note_language=note_language, note_format=note_format, original=original)


def write(conn: sqlite3.Connection, a: Annotation, synced: str | None) -> None:
    """Insert or update the row and its tags (the caller holds the write transaction)."""
    t, r = a.text, a.region
    values = (a.id, a.collection_id, a.item_id, a.item_sha256, a.kind.value, a.colour.value, a.body, a.author,
              a.created, a.modified, a.status.value,
              t.exact if t else None, t.prefix if t else None, t.suffix if t else None,
              t.start if t else None, t.end if t else None, t.page if t else None,
              r.x if r else None, r.y if r else None, r.w if r else None, r.h if r else None,
              " ".join(a.motivation), a.note_language, a.note_format, a.original, synced)
    conn.execute("""
        INSERT INTO annotation (id, collection_id, item_id, item_sha256, kind, colour, body, author, created,
            modified, status, quote_exact, quote_prefix, quote_suffix, pos_start, pos_end, page,
            region_x, region_y, region_w, region_h, motivation, note_language, note_format, original, synced)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET collection_id = excluded.collection_id, item_id = excluded.item_id,
            item_sha256 = excluded.item_sha256, kind = excluded.kind, colour = excluded.colour,
            body = excluded.body, author = excluded.author, created = excluded.created,
            modified = excluded.modified, status = excluded.status, quote_exact = excluded.quote_exact,
            quote_prefix = excluded.quote_prefix, quote_suffix = excluded.quote_suffix,
            pos_start = excluded.pos_start, pos_end = excluded.pos_end, page = excluded.page,
            region_x = excluded.region_x, region_y = excluded.region_y, region_w = excluded.region_w,
            region_h = excluded.region_h, motivation = excluded.motivation,
            note_language = excluded.note_language, note_format = excluded.note_format,
            original = excluded.original, synced = excluded.synced""", values)
    write_tags(conn, a.id, a.tags)


def write_tags(conn: sqlite3.Connection, annotation_id: str, tags: Iterable[str]) -> None:
    conn.execute("DELETE FROM annotation_tag WHERE annotation_id = ?", (annotation_id,))
    for name in tags:
        conn.execute("INSERT OR IGNORE INTO tag (name) VALUES (?)", (name,))
        conn.execute("INSERT INTO annotation_tag (annotation_id, tag_id) SELECT ?, id FROM tag WHERE name = ?",
                     (annotation_id, name))
    drop_unused_tags(conn)


def drop_unused_tags(conn: sqlite3.Connection) -> None:
    """Completion offers only tags in use; a tag row without annotations is removed in the same commit."""
    conn.execute("DELETE FROM tag WHERE NOT EXISTS (SELECT 1 FROM annotation_tag x WHERE x.tag_id = tag.id)")


def update_anchor(conn: sqlite3.Connection, annotation_id: str, text: TextSelector | None, status: Status) -> None:
    if text is None:
        conn.execute("UPDATE annotation SET status = ? WHERE id = ?", (status.value, annotation_id))
        return
    conn.execute("""UPDATE annotation SET status = ?, quote_exact = ?, quote_prefix = ?, quote_suffix = ?,
                    pos_start = ?, pos_end = ?, page = ? WHERE id = ?""",
                 (status.value, text.exact, text.prefix, text.suffix, text.start, text.end, text.page,
                  annotation_id))
