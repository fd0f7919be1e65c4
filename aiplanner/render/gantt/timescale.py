"""The adaptive time axis of the Gantt: which scale, which ticks, what text.

Chart x is counted in calendar days since the plan start (``x = 0`` is the
start of ``Plan.start``). The header has two tiers: tier 0 on top names the
larger unit (month, year ...), tier 1 below names the scale's own unit (day,
week, month, quarter). A tick is the *start* of a header cell; the cell ends
at ``x_end``. Text is English and locale-free so exports are deterministic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

__all__ = ["Scale", "SCALES", "Tick", "choose_scale", "unit_start", "ticks_between"]

Scale = Literal["days", "weeks", "months", "quarters"]
SCALES: tuple[Scale, ...] = ("days", "weeks", "months", "quarters")

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Largest span (calendar days) each scale is chosen for when "auto": roughly
# 60 cells at most on a landscape page, so the header text stays readable.
_AUTO_LIMITS: tuple[tuple[Scale, int], ...] = (("days", 45), ("weeks", 300), ("months", 1200))


@dataclass(frozen=True, slots=True)
class Tick:
    """One header cell of the time axis.

    Attributes
    ----------
    x, x_end
        Start and end of the cell in chart units (calendar days since the plan start).
    tier
        0 for the upper (coarser) row, 1 for the lower row; tier-1 ticks also
        give the vertical grid lines.
    text
        What the cell shows ("May 2026", "W19", "4", "Q3" ...).
    date
        The calendar date at ``x``.
    """

    x: float
    x_end: float
    tier: int
    text: str
    date: dt.date


def choose_scale(span_days: float) -> Scale:
    """The scale for a chart that shows ``span_days`` calendar days.

    >>> choose_scale(30), choose_scale(120), choose_scale(500), choose_scale(2000)
    ('days', 'weeks', 'months', 'quarters')
    """
    for scale, limit in _AUTO_LIMITS:
        if span_days <= limit:
            return scale
    return "quarters"


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def unit_start(day: dt.date, unit: str) -> dt.date:
    """The first day of the ``unit`` ("day", "week", "month", "quarter", "year") holding ``day``."""
    if unit == "day":
        return day
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return _month_start(day)
    if unit == "quarter":
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if unit == "year":
        return dt.date(day.year, 1, 1)
    raise ValueError(f"unknown unit {unit!r}")


def _next(day: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=1)
    if unit == "week":
        return day + dt.timedelta(days=7)
    if unit == "month":
        return _add_months(day, 1)
    if unit == "quarter":
        return _add_months(day, 3)
    return dt.date(day.year + 1, 1, 1)


# scale -> (tier-0 unit, tier-1 unit)
_UNITS: dict[str, tuple[str, str]] = {
    "days": ("week", "day"),
    "weeks": ("month", "week"),
    "months": ("year", "month"),
    "quarters": ("year", "quarter"),
}


def scale_units(scale: Scale) -> tuple[str, str]:
    """The (upper, lower) header units of ``scale``."""
    return _UNITS[scale]


def _text(day: dt.date, unit: str, scale: Scale) -> str:
    if unit == "day":
        return str(day.day)
    if unit == "week":
        if scale == "days":
            return f"W{day.isocalendar()[1]} · {day.day} {MONTHS[day.month - 1]} {day.year}"
        return str(day.day)
    if unit == "month":
        return f"{MONTHS[day.month - 1]} {day.year}" if scale == "weeks" else MONTHS[day.month - 1]
    if unit == "quarter":
        return f"Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def ticks_between(origin: dt.date, first: dt.date, last: dt.date, scale: Scale) -> list[Tick]:
    """Header cells covering ``first .. last`` (inclusive days), both tiers.

    Cells are clipped to the range, so a partial first or last unit still gets
    a cell (its text is kept; painters drop text that does not fit).
    """
    lo = (first - origin).days
    hi = (last - origin).days + 1
    ticks: list[Tick] = []
    for tier, unit in enumerate(_UNITS[scale]):
        day = unit_start(first, unit)
        while day <= last:
            following = _next(day, unit)
            x0 = max((day - origin).days, lo)
            x1 = min((following - origin).days, hi)
            ticks.append(Tick(float(x0), float(x1), tier, _text(day, unit, scale), max(day, first)))
            day = following
    return ticks
