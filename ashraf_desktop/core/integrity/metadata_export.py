"""Item metadata as Dublin Core, for other catalogues: CSV (one row per item) and JSON-LD (docs/integrity.md).

Both read the loaded archive (the archive's own items and those of the user's layers) and are deterministic
(items in archive order, no timestamp), so exporting twice gives identical bytes. The readers
:func:`read_dublin_core_csv` and :func:`read_dublin_core_jsonld` turn an export back into plain dicts
(tests, and tools that want the exact values). Qt-free.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any, Collection, Iterable

from ..annotations.iri import item_iri
from ..archive import DC_FIELDS, Archive, Item
__all__ = ["RealPaths", "CSV_COLUMNS", "REPEATABLE", "SEPARATOR", "JSONLD_CONTEXT", "dublin_core_csv", "dublin_core_jsonld",
           "read_dublin_core_csv", "read_dublin_core_jsonld", "selected_items", "layer_label", "relative_file",
           "collection_iri", "UnknownItemsError"]

#: Dublin Core terms that may repeat (tuples in :class:`~ashraf_desktop.core.archive.model.Metadata`)
REPEATABLE = ("creator", "publisher", "language", "subject", "identifier")
#: how repeated values share one CSV cell
SEPARATOR = " | "
CSV_COLUMNS = ("id", "iri", "kind", *DC_FIELDS, "sha256", "file", "layer")
DCTERMS = "http://purl.org/dc/terms/"
EDTF_DATATYPE = "http://id.loc.gov/datatypes/edtf/EDTF"
#: the app's own properties (kind, sha256, file, layer, id): not Dublin Core, named under this prefix
ASHRAF_TERMS = "urn:ashraf-archive:terms:"
JSONLD_CONTEXT = {
    "dcterms": DCTERMS,
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "ashraf": ASHRAF_TERMS,
    "edtf": "http://id.loc.gov/datatypes/edtf/",
}


class UnknownItemsError(ValueError):
    """A selection names ids the archive does not have."""

    def __init__(self, missing: Iterable[str]) -> None:
        self.missing = sorted(missing)
        shown = ", ".join(repr(i) for i in self.missing[:10]) + (" …" if len(self.missing) > 10 else "")
        super().__init__(f"not in the archive: {shown}")


class RealPaths:
    """``os.path.realpath`` for many files in few folders: each folder is resolved once (a realpath costs a
    system call per path component). The file name itself is taken as it is: the held files the loader
    gives are already resolved, and a sidecar is read through whatever link it is."""

    def __init__(self) -> None:
        self._dirs: dict[str, str] = {}

    def dir(self, folder: str | Path) -> str:
        key = os.path.abspath(folder)
        real = self._dirs.get(key)
        if real is None:
            real = self._dirs[key] = os.path.realpath(key)
        return real

    def file(self, path: str | Path) -> str:
        folder, name = os.path.split(os.path.abspath(path))
        return os.path.join(self.dir(folder), name)

    def rel(self, path: str | Path, base: str | Path) -> str:
        """``path`` relative to ``base``, both resolved, with ``/`` separators."""
        return Path(os.path.relpath(self.file(path), self.dir(base))).as_posix()


def collection_iri(collection_id: str) -> str:
    """The collection as a whole (items say ``dcterms:isPartOf`` it)."""
    return f"urn:ashraf-archive:{collection_id}"


def selected_items(archive: Archive, item_ids: Collection[str] | None) -> list[Item]:
    """The items of ``item_ids`` in archive order (all when None); unknown ids raise UnknownItemsError."""
    if item_ids is None:
        return list(archive.items)
    wanted = set(item_ids)
    missing = wanted - {item.id for item in archive.items}
    if missing:
        raise UnknownItemsError(missing)
    return [item for item in archive.items if item.id in wanted]


def layer_label(archive: Archive, item: Item) -> str:
    """``archive`` for the archive's own items; ``imported`` for the user's layer (``imported-2`` … when
    several layers are loaded). Bags use the same names for the folders of layer items."""
    layer = archive.layer_of(item)
    if layer is None:
        return "archive"
    index = archive.layers.index(layer)
    return "imported" if index == 0 else f"imported-{index + 1}"


def root_of(archive: Archive, item: Item) -> Path:
    return archive.layer_of(item) or archive.root


def relative_file(archive: Archive, item: Item, real: RealPaths | None = None) -> str:
    """The held file relative to the root that holds it (``items/documents/x.txt``), "" for records."""
    if item.file is None:
        return ""
    return (real or RealPaths()).rel(item.file, root_of(archive, item))


def _values(item: Item, term: str) -> list[str]:
    value = getattr(item.metadata, term)
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, tuple) else [value]


# --- CSV ---------------------------------------------------------------------------------------------------


_FORMULA_START = ("=", "+", "@", "\t", "\r", "'")


def _cell(text: str) -> str:
    """A spreadsheet runs a cell starting with = + @ (or -x) as a formula; a metadata value taken from an
    imported file could do that, so such cells get a leading apostrophe. A value that itself starts with an
    apostrophe gets one too, so :func:`_uncell` restores every value exactly."""
    if text[:1] in _FORMULA_START or (text[:1] == "-" and text[1:2] not in ("", " ", "-")):
        return "'" + text
    return text


def _uncell(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def dublin_core_csv(archive: Archive, item_ids: Collection[str] | None = None) -> str:
    """RFC 4180 CSV, a header row then one row per item: ``id, iri, kind``, every Dublin Core term (repeated
    values joined with " | "), ``sha256``, ``file`` (relative to its root) and ``layer``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    cid = archive.collection.id
    real = RealPaths()
    for item in selected_items(archive, item_ids):
        row = [item.id, item_iri(cid, item.id), str(item.kind)]
        row += [SEPARATOR.join(_values(item, term)) for term in DC_FIELDS]
        row += [item.sha256, relative_file(archive, item, real), layer_label(archive, item)]
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


