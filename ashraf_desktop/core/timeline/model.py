"""An archive's events and dated items with their filters and cached layouts; a disputed date
presented source by source."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..archive import Archive, DatedItem, DateError, DateSpan, Event, Item, describe_date, parse_date
from ..archive.date_words import MONTHS as _MONTHS
from ..archive.days import MAX_DAY, MIN_DAY, civil_from_day, year_words
from .filters import EventFilter
from .layout import Domain, Entry, Layout, pack, zoom_step
from .marks import MarkStyle, classify
from .scale import TextWidth


@dataclass(frozen=True, slots=True)
class ClaimView:
    """One source's date for a disputed event, with the passage it comes from."""

    value: str  # EDTF as written
    words: str  # "January 2009"
    span: DateSpan | None  # None when the value is not valid EDTF (shown, not drawn)
    item_id: str
    item_title: str
    quote: str


@lru_cache(maxsize=8192)
def _parse_claim(value: str) -> tuple[DateSpan | None, str]:
    """EDTF parsing is slow (tens of ms in the edtf package): claims are parsed once per distinct value."""
    try:
        return parse_date(value), describe_date(value)
    except DateError:
        return None, value


def is_disputed(event: Event) -> bool:
    """Same rule as :attr:`Event.disputed` (claims whose day ranges do not overlap), with cached parsing."""
    spans = [span for claim in event.date_claims if (span := _parse_claim(claim.value)[0]) is not None]
    return any(not a.overlaps(b) for i, a in enumerate(spans) for b in spans[i + 1:])


def claim_views(event: Event, archive: Archive | None = None) -> tuple[ClaimView, ...]:
    out = []
    for claim in event.date_claims:
        span, words = _parse_claim(claim.value)
        item = archive.item(claim.citation.item) if archive is not None else None
        out.append(ClaimView(claim.value, words, span, claim.citation.item,
                             item.title if item else claim.citation.item, claim.citation.quote))
    return tuple(out)


def format_range(lower: int, upper: int) -> str:
    """Inclusive day range in words: "3 February 2003 – 9 August 2009"; over more than a century only the
    years ("17,918,080 BCE – 3,427,254"): days are noise at that scale."""
    years_only = upper - lower > 36525

    def one(d: int) -> str:
        if d < MIN_DAY:
            return "the earliest dates"
        if d > MAX_DAY:
            return "the latest dates"
        year, month, day = civil_from_day(d)
        return year_words(year) if years_only else f"{day} {_MONTHS[month - 1]} {year_words(year)}"
    return one(lower) if lower == upper else f"{one(lower)} – {one(upper)}"


#: Titles this long or longer are not measured (see :meth:`TimelineModel.prepare`): at 4.5 px a character -
#: narrower than any UI font's average - they are wider than the 72 px that packing reserves at most.
_MEASURED_TITLE = 16


@dataclass(frozen=True, slots=True)
class TimelineData:
    """What :meth:`TimelineModel.prepare` derives from an archive (plain data: made on any thread)."""

    archive: Archive | None
    events: tuple[Event, ...]
    items: tuple[DatedItem, ...]
    event_by_id: dict[str, Event]
    item_by_id: dict[str, DatedItem]
    domain: Domain
    styles: dict[str, MarkStyle]
    event_entries: list[Entry]
    item_entries: list[Entry]


