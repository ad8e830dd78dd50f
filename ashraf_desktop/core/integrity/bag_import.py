"""Importing a BagIt bag (docs/integrity.md, "Importing a bag"): checked first, refused whole when invalid.

Two kinds of bag come in. A bag made by this app (its ``data/`` is an Ashraf Archive) brings its items with
their ids, sidecars and annotations (:func:`_import_archive_bag`). Any other valid bag — made by
``bagit-python``, Bagger, an institution's repository — brings its payload as new items
(:mod:`.bag_payload`): each file imported like a chosen file, its checksum that of the bag's manifest.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..archive import Archive, Item, ItemKind, load_archive
from ..ingest.report import AddedFn, CancelFn, ImportReport, Outcome, ProgressFn
from .bag_check import BagCheck, check_archive, check_bag, is_archive_bag
from .bag_export import ANNOTATIONS_FILE
from .metadata_export import RealPaths

__all__ = ["import_bag", "BagImportReport"]


@dataclass
class BagImportReport(ImportReport):
    """An :class:`ImportReport` with what is particular to bags: why a bag was refused, notes, and the
    annotation merge (``core.annotations.ImportReport``) when the bag had annotations."""

    invalid: list[str] = field(default_factory=list)  # the bag was refused, nothing imported
    annotations: Any = None  # core.annotations.ImportReport | None
    annotations_error: str = ""

    def summary(self) -> str:
        if self.invalid:
            return f"the bag is not valid, nothing was imported ({len(self.invalid)} problem" \
                   f"{'s' * (len(self.invalid) != 1)})"
        text = super().summary()
        if self.annotations is not None:
            text += f"; annotations: {self.annotations.summary()}"
        elif self.annotations_error:
            text += f"; annotations not imported: {self.annotations_error}"
        return text

    def as_json(self) -> dict:
        data = super().as_json()
        data["invalid"] = list(self.invalid)
        data["notes"] = list(self.notes)
        data["annotations"] = self.annotations.as_dict() if self.annotations is not None else None
        if self.annotations_error:
            data["annotations_error"] = self.annotations_error
        return data


def _layer_folder(item: Item, data: Path, real: RealPaths) -> str:
    """The item's folder under the bag's ``items/``, less a leading ``imported`` folder (a layer made by
    our export), so that exporting and importing again does not nest folders."""
    try:
        parts = Path(real.rel(item.sidecar, data / "items")).parent.parts
    except ValueError:
        return ""
    parts = tuple(p for p in parts if p != ".")
    if parts and parts[0] != ".." and re.fullmatch(r"imported(-\d+)?", parts[0]):
        parts = parts[1:]
    if parts and parts[0] == "..":
        return ""
    return "/".join(parts)


def _remap_annotation_iris(doc: Any, mapping: dict[str, str]) -> Any:
    """Replace item IRIs of the bag's collection by those the items have now (the target archive's
    collection, and the existing id for a file the archive already held under another id)."""
    if not mapping:
        return doc
    pattern = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)) + r"(?![a-z0-9-])")

    def walk(node: Any) -> Any:
        if isinstance(node, str):
            return pattern.sub(lambda m: mapping[m.group(0)], node)
        if isinstance(node, list):
            return [walk(v) for v in node]
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        return node
    return walk(doc)


def _targets(node: dict) -> list[str]:
    sources = []
    for target in node.get("target") if isinstance(node.get("target"), list) else [node.get("target")]:
        if isinstance(target, str):
            sources.append(target)
        elif isinstance(target, dict) and isinstance(target.get("source"), str):
            sources.append(target["source"])
    return sources


def _drop_annotations_on(doc: Any, iris: set[str]) -> tuple[Any, int]:
    """Leave out the annotations whose target is one of ``iris`` (items of the bag that were not imported:
    a conflict, a failure); returns the document and how many were left out."""
    dropped = 0

    def walk(node: Any) -> Any:
        nonlocal dropped
        if isinstance(node, list):
            kept = []
            for value in node:
                if isinstance(value, dict) and "target" in value and any(
                        t.strip() in iris for t in _targets(value)):
                    dropped += 1
                    continue
                kept.append(walk(value))
            return kept
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        return node
    if isinstance(doc, dict) and "target" in doc and any(t.strip() in iris for t in _targets(doc)):
        return [], 1
    return walk(doc), dropped


def import_bag(bag: Path, archive: Archive, layer: Path, *, progress: ProgressFn | None = None,
               cancelled: CancelFn | None = None, on_added: AddedFn | None = None,
               annotations_db: Path | None = None) -> BagImportReport:
    """Import the bag at ``bag`` into the user ``layer`` of ``archive``, after checking it (an invalid or
    incomplete bag is refused whole: ``invalid`` lists why, one failed outcome names the bag).

    A bag made elsewhere: its payload files become items (``bag_payload.import_payload``). A bag made by
    this app: the items of its archive that ``archive`` does not have are added (ids, metadata and files
    kept). For each item:

    * same id, same file (sha256) - or a record with the same id - : **duplicate**;
    * same id, different file (or a different kind): **failed**, "conflict" - ids are permanent, so the bag's
      item is not renamed; the user decides (rename it in the bag and import again, or keep the archive's);
    * same file under another id: **duplicate** of that item;
    * otherwise **added** through ``core.archive.layers.write_item`` (whole or absent), ``on_added(id)`` called.

    With ``annotations_db`` (the AnnotationStore file), the bag's ``annotations.jsonld`` is merged by
    annotation id (conflicts reported, never overwritten); its item IRIs are re-pointed to this archive's
    collection. The bag's timeline and facts are not merged (a layer holds items): a note says so."""
    bag = Path(bag)
    report = BagImportReport()
    ours = is_archive_bag(bag)
    # the progress total covers checking every manifest entry, then one step per item
    check = check_bag(bag, progress, cancelled, extra_total=_count_sidecars(bag) if ours else 0)
    if not check.reasons and not check.cancelled and ours:
        check_archive(bag / "data", check)
    if check.cancelled:
        report.cancelled = True
        report.not_started.append(bag)
        return report
    if check.reasons or (ours and check.archive is None):
        report.invalid = check.reasons or ["the bag's archive could not be read"]
        more = f" (and {len(report.invalid) - 1} more)" if len(report.invalid) > 1 else ""
        report.outcomes.append(Outcome(bag, "failed", f"not imported: the bag is not valid: {report.invalid[0]}"
                                                      f"{more}"))
        return report
    report.notes += check.warnings
    if not ours:
        from .bag_payload import import_payload
        return import_payload(bag, check, archive, layer, report, progress=progress, cancelled=cancelled,
                              on_added=on_added)
    return _import_archive_bag(bag, check, archive, layer, report, progress=progress, cancelled=cancelled,
                               on_added=on_added, annotations_db=annotations_db)


def _import_archive_bag(bag: Path, check: BagCheck, archive: Archive, layer: Path, report: "BagImportReport", *,
                        progress: ProgressFn | None, cancelled: CancelFn | None, on_added: AddedFn | None,
                        annotations_db: Path | None) -> "BagImportReport":
    data = bag / "data"
    source = check.archive
    assert source is not None
    offset = check.entries
    total = offset + len(source.items)
    from ..archive import ensure_layer, write_item
    by_sha = {item.sha256.lower(): item.id for item in archive.items if item.sha256}
    taken = {item.id: item for item in archive.items}
    iri_map: dict[str, str] = {}
    from ..annotations.iri import item_iri
    layer_ready = False
    real = RealPaths()
    items = list(source.items)
    for index, item in enumerate(items):
        shown = item.file or item.sidecar
        if cancelled is not None and cancelled():
            report.cancelled = True
            report.not_started += [(i.file or i.sidecar) for i in items[index:]]
            break
        if progress is not None:
            progress(offset + index, total, str(shown))
        existing = taken.get(item.id)
        sha = item.sha256.lower()
        if existing is not None:
            same = (existing.kind is item.kind and
                    (item.kind is ItemKind.RECORD or existing.sha256.lower() == sha))
            if same:
                report.outcomes.append(Outcome(shown, "duplicate", f"already in the archive as '{item.id}'",
                                               existing.id))
                iri_map[item_iri(source.collection.id, item.id)] = item_iri(archive.collection.id, existing.id)
            else:
                what = (f"a {existing.kind}" if existing.kind is not item.kind
                        else "a different file")
                report.outcomes.append(Outcome(
                    shown, "failed", f"conflict: the archive already has an item '{item.id}' with {what} "
                    f"(\"{existing.title}\"); ids never change, so the bag's item was not imported - give it "
                    "another id in the bag to import it as a new item"))
            continue
        if sha and sha in by_sha:
            other = by_sha[sha]
            report.outcomes.append(Outcome(shown, "duplicate", f"the same file is already in the archive as "
                                                               f"'{other}'", other))
            iri_map[item_iri(source.collection.id, item.id)] = item_iri(archive.collection.id, other)
            continue
        try:
            sidecar = tomllib.loads(item.sidecar.read_text(encoding="utf-8-sig"))
            if not layer_ready:
                ensure_layer(layer, archive)
                layer_ready = True
            write_item(layer, _layer_folder(item, data, real), sidecar, source=item.file,
                       file_name=item.file.name if item.file else None)
        except OSError as error:
            from ..ingest.importer import write_reason
            report.outcomes.append(Outcome(shown, "failed", write_reason(error)))
            continue
        except ValueError as error:  # a sidecar that is not TOML: the bag check lets only loadable ones through
            report.outcomes.append(Outcome(shown, "failed", f"its description cannot be read ({error}); the "
                                                            "bag may have been changed since it was checked"))
            continue
        taken[item.id] = item
        if sha:
            by_sha[sha] = item.id
        iri_map[item_iri(source.collection.id, item.id)] = item_iri(archive.collection.id, item.id)
        report.outcomes.append(Outcome(shown, "added", f"added from the bag as '{item.id}'", item.id))
        if on_added is not None:
            on_added(item.id)
    if progress is not None and not report.cancelled:
        progress(total, total, "")
    known_events = {e.id for e in archive.events}
    new_events = [e for e in source.events if e.id not in known_events]
    known_facts = {f.id for f in archive.facts}
    new_facts = [f for f in source.facts if f.id not in known_facts]
    if new_events or new_facts:
        report.notes.append(
            f"The bag's timeline ({len(new_events)} event{'s' * (len(new_events) != 1)}) and facts "
            f"({len(new_facts)}) that this archive lacks were not imported: imported items go to your layer, "
            f"which holds items only. Open {data} as an archive to see them.")
    annotations_file = data / ANNOTATIONS_FILE
    if annotations_db is not None and annotations_file.is_file() and not report.cancelled:
        not_imported = {item_iri(source.collection.id, i.id) for i in items} - set(iri_map)
        _import_annotations(report, annotations_file, Path(annotations_db), archive, layer, iri_map, not_imported)
    return report


def _count_sidecars(bag: Path) -> int:
    items = Path(bag) / "data" / "items"
    if not items.is_dir():
        return 0
    return sum(1 for _ in items.rglob("*.toml"))


def _import_annotations(report: BagImportReport, annotations_file: Path, db: Path, archive: Archive, layer: Path,
                        iri_map: dict[str, str], not_imported: set[str]) -> None:
    from ..annotations import AnnotationError, AnnotationStore, import_jsonld
    from ..annotations.exchange import load_json
    try:
        doc = load_json(annotations_file.read_bytes())
    except (OSError, AnnotationError) as error:
        report.annotations_error = f"{annotations_file.name}: {error}"
        return
    doc, dropped = _drop_annotations_on(doc, not_imported)
    if dropped:
        report.notes.append(f"{dropped} annotation{'s' * (dropped != 1)} on items of the bag that were not "
                            "imported (conflicts, failures) were left out.")
    doc = _remap_annotation_iris(doc, iri_map)
    layers = list(archive.layers)
    if layer not in layers and (layer / "items").is_dir():
        layers.append(layer)
    current = load_archive(archive.root, layers=layers, check_files=False).archive
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        with AnnotationStore(db) as store:
            report.annotations = import_jsonld(store, doc, archive=current)
    except (AnnotationError, OSError) as error:
        report.annotations_error = str(error)
