"""Working-day arithmetic for one plan calendar.

Working days are numbered from the plan start: day 0 is the first working
day on or after ``Plan.start``; earlier working days are negative. A table
of cumulative working-day counts over calendar days (indexed by the day's
ordinal) makes every conversion O(1); it grows geometrically on demand, so
dates decades away cost one rebuild, and year ends or leap days need no
special case (the table walks real calendar days).

The working weekdays may be any subset of the week (Mon-Fri, Mon-Sat,
Sun-Thu ...). Holidays are the plan's explicit dates plus, when the
calendar names a country, that country's (and subdivision's) public
holidays from the offline ``holidays`` package. Extra working days
(``Calendar.extra_workdays``) are worked whatever their weekday, and win
over public holidays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.model.rules import DATE_MAX, DATE_MIN, WEEKDAYS

if TYPE_CHECKING:
    from aiplanner.model.plan import Calendar

__all__ = ["WorkCalendar", "CalendarError", "public_holidays"]

_MIN = DATE_MIN
_MAX = DATE_MAX


class CalendarError(InvalidPlanError, ValueError):
    """The calendar cannot be used (unknown holiday region, date out of range)."""

    def __init__(self, path: str | list[Problem], message: str = "", file: str | None = None) -> None:
        if isinstance(path, list):  # InvalidPlanError's (problems, file), as ``with_file`` calls it
            super().__init__(path, message or file)
        else:
            super().__init__([Problem(path, message)], file)


#: (country, subdivision, year) -> that year's public holidays; the package is slow to ask.
_PUBLIC_CACHE: dict[tuple[str, str | None, int], frozenset[dt.date]] = {}


def public_holidays(country: str, subdivision: str | None, years: Iterable[int]) -> set[dt.date]:
    """Public holidays of a country (and subdivision) from the offline ``holidays`` package.

    Results are cached per year, so scheduling the same plan again does not
    ask the package again.

    Raises
    ------
    CalendarError
        The country or subdivision is not known to the package.

    Examples
    --------
    >>> dt.date(2026, 12, 25) in public_holidays("GB", "ENG", [2026])
    True
    """
    years = sorted(set(years))
    missing = [y for y in years if (country, subdivision, y) not in _PUBLIC_CACHE]
    if missing:
        import holidays as _holidays  # late: only plans that name a country pay for it

        for year in missing:
            try:
                table = _holidays.country_holidays(country, subdiv=subdivision, years=[year])
            except (NotImplementedError, KeyError) as exc:
                region = country + (f"/{subdivision}" if subdivision else "")
                path = "$.calendar.subdivision" if subdivision and "subdivision" in str(exc) else "$.calendar.country"
                raise CalendarError(path, f"unknown public-holiday region {region!r}") from None
            # Kept as the package gives them (an observed day may fall in the year before).
            _PUBLIC_CACHE[(country, subdivision, year)] = frozenset(table.keys())
    found: set[dt.date] = set()
    for year in years:
        found |= _PUBLIC_CACHE[(country, subdivision, year)]
    return found


class WorkCalendar:
    """Converts between dates and working-day numbers for one calendar.

    Parameters
    ----------
    calendar
        The plan's calendar (working weekdays, holidays, optional country).
    origin
        The plan start: working day 0 is the first working day on or after it.

    Examples
    --------
    >>> from aiplanner.model import Calendar
    >>> cal = WorkCalendar(Calendar(), dt.date(2026, 5, 1))   # a Friday
    >>> cal.date_of(0), cal.date_of(1)
    (datetime.date(2026, 5, 1), datetime.date(2026, 5, 4))
    >>> cal.index_on_or_after(dt.date(2026, 5, 2))   # Saturday -> Monday
    1
    >>> cal.index_on_or_before(dt.date(2026, 5, 2))  # Saturday -> Friday
    0
    """

    def __init__(self, calendar: Calendar, origin: dt.date) -> None:
        if not _MIN <= origin <= _MAX:
            raise CalendarError("$.start", f"plan start {origin} is outside the supported years 1900-2400")
        self.calendar = calendar
        self.origin = origin
        self._weekdays = frozenset(WEEKDAYS.index(d) for d in calendar.workdays)
        if not self._weekdays:
            raise CalendarError("$.calendar.workdays", "the calendar has no working weekdays")
        self._explicit = frozenset(calendar.holidays)
        self._extra = frozenset(calendar.extra_workdays)
        self._public: set[dt.date] = set()
        self._public_years: set[int] = set()
        self._lo = origin.toordinal() - 3 * 366
        self._hi = origin.toordinal() + 12 * 366
        self._build()

    # -- table ------------------------------------------------------------
    def _load_public(self) -> None:
        if not self.calendar.country:
            return
        lo, hi = dt.date.fromordinal(self._lo).year, dt.date.fromordinal(self._hi).year
        years = set(range(lo, hi + 1)) - self._public_years
        if years:
            self._public |= public_holidays(self.calendar.country, self.calendar.subdivision, sorted(years))
            self._public_years |= years

    def _build(self) -> None:
        self._load_public()
        closed = {d.toordinal() for d in self._explicit} | {d.toordinal() for d in self._public - self._extra}
        opened = {d.toordinal() for d in self._extra} - {d.toordinal() for d in self._explicit}
        mask = [i in self._weekdays for i in range(7)]
        lo, hi = self._lo, self._hi
        cum = [0] * (hi - lo + 2)  # cum[k]: working days strictly before ordinal lo + k
        working: list[int] = []
        count = 0
        weekday = dt.date.fromordinal(lo).weekday()
        for k, ordinal in enumerate(range(lo, hi + 1)):
            cum[k] = count
            if (mask[weekday] or ordinal in opened) and ordinal not in closed:
                working.append(ordinal)
                count += 1
            weekday = 0 if weekday == 6 else weekday + 1
        cum[hi - lo + 1] = count
        if not working:
            raise CalendarError("$.calendar", "the calendar has no working days")
        self._cum = cum
        self._working = working
        self._dates: list[dt.date | None] = [None] * len(working)
        self._zero = cum[self.origin.toordinal() - lo]

    def _ensure(self, ordinal: int) -> None:
        if self._lo <= ordinal <= self._hi:
            return
        if not _MIN.toordinal() <= ordinal <= _MAX.toordinal():
            day = dt.date.fromordinal(max(1, ordinal))
            raise CalendarError("$", f"date {day} is outside the supported years 1900-2400")
        # Grow geometrically so that walking out day by day stays linear.
        span = max(5 * 366, self._hi - self._lo)
        if ordinal < self._lo:
            self._lo = max(_MIN.toordinal(), min(ordinal, self._lo - span))
        else:
            self._hi = min(_MAX.toordinal(), max(ordinal, self._hi + span))
        self._build()

    def _ensure_index(self, index: int) -> None:
        while not 0 <= index + self._zero < len(self._working):
            if index + self._zero < 0:
                if self._lo <= _MIN.toordinal():
                    raise CalendarError("$", f"working day {index} is before the year 1900")
                self._ensure(self._lo - 1)
            else:
                if self._hi >= _MAX.toordinal():
                    raise CalendarError("$", f"working day {index} is after the year 2400")
                self._ensure(self._hi + 1)

    # -- queries ----------------------------------------------------------
    def is_working(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day."""
        ordinal = day.toordinal()
        self._ensure(ordinal)
        k = ordinal - self._lo
        return self._cum[k + 1] > self._cum[k]

    def index_on_or_after(self, day: dt.date) -> int:
        """Number of the first working day on or after ``day``."""
        ordinal = day.toordinal()
        self._ensure(ordinal)
        return self._cum[ordinal - self._lo] - self._zero

    def index_on_or_before(self, day: dt.date) -> int:
        """Number of the last working day on or before ``day``."""
        ordinal = day.toordinal()
        self._ensure(ordinal)
        return self._cum[ordinal - self._lo + 1] - self._zero - 1

    def date_of(self, index: int) -> dt.date:
        """The date of working day ``index`` (0 = first working day on/after the origin)."""
        k = index + self._zero
        if not 0 <= k < len(self._working):
            self._ensure_index(index)
            k = index + self._zero
        day = self._dates[k]
        if day is None:
            day = self._dates[k] = dt.date.fromordinal(self._working[k])
        return day

    def add_working_days(self, day: dt.date, days: int) -> dt.date:
        """The working day ``days`` working days after ``day`` (before, if negative).

        ``day`` itself counts as day 0 when it is a working day; otherwise the
        next working day does.
        """
        return self.date_of(self.index_on_or_after(day) + days)

    def working_days_between(self, first: dt.date, last: dt.date) -> int:
        """Working days in ``first .. last`` inclusive (0 if last < first)."""
        if last < first:
            return 0
        return self.index_on_or_before(last) - self.index_on_or_after(first) + 1

    def working_dates(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """The working days in ``first .. last`` inclusive."""
        if last < first:
            return []
        lo = self.index_on_or_after(first)
        hi = self.index_on_or_before(last)
        return [self.date_of(i) for i in range(lo, hi + 1)]

    def holidays_between(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """Holidays (explicit and public) on working weekdays in ``first .. last``."""
        if last < first:
            return []
        self._ensure(first.toordinal())
        self._ensure(last.toordinal())
        closed = self._explicit | (self._public - self._extra)
        return sorted(d for d in closed if first <= d <= last and d.weekday() in self._weekdays)

    def extra_workdays_between(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """Extra working days (on non-working weekdays) in ``first .. last``."""
        return sorted(d for d in self._extra - self._explicit
                      if first <= d <= last and d.weekday() not in self._weekdays)

    def holiday_dates(self) -> set[dt.date]:
        """Every holiday known so far (explicit and loaded public ones)."""
        return set(self._explicit) | set(self._public)

    @property
    def days_per_week(self) -> int:
        """Working weekdays per week (5 for Mon-Fri): what "1w" means in the UI."""
        return len(self._weekdays)
