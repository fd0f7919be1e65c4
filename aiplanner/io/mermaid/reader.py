"""Mermaid gantt chart -> plan, with the same dates Mermaid draws.

Mapping (see README "Interchange"):

- sections become phases (id from the name, or from an ``%% aiplanner
  phase: ID`` comment written by our exporter); tasks before any section go
  to a phase ``tasks``;
- a task keeps its id (made valid and unique when needed; a task without
  id gets Mermaid's own ``taskN``);
- ``after a b`` and a task that follows the previous one become FS links;
  ``until x`` becomes an SF link from ``x`` (the task ends when ``x``
  starts, with a lag where Mermaid stretches it over excluded days);
- an explicit start date becomes a "not before" date when links alone would
  start the task earlier;
- the duration is the number of working days Mermaid's bar covers; with no
  ``excludes`` every day is a working day (a 7-day week), with ``excludes``
  the excluded weekdays are non-working, excluded dates are holidays and
  ``includes`` dates on excluded weekdays are extra working days;
- durations that are not whole days (``12h``) are rounded up to whole days
  with a warning; ``done`` sets progress 100, ``milestone`` makes a
  milestone (successors keep Mermaid's dates through a lag when the
  milestone was given a length), ``crit``/``active`` are noted.

Afterwards the plan is scheduled and compared with Mermaid's dates; any task
that does not agree is named in a warning.
"""

from __future__ import annotations

import datetime as dt

from aiplanner.io.carry import merge_carried
from aiplanner.io.reading import (ImportResult, decode_text, pin_starts, places, sanitize_id, slugify, unique_id,
                                   validated_plan)
from aiplanner.io.links import LinkSyntaxError, parse_links
from aiplanner.io.mermaid.dates import DateFormat
from aiplanner.io.mermaid.dating import date_tasks
from aiplanner.io.mermaid.parse import WEEKDAY_NAMES, Chart, RawTask, parse_chart
from aiplanner.model.plan import WEEKDAYS, Plan
from aiplanner.schedule.calendar import WorkCalendar

__all__ = ["read_mermaid", "read_mermaid_bytes"]

_ISO_DATE = DateFormat("YYYY-MM-DD")

_ONE = dt.timedelta(days=1)


def read_mermaid_bytes(data: bytes, file: str | None = None) -> ImportResult:
    """Import the bytes of a ``.mmd`` file (UTF-8, BOM allowed)."""
    return read_mermaid(decode_text(data, file), file)


def _ceil_day(value: dt.datetime) -> dt.date:
    return value.date() + _ONE if value.time() != dt.time(0) else value.date()


def _calendar(chart: Chart, first: dt.date, last: dt.date) -> dict:
    """Working weekdays, holidays (excluded dates) and extra working days (``includes`` that
    open an excluded weekday) over ``first .. last``."""
    if not chart.excludes:
        return {"workdays": list(WEEKDAYS), "holidays": []}
    off = chart.excluded_weekdays()
    workdays = [WEEKDAYS[i] for i in range(7) if i not in off]
    holidays = []
    extra = []
    day = first
    while day <= last:
        if day.weekday() not in off and chart.is_excluded(day):
            holidays.append(day)
        elif day.weekday() in off and not chart.is_excluded(day):
            extra.append(day)
        day += _ONE
    known = set(WEEKDAY_NAMES) | {"weekends"}
    dated = {chart.date_format.format(d).lower() for d in holidays} | {d.isoformat() for d in holidays}
    for item in chart.excludes:
        if item not in known and item not in dated and chart.date_format.parse(item) is None \
                and _ISO_DATE.parse(item) is None:
            chart.warnings.append(f"excludes: {item!r} is neither a weekday, 'weekends' nor a date in "
                                  f"{chart.date_format.text!r} (ignored)")
    data: dict = {"workdays": workdays, "holidays": holidays}
    if extra:
        data["extra_workdays"] = extra
    return data


