"""MSPDI task rows -> our phases, tasks and links.

Durations are measured by the project calendar: ``PT16H0M0S`` on a calendar
of 8 working hours a day is 2 days, whatever ``MinutesPerDay`` says (MS
Project lays the work out on the calendar). Elapsed durations (``36`` to
``44`` formats, 24-hour days) and split tasks (work that stops and resumes)
take the working days their Start..Finish spans, so the bar keeps its
length; a split is reported, since aiplanner has no gaps inside a task.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from aiplanner.io.mspdi.calendar import child_text
from aiplanner.io.mspdi.common import LINK_TYPES, TASK_DATA_FIELD, TASK_DEMANDS_FIELD, TASK_ID_FIELD, \
    parse_datetime, parse_duration_hours
from aiplanner.io.reading import sanitize_id, slugify, unique_id
from aiplanner.schedule.calendar import WorkCalendar

__all__ = ["TaskContext", "read_tasks", "read_links", "number", "integer", "ext_value"]

_ELAPSED = {4, 6, 8, 10, 12, 36, 38, 40, 42, 44}
_PERCENT = {19, 20, 51, 52}


def integer(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(float(text)) if text not in (None, "") else default
    except (ValueError, OverflowError):
        return default


def number(text: str | None, default: float | None = None) -> float | None:
    try:
        value = float(text) if text not in (None, "") else default
    except ValueError:
        return default
    return value if value is None or math.isfinite(value) else default


def ext_value(extended: list[Element], fields: set[str], wanted: str) -> str | None:
    """The value of our extended attribute ``wanted`` (when the file declares it as ours)."""
    if wanted not in fields:
        return None
    for child in extended:
        if child_text(child, "FieldID") == wanted:
            return child_text(child, "Value")
    return None


@dataclass
class TaskContext:
    """What reading the tasks needs to know about the file."""

    fields: set[str]                 # our extended attributes declared in the file
    hours_per_day: float             # working hours of a calendar day
    calendar: WorkCalendar           # the project calendar, from the plan start
    splits: set[str]                 # UIDs of split tasks
    warnings: list[str]
    inactive: set[str] = field(default_factory=set)
    tasks: dict[str, dict] = field(default_factory=dict)
    phases: list[dict] = field(default_factory=list)
    uid_to_id: dict[str, str] = field(default_factory=dict)
    dates: dict[str, tuple[dt.datetime, dt.datetime | None]] = field(default_factory=dict)
    carried: dict[str, str] = field(default_factory=dict)  # task id -> our task data (JSON)


def read_tasks(rows: list, ctx: TaskContext) -> None:
    """Fill ``ctx`` with the phases, tasks, ids and source dates of ``rows``."""
    levels = [integer(r[0].get("OutlineLevel"), 1) or 0 for r in rows]
    used_tasks: set[str] = set()
    used_phases: set[str] = set()
    current: str | None = None
    default_phase: str | None = None
    warnings = ctx.warnings
    for k, (row, _links, extended) in enumerate(rows):
        uid = row.get("UID") or f"#{k}"
        level = levels[k]
        if row.get("IsNull") == "1" or level == 0:
            continue
        summary = row.get("Summary") == "1" or (k + 1 < len(rows) and levels[k + 1] > level)
        name = row.get("Name") or f"Task {uid}"
        if summary:
            if level == 1:
                given = ext_value(extended, ctx.fields, TASK_ID_FIELD)
                current = unique_id(sanitize_id(given) if given else slugify(name, "phase"), used_phases)
                ctx.phases.append({"id": current, "name": name[:500], "notes": row.get("Notes", "")[:10000]})
            else:
                warnings.append(f"task UID {uid}: summary task {name!r} at outline level {level} is flattened "
                                "into its phase")
            ctx.uid_to_id.setdefault(uid, "")  # links to summaries are reported, not followed
            continue
        if row.get("Active") == "0":  # Project 2010+: kept in the file, left out of the schedule
            warnings.append(f"task UID {uid}: inactive task {name!r} left out (MS Project does not schedule it)")
            ctx.uid_to_id.setdefault(uid, "")
            ctx.inactive.add(uid)
            continue
        if level == 1 or current is None:
            if default_phase is None:
                default_phase = unique_id("tasks", used_phases)
                ctx.phases.append({"id": default_phase, "name": "Tasks"})
            phase = default_phase
        else:
            phase = current
        given = ext_value(extended, ctx.fields, TASK_ID_FIELD)
        wbs = row.get("WBS") or ""
        base = sanitize_id(given) if given else (sanitize_id(wbs) if wbs and wbs[0].isalnum() else f"t{uid}")
        tid = unique_id(base, used_tasks)
        ctx.uid_to_id[uid] = tid
        start = parse_datetime(row.get("Start") or "")
        finish = parse_datetime(row.get("Finish") or "")
        ctx.tasks[tid] = _task_fields(row, uid, tid, name, phase, start, finish, ctx)
        listed = ext_value(extended, ctx.fields, TASK_DEMANDS_FIELD)
        if listed is not None:
            ctx.tasks[tid]["_demands"] = listed
        carried = ext_value(extended, ctx.fields, TASK_DATA_FIELD)
        if carried:
            ctx.carried[tid] = carried
        if start is not None:
            ctx.dates[tid] = (start, finish if finish is not None and finish >= start else None)


def _span(start: dt.datetime | None, finish: dt.datetime | None, cal: WorkCalendar) -> int | None:
    """Working days from the day of ``start`` to the day of ``finish``, both counted."""
    if start is None or finish is None or finish < start:
        return None
    try:
        return cal.working_days_between(start.date(), finish.date())
    except ValueError:  # outside the years the calendar covers
        return None


def _duration(row: dict[str, str], where: str, start: dt.datetime | None, finish: dt.datetime | None,
              uid: str, ctx: TaskContext) -> int:
    warnings = ctx.warnings
    hours = parse_duration_hours(row.get("Duration") or "PT0H0M0S", ctx.hours_per_day)
    if hours is None or hours < 0:
        warnings.append(f"{where}: unreadable duration {row.get('Duration')!r}; taken as 0")
        hours = 0.0
    fmt = integer(row.get("DurationFormat"), 7)
    span = _span(start, finish, ctx.calendar) if fmt in _ELAPSED or uid in ctx.splits else None
    if fmt in _ELAPSED:
        if span is not None and hours > 0:
            warnings.append(f"{where}: elapsed duration of {hours / 24:g} days imported as the {span} working "
                            "days it spans")
            return span
        days = hours / 24
        warnings.append(f"{where}: elapsed duration counted as {days:g} working days")
    else:
        days = hours / ctx.hours_per_day
    duration = math.ceil(days - 1e-9)
    if uid in ctx.splits and span is not None and span > duration:
        warnings.append(f"{where}: split task (its work stops and resumes): imported as one bar over the "
                        f"{span} working days it spans ({duration} of work)")
        return span
    if abs(days - round(days)) > 1e-6:
        warnings.append(f"{where}: duration of {days:g} days rounded up to {duration}")
    return duration


def _task_fields(row: dict[str, str], uid: str, tid: str, name: str, phase: str, start: dt.datetime | None,
                 finish: dt.datetime | None, ctx: TaskContext) -> dict:
    where = f"task UID {uid}"
    warnings = ctx.warnings
    duration = _duration(row, where, start, finish, uid, ctx)
    milestone = row.get("Milestone") == "1"
    if milestone and duration:
        warnings.append(f"{where}: milestone with a duration of {duration} days imported with none")
        duration = 0
    if duration > 100_000:
        warnings.append(f"{where}: duration capped at 100000 days")
        duration = 100_000
    task = {
        "id": tid, "name": name[:500], "phase": phase, "duration": duration,
        "milestone": milestone, "depends_on": [],
        "progress": min(max(number(row.get("PercentComplete"), 0.0) or 0.0, 0.0), 100.0),
        "priority": min(max(integer(row.get("Priority"), 500) or 0, 0), 1000),
        "notes": (row.get("Notes") or "")[:10000],
    }
    kind = integer(row.get("ConstraintType"), 0)
    when = parse_datetime(row.get("ConstraintDate") or "")
    if kind in (2, 4) and when is not None:
        task["not_before"] = when.date()
    elif kind in (3, 7) and when is not None:
        task["deadline"] = when.date()
        warnings.append(f"{where}: finish constraint imported as a deadline (reported, not enforced)")
    elif kind not in (0, None, 2, 4, 3, 7):
        warnings.append(f"{where}: constraint type {kind} is not supported (ignored)")
    deadline = parse_datetime(row.get("Deadline") or "")
    if deadline is not None:
        task["deadline"] = deadline.date()
    return task


def read_links(rows: list, ctx: TaskContext, minutes_per_day: float) -> None:
    """Add the predecessor links of ``rows`` to the tasks of ``ctx``."""
    warnings = ctx.warnings
    for row, links, _ext in rows:
        uid = row.get("UID") or ""
        tid = ctx.uid_to_id.get(uid)
        if uid in ctx.inactive:
            continue  # the task itself is left out (and said so)
        for link in links:
            where = f"task UID {uid}"
            if not tid:
                warnings.append(f"{where}: link on a summary task dropped")
                continue
            pred_uid = child_text(link, "PredecessorUID") or ""
            pred = ctx.uid_to_id.get(pred_uid)
            if child_text(link, "CrossProject") == "1":
                warnings.append(f"{where}: link to another project dropped")
                continue
            if pred is None:
                warnings.append(f"{where}: predecessor UID {pred_uid!r} does not exist (link dropped)")
                continue
            if pred == "":
                kind = "inactive" if pred_uid in ctx.inactive else "summary"
                warnings.append(f"{where}: link from {kind} task UID {pred_uid} dropped")
                continue
            if pred == tid:
                warnings.append(f"{where}: link to itself dropped")
                continue
            kind = LINK_TYPES.get(integer(child_text(link, "Type"), 1), None)  # type: ignore[arg-type]
            if kind is None:
                warnings.append(f"{where}: unknown link type {child_text(link, 'Type')!r}; read as FS")
                kind = "FS"
            lag = _lag(link, minutes_per_day, where, warnings)
            deps = ctx.tasks[tid]["depends_on"]
            if any(d["task"] == pred for d in deps):
                warnings.append(f"{where}: second link from the same predecessor dropped")
                continue
            deps.append({"task": pred, "type": kind, "lag": lag})


def _lag(link: Element, minutes_per_day: float, where: str, warnings: list[str]) -> int:
    tenths = number(child_text(link, "LinkLag"), 0.0) or 0.0
    fmt = integer(child_text(link, "LagFormat"), 7)
    if fmt in _PERCENT:
        if tenths:
            warnings.append(f"{where}: a lag in percent is not supported (taken as 0)")
        return 0
    minutes = tenths / 10
    days = minutes / (24 * 60) if fmt in _ELAPSED else minutes / minutes_per_day
    lag = round(days)
    if abs(days - lag) > 1e-6:
        warnings.append(f"{where}: lag of {days:g} days rounded to {lag}")
    return max(-10_000, min(10_000, lag))
