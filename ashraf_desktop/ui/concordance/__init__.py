"""The Concordance panel (keyword in context across the archive) and its models, delegate and worker."""

from __future__ import annotations

from .panel import ConcordancePanel

__all__ = ["ConcordancePanel"]
