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
  trip keeps them.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from xml.sax.saxutils import escape

from aiplanner.io.exporting import Output, source_date, write_out
from aiplanner.io.mspdi_common import (LINK_CODES, NS, RESOURCE_ID_FIELD, RESOURCE_ROLES_FIELD, TASK_DEMANDS_FIELD,
                                       TASK_ID_FIELD, format_datetime,
                                       format_duration)
from aiplanner.model.plan import WEEKDAYS, Plan
from aiplanner.schedule.cpm import Schedule

__all__ = ["mspdi_bytes", "export_mspdi", "HOURS_PER_DAY"]

HOURS_PER_DAY = 8
_START, _FINISH = "08:00:00", "17:00:00"
_MS_DAY = {0: 2, 1: 3, 2: 4, 3: 5, 4: 6, 5: 7, 6: 1}  # Monday = 0 -> DayType 2


class _Node:
    """A minimal XML element writer: children are written in order.

    Building the text directly is several times faster than ElementTree for
    the 300,000 elements of a 5,000-task project. Leaf elements are kept as
    ready-made strings.
    """

    __slots__ = ("tag", "children")

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.children: list[_Node | str] = []

    def write(self, out: list[str], depth: int) -> None:
        pad = "  " * depth
        if not self.children:
            out.append(f"{pad}<{self.tag}/>\n")
            return
        out.append(f"{pad}<{self.tag}>\n")
        inner = pad + "  "
        for child in self.children:
            if isinstance(child, str):
                out.append(f"{inner}{child}\n")
            else:
                child.write(out, depth + 1)
        out.append(f"{pad}</{self.tag}>\n")