def read_dublin_core_csv(text: str) -> list[dict[str, Any]]:
    """Rows of a :func:`dublin_core_csv` export as dicts; repeatable terms as lists, empty cells left out."""
    rows = []
    for raw in csv.DictReader(io.StringIO(text)):
        row: dict[str, Any] = {}
        for key, value in raw.items():
            value = _uncell(value or "")
            if not value:
                continue
            row[key] = value.split(SEPARATOR) if key in REPEATABLE else value
        rows.append(row)
    return rows


# --- JSON-LD -----------------------------------------------------------------------------------------------


def _item_node(archive: Archive, item: Item, real: RealPaths) -> dict[str, Any]:
    cid = archive.collection.id
    node: dict[str, Any] = {"@id": item_iri(cid, item.id), "ashraf:id": item.id, "ashraf:kind": str(item.kind)}
    for term in DC_FIELDS:
        values = _values(item, term)
        if not values:
            continue
        if term == "date":
            node["dcterms:date"] = {"@value": values[0], "@type": "edtf:EDTF"}
        elif term in REPEATABLE:
            node[f"dcterms:{term}"] = values
        else:
            node[f"dcterms:{term}"] = values[0]
    if item.sha256:
        node["ashraf:sha256"] = item.sha256
    if item.file is not None:
        node["ashraf:file"] = relative_file(archive, item, real)
    node["ashraf:layer"] = layer_label(archive, item)
    node["dcterms:isPartOf"] = {"@id": collection_iri(cid)}
    return node


def dublin_core_jsonld(archive: Archive, item_ids: Collection[str] | None = None) -> str:
    """JSON-LD: a ``@graph`` with the collection, then one node per item whose ``@id`` is the item IRI
    (``urn:ashraf-archive:<collection>:item:<id>``, docs/annotations.md) and whose properties are
    ``dcterms:`` terms (dates typed as EDTF), plus ``ashraf:id``, ``ashraf:kind``, ``ashraf:sha256``,
    ``ashraf:file`` and ``ashraf:layer``."""
    c = archive.collection
    collection: dict[str, Any] = {"@id": collection_iri(c.id), "@type": "dcmitype:Collection",
                                  "ashraf:id": c.id, "dcterms:title": c.title}
    for key, value in (("description", c.description), ("publisher", c.publisher), ("rights", c.rights)):
        if value:
            collection[f"dcterms:{key}"] = value
    if c.language:
        collection["dcterms:language"] = list(c.language)
    real = RealPaths()
    nodes = [collection] + [_item_node(archive, item, real) for item in selected_items(archive, item_ids)]
    doc = {"@context": JSONLD_CONTEXT, "@graph": nodes}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _expand(key: str, context: dict[str, Any]) -> str:
    prefix, sep, local = key.partition(":")
    if sep and isinstance(context.get(prefix), str):
        return context[prefix] + local
    return key


def read_dublin_core_jsonld(text: str) -> list[dict[str, Any]]:
    """The item nodes of a :func:`dublin_core_jsonld` export as dicts keyed like the CSV columns (``id``,
    ``iri``, ``kind``, Dublin Core terms, ``sha256``, ``file``, ``layer``). Prefixed names are expanded
    through the document's own ``@context``, so a file whose prefixes were renamed still reads."""
    doc = json.loads(text)
    context = doc.get("@context") or {}
    rows = []
    for node in doc.get("@graph", []):
        props = {_expand(k, context): v for k, v in node.items()}
        if ASHRAF_TERMS + "kind" not in props:  # the collection node
            continue
        row: dict[str, Any] = {"iri": node["@id"]}
        for iri, value in props.items():
            if isinstance(value, dict):
                value = value.get("@value", value.get("@id"))
            if iri.startswith(DCTERMS):
                term = iri[len(DCTERMS):]
                if term in DC_FIELDS:
                    row[term] = list(value) if term in REPEATABLE else value
            elif iri.startswith(ASHRAF_TERMS):
                row[iri[len(ASHRAF_TERMS):]] = value
        rows.append(row)
    return rows