class TimelineModel:
    """An archive's events and dated items, ready to lay out; caches layouts per zoom step.

    ``label_width`` measures a title in pixels (the UI passes its font metrics); widths are measured
    once per title.
    """

    def __init__(self, archive: Archive | None = None, label_width: TextWidth | None = None,
                 max_label_px: float = 260.0) -> None:
        self.label_width = label_width or (lambda text: 6.5 * len(text))
        self.max_label_px = max_label_px
        self.archive: Archive | None = None
        self.events: tuple[Event, ...] = ()
        self.items: tuple[DatedItem, ...] = ()  # what is drawn of each dated item (the Item: :meth:`item`)
        self.filter = EventFilter()
        self.domain = Domain.of(())
        self._event_by_id: dict[str, Event] = {}
        self._item_by_id: dict[str, DatedItem] = {}
        self._styles: dict[str, MarkStyle] = {}
        self._claims: dict[str, tuple[ClaimView, ...]] = {}
        self._event_entries: list[Entry] = []
        self._item_entries: list[Entry] = []
        self._shown: list[Entry] = []
        self._cache: dict[tuple, Layout] = {}
        if archive is not None:
            self.set_archive(archive)

    # -- data
    def set_archive(self, archive: Archive | None) -> None:
        self.adopt(self.prepare(archive))

    def prepare(self, archive: Archive | None, label_width: TextWidth | None = None) -> "TimelineData":
        """Everything the timeline derives from ``archive``, without changing the model: at 100,000 items
        this is most of a second of CPU, so the panel runs it on a worker (``label_width`` must then be safe
        to call there) and its result is :meth:`adopt`-ed on the GUI thread."""
        width = label_width or self.label_width
        events = archive.events if archive is not None else ()
        # rows, not Items: a catalogued archive answers from SQL without building 100,000 objects
        items = tuple(archive.items.dated()) if archive is not None else ()
        domain = Domain.of([e.date for e in events] + [i.date for i in items if i.date])
        styles = {e.id: classify(e.date, disputed=bool(e.date_claims) and is_disputed(e)) for e in events}
        styles.update({i.id: classify(i.date) for i in items if i.date})

        def entry(ident: str, span: DateSpan, title: str) -> Entry:
            lower = domain.draw_lower if span.open_start else span.lower
            upper = domain.draw_upper if span.open_end else span.upper + 1
            # Only short titles are measured: packing needs min(width, 72 px) and painting elides exactly, so a
            # long title may be taken at the widest a label is drawn (saves ~0.7 s of font metrics at 90k)
            w = min(width(title), self.max_label_px) if len(title) < _MEASURED_TITLE else self.max_label_px
            return Entry(ident, float(lower), float(max(upper, lower + 1)), w)

        def order(en: Entry) -> tuple:
            return en.lower, en.upper, en.id
        return TimelineData(
            archive=archive, events=events, items=items, domain=domain, styles=styles,
            event_by_id={e.id: e for e in events}, item_by_id={i.id: i for i in items},
            event_entries=sorted((entry(e.id, e.date, e.title) for e in events), key=order),
            item_entries=sorted((entry(i.id, i.date, i.title) for i in items if i.date), key=order))

    def adopt(self, data: "TimelineData") -> None:
        """Make ``data`` (from :meth:`prepare`) the model's archive; the filter is applied again."""
        self.archive, self.events, self.items, self.domain = data.archive, data.events, data.items, data.domain
        self._event_by_id, self._item_by_id = data.event_by_id, data.item_by_id
        self._claims = {}
        self._styles = data.styles
        self._event_entries, self._item_entries = data.event_entries, data.item_entries
        self._apply_filter()

    def event(self, event_id: str) -> Event | None:
        return self._event_by_id.get(event_id)

    def dated_item(self, item_id: str) -> DatedItem | None:
        """What the timeline draws of a dated item (id, kind, title, date), without building the Item."""
        return self._item_by_id.get(item_id)

    def item(self, item_id: str) -> Item | None:
        """The dated item ``item_id`` drawn on the timeline (built from the archive when asked for)."""
        if item_id not in self._item_by_id or self.archive is None:
            return None
        return self.archive.item(item_id)

    def style(self, ident: str) -> MarkStyle | None:
        return self._styles.get(ident)

    def claims(self, event_id: str) -> tuple[ClaimView, ...]:
        """Each source's date for an event (cached: painting never parses dates)."""
        views = self._claims.get(event_id)
        if views is None:
            event = self._event_by_id.get(event_id)
            views = claim_views(event, self.archive) if event is not None else ()
            self._claims[event_id] = views
        return views

    # -- filters
    def set_filter(self, flt: EventFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self._apply_filter()

    def _apply_filter(self) -> None:
        self._shown = [en for en in self._event_entries if self.filter.matches(self._event_by_id[en.id])]
        self._cache.clear()

    @property
    def shown_ids(self) -> list[str]:
        """Ids of the events the filters let through, in date order (the keyboard's order)."""
        return [en.id for en in self._shown]

    def shown_entries(self) -> list[Entry]:
        return list(self._shown)

    def entry(self, ident: str) -> Entry | None:
        for en in self._shown:
            if en.id == ident:
                return en
        return next((en for en in self._item_entries if en.id == ident), None)

    # -- layout
    def event_layout(self, days_per_px: float, max_lanes: int, pinned: str | None = None) -> Layout:
        """The events' lanes at this zoom step; ``pinned`` (the selection) is never left in a cluster."""
        return self._layout("events", self._shown, days_per_px, max_lanes, pinned)

    def item_layout(self, days_per_px: float, max_lanes: int, pinned: str | None = None) -> Layout:
        return self._layout("items", self._item_entries, days_per_px, max_lanes, pinned)

    def _layout(self, which: str, entries: list[Entry], dpp: float, max_lanes: int,
                pinned: str | None = None) -> Layout:
        step = zoom_step(dpp)
        key = (which, step, max_lanes)
        layout = self._cache.get(key)
        if layout is None:
            if len(self._cache) > 64:
                self._cache.clear()
            layout = self._cache[key] = pack(entries, step, max_lanes)
        if pinned is None or pinned in layout.placed_ids or (
                pinned not in self._event_by_id and pinned not in self._item_by_id):
            return layout
        key = (which, step, max_lanes, pinned)
        pinned_layout = self._cache.get(key)
        if pinned_layout is None:
            if not any(en.id == pinned for en in entries):
                return layout  # filtered out, or not of this kind
            if len(self._cache) > 64:
                self._cache.clear()
            pinned_layout = self._cache[key] = pack(entries, step, max_lanes, pinned=pinned)
        return pinned_layout

    def full_range(self) -> tuple[float, float]:
        """Days to show for "fit all": the known dates, without the open ends' padding."""
        return float(self.domain.lower), float(self.domain.upper)
