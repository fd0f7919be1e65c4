"""Working-day arithmetic for one plan calendar.

Working days are numbered from the plan start: day 0 is the first working
day on or after ``Plan.start``; earlier working days are negative. A table
of cumulative working-day counts over calendar days makes every conversion
O(1); it grows on demand, so dates decades away still work.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable

from aiplanner.model.plan import WEEKDAYS, Calendar

__all__ = ["WorkCalendar", "public_holidays"]

_ONE = dt.timedelta(days=1)


def public_holidays(country: str, subdivision: str | None, years: Iterable[int]) -> set[dt.date]:
    """Public holidays of a country (and subdivision) from the offline ``holidays`` package.

    Raises
    ------
    ValueError
        The country or subdivision is not known to the package.
    """
    import holidays as _holidays  # late: only plans that name a country pay for it

    try:
        table = _holidays.country_holidays(country, subdiv=subdivision, years=list(years))
    except (NotImplementedError, KeyError) as exc:
        raise ValueError(f"unknown holiday region {country!r}{'/' + subdivision if subdivision else ''}") from exc
    return set(table.keys())


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
    >>> import datetime as dt
    >>> from aiplanner.model import Calendar
    >>> cal = WorkCalendar(Calendar(), dt.date(2026, 5, 1))   # a Friday
    >>> cal.date_of(0), cal.date_of(1)
    (datetime.date(2026, 5, 1), datetime.date(2026, 5, 4))
    >>> cal.index_on_or_after(dt.date(2026, 5, 2))   # Saturday -> Monday
    1
    """

    def __init__(self, calendar: Calendar, origin: dt.date) -> None:
        self.calendar = calendar
        self.origin = origin
        self._weekdays = frozenset(WEEKDAYS.index(d) for d in calendar.workdays)
        self._explicit = frozenset(calendar.holidays)
        self._public: set[dt.date] = set()
        self._public_years: set[int] = set()
        self._lo = origin - dt.timedelta(days=3 * 366)
        self._hi = origin + dt.timedelta(days=12 * 366)
        self._build()

    # -- table ------------------------------------------------------------
    def _load_public(self, lo: dt.date, hi: dt.date) -> None:
        if not self.calendar.country:
            return
        years = set(range(lo.year, hi.year + 1)) - self._public_years
        if years:
            self._public |= public_holidays(self.calendar.country, self.calendar.subdivision, sorted(years))
            self._public_years |= years

    def _build(self) -> None:
        self._load_public(self._lo, self._hi)
        days = (self._hi - self._lo).days + 1
        working: list[dt.date] = []
        # cum[k] = working days strictly before lo + k
        cum = [0] * (days + 1)
        day = self._lo
        count = 0
        weekdays, explicit, public = self._weekdays, self._explicit, self._public
        for k in range(days):
            cum[k] = count
            if day.weekday() in weekdays and day not in explicit and day not in public:
                working.append(day)
                count += 1
            day += _ONE
        cum[days] = count
        self._cum = cum
        self._working = working
        # Offset so that the first working day on/after origin is number 0.
        self._zero = cum[(self.origin - self._lo).days]
        if not working:
            raise ValueError("the calendar has no working days")

    def _ensure(self, day: dt.date) -> None:
        if self._lo <= day <= self._hi:
            return
        if day < dt.date(1900, 1, 1) or day > dt.date(2400, 12, 31):
            raise ValueError(f"date {day} is outside the supported range 1900-2400")
        span = dt.timedelta(days=5 * 366)
        self._lo = min(self._lo, day - span)
        self._hi = max(self._hi, day + span)
        self._build()

    def _ensure_index(self, index: int) -> None:
        while not (0 <= index + self._zero < len(self._working)):
            grow = dt.timedelta(days=max(366, abs(index) * 2))
            target = self._lo - grow if index + self._zero < 0 else self._hi + grow
            self._ensure(target)

    # -- queries ----------------------------------------------------------
    def is_working(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day."""
        self._ensure(day)
        k = (day - self._lo).days
        return self._cum[k + 1] > self._cum[k]

    def index_on_or_after(self, day: dt.date) -> int:
        """Number of the first working day on or after ``day``."""
        self._ensure(day)
        return self._cum[(day - self._lo).days] - self._zero

    def index_on_or_before(self, day: dt.date) -> int:
        """Number of the last working day on or before ``day``."""
        self._ensure(day)
        return self._cum[(day - self._lo).days + 1] - self._zero - 1

    def date_of(self, index: int) -> dt.date:
        """The date of working day ``index``."""
        self._ensure_index(index)
        return self._working[index + self._zero]

    def working_days_between(self, first: dt.date, last: dt.date) -> int:
        """Working days in ``first .. last`` inclusive (0 if last < first)."""
        if last < first:
            return 0
        return self.index_on_or_before(last) - self.index_on_or_after(first) + 1

    def working_dates(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """The working days in ``first .. last`` inclusive."""
        self._ensure(first)
        self._ensure(last)
        lo = bisect_left(self._working, first)
        hi = bisect_left(self._working, last + _ONE)
        return self._working[lo:hi]

    def holidays_between(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """Holidays (explicit and public) on working weekdays in ``first .. last``."""
        self._ensure(first)
        self._ensure(last)
        found = []
        day = first
        while day <= last:
            if day.weekday() in self._weekdays and (day in self._explicit or day in self._public):
                found.append(day)
            day += _ONE
        return found

    @property
    def days_per_week(self) -> int:
        """Working weekdays per week (5 for Mon-Fri): what "1w" means in the UI."""
        return len(self._weekdays)
