"""The library view: every item as a sortable, filterable table (rows fetched as they scroll), and the saved
searches. Public surface: :class:`LibraryPage`, :class:`LibraryModel`, :class:`ArchiveLibrarySource`."""

from .model import ArchiveLibrarySource, LibraryModel, LibrarySource
from .page import LIBRARY_LOCATION, LibraryPage

__all__ = ["LibraryPage", "LibraryModel", "LibrarySource", "ArchiveLibrarySource", "LIBRARY_LOCATION"]
