"""Timeline geometry and presentation data, without Qt.

Everything the timeline panel decides that is not painting lives here, so that it can be tested (and
benchmarked) without a screen:

* :class:`Scale` maps ordinal days to x pixels at any zoom, and back;
* :func:`ticks` picks the tick level (centuries … days) whose labels do not overlap, given a function that
  measures text, plus a context row ("2009" above months, "February 2009" above days);
* :func:`classify` says how a date is drawn (:class:`MarkStyle`): an exact day is a point, a month or a
  year a span, an interval a bar; ``~``, ``?`` and open ends are flags with their own look;
* :func:`pack` stacks marks in lanes and gathers what does not fit into clusters ("+12");
* :class:`TimelineModel` holds an archive's events and dated items, the filters, and caches layouts per
  zoom step so that panning never recomputes anything;
* :func:`claim_views` presents a disputed date: each source's date with its passage;
* :func:`events_csv` exports events.

Dates are day numbers (:mod:`ashraf_desktop.core.archive.days`: ``date.toordinal()`` within years 1-9999,
extended to any year); a day ``d`` covers ``[d, d + 1)`` on the axis. Deep time is handled by the same
code: tick levels run from days to hundreds of billions of years, years before 1 are labelled BCE, and a
scale made by :meth:`Scale.fit` may zoom out as far as the archive's dates need.
"""

from .export import CSV_COLUMNS, events_csv
from .filters import EventFilter, facets
from .layout import Cluster, Domain, Entry, Layout, Mark, pack, zoom_step
from .marks import LEGEND, LEGEND_BY_KEY, LegendEntry, MarkStyle, Shape, classify
from .model import ClaimView, TimelineData, TimelineModel, claim_views, format_range, is_disputed
from .scale import MAX_DAYS_PER_PX, MIN_DAYS_PER_PX, Scale, TextWidth
from .ticks import GREGORIAN, LEVELS, Tick, TickCalendar, TickLevel, TickSet, Unit, ticks

__all__ = [
    "Scale", "TickLevel", "Tick", "TickSet", "ticks", "TickCalendar", "GREGORIAN", "Unit", "MarkStyle", "Shape", "classify", "LegendEntry",
    "LEGEND", "Entry", "Mark", "Cluster", "Layout", "pack", "EventFilter", "TimelineModel",
    "TimelineData", "ClaimView",
    "claim_views", "is_disputed", "events_csv", "CSV_COLUMNS", "format_range", "Domain", "MIN_DAYS_PER_PX",
    "MAX_DAYS_PER_PX",
]
