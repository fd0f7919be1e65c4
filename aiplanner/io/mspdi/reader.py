"""MS Project XML (MSPDI) -> plan; files from MS Project, ProjectLibre, GanttProject, MPXJ.

- The XML is parsed with ``defusedxml``: a DTD, entity declarations and
  external references are refused, so entity expansion ("billion laughs")
  and external entities (XXE) cannot happen; files are size-capped.
- Outline: summary tasks at level 1 become phases; deeper summary tasks are
  flattened into their phase; tasks at level 1 outside any summary go to a
  phase ``tasks``. Ids come from our Text1 field when the file was written
  by aiplanner, else from the WBS code, else ``t{UID}``.
- Durations (``PT..H..M..S``) are measured by the project calendar's
  working hours a day (MS Project lays the work out on the calendar, even
  when ``MinutesPerDay`` says otherwise) and rounded up to whole working
  days; elapsed durations and split tasks keep the working days their
  Start..Finish spans (see :mod:`aiplanner.io.mspdi.tasks`). Link types
  0..3 map to FF, FS, SF, SS; ``LinkLag`` (tenths of a minute) becomes
  whole working days.
- The project calendar gives working weekdays, holidays and extra working
  days, recurring exceptions expanded; start-no-earlier and must-start-on
  constraints give "not before" dates; deadlines, percent complete,
  priority and notes are kept.
- The plan starts at the earliest task start or the project summary's
  Start, whichever is earlier (not at ``StartDate``: files carry manually
  scheduled tasks before it), and every task is pinned to the Start the
  file gives it.
- Work resources become people (capacity = max units), their ``Group``
  names their roles (separated by ";" or ","; our role ids ride in Text2); generic resources are roles only;
  assignments become role demands in FTE (the units summed per role).

Everything that does not map is reported as a warning, and a task the file
dates differently from our schedule (its start or its finish) is named.
A file written by aiplanner carries the rest of the plan in Text3 (see
:mod:`aiplanner.io.carry`).
"""

from __future__ import annotations

import datetime as dt
import gc
from xml.etree.ElementTree import Element

from aiplanner.io.carry import merge_carried, read_json_object
from aiplanner.io.mspdi.calendar import ProjectCalendar, child_text, local, read_project_calendar, scan
from aiplanner.io.mspdi.common import ALIASES, TASK_DATA_FIELD, parse_datetime
from aiplanner.io.mspdi.resources import read_resources
from aiplanner.io.mspdi.splits import split_task_uids
from aiplanner.io.mspdi.tasks import TaskContext, ext_value, number, read_links, read_tasks
from aiplanner.io.mspdi.xmlio import parse_xml
from aiplanner.io.reading import ImportResult, pin_starts, places, validated_plan
from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.model.parts import DATE_MAX, DATE_MIN
from aiplanner.model.plan import Calendar
from aiplanner.schedule.calendar import WorkCalendar

__all__ = ["read_mspdi_bytes", "parse_xml"]


def _aliases(root: Element) -> set[str]:
    """Field ids the file declares as holding aiplanner data."""
    found = set()
    for block in root:
        if local(block.tag) == "ExtendedAttributes":
            for ext in block:
                if (child_text(ext, "Alias") or "").lower() in ALIASES:
                    found.add(child_text(ext, "FieldID") or "")
    return found


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


def _in_range(day: dt.date) -> bool:
    return DATE_MIN <= day <= DATE_MAX


def _plan_start(root: Element, rows: list) -> dt.date | None:
    """The earliest Start of a task that will be imported, or the project summary's Start if
    earlier; else the project's StartDate."""
    starts = []
    for row, _links, _ext in rows:
        if row.get("IsNull") == "1" or row.get("Active") == "0":
            continue
        start = parse_datetime(row.get("Start") or "")
        if start is not None and _in_range(start.date()):
            starts.append(start.date())
    if starts:
        return min(starts)
    given = parse_datetime(child_text(root, "StartDate") or "")
    return given.date() if given is not None else None


