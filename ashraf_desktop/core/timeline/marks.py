"""How a date is drawn (point, span, bar; approximate, uncertain, open-ended) and the legend that
explains it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..archive import DateSpan, Precision


class Shape(str, Enum):
    POINT = "point"  # an exact day
    SPAN = "span"  # sometime within a month, a year or a decade
    INTERVAL = "interval"  # from one date to another


@dataclass(frozen=True, slots=True)
class MarkStyle:
    """How a date is drawn. ``keys`` name the legend entries that explain it."""

    shape: Shape
    precision: Precision
    approximate: bool = False
    uncertain: bool = False
    open_start: bool = False
    open_end: bool = False
    disputed: bool = False

    @property
    def keys(self) -> tuple[str, ...]:
        keys = []
        if self.shape is Shape.POINT:
            keys.append("exact")
        elif self.shape is Shape.INTERVAL:
            keys.append("interval")
        else:
            keys.append(self.precision.value)  # month / year / decade
        if self.approximate:
            keys.append("approximate")
        if self.uncertain:
            keys.append("uncertain")
        if self.open_start or self.open_end:
            keys.append("open")
        if self.disputed:
            keys.append("disputed")
        return tuple(keys)

    @property
    def words(self) -> str:
        """A short neutral description for tooltips and the details pane."""
        return ", ".join(LEGEND_BY_KEY[k].label.lower() for k in self.keys)


def classify(span: DateSpan, *, disputed: bool = False) -> MarkStyle:
    if span.precision is Precision.INTERVAL:
        shape = Shape.INTERVAL
    elif span.precision is Precision.DAY and span.lower == span.upper:
        shape = Shape.POINT
    else:
        shape = Shape.SPAN
    # an unknown end ("2004-06-01/") is drawn like an open one: the bar fades where the source is silent
    return MarkStyle(shape, span.precision, span.approximate, span.uncertain,
                     span.open_start or span.unknown_start, span.open_end or span.unknown_end, disputed)


@dataclass(frozen=True, slots=True)
class LegendEntry:
    key: str
    label: str
    explanation: str


LEGEND: tuple[LegendEntry, ...] = (
    LegendEntry("exact", "Exact day", "The source gives the day: a point."),
    LegendEntry("month", "Month", "Sometime in that month: a bar over the whole month."),
    LegendEntry("year", "Year", "Sometime in that year: a bar over the whole year."),
    LegendEntry("season", "Season", "Sometime in that season, quarter or half-year."),
    LegendEntry("decade", "Decade", "Sometime in that decade."),
    LegendEntry("century", "Century", "Sometime in that century."),
    LegendEntry("millennium", "Millennium or longer", "Sometime within a thousand years or more."),
    LegendEntry("set", "One of several dates", "One, or all, of the dates listed: a bar over their range."),
    LegendEntry("interval", "Period", "From one date to another: a solid bar with end caps."),
    LegendEntry("approximate", "Approximate (~)", "About this date: soft, dashed edges."),
    LegendEntry("uncertain", "Uncertain (?)", "The date is inferred or in doubt: hatched, marked “?”."),
    LegendEntry("open", "Open end (..)",
                "No start or no end is given, or it is unknown: the bar fades out with an arrow."),
    LegendEntry("disputed", "Sources disagree",
                "The sources give dates that cannot both be right: each is drawn and linked, marked ≠."),
    LegendEntry("cluster", "More events", "Too many to show at this zoom: “+N”; click to zoom in."),
    LegendEntry("hit", "Search hit", "Matches the current search."),
    LegendEntry("document", "Document", "A dated text the archive holds."),
    LegendEntry("image", "Image", "A dated image the archive holds."),
    LegendEntry("record", "Record", "A dated work the sources name; the archive does not hold it."),
)
LEGEND_BY_KEY = {entry.key: entry for entry in LEGEND}
