"""The project calendar of an MSPDI file: weekdays, working hours and exceptions.

:func:`read_project_calendar` follows the calendar's base calendars (the
derived one wins), reads each weekday's working times and expands every
exception, the recurring ones too (:mod:`aiplanner.io.mspdi.recurrence`).
The result (:class:`ProjectCalendar`: is a day worked, how many minutes a
working day has, which MS Project measures durations by) becomes our calendar:
working weekdays, holidays (exceptions that close a working weekday) and
extra working days (exceptions that open a non-working one).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from aiplanner.io.mspdi.common import DAY_TYPES, parse_datetime
from aiplanner.io.mspdi.recurrence import exception_dates
from aiplanner.model.parts import DATE_MAX, DATE_MIN
from aiplanner.model.plan import WEEKDAYS

__all__ = ["ProjectCalendar", "read_project_calendar", "exception_ranges", "calendars_by_uid", "local",
           "child_text", "scan"]

_ONE = dt.timedelta(days=1)
_MAX_EXCEPTION_DAYS = 3660
#: MS Project's standard working times: 08:00-12:00 and 13:00-17:00.
_STANDARD = ((dt.time(8), dt.time(12)), (dt.time(13), dt.time(17)))


def local(tag: str) -> str:
    """The tag without its namespace."""
    return tag.rpartition("}")[2]


def scan(node: Element) -> tuple[dict[str, str], list[Element], list[Element]]:
    """One pass over a task or resource: first text of each child by local name,
    the ``PredecessorLink`` children and the ``ExtendedAttribute`` children."""
    fields: dict[str, str] = {}
    links: list[Element] = []
    extended: list[Element] = []
    for child in node:
        name = child.tag.rpartition("}")[2]
        if name == "PredecessorLink":
            links.append(child)
        elif name == "ExtendedAttribute":
            extended.append(child)
        elif name not in fields:
            fields[name] = (child.text or "").strip()
    return fields, links, extended


def child_text(node: Element | None, name: str) -> str | None:
    """Text of the first child called ``name`` (any namespace), stripped."""
    if node is None:
        return None
    for child in node:
        if local(child.tag) == name:
            return (child.text or "").strip()
    return None


def _children(node: Element | None, name: str) -> list[Element]:
    if node is None:
        return []
    return [c for c in node if local(c.tag) == name]


def _child(node: Element | None, name: str) -> Element | None:
    found = _children(node, name)
    return found[0] if found else None


def _time(text: str | None) -> dt.time | None:
    try:
        return dt.time.fromisoformat((text or "").strip()[:8])
    except ValueError:
        return None


def _working_times(node: Element) -> tuple[tuple[dt.time, dt.time], ...]:
    """The (from, to) periods of a ``WorkingTimes`` block; ``to`` 00:00 means midnight."""
    periods = []
    for slot in _children(_child(node, "WorkingTimes"), "WorkingTime"):
        start, end = _time(child_text(slot, "FromTime")), _time(child_text(slot, "ToTime"))
        if start is not None and end is not None:
            periods.append((start, end))
    return tuple(periods)


def _minutes(periods: tuple[tuple[dt.time, dt.time], ...]) -> int:
    total = 0
    for start, end in periods:
        span = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
        total += span if span > 0 else span + 24 * 60
    return total


@dataclass
class ProjectCalendar:
    """A project calendar as MS Project works with it (weekday index: Monday = 0)."""

    working: dict[int, bool] = field(default_factory=lambda: {i: i < 5 for i in range(7)})
    times: dict[int, tuple[tuple[dt.time, dt.time], ...]] = field(default_factory=dict)
    closed: set[dt.date] = field(default_factory=set)   # exceptions: no work that day
    opened: dict[dt.date, tuple[tuple[dt.time, dt.time], ...]] = field(default_factory=dict)  # work that day

    def is_working(self, day: dt.date) -> bool:
        """Whether work happens on ``day``."""
        if day in self.opened:
            return True
        return self.working.get(day.weekday(), False) and day not in self.closed

    def periods(self, day: dt.date) -> tuple[tuple[dt.time, dt.time], ...]:
        """The working periods of ``day`` (none when it is not worked)."""
        if not self.is_working(day):
            return ()
        return self.opened.get(day) or self.times.get(day.weekday()) or _STANDARD

    def day_minutes(self) -> int:
        """Working minutes of a usual working day (the most common among the working weekdays)."""
        counts = Counter(_minutes(self.times.get(i) or _STANDARD) for i in range(7) if self.working.get(i))
        minutes = counts.most_common(1)[0][0] if counts else 480
        return minutes or 480


def _chain(cal: Element, by_uid: dict[str, Element]) -> list[Element]:
    """The calendar and its base calendars, base first."""
    chain = [cal]
    seen = {child_text(cal, "UID") or ""}
    base = child_text(cal, "BaseCalendarUID")
    while base and base != "-1" and base in by_uid and base not in seen:
        seen.add(base)
        chain.insert(0, by_uid[base])
        base = child_text(by_uid[base], "BaseCalendarUID")
    return chain


def _period(node: Element) -> tuple[dt.date, dt.date] | None:
    period = _child(node, "TimePeriod")
    if period is None:
        return None
    start = parse_datetime(child_text(period, "FromDate") or "")
    end = parse_datetime(child_text(period, "ToDate") or "")
    if start is None or end is None or end < start:
        return None
    return start.date(), end.date()


def exception_ranges(cal: Element, warnings: list[str]) -> list[tuple[dt.date, dt.date, bool, str]]:
    """A calendar's exceptions as (first day, last day, working?, name); recurring ones expanded
    to one range per occurrence."""
    ranges: list[tuple[dt.date, dt.date, bool, str]] = []
    for day in _children(_child(cal, "WeekDays"), "WeekDay"):
        if child_text(day, "DayType") == "0":  # exceptions as Project 2003 wrote them
            span = _period(day)
            if span:
                ranges.append((*span, child_text(day, "DayWorking") == "1", ""))
    for exc in _children(_child(cal, "Exceptions"), "Exception"):
        span = _period(exc)
        label = child_text(exc, "Name") or ""
        working = child_text(exc, "DayWorking") == "1"
        if span is None:
            warnings.append(f"calendar exception {label or 'without a name'!r} has no readable dates (ignored)")
            continue
        fields = {local(c.tag): (c.text or "").strip() for c in exc}
        dates = exception_dates(fields, *span)
        if dates is None:
            warnings.append(f"calendar exception {label!r} recurs in a way aiplanner cannot read "
                            f"(type {fields.get('Type')!r}; ignored)")
            continue
        if dates == "range":
            ranges.append((*span, working, label))
        else:
            ranges += [(d, d, working, label) for d in dates]
    # MS Project and MPXJ write each exception twice (old and new form): keep one, the named.
    unique: dict[tuple[dt.date, dt.date, bool], str] = {}
    for first, last, working, label in ranges:
        unique[(first, last, working)] = label or unique.get((first, last, working), "")
    return [(*key, label) for key, label in unique.items()]


def _exception_times(cal: Element) -> dict[dt.date, tuple[tuple[dt.time, dt.time], ...]]:
    """Working times that working exceptions give their days (Project 2007+ form)."""
    out: dict[dt.date, tuple[tuple[dt.time, dt.time], ...]] = {}
    for exc in _children(_child(cal, "Exceptions"), "Exception"):
        span = _period(exc)
        periods = _working_times(exc)
        if span and periods and child_text(exc, "DayWorking") == "1" and (span[1] - span[0]).days < 400:
            day = span[0]
            while day <= span[1]:
                out[day] = periods
                day += _ONE
    return out


def calendars_by_uid(root: Element) -> dict[str, Element]:
    """The file's calendars by UID."""
    return {child_text(c, "UID") or "": c for c in _children(_child(root, "Calendars"), "Calendar")}


