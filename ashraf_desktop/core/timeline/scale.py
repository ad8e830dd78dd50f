"""Days to pixels and back, at any zoom, with the zoom limits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


#: Zoom limits: a day 160 px wide at most; zoomed out, about four centuries across 1,000 px, or as far as a
#: fitted scale needs to show all of an archive's dates (:meth:`Scale.fit`).
MIN_DAYS_PER_PX = 1 / 160
MAX_DAYS_PER_PX = 150.0

TextWidth = Callable[[str], float]


# --------------------------------------------------------------------------------------------- mapping

@dataclass(frozen=True, slots=True)
class Scale:
    """A linear map between day numbers and x pixels: ``x = (day - start) / days_per_px``.

    ``max_dpp`` is how far this view may zoom out; it travels with the scale through zooms and pans, so a
    view fitted to deep time (a timeline from 3000 BCE, or from "Y-17E7") can be zoomed back out to it.
    """

    start: float  # the (fractional) day number at x = 0
    days_per_px: float
    max_dpp: float = MAX_DAYS_PER_PX

    def x(self, day: float) -> float:
        return (day - self.start) / self.days_per_px

    def day(self, x: float) -> float:
        return self.start + x * self.days_per_px

    def zoomed(self, factor: float, anchor_x: float = 0.0, *, min_dpp: float = MIN_DAYS_PER_PX,
               max_dpp: float | None = None) -> "Scale":
        """Zoom in (``factor`` > 1) or out, keeping the day under ``anchor_x`` where it is."""
        limit = self.max_dpp if max_dpp is None else max_dpp
        anchor_day = self.day(anchor_x)
        dpp = min(max(self.days_per_px / factor, min_dpp), max(limit, min_dpp))
        return Scale(anchor_day - anchor_x * dpp, dpp, self.max_dpp)

    def panned(self, dx: float) -> "Scale":
        """Move the content ``dx`` pixels to the right (the view moves to earlier dates)."""
        return Scale(self.start - dx * self.days_per_px, self.days_per_px, self.max_dpp)

    def centered_on(self, day: float, width: float) -> "Scale":
        return Scale(day - width / 2 * self.days_per_px, self.days_per_px, self.max_dpp)

    @classmethod
    def fit(cls, lower: float, upper: float, width: float, margin_px: float = 24.0, *,
            margin_right_px: float | None = None, min_dpp: float = MIN_DAYS_PER_PX,
            max_dpp: float | None = None) -> "Scale":
        """The scale that shows days ``lower``..``upper`` (exclusive end) in ``width`` pixels.

        ``margin_px`` is kept free on the left and (unless ``margin_right_px`` says otherwise) on the right:
        labels run to the right of their marks, so a timeline wants more room on that side. Without
        ``max_dpp``, the zoom-out limit is :data:`MAX_DAYS_PER_PX`, or four times what the range needs when
        that is more (deep time): the whole range always fits, with room to zoom out around it.
        """
        right = margin_px if margin_right_px is None else margin_right_px
        if margin_px + right > width * 0.6:  # a very narrow view: shrink both margins alike
            k = width * 0.6 / max(margin_px + right, 1e-9)
            margin_px, right = margin_px * k, right * k
        usable = max(width - margin_px - right, 1.0)
        needed = (upper - lower) / usable
        limit = max(MAX_DAYS_PER_PX, needed * 4) if max_dpp is None else max_dpp
        dpp = min(max(needed, min_dpp), limit)
        mid = (lower + upper) / 2
        center_x = margin_px + usable / 2
        return cls(mid - center_x * dpp, dpp, limit)
