"""Zoom maths and the adaptive time header of the Gantt widget (no Qt here).

Chart units are those of :mod:`aiplanner.render.gantt.scene`: ``x`` counts
calendar days since the plan start (day ``k`` spans ``[k, k + 1)``), ``y``
counts rows. The widget maps them to pixels with a :class:`TimeScale`:
``px = x * px_per_day - scroll``. Zoom is continuous (Ctrl+wheel, +/-) and
clamped between a few pixels per quarter and a wide day column; the header
shows the render layer's ticks (:mod:`aiplanner.render.gantt.timescale`) of the
scale that fits the current zoom (weeks over days ... years over quarters).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from aiplanner.render.gantt.timescale import Scale, Tick, ticks_between

__all__ = ["MIN_PX_PER_DAY", "MAX_PX_PER_DAY", "ZOOM_STEP", "TimeScale", "zoom_level_name", "header_ticks",
           "fitting_level"]

MIN_PX_PER_DAY = 0.35
MAX_PX_PER_DAY = 64.0
ZOOM_STEP = 1.25


@dataclass
class TimeScale:
    """Maps chart days to pixels for one plan start."""

    origin: dt.date
    px_per_day: float = 12.0

    def clamp(self, value: float) -> float:
        return min(MAX_PX_PER_DAY, max(MIN_PX_PER_DAY, value))

    def set_px_per_day(self, value: float) -> float:
        self.px_per_day = self.clamp(value)
        return self.px_per_day

    def zoom_by(self, steps: float) -> float:
        """Multiply the zoom by ``ZOOM_STEP ** steps`` (positive = in)."""
        return self.set_px_per_day(self.px_per_day * ZOOM_STEP**steps)

    def fit(self, x0: float, x1: float, width_px: float, margin_px: float = 24.0) -> float:
        """Zoom so chart days ``x0 .. x1`` fill ``width_px`` (less a margin)."""
        span = max(x1 - x0, 1.0)
        return self.set_px_per_day(max(width_px - 2 * margin_px, 10.0) / span)

    def to_px(self, x: float) -> float:
        return x * self.px_per_day

    def to_days(self, px: float) -> float:
        return px / self.px_per_day

    def date_at(self, x: float) -> dt.date:
        """The calendar date of chart day ``x`` (its floor)."""
        return self.origin + dt.timedelta(days=math.floor(x))

    def x_of(self, day: dt.date) -> int:
        """Chart day of ``day`` (its left edge)."""
        return (day - self.origin).days

    @property
    def level(self) -> str:
        return zoom_level_name(self.px_per_day)


def zoom_level_name(px_per_day: float) -> Scale:
    """The header scale for this zoom: a lower-tier cell must hold its label.

    >>> [zoom_level_name(v) for v in (20, 5, 1.5, 0.5)]
    ['days', 'weeks', 'months', 'quarters']
    """
    if px_per_day >= 16:
        return "days"
    if px_per_day >= 3.2:
        return "weeks"
    if px_per_day >= 1.0:
        return "months"
    return "quarters"


#: Fewest calendar days a lower-tier header cell of each scale spans (February, a short quarter).
CELL_DAYS: dict[str, float] = {"days": 1, "weeks": 7, "months": 28, "quarters": 90}
#: The widest label of each scale's lower tier (day of month, week's Monday, month, quarter).
WIDEST_LABEL: dict[str, str] = {"days": "28", "weeks": "28", "months": "May", "quarters": "Q4"}


def fitting_level(px_per_day: float, text_width, padding: float = 8.0) -> Scale:
    """The finest scale whose every lower-tier cell holds its label whole.

    ``text_width(text)`` measures text in pixels in the header's font, so a
    big presentation font moves to a coarser scale sooner: the header never
    labels some cells of a tier and leaves their neighbours blank.

    >>> fitting_level(24, lambda t: 7 * len(t)), fitting_level(4, lambda t: 7 * len(t))
    ('days', 'weeks')
    >>> fitting_level(4, lambda t: 12 * len(t))
    'months'
    """
    for level in ("days", "weeks", "months", "quarters"):
        if px_per_day * CELL_DAYS[level] >= text_width(WIDEST_LABEL[level]) + padding:
            return level  # type: ignore[return-value]
    return "quarters"


def header_ticks(scale: TimeScale, x0: float, x1: float, level: Scale | None = None) -> list[Tick]:
    """Both header tiers covering chart days ``x0 .. x1`` at the current zoom (or at ``level``)."""
    return ticks_between(scale.origin, scale.date_at(x0), scale.date_at(x1), level or scale.level)