def read_mermaid(text: str, file: str | None = None) -> ImportResult:
    """Import a Mermaid gantt chart.

    Raises
    ------
    InvalidPlanError
        The text is not a gantt chart or a line cannot be read; the problem
        names the line.
    """
    chart = parse_chart(text, file)
    chart_start = date_tasks(chart, file)
    warnings = chart.warnings
    tasks = chart.tasks
    start_day = chart_start.date()
    last_day = max(_ceil_day(t.end) for t in tasks)  # type: ignore[arg-type]
    last_day = max(last_day, max(t.start.date() for t in tasks)) + dt.timedelta(days=14)  # type: ignore[union-attr]
    calendar = _calendar(chart, start_day, last_day)
    from aiplanner.model.plan import Calendar

    cal = WorkCalendar(Calendar(**calendar), start_day)

    # Ids: kept when valid; Mermaid's taskN for tasks without one; unique.
    used: set[str] = set()
    new_ids: list[str] = []
    for task in tasks:
        given = (task.extra or {}).get("id")
        base = sanitize_id(given if isinstance(given, str) and given else task.id, "task")
        new = unique_id(base, used)
        if new != task.id and not given:
            warnings.append(f"line {task.line}: id {task.id!r} is not usable as is; the task is {new!r}")
        new_ids.append(new)

    phases, phase_of = _phases(chart)
    points = [(cal.index_on_or_after(t.start.date()), cal.index_on_or_after(_ceil_day(t.drawn_end or t.end)))  # type: ignore[union-attr,arg-type]
              for t in tasks]
    sizes = [_size(chart, task, points[k], cal) for k, task in enumerate(tasks)]
    rows = []
    known = set(new_ids)
    for k, task in enumerate(tasks):
        rows.append(_task_row(chart, k, task, new_ids, known, points, sizes, phase_of))
    data = {
        "name": (chart.title or "Imported Mermaid chart")[:500],
        "start": start_day,
        "calendar": calendar,
        "phases": phases,
        "tasks": rows,
    }
    data, repair = _with_carried(chart, data, new_ids)
    _drop_cyclic_until(data, tasks, warnings)
    plan = validated_plan(data, file, places("line", "lines", {new_ids[k]: t.line for k, t in enumerate(tasks)}),
                          repair)
    line_of = {new_ids[k]: f"line {t.line}" for k, t in enumerate(tasks)}
    plan = pin_starts(plan, {new_ids[k]: points[k] for k in range(len(tasks))}, line_of.__getitem__, warnings)
    return ImportResult(plan=plan, warnings=warnings)


def _with_carried(chart: Chart, data: dict, new_ids: list[str]):
    """The plan and task data our exporter keeps in ``%% aiplanner`` comments, merged in, and the
    repair for carried data that does not fit."""
    extras = {}
    place = {}
    for k, task in enumerate(chart.tasks):
        carried = (task.extra or {}).get("task")
        place[new_ids[k]] = f"line {task.line - 1}"
        if isinstance(carried, dict):
            extras[new_ids[k]] = carried
            data["tasks"][k]["notes"] = ""  # the carried task says its own notes (none when absent)
    if chart.carried_plan is None and not extras:
        return data, None
    return merge_carried(data, chart.carried_plan, extras, f"line {chart.carried_line}",
                         lambda tid: place.get(tid, "?"), chart.warnings)


def _phases(chart: Chart) -> tuple[list[dict], dict[int | None, str]]:
    used: set[str] = set()
    phases = []
    phase_of: dict[int | None, str] = {}
    if any(t.section is None for t in chart.tasks):
        phase_of[None] = unique_id("tasks", used)
        phases.append({"id": phase_of[None], "name": "Tasks"})
    for k, (name, _line, given) in enumerate(chart.sections):
        pid = unique_id(sanitize_id(given) if given else slugify(name, "section"), used)
        phase_of[k] = pid
        phases.append({"id": pid, "name": name[:500]})
    return phases, phase_of


def _size(chart: Chart, task: RawTask, point: tuple[int, int], cal: WorkCalendar) -> int:
    """Our duration of ``task``: the working days its bar covers, from its start day rounded down
    to its end rounded up (a task from 20:00 to 20:00 two days later covers three days)."""
    warnings = chart.warnings
    s, e = point
    length = (task.drawn_end or task.end) - task.start  # type: ignore[operator]
    milestone = "milestone" in task.tags or "vert" in task.tags
    duration = max(e - s, 0)
    if milestone:
        if not cal.is_working(task.start.date()):  # type: ignore[union-attr]
            warnings.append(f"line {task.line}: milestone {task.name!r} falls on an excluded day "
                            f"({task.start.date()}); aiplanner dates it on the next working day")  # type: ignore[union-attr]
        return 0
    if length % _ONE:
        warnings.append(f"line {task.line}: duration {task.end_spec!r} is not a whole number of days; "
                        f"its bar covers {max(duration, 1)} working day(s)")
    if duration == 0 and length > dt.timedelta(0):
        duration = 1
    if length < dt.timedelta(0):
        warnings.append(f"line {task.line}: task {task.name!r} ends before it starts; imported as a milestone")
        return 0
    if not cal.is_working(task.start.date()) and length > dt.timedelta(0):  # type: ignore[union-attr]
        warnings.append(f"line {task.line}: task {task.name!r} starts on an excluded day "
                        f"({task.start.date()}); Mermaid counts that day, aiplanner starts on the next "  # type: ignore[union-attr]
                        "working day")
    return duration