def _read(data: bytes, file: str | None) -> ImportResult:
    root = parse_xml(data, file)
    if local(root.tag) != "Project":
        raise InvalidPlanError([Problem("", f"not an MS Project XML file (the root element is "
                                            f"<{local(root.tag)[:40]}>, not <Project>)")], file)
    warnings: list[str] = []
    fields = _aliases(root)
    calendar, project_cal = read_project_calendar(root, warnings)
    rows = [scan(t) for block in root if local(block.tag) == "Tasks" for t in block if local(t.tag) == "Task"]
    start = _plan_start(root, rows)
    if start is None:
        raise InvalidPlanError([Problem("Project/StartDate", "the project has no start date and no dated task")],
                               file)
    if not _in_range(start):
        raise InvalidPlanError([Problem("Project/StartDate", f"the project starts on {start}, outside the "
                                                             "supported years 1900-2400")], file)
    day_minutes = _day_minutes(root, project_cal, warnings)
    try:
        cal = WorkCalendar(Calendar(**calendar), start)
    except ValueError as exc:
        raise InvalidPlanError([Problem("Project/Calendars", f"cannot use the project calendar: {exc}")],
                               file) from None
    splits = split_task_uids(root, project_cal) if b"TimephasedData" in data else set()
    ctx = TaskContext(fields=fields, hours_per_day=day_minutes / 60, calendar=cal, splits=splits,
                      warnings=warnings)
    read_tasks(rows, ctx)
    read_links(rows, ctx, day_minutes)
    roles, people, assignments = read_resources(root, fields, ctx.uid_to_id, ctx.tasks, warnings)
    name = child_text(root, "Title") or child_text(root, "Name") or "Imported MS Project plan"
    data_plan = {
        "name": name[:500],
        "organisation": (child_text(root, "Company") or "")[:500],
        "start": start,
        "calendar": calendar,
        "phases": ctx.phases,
        "tasks": list(ctx.tasks.values()),
        "roles": roles,
        "people": people,
        "assignments": assignments,
    }
    uid_of = {v: k for k, v in ctx.uid_to_id.items()}
    data_plan, repair = _carried(rows, data_plan, ctx, uid_of)
    plan = validated_plan(data_plan, file, places("task UID", "task UIDs", uid_of), repair)
    try:
        return ImportResult(plan=_pin(plan, ctx, uid_of), warnings=warnings)
    except (ValueError, OverflowError) as exc:  # dates outside what the calendar supports
        raise InvalidPlanError([Problem("", f"cannot schedule the imported plan: {exc}")], file) from None


def _day_minutes(root: Element, project_cal: ProjectCalendar, warnings: list[str]) -> float:
    """Working minutes of a day, as the calendar has them; ``MinutesPerDay`` only says how
    durations were shown."""
    minutes = project_cal.day_minutes()
    stated = number(child_text(root, "MinutesPerDay"), None)
    if stated and stated > 0 and abs(stated - minutes) > 0.5:
        warnings.append(f"MinutesPerDay {stated:g} differs from the calendar's {minutes} working minutes a day; "
                        "durations are measured by the calendar, as MS Project lays them out")
    return float(minutes)


def _carried(rows: list, data_plan: dict, ctx: TaskContext, uid_of: dict[str, str]):
    """The plan and task data an aiplanner export keeps in Text3, merged in, and the repair for
    carried data that does not fit."""
    if TASK_DATA_FIELD not in ctx.fields:
        return data_plan, None
    carried_plan = None
    for row, _links, extended in rows:
        if (row.get("OutlineLevel") == "0" or row.get("UID") == "0") and row.get("IsNull") != "1":
            text = ext_value(extended, ctx.fields, TASK_DATA_FIELD)
            if text:
                carried_plan = read_json_object(text, "task UID 0 (Text3)", ctx.warnings)
            break
    extras = {}
    for tid, text in ctx.carried.items():
        value = read_json_object(text, f"task UID {uid_of.get(tid, '?')} (Text3)", ctx.warnings)
        if value is not None:
            extras[tid] = value
    return merge_carried(data_plan, carried_plan, extras, "task UID 0 (Text3)",
                         lambda tid: f"task UID {uid_of.get(tid, '?')} (Text3)", ctx.warnings)


def _pin(plan, ctx: TaskContext, uid_of: dict[str, str]):
    """Pin every task to the Start the file gives it; name those whose start or finish differs."""
    cal = WorkCalendar(plan.calendar, plan.start)
    wanted = {}
    for tid, (start, finish) in ctx.dates.items():
        if tid not in ctx.tasks:
            continue
        es = cal.index_on_or_after(start.date())
        duration = ctx.tasks[tid]["duration"]
        ef = es + duration
        if finish is not None and duration > 0:
            ef = max(cal.index_on_or_before(finish.date()) + 1, es + 1)
        wanted[tid] = (es, ef)
    return pin_starts(plan, wanted, lambda tid: f"task UID {uid_of.get(tid, '?')}", ctx.warnings)
