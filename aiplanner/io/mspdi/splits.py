"""Split tasks in MS Project XML: work that stops and resumes.

MSPDI has no "split" flag; MS Project writes a split as the timephased work
of the task's assignments: periods with work, a period without work over
working time, then work again. Periods without a value are time off the
calendar (a weekend), not a stop.
"""

from __future__ import annotations

import datetime as dt
from xml.etree.ElementTree import Element

from aiplanner.io.mspdi.calendar import ProjectCalendar, child_text, local
from aiplanner.io.mspdi.common import parse_datetime, parse_duration_hours

__all__ = ["split_task_uids"]

_ONE = dt.timedelta(days=1)
#: TimephasedData types of an assignment's work: 1 remaining, 2 actual.
_WORK_TYPES = ("1", "2")


def _covers_work(start: dt.datetime, finish: dt.datetime, calendar: ProjectCalendar) -> bool:
    """Whether working time of ``calendar`` lies between ``start`` and ``finish``."""
    day = start.date()
    steps = 0
    while day <= finish.date() and steps < 400:
        for begin, end in calendar.periods(day):
            lo = dt.datetime.combine(day, begin)
            hi = dt.datetime.combine(day + _ONE, dt.time()) if end == dt.time() else dt.datetime.combine(day, end)
            if max(lo, start) < min(hi, finish):
                return True
        day += _ONE
        steps += 1
    return False


def split_task_uids(root: Element, calendar: ProjectCalendar) -> set[str]:
    """UIDs of the tasks whose assignments' work stops over working time and resumes."""
    found: set[str] = set()
    for block in root:
        if local(block.tag) != "Assignments":
            continue
        for assignment in block:
            task = child_text(assignment, "TaskUID") or ""
            if task in found:
                continue
            runs: dict[str, list[Element]] = {}
            for item in assignment:
                if local(item.tag) == "TimephasedData":
                    runs.setdefault(child_text(item, "Type") or "", []).append(item)
            for kind in _WORK_TYPES:
                if _stops_and_resumes(runs.get(kind, []), calendar):
                    found.add(task)
                    break
    return found


def _stops_and_resumes(items: list[Element], calendar: ProjectCalendar) -> bool:
    worked = stopped = False
    for item in items:
        value = child_text(item, "Value")
        if not value:
            continue
        hours = parse_duration_hours(value) or 0.0
        if hours > 0:
            if worked and stopped:
                return True
            worked = True
            continue
        start = parse_datetime(child_text(item, "Start") or "")
        finish = parse_datetime(child_text(item, "Finish") or "")
        if worked and start is not None and finish is not None and _covers_work(start, finish, calendar):
            stopped = True
    return False
