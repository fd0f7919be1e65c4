"""Plan -> MS Project XML (MSPDI), readable by MS Project, ProjectLibre, GanttProject, MPXJ.

- Project properties: name, title, company (organisation), start/finish,
  8-hour days (``MinutesPerDay`` 480), durations in days.
- One base calendar: working weekdays with 08:00-12:00 and 13:00-17:00,
  non-working weekdays, holidays (explicit and public over the schedule) as
  exceptions.
- Phases are summary tasks (outline level 1), tasks sit under them (level
  2) with duration ``PT{8d}H0M0S``, start 08:00 and finish 17:00 of our
  scheduled days, explicit milestone flag, percent complete, priority,
  "start no earlier than" constraints, deadlines, and predecessor links
  (Type 0=FF 1=FS 2=SF 3=SS, lag in tenths of a minute: 4800 per day).
- People are resources whose group names their roles; roles nobody holds
  become generic resources; task role demands become assignments
  (units = FTE times the person's share of the role).
- Our ids travel in the Text1 field (alias "aiplanner id") so that a round
  trip keeps them; role demands in Text2 ("aiplanner demands"); what MSPDI
  has no field for travels as JSON in Text3 ("aiplanner data"): the plan
  without its tasks on the project summary task (UID 0), the other task
  fields (tags, estimate ...) on each task.
- Extra working days are working exceptions (08:00-17:00).
"""

from __future__ import annotations

import datetime as dt
import gc

from aiplanner.io.carry import dumps_one_line, plan_json, task_extras
from aiplanner.io.exporting import Output, source_date, write_out
from aiplanner.io.mspdi.common import (LINK_CODES, NS, RESOURCE_ID_FIELD, RESOURCE_ROLES_FIELD, TASK_DATA_FIELD,
                                       TASK_DEMANDS_FIELD, TASK_ID_FIELD, format_datetime, format_duration)
from aiplanner.io.mspdi.xmlio import Node, extended, flag, sub
from aiplanner.model.plan import WEEKDAYS, Plan
from aiplanner.schedule.cpm import Schedule

__all__ = ["mspdi_bytes", "export_mspdi", "HOURS_PER_DAY", "SHOWN"]