def read_project_calendar(root: Element, warnings: list[str]) -> tuple[dict, ProjectCalendar]:
    """Our calendar data and the :class:`ProjectCalendar` of the project's calendar
    (Monday to Friday, 8 hours a day, when the file has none)."""
    cals = _children(_child(root, "Calendars"), "Calendar")
    by_uid = {child_text(c, "UID") or "": c for c in cals}
    wanted = child_text(root, "CalendarUID")
    cal = by_uid.get(wanted or "") or next((c for c in cals if child_text(c, "IsBaseCalendar") == "1"), None)
    project = ProjectCalendar()
    if cal is None:
        if cals:
            warnings.append("no project calendar found; using Monday to Friday")
        return {"workdays": list(WEEKDAYS[:5]), "holidays": []}, project
    for layer in _chain(cal, by_uid):
        for day in _children(_child(layer, "WeekDays"), "WeekDay"):
            kind = child_text(day, "DayType")
            if kind and kind.isdigit() and int(kind) in DAY_TYPES:
                index = DAY_TYPES[int(kind)]
                project.working[index] = child_text(day, "DayWorking") == "1"
                periods = _working_times(day)
                if periods:
                    project.times[index] = periods
    if not any(project.working.values()):
        warnings.append("the project calendar has no working weekday; using Monday to Friday")
        project.working = {i: i < 5 for i in range(7)}
    for layer in _chain(cal, by_uid):  # the derived calendar's exceptions win over its base's
        times = _exception_times(layer)
        for first, last, is_working, _name in exception_ranges(layer, warnings):
            if (last - first).days > _MAX_EXCEPTION_DAYS:
                warnings.append(f"calendar exception {first}..{last} is longer than ten years (ignored)")
                continue
            day = max(first, DATE_MIN)
            while day <= min(last, DATE_MAX):
                if is_working:
                    project.closed.discard(day)
                    project.opened[day] = times.get(day, ())
                else:
                    project.opened.pop(day, None)
                    project.closed.add(day)
                day += _ONE
    workdays = [WEEKDAYS[i] for i in range(7) if project.working.get(i)]
    holidays = sorted(d for d in project.closed if project.working.get(d.weekday()))
    extra = sorted(d for d in project.opened if not project.working.get(d.weekday()))
    data = {"workdays": workdays, "holidays": holidays}
    if extra:
        data["extra_workdays"] = extra
    return data, project
