"""Per-person availability: the plan's working days less the person's absences.

Used by resource load and staffing: a person can work on the calendar's
working days, except the days of their absences (inclusive ranges, which
may overlap). Counts are computed from merged absence ranges and the
calendar's O(1) conversions, so they stay cheap over long ranges.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from aiplanner.model.plan import Absence, Person
from aiplanner.schedule.calendar import WorkCalendar

__all__ = ["merged_absences", "available_days", "available_dates", "is_available"]


def merged_absences(absences: Iterable[Absence], first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Absence ranges clipped to ``first .. last``, sorted and merged (inclusive ends)."""
    clipped = sorted(
        (max(a.start, first), min(a.end, last)) for a in absences if a.end >= first and a.start <= last
    )
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in clipped:
        if merged and start <= merged[-1][1] + dt.timedelta(days=1):
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def available_days(calendar: WorkCalendar, person: Person, first: dt.date, last: dt.date) -> int:
    """How many working days ``person`` can work in ``first .. last`` inclusive.

    Examples
    --------
    >>> from aiplanner.model import Calendar
    >>> cal = WorkCalendar(Calendar(), dt.date(2026, 5, 4))
    >>> p = Person(id="ana", name="Ana", absences=[Absence(start=dt.date(2026, 5, 7), end=dt.date(2026, 5, 11))])
    >>> available_days(cal, p, dt.date(2026, 5, 4), dt.date(2026, 5, 15))   # 10 working days, 3 away
    7
    """
    if last < first:
        return 0
    total = calendar.working_days_between(first, last)
    for start, end in merged_absences(person.absences, first, last):
        total -= calendar.working_days_between(start, end)
    return total


def available_dates(calendar: WorkCalendar, person: Person, first: dt.date, last: dt.date) -> list[dt.date]:
    """The working days in ``first .. last`` on which ``person`` is not absent."""
    away = merged_absences(person.absences, first, last)
    result = []
    k = 0
    for day in calendar.working_dates(first, last):
        while k < len(away) and away[k][1] < day:
            k += 1
        if k < len(away) and away[k][0] <= day:
            continue
        result.append(day)
    return result


def is_available(calendar: WorkCalendar, person: Person, day: dt.date) -> bool:
    """Whether ``day`` is a working day and ``person`` is not absent on it."""
    return calendar.is_working(day) and not any(a.start <= day <= a.end for a in person.absences)
