"""Annotations: highlights, notes, tags and image regions - stored safely, re-anchored, exchanged as W3C JSON-LD.

Qt-free. The GUI calls :class:`AnnotationStore` (one call per user action, each returning a
:class:`Mutation` for its undo stack); the search index reads :meth:`AnnotationStore.changes_since`.
Design and formats: docs/annotations.md; command line: docs/cli-annotations.md.
"""

from __future__ import annotations

from .anchoring import AnchorMatch, anchor, locate, text_selector
from .backup import BackupInfo
from .errors import (AnnotationError, AnnotationValueError, ImportFormatError, NotFoundError, ReadOnlyStoreError,
                     SchemaTooNewError, StaleEditError, StorageError, StoreBusyError, StoreCorruptError,
                     StoreEnvironmentError)
from .exchange import export_jsonld, import_jsonld
from .feed import Change, ChangeBatch, FeedCursor, IndexRecord
from .iri import item_iri, item_link_ids, parse_item_iri, parse_sha256_urn, sha256_urn
from .jsonld import to_collection
from .merge import Conflict, ImportReport
from .model import COLOUR_HEX, Annotation, Colour, Kind, Mutation, RegionSelector, Status, TextSelector
from .reports import csv_report, markdown_report
from .store import (DB_NAME, UNSET, AnnotationQuery, AnnotationStore, ReanchorReport, TagCount, open_store)

__all__ = [
    "AnnotationStore", "open_store", "AnnotationQuery", "TagCount", "ReanchorReport", "DB_NAME", "UNSET",
    "Annotation", "Kind", "Colour", "Status", "COLOUR_HEX", "TextSelector", "RegionSelector", "Mutation",
    "anchor", "locate", "text_selector", "AnchorMatch",
    "Change", "ChangeBatch", "FeedCursor", "IndexRecord", "BackupInfo",
    "export_jsonld", "import_jsonld", "to_collection", "csv_report", "markdown_report", "ImportReport", "Conflict",
    "item_iri", "parse_item_iri", "sha256_urn", "parse_sha256_urn", "item_link_ids",
    "AnnotationError", "StoreEnvironmentError", "StoreBusyError", "StorageError", "StoreCorruptError",
    "ReadOnlyStoreError", "SchemaTooNewError", "AnnotationValueError", "NotFoundError", "StaleEditError",
    "ImportFormatError",
]