HOURS_PER_DAY = 8
#: Task fields the file shows itself; the others travel as JSON in Text3 (see :mod:`aiplanner.io.carry`).
SHOWN = {"duration", "milestone", "depends_on", "not_before", "deadline", "progress", "priority", "notes", "demands"}
_START, _FINISH = "08:00:00", "17:00:00"
_MS_DAY = {0: 2, 1: 3, 2: 4, 3: 5, 4: 6, 5: 7, 6: 1}  # Monday = 0 -> DayType 2
_HOURS = (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00"))


def _exception(parent: Node, first: dt.date, last: dt.date, name: str, working: bool = False) -> None:
    exc = sub(parent, "Exception")
    sub(exc, "EnteredByOccurrences", 0)
    period = sub(exc, "TimePeriod")
    sub(period, "FromDate", format_datetime(first, "00:00:00"))
    sub(period, "ToDate", format_datetime(last, "23:59:00"))
    sub(exc, "Occurrences", 1)
    sub(exc, "Name", name)
    sub(exc, "Type", 1)
    sub(exc, "DayWorking", flag(working))
    if working:
        _working_times(exc)


def _working_times(parent: Node) -> None:
    """Our working day: 08:00-12:00 and 13:00-17:00."""
    times = sub(parent, "WorkingTimes")
    for start, finish in _HOURS:
        slot = sub(times, "WorkingTime")
        sub(slot, "FromTime", start)
        sub(slot, "ToTime", finish)


def _person_calendars(cals: Node, plan: Plan) -> dict[str, int]:
    """One calendar per absent person (based on the project calendar): absences as exceptions."""
    calendar_of = {}
    uid = 1
    for person in plan.people:
        if not person.absences:
            continue
        uid += 1
        calendar_of[person.id] = uid
        cal = sub(cals, "Calendar")
        sub(cal, "UID", uid)
        sub(cal, "Name", person.name)
        sub(cal, "IsBaseCalendar", 0)
        sub(cal, "BaseCalendarUID", 1)
        exceptions = sub(cal, "Exceptions")
        for absence in person.absences:
            _exception(exceptions, absence.start, absence.end, absence.note or "Absence")
    return calendar_of


def _calendar(root: Node, plan: Plan, schedule: Schedule) -> dict[str, int]:
    cals = sub(root, "Calendars")
    cal = sub(cals, "Calendar")
    sub(cal, "UID", 1)
    sub(cal, "Name", "Standard")
    sub(cal, "IsBaseCalendar", 1)
    sub(cal, "BaseCalendarUID", -1)
    weekdays = sub(cal, "WeekDays")
    for day_type in range(1, 8):
        index = (day_type - 2) % 7
        working = WEEKDAYS[index] in plan.calendar.workdays
        day = sub(weekdays, "WeekDay")
        sub(day, "DayType", day_type)
        sub(day, "DayWorking", flag(working))
        if working:
            _working_times(day)
    first = min(plan.start, schedule.start)
    last = schedule.finish + dt.timedelta(days=366)
    holidays = schedule.calendar.holidays_between(first, last)
    extra = schedule.calendar.extra_workdays_between(first, last)
    if holidays or extra:
        exceptions = sub(cal, "Exceptions")
        for day in holidays:
            _exception(exceptions, day, day, "Holiday")
        for day in extra:
            _exception(exceptions, day, day, "Working day", working=True)
    return _person_calendars(cals, plan)


def _dates(schedule: Schedule, tid: str) -> tuple[str, str]:
    t = schedule.tasks[tid]
    cal = schedule.calendar
    if t.ef > t.es:
        return format_datetime(t.start, _START), format_datetime(t.finish, _FINISH)
    # A milestone bound by an end-type link sits at the end of the previous working day.
    stamp = format_datetime(t.start, _FINISH) if t.start != cal.date_of(t.es) else format_datetime(t.start, _START)
    return stamp, stamp


def _task_common(node: Node, uid: int, name: str, wbs: str, level: int) -> None:
    sub(node, "UID", uid)
    sub(node, "ID", uid)
    sub(node, "Name", name)
    sub(node, "Type", 1)  # fixed duration: assignments do not change durations
    sub(node, "IsNull", 0)
    sub(node, "WBS", wbs)
    sub(node, "OutlineNumber", wbs)
    sub(node, "OutlineLevel", level)


def mspdi_bytes(plan: Plan, schedule: Schedule) -> bytes:
    """The MSPDI document of ``plan`` as scheduled (UTF-8 XML)."""
    enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of short strings: no cyclic garbage to find
    try:
        return _document(plan, schedule)
    finally:
        if enabled:
            gc.enable()


def _document(plan: Plan, schedule: Schedule) -> bytes:
    root = Node("Project")
    stamp = source_date().strftime("%Y-%m-%dT%H:%M:%S")
    sub(root, "SaveVersion", 14)
    sub(root, "Name", plan.name)
    sub(root, "Title", plan.name)
    if plan.organisation:
        sub(root, "Company", plan.organisation)
    sub(root, "Author", "aiplanner")
    sub(root, "CreationDate", stamp)
    sub(root, "LastSaved", stamp)
    sub(root, "ScheduleFromStart", 1)
    sub(root, "StartDate", format_datetime(schedule.calendar.date_of(0), _START))
    sub(root, "FinishDate", format_datetime(schedule.finish, _FINISH))
    sub(root, "CalendarUID", 1)
    sub(root, "DefaultStartTime", _START)
    sub(root, "DefaultFinishTime", _FINISH)
    sub(root, "MinutesPerDay", HOURS_PER_DAY * 60)
    sub(root, "MinutesPerWeek", HOURS_PER_DAY * 60 * len(plan.calendar.workdays))
    sub(root, "DaysPerMonth", 20)
    sub(root, "DurationFormat", 7)
    sub(root, "WorkFormat", 2)
    sub(root, "HonorConstraints", 1)
    sub(root, "NewTasksEffortDriven", 0)
    attrs = sub(root, "ExtendedAttributes")
    for field, name, alias in ((TASK_ID_FIELD, "Text1", "aiplanner id"), (TASK_DEMANDS_FIELD, "Text2", "aiplanner demands"),
                               (TASK_DATA_FIELD, "Text3", "aiplanner data"),
                               (RESOURCE_ID_FIELD, "Text1", "aiplanner id"),
                               (RESOURCE_ROLES_FIELD, "Text2", "aiplanner roles")):
        ext = sub(attrs, "ExtendedAttribute")
        sub(ext, "FieldID", field)
        sub(ext, "FieldName", name)
        sub(ext, "Alias", alias)
    calendar_of = _calendar(root, plan, schedule)

    tasks = sub(root, "Tasks")
    summary = sub(tasks, "Task")
    _task_common(summary, 0, plan.name, "0", 0)
    sub(summary, "Summary", 1)
    extended(summary, TASK_DATA_FIELD, plan_json(plan))
    uid_of: dict[str, int] = {}
    uid = 0
    ordered: list[tuple[int, str, str, int]] = []  # uid, kind, id, phase number
    for k, phase in enumerate(plan.phases, start=1):
        uid += 1
        ordered.append((uid, "phase", phase.id, k))
        for task in plan.tasks_in_phase(phase.id):
            uid += 1
            uid_of[task.id] = uid
            ordered.append((uid, "task", task.id, k))
    index = plan.task_index()
    phase_index = {p.id: p for p in plan.phases}
    counters: dict[int, int] = {}
    for uid, kind, item_id, k in ordered:
        node = sub(tasks, "Task")
        if kind == "phase":
            phase = phase_index[item_id]
            _task_common(node, uid, phase.name, str(k), 1)
            span = schedule.phases.get(item_id)
            if span is not None:
                start, finish = format_datetime(span.start, _START), format_datetime(span.finish, _FINISH)
                days = span.duration
            else:
                start = finish = format_datetime(schedule.calendar.date_of(0), _START)
                days = 0
            sub(node, "Start", start)
            sub(node, "Finish", finish)
            sub(node, "Duration", format_duration(days * HOURS_PER_DAY))
            sub(node, "DurationFormat", 7)
            sub(node, "Milestone", 0)
            sub(node, "Summary", 1)
            if phase.notes:
                sub(node, "Notes", phase.notes)
            extended(node, TASK_ID_FIELD, phase.id)
            continue
        task = index[item_id]
        times = schedule.tasks[item_id]
        counters[k] = counters.get(k, 0) + 1
        _task_common(node, uid, task.name, f"{k}.{counters[k]}", 2)
        sub(node, "Priority", task.priority)
        start, finish = _dates(schedule, item_id)
        sub(node, "Start", start)
        sub(node, "Finish", finish)
        sub(node, "Duration", format_duration(task.duration * HOURS_PER_DAY))
        sub(node, "DurationFormat", 7)
        sub(node, "Milestone", flag(task.is_milestone))
        sub(node, "Summary", 0)
        sub(node, "Critical", flag(times.critical))
        sub(node, "PercentComplete", round(task.progress))
        if task.not_before is not None:
            sub(node, "ConstraintType", 4)  # start no earlier than
            sub(node, "ConstraintDate", format_datetime(task.not_before, _START))
        else:
            sub(node, "ConstraintType", 0)
        if task.deadline is not None:
            sub(node, "Deadline", format_datetime(task.deadline, _FINISH))
        if task.notes:
            sub(node, "Notes", task.notes)
        for dep in task.depends_on:
            link = sub(node, "PredecessorLink")
            sub(link, "PredecessorUID", uid_of[dep.task])
            sub(link, "Type", LINK_CODES[dep.type])
            sub(link, "CrossProject", 0)
            sub(link, "LinkLag", dep.lag * HOURS_PER_DAY * 600)
            sub(link, "LagFormat", 7)
        extended(node, TASK_ID_FIELD, task.id)
        if task.demands:
            extended(node, TASK_DEMANDS_FIELD, ";".join(f"{d.role}={d.fte:g}" for d in task.demands))
        extras = task_extras(task, SHOWN)
        if extras:
            extended(node, TASK_DATA_FIELD, dumps_one_line(extras))
    _resources(root, plan, schedule, uid_of, calendar_of)
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', f'<Project xmlns="{NS}">\n']
    for child in root.children:
        if isinstance(child, str):
            out.append(f"  {child}\n")
        else:
            child.write(out, 1)
    out.append("</Project>\n")
    return "".join(out).encode("utf-8")


def _resources(root: Node, plan: Plan, schedule: Schedule, uid_of: dict[str, int],
               calendar_of: dict[str, int]) -> None:
    roles = {r.id: r.name for r in plan.roles}
    holders: dict[str, list[tuple[int, float]]] = {}
    resources = sub(root, "Resources")
    uid = 0
    groups: dict[str, list[str]] = {}  # person -> role ids
    for a in plan.assignments:
        if a.role not in groups.setdefault(a.person, []):
            groups[a.person].append(a.role)
    for person in plan.people:
        uid += 1
        node = sub(resources, "Resource")
        sub(node, "UID", uid)
        sub(node, "ID", uid)
        sub(node, "Name", person.name)
        sub(node, "Type", 1)
        sub(node, "IsNull", 0)
        held = groups.get(person.id, [])
        if held:
            sub(node, "Group", "; ".join(roles.get(r, r) for r in held))
        sub(node, "MaxUnits", f"{person.capacity:.2f}")
        if person.absences:
            sub(node, "CalendarUID", calendar_of[person.id])
        extended(node, RESOURCE_ID_FIELD, person.id)
        if held:
            share_of = {a.role: a.share for a in plan.assignments if a.person == person.id}
            extended(node, RESOURCE_ROLES_FIELD, ",".join(
                r if share_of.get(r, 1.0) == 1.0 else f"{r}={share_of[r]:g}" for r in held))
        for a in plan.assignments:
            if a.person == person.id:
                holders.setdefault(a.role, []).append((uid, a.share))
    demanded = [r for r in dict.fromkeys(d.role for t in plan.tasks for d in t.demands) if r not in holders]
    for role_id in demanded:
        uid += 1
        node = sub(resources, "Resource")
        sub(node, "UID", uid)
        sub(node, "ID", uid)
        sub(node, "Name", roles.get(role_id, role_id))
        sub(node, "Type", 1)
        sub(node, "IsNull", 0)
        sub(node, "Group", roles.get(role_id, role_id))
        sub(node, "MaxUnits", "1.00")
        sub(node, "IsGeneric", 1)
        extended(node, RESOURCE_ROLES_FIELD, role_id)
        holders[role_id] = [(uid, 1.0)]
    assignments = sub(root, "Assignments")
    auid = 0
    for task in plan.tasks:
        start, finish = _dates(schedule, task.id)
        # One assignment per resource and task (MS Project allows no more): a person who
        # holds several demanded roles gets their units summed.
        per_resource: dict[int, float] = {}
        for demand in task.demands:
            for res_uid, share in holders.get(demand.role, []):
                per_resource[res_uid] = per_resource.get(res_uid, 0.0) + demand.fte * share
        for res_uid, units in per_resource.items():
            auid += 1
            node = sub(assignments, "Assignment")
            sub(node, "UID", auid)
            sub(node, "TaskUID", uid_of[task.id])
            sub(node, "ResourceUID", res_uid)
            sub(node, "Finish", finish)
            sub(node, "Start", start)
            sub(node, "Units", f"{round(units, 6):g}")
            sub(node, "Work", format_duration(task.duration * HOURS_PER_DAY * units))


def export_mspdi(plan: Plan, schedule: Schedule, out: Output, **options: object) -> None:
    """Write the MSPDI document of ``plan`` to a path or binary stream."""
    write_out(out, mspdi_bytes(plan, schedule))
