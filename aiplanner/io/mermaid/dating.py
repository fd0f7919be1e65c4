"""Date a parsed Mermaid chart exactly as Mermaid 11 does.

:func:`date_tasks` computes the start and end Mermaid draws for each task,
following ``ganttDb``: ``after`` takes the latest end of the named tasks,
``until`` the earliest start, a task without a start follows the previous
one, an end date is exclusive unless ``inclusiveEndDates``, and with
``excludes`` a task's end is pushed one day for every excluded day after its
start (the start day itself is never checked; an explicit end in
``YYYY-MM-DD`` is never pushed). Where Mermaid silently draws today (an
unknown id) we warn and use the chart start.
"""

from __future__ import annotations

import datetime as dt
import re

from aiplanner.io.mermaid.dates import DateFormat, add_duration
from aiplanner.io.mermaid.parse import Chart, RawTask, error
from aiplanner.model.errors import InvalidPlanError, Problem

__all__ = ["date_tasks"]

_ONE = dt.timedelta(days=1)
_ISO = DateFormat("YYYY-MM-DD")


def _parse_date(chart: Chart, text: str, task: RawTask, what: str, file: str | None) -> dt.datetime:
    value = chart.date_format.parse(text)
    if value is not None:
        return value
    try:  # Mermaid falls back to JavaScript's Date() for ISO-like text
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise error(task.line, f"task {task.name!r}: cannot read {what} {text!r} as a date in format "
                                f"{chart.date_format.text!r}" + (" nor as 'after ID'" if what == "start" else "")
                                + ("" if what == "start" else " nor as a duration such as 5d or 2w"), file) from None
    chart.warnings.append(f"line {task.line}: date {text!r} does not match dateFormat "
                          f"{chart.date_format.text!r}; read as an ISO date as Mermaid does")
    return value.replace(tzinfo=None)


def _fix_end(chart: Chart, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    """Mermaid's fixTaskDates: one more day for each excluded day in (start, end]."""
    day = start + _ONE
    while day <= end:
        if chart.is_excluded(day):
            end += _ONE
        day += _ONE
    return end


def _ids(text: str) -> list[str]:
    return [x for x in text.split(" ") if x]


def date_tasks(chart: Chart, file: str | None = None) -> dt.datetime:
    """Give every task of ``chart`` the start and end Mermaid draws; return the chart start.

    Raises
    ------
    InvalidPlanError
        A date cannot be read, or ``after``/``until`` references form a loop.
    """
    chart.prepare()
    if chart.excludes and len(chart.excluded_weekdays()) == 7:
        raise InvalidPlanError([Problem("excludes", "every weekday is excluded: no day is left to work")], file)
    by_id: dict[str, int] = {}
    for k, task in enumerate(chart.tasks):
        by_id[task.id] = k  # Mermaid keeps the last task of a repeated id
    chart.index_of = by_id
    explicit = []
    for task in chart.tasks:
        spec = task.start_spec
        if spec is not None and not re.match(r"^after\s", spec):
            task.start = _parse_date(chart, spec, task, "start", file)
            explicit.append(task.start)
    if not explicit:
        raise error(chart.tasks[0].line, "no task has a start date, so the chart cannot be dated", file)
    chart_start = min(explicit)
    warned: set[int] = set()
    pending = list(range(len(chart.tasks)))
    while pending:
        left = []
        for k in pending:
            if not _date_one(chart, k, by_id, chart_start, warned, file):
                left.append(k)
        if len(left) == len(pending):
            names = ", ".join(repr(chart.tasks[k].id or chart.tasks[k].name) for k in left[:6])
            raise error(chart.tasks[left[0]].line, f"tasks {names} cannot be dated: their after/until "
                                                    "references form a loop", file)
        pending = left
    return chart_start


def _date_one(chart: Chart, k: int, by_id: dict[str, int], chart_start: dt.datetime, warned: set[int],
              file: str | None) -> bool:
    task = chart.tasks[k]
    tasks = chart.tasks
    if task.start is None:
        if task.start_spec is None:
            before = tasks[task.prev]  # type: ignore[index]
            if before.end is None:
                return False
            task.start = before.end
        else:
            names = _ids(task.start_spec[len("after"):])
            known = [x for x in names if x in by_id and by_id[x] != k]
            unknown = [x for x in names if x not in known]
            if unknown and k not in warned:
                warned.add(k)
                chart.warnings.append(
                    f"line {task.line}: 'after {' '.join(unknown)}' names no task"
                    + (" (ignored)" if known else "; the task starts at the chart start (Mermaid would use today)"))
            if any(tasks[by_id[x]].end is None for x in known):
                return False
            task.after = list(dict.fromkeys(known))
            task.start = max((tasks[by_id[x]].end for x in known), default=chart_start)  # type: ignore[type-var]
    spec = task.end_spec
    manual = False
    if re.match(r"^until\s", spec):
        names = _ids(spec[len("until"):])
        known = [x for x in names if x in by_id and by_id[x] != k]
        if any(tasks[by_id[x]].start is None for x in known):
            return False
        if known:
            target = min(known, key=lambda x: tasks[by_id[x]].start)  # type: ignore[arg-type,return-value]
            task.until = target
            end = tasks[by_id[target]].start
        else:
            chart.warnings.append(f"line {task.line}: 'until {' '.join(names)}' names no task; "
                                  "the task takes one day (Mermaid would end it today)")
            end = task.start + _ONE
    else:
        end = add_duration(task.start, spec)
        if end is None:
            end = _parse_date(chart, spec, task, "end", file)
            manual = _ISO.parse(spec) is not None  # Mermaid tests the ISO form, whatever dateFormat says
            if chart.inclusive_end_dates:
                end += _ONE
    if abs((end - task.start).days) > 36_600 or not 1900 <= task.start.year <= 2400:
        raise error(task.line, f"task {task.name!r} is dated outside 1900-2400 or spans more than a century", file)
    if chart.excludes and not manual:
        end = _fix_end(chart, task.start, end)
    task.end = end  # type: ignore[assignment]
    return True