_NEEDS_CARE = re.compile("[<>&\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: object) -> str:
    text = str(value)
    if isinstance(value, str) and _NEEDS_CARE.search(text):
        text = escape(_NOT_XML.sub("", text))
    return text


def _sub(parent: _Node, tag: str, text: object | None = None) -> _Node:
    """Add a child element; with ``text`` it is a leaf (and the parent is returned)."""
    if text is None:
        node = _Node(tag)
        parent.children.append(node)
        return node
    parent.children.append(f"<{tag}>{_text(text)}</{tag}>")
    return parent


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _exception(parent: _Node, first: dt.date, last: dt.date, name: str) -> None:
    exc = _sub(parent, "Exception")
    _sub(exc, "EnteredByOccurrences", 0)
    period = _sub(exc, "TimePeriod")
    _sub(period, "FromDate", format_datetime(first, "00:00:00"))
    _sub(period, "ToDate", format_datetime(last, "23:59:00"))
    _sub(exc, "Occurrences", 1)
    _sub(exc, "Name", name)
    _sub(exc, "Type", 1)
    _sub(exc, "DayWorking", 0)


def _person_calendars(cals: _Node, plan: Plan) -> dict[str, int]:
    """One calendar per absent person (based on the project calendar): absences as exceptions."""
    calendar_of = {}
    uid = 1
    for person in plan.people:
        if not person.absences:
            continue
        uid += 1
        calendar_of[person.id] = uid
        cal = _sub(cals, "Calendar")
        _sub(cal, "UID", uid)
        _sub(cal, "Name", person.name)
        _sub(cal, "IsBaseCalendar", 0)
        _sub(cal, "BaseCalendarUID", 1)
        exceptions = _sub(cal, "Exceptions")
        for absence in person.absences:
            _exception(exceptions, absence.start, absence.end, absence.note or "Absence")
    return calendar_of


def _calendar(root: _Node, plan: Plan, schedule: Schedule) -> dict[str, int]:
    cals = _sub(root, "Calendars")
    cal = _sub(cals, "Calendar")
    _sub(cal, "UID", 1)
    _sub(cal, "Name", "Standard")
    _sub(cal, "IsBaseCalendar", 1)
    _sub(cal, "BaseCalendarUID", -1)
    weekdays = _sub(cal, "WeekDays")
    for day_type in range(1, 8):
        index = (day_type - 2) % 7
        working = WEEKDAYS[index] in plan.calendar.workdays
        day = _sub(weekdays, "WeekDay")
        _sub(day, "DayType", day_type)
        _sub(day, "DayWorking", _flag(working))
        if working:
            times = _sub(day, "WorkingTimes")
            for start, finish in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
                slot = _sub(times, "WorkingTime")
                _sub(slot, "FromTime", start)
                _sub(slot, "ToTime", finish)
    first = min(plan.start, schedule.start)
    last = schedule.finish + dt.timedelta(days=366)
    holidays = schedule.calendar.holidays_between(first, last)
    if holidays:
        exceptions = _sub(cal, "Exceptions")
        for day in holidays:
            _exception(exceptions, day, day, "Holiday")
    return _person_calendars(cals, plan)


def _dates(schedule: Schedule, tid: str) -> tuple[str, str]:
    t = schedule.tasks[tid]
    cal = schedule.calendar
    if t.ef > t.es:
        return format_datetime(t.start, _START), format_datetime(t.finish, _FINISH)
    # A milestone bound by an end-type link sits at the end of the previous working day.
    stamp = format_datetime(t.start, _FINISH) if t.start != cal.date_of(t.es) else format_datetime(t.start, _START)
    return stamp, stamp


def _task_common(node: _Node, uid: int, name: str, wbs: str, level: int) -> None:
    _sub(node, "UID", uid)
    _sub(node, "ID", uid)
    _sub(node, "Name", name)
    _sub(node, "Type", 1)  # fixed duration: assignments do not change durations
    _sub(node, "IsNull", 0)
    _sub(node, "WBS", wbs)
    _sub(node, "OutlineNumber", wbs)
    _sub(node, "OutlineLevel", level)


def _extended(node: _Node, field: str, value: str) -> None:
    ext = _sub(node, "ExtendedAttribute")
    _sub(ext, "FieldID", field)
    _sub(ext, "Value", value)


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
    root = _Node("Project")
    stamp = source_date().strftime("%Y-%m-%dT%H:%M:%S")
    _sub(root, "SaveVersion", 14)
    _sub(root, "Name", plan.name)
    _sub(root, "Title", plan.name)
    if plan.organisation:
        _sub(root, "Company", plan.organisation)
    _sub(root, "Author", "aiplanner")
    _sub(root, "CreationDate", stamp)
    _sub(root, "LastSaved", stamp)
    _sub(root, "ScheduleFromStart", 1)
    _sub(root, "StartDate", format_datetime(schedule.calendar.date_of(0), _START))
    _sub(root, "FinishDate", format_datetime(schedule.finish, _FINISH))
    _sub(root, "CalendarUID", 1)
    _sub(root, "DefaultStartTime", _START)
    _sub(root, "DefaultFinishTime", _FINISH)
    _sub(root, "MinutesPerDay", HOURS_PER_DAY * 60)
    _sub(root, "MinutesPerWeek", HOURS_PER_DAY * 60 * len(plan.calendar.workdays))
    _sub(root, "DaysPerMonth", 20)
    _sub(root, "DurationFormat", 7)
    _sub(root, "WorkFormat", 2)
    _sub(root, "HonorConstraints", 1)
    _sub(root, "NewTasksEffortDriven", 0)
    attrs = _sub(root, "ExtendedAttributes")
    for field, name, alias in ((TASK_ID_FIELD, "Text1", "aiplanner id"), (TASK_DEMANDS_FIELD, "Text2", "aiplanner demands"),
                               (RESOURCE_ID_FIELD, "Text1", "aiplanner id"),
                               (RESOURCE_ROLES_FIELD, "Text2", "aiplanner roles")):
        ext = _sub(attrs, "ExtendedAttribute")
        _sub(ext, "FieldID", field)
        _sub(ext, "FieldName", name)
        _sub(ext, "Alias", alias)
    calendar_of = _calendar(root, plan, schedule)

    tasks = _sub(root, "Tasks")
    summary = _sub(tasks, "Task")
    _task_common(summary, 0, plan.name, "0", 0)
    _sub(summary, "Summary", 1)
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
        node = _sub(tasks, "Task")
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
            _sub(node, "Start", start)
            _sub(node, "Finish", finish)
            _sub(node, "Duration", format_duration(days * HOURS_PER_DAY))
            _sub(node, "DurationFormat", 7)
            _sub(node, "Milestone", 0)
            _sub(node, "Summary", 1)
            if phase.notes:
                _sub(node, "Notes", phase.notes)
            _extended(node, TASK_ID_FIELD, phase.id)
            continue
        task = index[item_id]
        times = schedule.tasks[item_id]
        counters[k] = counters.get(k, 0) + 1
        _task_common(node, uid, task.name, f"{k}.{counters[k]}", 2)
        _sub(node, "Priority", task.priority)
        start, finish = _dates(schedule, item_id)
        _sub(node, "Start", start)
        _sub(node, "Finish", finish)
        _sub(node, "Duration", format_duration(task.duration * HOURS_PER_DAY))
        _sub(node, "DurationFormat", 7)
        _sub(node, "Milestone", _flag(task.is_milestone))
        _sub(node, "Summary", 0)
        _sub(node, "Critical", _flag(times.critical))
        _sub(node, "PercentComplete", round(task.progress))
        if task.not_before is not None:
            _sub(node, "ConstraintType", 4)  # start no earlier than
            _sub(node, "ConstraintDate", format_datetime(task.not_before, _START))
        else:
            _sub(node, "ConstraintType", 0)
        if task.deadline is not None:
            _sub(node, "Deadline", format_datetime(task.deadline, _FINISH))
        if task.notes:
            _sub(node, "Notes", task.notes)
        for dep in task.depends_on:
            link = _sub(node, "PredecessorLink")
            _sub(link, "PredecessorUID", uid_of[dep.task])
            _sub(link, "Type", LINK_CODES[dep.type])
            _sub(link, "CrossProject", 0)
            _sub(link, "LinkLag", dep.lag * HOURS_PER_DAY * 600)
            _sub(link, "LagFormat", 7)
        _extended(node, TASK_ID_FIELD, task.id)
        if task.demands:
            _extended(node, TASK_DEMANDS_FIELD, ";".join(f"{d.role}={d.fte:g}" for d in task.demands))
    _resources(root, plan, schedule, uid_of, calendar_of)
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', f'<Project xmlns="{NS}">\n']
    for child in root.children:
        if isinstance(child, str):
            out.append(f"  {child}\n")
        else:
            child.write(out, 1)
    out.append("</Project>\n")
    return "".join(out).encode("utf-8")


def _resources(root: _Node, plan: Plan, schedule: Schedule, uid_of: dict[str, int],
               calendar_of: dict[str, int]) -> None:
    roles = {r.id: r.name for r in plan.roles}
    holders: dict[str, list[tuple[int, float]]] = {}
    resources = _sub(root, "Resources")
    uid = 0
    groups: dict[str, list[str]] = {}  # person -> role ids
    for a in plan.assignments:
        if a.role not in groups.setdefault(a.person, []):
            groups[a.person].append(a.role)
    for person in plan.people:
        uid += 1
        node = _sub(resources, "Resource")
        _sub(node, "UID", uid)
        _sub(node, "ID", uid)
        _sub(node, "Name", person.name)
        _sub(node, "Type", 1)
        _sub(node, "IsNull", 0)
        held = groups.get(person.id, [])
        if held:
            _sub(node, "Group", "; ".join(roles.get(r, r) for r in held))
        _sub(node, "MaxUnits", f"{person.capacity:.2f}")
        if person.absences:
            _sub(node, "CalendarUID", calendar_of[person.id])
        _extended(node, RESOURCE_ID_FIELD, person.id)
        if held:
            _extended(node, RESOURCE_ROLES_FIELD, ",".join(held))
        for a in plan.assignments:
            if a.person == person.id:
                holders.setdefault(a.role, []).append((uid, a.share))
    demanded = [r for r in dict.fromkeys(d.role for t in plan.tasks for d in t.demands) if r not in holders]
    for role_id in demanded:
        uid += 1
        node = _sub(resources, "Resource")
        _sub(node, "UID", uid)
        _sub(node, "ID", uid)
        _sub(node, "Name", roles.get(role_id, role_id))
        _sub(node, "Type", 1)
        _sub(node, "IsNull", 0)
        _sub(node, "Group", roles.get(role_id, role_id))
        _sub(node, "MaxUnits", "1.00")
        _sub(node, "IsGeneric", 1)
        _extended(node, RESOURCE_ROLES_FIELD, role_id)
        holders[role_id] = [(uid, 1.0)]
    assignments = _sub(root, "Assignments")
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
            node = _sub(assignments, "Assignment")
            _sub(node, "UID", auid)
            _sub(node, "TaskUID", uid_of[task.id])
            _sub(node, "ResourceUID", res_uid)
            _sub(node, "Finish", finish)
            _sub(node, "Start", start)
            _sub(node, "Units", f"{round(units, 6):g}")
            _sub(node, "Work", format_duration(task.duration * HOURS_PER_DAY * units))


def export_mspdi(plan: Plan, schedule: Schedule, out: Output, **options: object) -> None:
    """Write the MSPDI document of ``plan`` to a path or binary stream."""
    write_out(out, mspdi_bytes(plan, schedule))