def _task_row(chart: Chart, k: int, task: RawTask, new_ids: list[str], known: set[str],
              points: list[tuple[int, int]], sizes: list[int], phase_of: dict[int | None, str]) -> dict:
    warnings = chart.warnings
    s, _e = points[k]
    milestone = "milestone" in task.tags or "vert" in task.tags
    if "vert" in task.tags:
        warnings.append(f"line {task.line}: 'vert' (a vertical marker line) is imported as a milestone")
    duration = sizes[k]
    deps: list[dict] = []
    if task.start_spec is None and task.prev is not None:
        deps.append(_link(chart, task.prev, k, new_ids, points, sizes))
    for old in task.after:
        deps.append(_link(chart, chart.index_of[old], k, new_ids, points, sizes))
    if task.until is not None:
        target = chart.index_of[task.until]
        deps.append({"task": new_ids[target], "type": "SF", "lag": (s + duration) - points[target][0]})
    extra = task.extra or {}
    if isinstance(extra.get("depends_on"), str):
        try:
            listed = parse_links(extra["depends_on"], known)
            unknown = [d.task for d in listed if d.task not in known]
            if unknown:
                raise LinkSyntaxError(f"no task has id {', '.join(repr(u) for u in unknown)}")
            deps = [d.model_dump() for d in listed]
        except LinkSyntaxError as exc:
            warnings.append(f"line {task.line - 1}: aiplanner links ignored: {exc}")
    seen: set[str] = set()
    unique = [d for d in deps if not (d["task"] in seen or seen.add(d["task"]))]  # type: ignore[func-returns-value]
    notes = []
    if "crit" in task.tags:
        notes.append("Marked critical (crit) in the Mermaid chart.")
    if "active" in task.tags:
        notes.append("Marked active in the Mermaid chart.")
    name = task.name.lstrip("\u200b") or task.name
    if isinstance(extra.get("name"), str) and extra["name"].strip():
        name = extra["name"]
    if len(name) > 500:
        warnings.append(f"line {task.line}: task name shortened to 500 characters")
        name = name[:500]
    return {
        "id": new_ids[k],
        "name": name,
        "phase": phase_of[task.section],
        "duration": duration,
        "milestone": milestone,
        "depends_on": unique,
        "progress": _progress(extra.get("progress"), "done" in task.tags),
        "not_before": _date_or_none(extra.get("not_before")),
        "notes": " ".join(notes),
    }


def _date_or_none(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _progress(value: object, done: bool) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100:
        return float(value)
    return 100.0 if done else 0.0


def _link(chart: Chart, pred: int, succ: int, new_ids: list[str], points: list[tuple[int, int]],
          sizes: list[int]) -> dict:
    """The FS link from ``pred`` to ``succ`` that starts ``succ`` where Mermaid draws it."""
    source = chart.tasks[pred]
    if "milestone" in source.tags or "vert" in source.tags:
        # Our milestone takes no time; Mermaid's successors start at its drawn end.
        lag = points[pred][1] - points[pred][0]
    else:
        # A predecessor that ends during a day shares that day with its successor: a lead
        # of one day keeps the successor on it (never a gap: that is what pinning is for).
        lag = min(0, points[succ][0] - (points[pred][0] + sizes[pred]))
    return {"task": new_ids[pred], "type": "FS", "lag": lag}


def _drop_cyclic_until(data: dict, tasks: list[RawTask], warnings: list[str]) -> None:
    from aiplanner.model.graph import find_cycle

    for _ in range(len(data["tasks"])):
        try:
            plan = Plan.model_validate(data)
        except Exception:  # noqa: BLE001 - validated_plan reports it properly next
            return
        cycle = find_cycle(plan)
        if not cycle:
            return
        members = set(cycle)
        for row, task in zip(data["tasks"], tasks):
            sf = [d for d in row["depends_on"] if d["type"] == "SF" and d["task"] in members]
            if row["id"] in members and sf:
                row["depends_on"] = [d for d in row["depends_on"] if d not in sf]
                warnings.append(f"line {task.line}: 'until' link of {row['id']!r} dropped: it would close a loop")
                break
        else:
            return
