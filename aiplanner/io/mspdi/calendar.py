"""The project calendar of an MSPDI file -> our calendar (weekdays, holidays)."""

from __future__ import annotations

import datetime as dt
from xml.etree.ElementTree import Element

from aiplanner.io.mspdi.common import DAY_TYPES, parse_datetime
from aiplanner.model.plan import WEEKDAYS

__all__ = ["read_calendar", "exception_ranges", "calendars_by_uid", "local", "child_text", "scan"]

_ONE = dt.timedelta(days=1)
_MAX_EXCEPTION_DAYS = 3660


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


def child_text(node: Element, name: str) -> str | None:
    """Text of the first child called ``name`` (any namespace), stripped."""
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


def _weekdays(cal: Element, by_uid: dict[str, Element], seen: set[str]) -> dict[int, bool]:
    days: dict[int, bool] = {}
    base = child_text(cal, "BaseCalendarUID")
    if base and base != "-1" and base in by_uid and base not in seen:
        seen.add(base)
        days.update(_weekdays(by_uid[base], by_uid, seen))
    for day in _children(_child(cal, "WeekDays"), "WeekDay"):
        kind = child_text(day, "DayType")
        if kind and kind.isdigit() and int(kind) in DAY_TYPES:
            days[DAY_TYPES[int(kind)]] = child_text(day, "DayWorking") == "1"
    return days


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
    """A calendar's one-off exceptions: (first day, last day, working?, name)."""
    ranges: list[tuple[dt.date, dt.date, bool, str]] = []
    for day in _children(_child(cal, "WeekDays"), "WeekDay"):
        if child_text(day, "DayType") == "0":  # exceptions as Project 2003 wrote them
            span = _period(day)
            if span:
                ranges.append((*span, child_text(day, "DayWorking") == "1", ""))
    for exc in _children(_child(cal, "Exceptions"), "Exception"):
        span = _period(exc)
        kind = child_text(exc, "Type") or "1"
        label = child_text(exc, "Name") or ""
        if span is None:
            warnings.append(f"calendar exception {label or 'without a name'!r} has no readable dates (ignored)")
            continue
        if kind != "1":
            warnings.append(f"calendar exception {label!r} recurs (type {kind}); recurring exceptions are "
                            "not imported")
            continue
        ranges.append((*span, child_text(exc, "DayWorking") == "1", label))
    # MS Project and MPXJ write each exception twice (old and new form): keep one, the named.
    unique: dict[tuple[dt.date, dt.date, bool], str] = {}
    for first, last, working, label in ranges:
        unique[(first, last, working)] = label or unique.get((first, last, working), "")
    return [(*key, label) for key, label in unique.items()]


def calendars_by_uid(root: Element) -> dict[str, Element]:
    """The file's calendars by UID."""
    return {child_text(c, "UID") or "": c for c in _children(_child(root, "Calendars"), "Calendar")}


def read_calendar(root: Element, warnings: list[str]) -> dict:
    """Our calendar data from the project's base calendar (Mon-Fri when there is none)."""
    cals = _children(_child(root, "Calendars"), "Calendar")
    by_uid = {child_text(c, "UID") or "": c for c in cals}
    wanted = child_text(root, "CalendarUID")
    cal = by_uid.get(wanted or "") or next((c for c in cals if child_text(c, "IsBaseCalendar") == "1"), None)
    if cal is None:
        if cals:
            warnings.append("no project calendar found; using Monday to Friday")
        return {"workdays": list(WEEKDAYS[:5]), "holidays": []}
    days = _weekdays(cal, by_uid, {child_text(cal, "UID") or ""})
    workdays = [WEEKDAYS[i] for i in range(7) if days.get(i, i < 5)]
    if not workdays:
        warnings.append("the project calendar has no working weekday; using Monday to Friday")
        workdays = list(WEEKDAYS[:5])
    working = {WEEKDAYS.index(d) for d in workdays}
    holidays: set[dt.date] = set()
    ranges = exception_ranges(cal, warnings)
    for first, last, is_working, _name in ranges:
        if is_working:
            warnings.append(f"calendar exception {first}..{last} makes days working; aiplanner calendars "
                            "cannot add working days (ignored)")
            continue
        if (last - first).days > _MAX_EXCEPTION_DAYS:
            warnings.append(f"calendar exception {first}..{last} is longer than ten years (ignored)")
            continue
        day = first
        while day <= last:
            if day.weekday() in working:
                holidays.add(day)
            day += _ONE
    return {"workdays": workdays, "holidays": sorted(holidays)}
