"""The timeline's legend and date styles in the interface language.

``core.timeline`` names them in English (``LEGEND``; the core never imports Qt); the same words are listed
here for the translation tools, and looked up by their English when shown. A legend entry the core adds
without a line here is shown in English (and tests/ui/test_persian_interface.py says so).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...core.timeline import LegendEntry, MarkStyle, LEGEND_BY_KEY
from ..i18n import translate

__all__ = ["legend_label", "legend_explanation", "style_words"]

_WORDS = (
    QT_TRANSLATE_NOOP("legend", "Exact day"),
    QT_TRANSLATE_NOOP("legend", "The source gives the day: a point."),
    QT_TRANSLATE_NOOP("legend", "Month"),
    QT_TRANSLATE_NOOP("legend", "Sometime in that month: a bar over the whole month."),
    QT_TRANSLATE_NOOP("legend", "Year"),
    QT_TRANSLATE_NOOP("legend", "Sometime in that year: a bar over the whole year."),
    QT_TRANSLATE_NOOP("legend", "Season"),
    QT_TRANSLATE_NOOP("legend", "Sometime in that season, quarter or half-year."),
    QT_TRANSLATE_NOOP("legend", "Decade"),
    QT_TRANSLATE_NOOP("legend", "Sometime in that decade."),
    QT_TRANSLATE_NOOP("legend", "Century"),
    QT_TRANSLATE_NOOP("legend", "Sometime in that century."),
    QT_TRANSLATE_NOOP("legend", "Millennium or longer"),
    QT_TRANSLATE_NOOP("legend", "Sometime within a thousand years or more."),
    QT_TRANSLATE_NOOP("legend", "One of several dates"),
    QT_TRANSLATE_NOOP("legend", "One, or all, of the dates listed: a bar over their range."),
    QT_TRANSLATE_NOOP("legend", "Period"),
    QT_TRANSLATE_NOOP("legend", "From one date to another: a solid bar with end caps."),
    QT_TRANSLATE_NOOP("legend", "Approximate (~)"),
    QT_TRANSLATE_NOOP("legend", "About this date: soft, dashed edges."),
    QT_TRANSLATE_NOOP("legend", "Uncertain (?)"),
    QT_TRANSLATE_NOOP("legend", "The date is inferred or in doubt: hatched, marked “?”."),
    QT_TRANSLATE_NOOP("legend", "Open end (..)"),
    QT_TRANSLATE_NOOP("legend", "No start or no end is given, or it is unknown: the bar fades out with an arrow."),
    QT_TRANSLATE_NOOP("legend", "Sources disagree"),
    QT_TRANSLATE_NOOP("legend", "The sources give dates that cannot both be right: each is drawn and linked, "
                      "marked ≠."),
    QT_TRANSLATE_NOOP("legend", "More events"),
    QT_TRANSLATE_NOOP("legend", "Too many to show at this zoom: “+N”; click to zoom in."),
    QT_TRANSLATE_NOOP("legend", "Search hit"),
    QT_TRANSLATE_NOOP("legend", "Matches the current search."),
    QT_TRANSLATE_NOOP("legend", "Document"),
    QT_TRANSLATE_NOOP("legend", "A dated text the archive holds."),
    QT_TRANSLATE_NOOP("legend", "Image"),
    QT_TRANSLATE_NOOP("legend", "A dated image the archive holds."),
    QT_TRANSLATE_NOOP("legend", "Record"),
    QT_TRANSLATE_NOOP("legend", "A dated work the sources name; the archive does not hold it."),
)


def legend_label(entry: LegendEntry) -> str:
    return translate("legend", entry.label)


def legend_explanation(entry: LegendEntry) -> str:
    return translate("legend", entry.explanation)


def style_words(style: MarkStyle) -> str:
    """``MarkStyle.words`` in the interface language: "month, approximate (~)"."""
    return translate("legend", ", ").join(legend_label(LEGEND_BY_KEY[k]).lower() for k in style.keys)
