"""The tabbed document viewer: text/Markdown/HTML pages, PDF pages, event and record views."""

from .tabs import ViewerTabs

__all__ = ["ViewerTabs"]
