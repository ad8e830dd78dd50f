"""Adding files to the archive: what to take, what each file is, its metadata, and the import itself.

Qt-free; the GUI runs :func:`import_files` on a worker thread and the ``import`` command runs it directly.
What is accepted and refused, and why, is documented in docs/import.md.

- :func:`collect` - the files under what the user chose (folders walked in name order), and what cannot be taken;
- :func:`sniff` - ("document" | "image", media type) from a file's content, or None;
- :func:`prefill` - Dublin Core guesses from the file (PDF info, DOCX/ODT properties, EXIF, HTML head …);
- :func:`import_files` - the import, file by file, into the user's layer; returns an :class:`ImportReport`;
- :func:`update_metadata` / :func:`validate_field` - the Dublin Core form: batch edit and per-field checks.
"""

from .form import DCMI_TYPES, EDITABLE_FIELDS, REPEATABLE_FIELDS, update_metadata, validate_field
from .guess import prefill
from .importer import import_files
from .kinds import Identified, identify, sniff
from .report import AddedFn, CancelFn, ImportReport, Outcome, ProgressFn
from .walk import collect

__all__ = [
    "collect", "prefill", "sniff", "identify", "Identified", "import_files", "update_metadata", "validate_field",
    "Outcome", "ImportReport", "ProgressFn", "CancelFn", "AddedFn", "EDITABLE_FIELDS", "REPEATABLE_FIELDS",
    "DCMI_TYPES",
]
