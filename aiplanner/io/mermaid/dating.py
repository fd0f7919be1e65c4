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

from aiplanner.io.mermaid.dates import DateFormat, add_duration, js_date
from aiplanner.io.mermaid.parse import Chart, RawTask, error
from aiplanner.model.errors import InvalidPlanError, Problem

__all__ = ["date_tasks"]

_ONE = dt.timedelta(days=1)
_ISO = DateFormat("YYYY-MM-DD")


def _parse_start(chart: Chart, text: str, task: RawTask, file: str | None) -> dt.datetime:
    """A start as Mermaid reads it: the dateFormat (strict), then JavaScript's ``Date()``
    (partial and loose dates: ``1982``, ``2019-09-1``)."""
    text = text.strip()
    if chart.date_format.text == "X" and text.isdigit():
        chart.warnings.append(f"line {task.line}: start {text!r} read as seconds, as dateFormat X says; Mermaid 11 "
                              "reads a start written in digits as milliseconds, so it draws the task in 1970")
    value = chart.date_format.parse(text)
    if value is not None:
        return value
    value = js_date(text)
    if value is None:
        raise error(task.line, f"task {task.name!r}: cannot read start {text!r} as a date in format "
                                f"{chart.date_format.text!r} nor as 'after ID'", file)
    chart.warnings.append(f"line {task.line}: date {text!r} does not match dateFormat "
                          f"{chart.date_format.text!r}; read as {value:%Y-%m-%d %H:%M}, as Mermaid reads it")
    return value


def _parse_end(chart: Chart, text: str, task: RawTask) -> tuple[dt.datetime, bool]:
    """An end as Mermaid reads it, and whether it is a date written by hand: the dateFormat
    (strict), then a duration; anything else ends the task where it starts."""
    start = task.start
    value = chart.date_format.parse(text)
    if value is not None:
        manual = _ISO.parse(text) is not None  # Mermaid tests the ISO form, whatever dateFormat says
        return (value + _ONE if chart.inclusive_end_dates else value), manual
    end = add_duration(start, text)  # type: ignore[arg-type]
    if end is not None:
        return end, False
    if text.strip() != "0":
        chart.warnings.append(f"line {task.line}: task {task.name!r}: end {text.strip()!r} is neither a date in "
                              f"format {chart.date_format.text!r} nor a duration such as 5d; Mermaid draws the "
                              "task with no length, and so does aiplanner")
    return start, False  # type: ignore[return-value]


def _fix_end(chart: Chart, start: dt.datetime, end: dt.datetime) -> tuple[dt.datetime, dt.datetime | None]:
    """Mermaid's fixTaskDates: one more day for each excluded day in (start, end]; and the
    end the bar is drawn to (the end before the excluded days it finishes on were added)."""
    day = start + _ONE
    invalid = False
    drawn: dt.datetime | None = None
    while day <= end:
        if not invalid:
            drawn = end
        invalid = chart.is_excluded(day)
        if invalid:
            end += _ONE
        day += _ONE
    return end, drawn


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
            task.start = _parse_start(chart, spec, task, file)
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
        end, manual = _parse_end(chart, spec, task)
    if abs((end - task.start).days) > 36_600 or not 1900 <= task.start.year <= 2400:
        raise error(task.line, f"task {task.name!r} is dated outside 1900-2400 or spans more than a century", file)
    if chart.excludes and not manual:
        end, task.drawn_end = _fix_end(chart, task.start, end)
    task.end = end  # type: ignore[assignment]
    return True
