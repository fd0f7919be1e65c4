"""MS Project XML (MSPDI) -> plan; files from MS Project, ProjectLibre, GanttProject, MPXJ.

- The XML is parsed with ``defusedxml``: a DTD, entity declarations and
  external references are refused, so entity expansion ("billion laughs")
  and external entities (XXE) cannot happen; files are size-capped.
- Outline: summary tasks at level 1 become phases; deeper summary tasks are
  flattened into their phase; tasks at level 1 outside any summary go to a
  phase ``tasks``. Ids come from our Text1 field when the file was written
  by aiplanner, else from the WBS code, else ``t{UID}``.
- Durations (``PT..H..M..S``) are divided by the file's hours per day
  (``MinutesPerDay``, 8 h by default) and rounded up to whole working days.
  Link types 0..3 map to FF, FS, SF, SS; ``LinkLag`` (tenths of a minute)
  becomes whole working days.
- The project calendar gives working weekdays and holidays; start-no-earlier
  and must-start-on constraints give "not before" dates; deadlines,
  percent complete, priority and notes are kept.
- Work resources become people (capacity = max units), their ``Group``
  names their roles (separated by ";" or ","; our role ids ride in Text2); generic resources are roles only;
  assignments become role demands in FTE (the units summed per role).

Everything that does not map is reported as a warning, and a task the file
dates differently from our schedule is named.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
from xml.etree.ElementTree import Element

from aiplanner.io.reading import (ImportResult, pin_starts, places, sanitize_id, slugify, unique_id,
                                    validated_plan)
from aiplanner.io.mspdi.calendar import child_text, local, read_calendar, scan
from aiplanner.io.mspdi.common import LINK_TYPES, TASK_DEMANDS_FIELD, TASK_ID_FIELD, parse_datetime, \
    parse_duration_hours
from aiplanner.io.mspdi.resources import read_resources
from aiplanner.io.mspdi.xmlio import parse_xml
from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.model.plan import Calendar
from aiplanner.schedule.calendar import WorkCalendar

__all__ = ["read_mspdi_bytes", "parse_xml"]

_ELAPSED = {4, 6, 8, 10, 12, 36, 38, 40, 42, 44}
_PERCENT = {19, 20, 51, 52}


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(float(text)) if text not in (None, "") else default
    except (ValueError, OverflowError):
        return default


def _float(text: str | None, default: float | None = None) -> float | None:
    try:
        value = float(text) if text not in (None, "") else default
    except ValueError:
        return default
    return value if value is None or math.isfinite(value) else default


def _aliases(root: Element) -> set[str]:
    """Field ids the file declares as holding aiplanner ids."""
    found = set()
    for block in root:
        if local(block.tag) == "ExtendedAttributes":
            for ext in block:
                if (child_text(ext, "Alias") or "").lower() in ("aiplanner id", "aiplanner roles",
                                                                "aiplanner demands"):
                    found.add(child_text(ext, "FieldID") or "")
    return found


def _ext_value(extended: list[Element], fields: set[str], field: str) -> str | None:
    if field not in fields:
        return None
    for child in extended:
        if child_text(child, "FieldID") == field:
            return child_text(child, "Value")
    return None


def read_mspdi_bytes(data: bytes, file: str | None = None) -> ImportResult:
    """Import an MSPDI document.

    Raises
    ------
    InvalidPlanError
        Not well-formed or hostile XML, not an MSPDI project, or a plan that
        cannot be valid (a dependency cycle, say).
    """
    # The tree of a big project holds hundreds of thousands of objects; cyclic garbage
    # collection passes over them while the plan is built would double the time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _read(data, file)
    finally:
        if enabled:
            gc.enable()


def _read(data: bytes, file: str | None) -> ImportResult:
    root = parse_xml(data, file)
    if local(root.tag) != "Project":
        raise InvalidPlanError([Problem("", f"not an MS Project XML file (the root element is "
                                            f"<{local(root.tag)[:40]}>, not <Project>)")], file)
    warnings: list[str] = []
    fields = _aliases(root)
    minutes_per_day = _float(child_text(root, "MinutesPerDay"), 480.0) or 480.0
    hours_per_day = minutes_per_day / 60 if minutes_per_day > 0 else 8.0
    calendar = read_calendar(root, warnings)
    start_text = child_text(root, "StartDate")
    project_start = parse_datetime(start_text or "")
    rows = [scan(t) for block in root if local(block.tag) == "Tasks" for t in block if local(t.tag) == "Task"]
    inactive: set[str] = set()
    tasks, phases, uid_to_id, starts = _read_tasks(rows, fields, hours_per_day, warnings, inactive)
    if project_start is None:
        known = [s.date() for s in starts.values()]
        if not known:
            raise InvalidPlanError([Problem("Project/StartDate", "the project has no start date and no dated task")],
                                   file)
        project_start = dt.datetime.combine(min(known), dt.time())
    _read_links(rows, tasks, uid_to_id, minutes_per_day, warnings, inactive)
    roles, people, assignments = read_resources(root, fields, uid_to_id, tasks, warnings)
    name = child_text(root, "Title") or child_text(root, "Name") or "Imported MS Project plan"
    data_plan = {
        "name": name[:500],
        "organisation": (child_text(root, "Company") or "")[:500],
        "start": project_start.date(),
        "calendar": calendar,
        "phases": phases,
        "tasks": list(tasks.values()),
        "roles": roles,
        "people": people,
        "assignments": assignments,
    }
    uid_of = {v: k for k, v in uid_to_id.items()}
    plan = validated_plan(data_plan, file, places("task UID", "task UIDs", uid_of))
    try:
        return ImportResult(plan=_pin(plan, calendar, starts, tasks, uid_to_id, warnings), warnings=warnings)
    except (ValueError, OverflowError) as exc:  # dates outside what the calendar supports
        raise InvalidPlanError([Problem("", f"cannot schedule the imported plan: {exc}")], file) from None


def _pin(plan, calendar: dict, starts: dict, tasks: dict, uid_to_id: dict, warnings: list[str]):
    cal = WorkCalendar(Calendar(**calendar), plan.start)
    wanted = {}
    for tid, start in starts.items():
        day = start.date() + dt.timedelta(days=1) if start.time() >= dt.time(17) else start.date()
        es = cal.index_on_or_after(day)
        wanted[tid] = (es, es + tasks[tid]["duration"])
    uid_of = {v: k for k, v in uid_to_id.items()}
    return pin_starts(plan, wanted, lambda tid: f"task UID {uid_of.get(tid, '?')}", warnings)


def _read_tasks(rows: list, fields: set[str], hours_per_day: float, warnings: list[str], inactive: set[str]):
    levels = [_int(r[0].get("OutlineLevel"), 1) or 0 for r in rows]
    tasks: dict[str, dict] = {}
    phases: list[dict] = []
    used_tasks: set[str] = set()
    used_phases: set[str] = set()
    uid_to_id: dict[str, str] = {}
    starts: dict[str, dt.datetime] = {}
    current: str | None = None
    default_phase: str | None = None
    for k, (row, _links, extended) in enumerate(rows):
        uid = row.get("UID") or f"#{k}"
        level = levels[k]
        if row.get("IsNull") == "1" or level == 0:
            continue
        summary = row.get("Summary") == "1" or (k + 1 < len(rows) and levels[k + 1] > level)
        name = row.get("Name") or f"Task {uid}"
        if summary:
            if level == 1:
                given = _ext_value(extended, fields, TASK_ID_FIELD)
                current = unique_id(sanitize_id(given) if given else slugify(name, "phase"), used_phases)
                phases.append({"id": current, "name": name[:500], "notes": row.get("Notes", "")[:10000]})
            else:
                warnings.append(f"task UID {uid}: summary task {name!r} at outline level {level} is flattened "
                                "into its phase")
            uid_to_id.setdefault(uid, "")  # links to summaries are reported, not followed
            continue
        if row.get("Active") == "0":  # Project 2010+: kept in the file, left out of the schedule
            warnings.append(f"task UID {uid}: inactive task {name!r} left out (MS Project does not schedule it)")
            uid_to_id.setdefault(uid, "")
            inactive.add(uid)
            continue
        if level == 1 or current is None:
            if default_phase is None:
                default_phase = unique_id("tasks", used_phases)
                phases.append({"id": default_phase, "name": "Tasks"})
            phase = default_phase
        else:
            phase = current
        given = _ext_value(extended, fields, TASK_ID_FIELD)
        wbs = row.get("WBS") or ""
        base = sanitize_id(given) if given else (sanitize_id(wbs) if wbs and wbs[0].isalnum() else f"t{uid}")
        tid = unique_id(base, used_tasks)
        uid_to_id[uid] = tid
        tasks[tid] = _task_fields(row, uid, tid, name, phase, hours_per_day, warnings)
        listed = _ext_value(extended, fields, TASK_DEMANDS_FIELD)
        if listed is not None:
            tasks[tid]["_demands"] = listed
        start = parse_datetime(row.get("Start") or "")
        if start is not None:
            starts[tid] = start
    return tasks, phases, uid_to_id, starts


def _task_fields(row: dict[str, str], uid: str, tid: str, name: str, phase: str, hours_per_day: float,
                 warnings: list[str]) -> dict:
    where = f"task UID {uid}"
    hours = parse_duration_hours(row.get("Duration") or "PT0H0M0S", hours_per_day)
    if hours is None or hours < 0:
        warnings.append(f"{where}: unreadable duration {row.get('Duration')!r}; taken as 0")
        hours = 0.0
    fmt = _int(row.get("DurationFormat"), 7)
    days = hours / 24 if fmt in _ELAPSED else hours / hours_per_day
    if fmt in _ELAPSED:
        warnings.append(f"{where}: elapsed duration counted as {days:g} working days")
    duration = math.ceil(days - 1e-9)
    if abs(days - round(days)) > 1e-6:
        warnings.append(f"{where}: duration of {days:g} days rounded up to {duration}")
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
        "progress": min(max(_float(row.get("PercentComplete"), 0.0) or 0.0, 0.0), 100.0),
        "priority": min(max(_int(row.get("Priority"), 500) or 0, 0), 1000),
        "notes": (row.get("Notes") or "")[:10000],
    }
    kind = _int(row.get("ConstraintType"), 0)
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


def _read_links(rows: list, tasks: dict[str, dict], uid_to_id: dict[str, str], minutes_per_day: float,
                warnings: list[str], inactive: set[str] = frozenset()) -> None:
    for row, links, _ext in rows:
        uid = row.get("UID") or ""
        tid = uid_to_id.get(uid)
        if uid in inactive:
            continue  # the task itself is left out (and said so)
        for link in links:
            where = f"task UID {uid}"
            if not tid:
                warnings.append(f"{where}: link on a summary task dropped")
                continue
            pred_uid = child_text(link, "PredecessorUID") or ""
            pred = uid_to_id.get(pred_uid)
            if child_text(link, "CrossProject") == "1":
                warnings.append(f"{where}: link to another project dropped")
                continue
            if pred is None:
                warnings.append(f"{where}: predecessor UID {pred_uid!r} does not exist (link dropped)")
                continue
            if pred == "":
                kind = "inactive" if pred_uid in inactive else "summary"
                warnings.append(f"{where}: link from {kind} task UID {pred_uid} dropped")
                continue
            if pred == tid:
                warnings.append(f"{where}: link to itself dropped")
                continue
            kind = LINK_TYPES.get(_int(child_text(link, "Type"), 1), None)  # type: ignore[arg-type]
            if kind is None:
                warnings.append(f"{where}: unknown link type {child_text(link, 'Type')!r}; read as FS")
                kind = "FS"
            lag = _lag(link, minutes_per_day, where, warnings)
            deps = tasks[tid]["depends_on"]
            if any(d["task"] == pred for d in deps):
                warnings.append(f"{where}: second link from the same predecessor dropped")
                continue
            deps.append({"task": pred, "type": kind, "lag": lag})


def _lag(link: Element, minutes_per_day: float, where: str, warnings: list[str]) -> int:
    tenths = _float(child_text(link, "LinkLag"), 0.0) or 0.0
    fmt = _int(child_text(link, "LagFormat"), 7)
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
