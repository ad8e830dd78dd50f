"""The archive: its model, the TOML loader, EDTF dates, the user layers of imported items and the catalogue.

One facade for everything that reads or writes the archive's own files (docs/archive-format.md); the
rest of the core and the UI import from here, never from the private modules behind it.
"""

from .dates import MAX_ORDINAL, MIN_ORDINAL, DateError, DateSpan, Precision, describe_date, ordinal_to_iso, parse_date
from .days import (MAX_DAY, MAX_YEAR, MIN_DAY, OPEN_LOWER, OPEN_UPPER, civil_from_day, day_number, iso_day, year_of,
                   year_words)
from .layers import (LAYERS_DIR, CopyCancelled, ReadOnlyItemError, SourceChangedError, ensure_layer, layer_root,
                     load_layered, orphans, remove_item, rewrite_sidecar, sidecar_text, slug, sweep, unique_id,
                     write_item)
from .catalogue import CATALOGUE_DIR, catalogue_path
from .catalogue_open import catalogue_ready
from .loader import (DOCUMENT_FORMATS, FORMAT_VERSION, ID_PATTERN, LOADER_VERSION, TEXT_FORMATS, LoadResult,
                     load_archive, sha256_of)
from .model import (DC_FIELDS, ORDERS, Archive, Citation, Claim, Collection, DatedItem, Event, Fact, Item, ItemKind,
                    Changes, FileRow, ItemRow, Items, MemoryItems, Metadata, Problem, Severity, TextLayer)

__all__ = [
    # model
    "Archive", "Item", "ItemKind", "Event", "Fact", "Claim", "Citation", "Collection", "Metadata", "Problem",
    "Severity", "DC_FIELDS", "TextLayer", "Items", "MemoryItems", "DatedItem", "ItemRow", "FileRow", "Changes", "ORDERS",
    # loader
    "load_archive", "LoadResult", "sha256_of", "FORMAT_VERSION", "LOADER_VERSION", "ID_PATTERN", "TEXT_FORMATS",
    "DOCUMENT_FORMATS",
    # catalogue (load_archive(..., cache_dir=) / load_layered(..., cache_dir=) use it)
    "catalogue_path", "catalogue_ready", "CATALOGUE_DIR",
    # dates
    "parse_date", "describe_date", "DateSpan", "DateError", "Precision", "ordinal_to_iso", "MIN_ORDINAL",
    "MAX_ORDINAL", "OPEN_LOWER", "OPEN_UPPER", "MIN_DAY", "MAX_DAY", "MAX_YEAR", "day_number", "civil_from_day",
    "year_of", "iso_day", "year_words",
    # user layers
    "LAYERS_DIR", "layer_root", "ensure_layer", "load_layered", "write_item", "rewrite_sidecar", "remove_item",
    "sidecar_text", "unique_id", "slug", "sweep", "orphans", "ReadOnlyItemError", "SourceChangedError",
    "CopyCancelled",
]
