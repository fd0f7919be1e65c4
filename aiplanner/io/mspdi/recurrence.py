"""Recurring calendar exceptions of MS Project XML, expanded to the dates they cover.

An ``<Exception>`` with ``Type`` 1 (or 7) recurs daily every ``Period``
days, 6 weekly on the ``DaysOfWeek`` bits (Sunday = 1 ... Saturday = 64)
every ``Period`` weeks, 4 monthly on day ``MonthDay``, 5 monthly on the
``MonthPosition``-th (0 = first ... 4 = last) weekday ``MonthItem``
(3 = Sunday ... 9 = Saturday), 2 and 3 yearly in ``Month`` (0 = January)
likewise. Occurrences run from ``FromDate`` to ``ToDate``. A daily
exception every day is one plain range.

Examples
--------
>>> weekly = {"Type": "6", "Period": "2", "DaysOfWeek": "4"}   # every other Tuesday
>>> exception_dates(weekly, dt.date(2001, 1, 1), dt.date(2001, 2, 13))
[datetime.date(2001, 1, 2), datetime.date(2001, 1, 16), datetime.date(2001, 1, 30), datetime.date(2001, 2, 13)]
>>> exception_dates({"Type": "1"}, dt.date(2001, 1, 1), dt.date(2001, 1, 3))
'range'
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from typing import Literal

__all__ = ["exception_dates"]

_ONE = dt.timedelta(days=1)
_MAX_DATES = 5000


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text not in (None, "") else default
    except ValueError:
        return default


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _nth_weekday(first_of_month: dt.date, weekday: int, position: int) -> dt.date:
    """The ``position``-th (1..4, 5 = last) ``weekday`` (Monday = 0) of the month."""
    if position >= 5:
        last = dt.date(first_of_month.year, first_of_month.month,
                       _calendar.monthrange(first_of_month.year, first_of_month.month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    day = first_of_month + dt.timedelta(days=(weekday - first_of_month.weekday()) % 7)
    return day + dt.timedelta(weeks=position - 1)


def _day_in_month(first_of_month: dt.date, wanted: int) -> dt.date:
    length = _calendar.monthrange(first_of_month.year, first_of_month.month)[1]
    return first_of_month.replace(day=min(max(wanted, 1), length))


def _weekday(month_item: int) -> int | None:
    """MSPDI ``MonthItem`` 3..9 (Sunday..Saturday) -> Monday = 0."""
    return (month_item - 4) % 7 if 3 <= month_item <= 9 else None


def exception_dates(fields: dict[str, str], first: dt.date,
                    last: dt.date) -> list[dt.date] | Literal["range"] | None:
    """The dates an exception covers: ``"range"`` for a plain ``first .. last`` range,
    a list of dates for a recurring one, None when the recurrence cannot be read."""
    kind = _int(fields.get("Type"), 1)
    period = max(_int(fields.get("Period"), 1), 1)
    dates: list[dt.date] = []
    if kind in (1, 7):
        if period == 1:
            return "range"
        day = first
        while day <= last and len(dates) < _MAX_DATES:
            dates.append(day)
            day += dt.timedelta(days=period)
    elif kind == 6:
        mask = _int(fields.get("DaysOfWeek"), 0)
        days = [(bit + 6) % 7 for bit in range(7) if mask & (1 << bit)]  # bit 0 = Sunday
        if not days:
            return None
        week = first - dt.timedelta(days=(first.weekday() + 1) % 7)  # the Sunday that starts the week
        while week <= last and len(dates) < _MAX_DATES:
            for offset in range(7):
                day = week + dt.timedelta(days=offset)
                if day.weekday() in days and first <= day <= last:
                    dates.append(day)
            week += dt.timedelta(weeks=period)
    elif kind in (4, 5):
        month = first.replace(day=1)
        weekday = _weekday(_int(fields.get("MonthItem"), 0))
        if kind == 5 and weekday is None:
            return None
        while month <= last and len(dates) < _MAX_DATES:
            if kind == 4:
                day = _day_in_month(month, _int(fields.get("MonthDay"), 1))
            else:
                day = _nth_weekday(month, weekday, _int(fields.get("MonthPosition"), 0) + 1)  # type: ignore[arg-type]
            if first <= day <= last:
                dates.append(day)
            month = _add_months(month, period)
    elif kind in (2, 3):
        number = _int(fields.get("Month"), 0) + 1
        if not 1 <= number <= 12:
            return None
        weekday = _weekday(_int(fields.get("MonthItem"), 0))
        if kind == 3 and weekday is None:
            return None
        year = first.year
        while year <= last.year and len(dates) < _MAX_DATES:
            month = dt.date(year, number, 1)
            if kind == 2:
                day = _day_in_month(month, _int(fields.get("MonthDay"), 1))
            else:
                day = _nth_weekday(month, weekday, _int(fields.get("MonthPosition"), 0) + 1)  # type: ignore[arg-type]
            if first <= day <= last:
                dates.append(day)
            year += 1
    else:
        return None
    return dates
