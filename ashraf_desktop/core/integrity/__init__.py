"""Integrity: fixity checks of held files, BagIt bags in and out, Dublin Core metadata exports.

One facade (docs/integrity.md); the modules behind it are imported on first use of a name, so that the
app's start-up does not pay for ``bagit`` and the exports:

- :mod:`.fixity` - ``verify`` the held files against their sidecars (full or quick), its report and state;
- :mod:`.bag_check` - ``validate_bag``: any BagIt bag (0.97, 1.0) checked, every reason a sentence;
- :mod:`.bag_export` - ``export_bag`` the archive or a selection, ``annotations_for_export``;
- :mod:`.bag_import` - ``import_bag``: a bag made by this app (items with their ids) or elsewhere
  (:mod:`.bag_payload`: its payload as new items, bag-info as Dublin Core);
- :mod:`.metadata_export` - Dublin Core as CSV and JSON-LD, and reading them back.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "verify": "fixity", "FixityReport": "fixity", "FixityProblem": "fixity", "default_state_path": "fixity",
    "RACY_SECONDS": "fixity",
    "validate_bag": "bag_check", "is_bag": "bag_check", "bag_like": "bag_check", "check_bag": "bag_check",
    "is_archive_bag": "bag_check", "BagCheck": "bag_check",
    "export_bag": "bag_export", "annotations_for_export": "bag_export", "BagExportError": "bag_export",
    "ExportCancelled": "bag_export", "MANIFEST_ALGORITHMS": "bag_export", "ANNOTATIONS_FILE": "bag_export",
    "METADATA_DIR": "bag_export",
    "import_bag": "bag_import", "BagImportReport": "bag_import",
    "dublin_core_csv": "metadata_export", "dublin_core_jsonld": "metadata_export",
    "read_dublin_core_csv": "metadata_export", "read_dublin_core_jsonld": "metadata_export",
    "selected_items": "metadata_export", "UnknownItemsError": "metadata_export", "CSV_COLUMNS": "metadata_export",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
