"""GanttProject ``.gan`` -> plan.

Mapping (see README "Interchange"):

- top-level summary tasks become phases, deeper ones are flattened (see
  :mod:`aiplanner.io.outline`); a task keeps its id as ``t<id>``;
- ``duration`` is in working days; ``meeting="true"`` (or no duration) is a
  milestone; ``complete`` is the progress; ``priority`` (0 low, 1 normal,
  2 high, 3 lowest, 4 highest) becomes 300, 500, 700, 100, 900; notes are
  kept; an "earliest begin" (``thirdDate`` with constraint 1) is a
  not-before date;
- ``<depend>`` on a task makes it the predecessor of the task named:
  type 1 SS, 2 FS, 3 FF, 4 SF, ``difference`` the lag in days;
- the calendar: the ``default-week`` (1 = weekend), holidays
  (``type="HOLIDAY"``; without a year, every year of the plan) and working
  days (``WORKING_DAY``, on a weekend: an extra working day);
- roles (GanttProject's own ``Default:1`` is "Project manager"), resources
  (people holding their role), vacations (absences) and allocations (role
  demands: ``load`` percent of a full-time person, in the allocation's role).

Each task starts where the file puts it (a not-before date when its links
alone would start it earlier); a task our schedule dates differently is
named. Costs, colours, custom columns and web links are not imported.
"""

from __future__ import annotations

import datetime as dt
from xml.etree.ElementTree import Element

from aiplanner.io.outline import Link, OutlineTask, expand_links, flatten, pinned, walk
from aiplanner.io.reading import ImportResult, places, slugify, unique_id, validated_plan
from aiplanner.io.xmlsafe import local, parse_xml
from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.model.parts import DATE_MAX, DATE_MIN
from aiplanner.model.plan import WEEKDAYS

__all__ = ["read_gan_bytes"]

_TYPES = {"1": "SS", "2": "FS", "3": "FF", "4": "SF"}
_PRIORITY = {"0": 300, "1": 500, "2": 700, "3": 100, "4": 900}
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: GanttProject's built-in role set; "Default:0" is "undefined" (no role).
_DEFAULT_ROLES = {"Default:1": "Project manager"}
_ONE = dt.timedelta(days=1)


def _date(text: str | None) -> dt.date | None:
    try:
        day = dt.date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None
    return day if DATE_MIN <= day <= DATE_MAX else None


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(float(text)) if text not in (None, "") else default
    except (ValueError, OverflowError):
        return default


def _child(node: Element, name: str) -> Element | None:
    return next((c for c in node if local(c.tag) == name), None)


def _children(node: Element | None, name: str) -> list[Element]:
    return [] if node is None else [c for c in node if local(c.tag) == name]


def read_gan_bytes(data: bytes, file: str | None = None) -> ImportResult:
    """Import a GanttProject file.

    Raises
    ------
    InvalidPlanError
        Not well-formed or hostile XML, not a GanttProject file, or a plan
        that cannot be valid (a dependency loop, say).
    """
    root = parse_xml(data, file)
    if local(root.tag) != "project" or _child(root, "tasks") is None:
        raise InvalidPlanError([Problem("", f"not a GanttProject file (the root element is <{local(root.tag)[:40]}>"
                                            " without <tasks>)")], file)
    warnings: list[str] = []
    roots, links, starts = _tasks(_child(root, "tasks"), warnings)  # type: ignore[arg-type]
    if not roots:
        raise InvalidPlanError([Problem("tasks", "the file has no tasks")], file)
    summaries = {n.key for n in walk(roots) if n.children}
    phases, rows, stands_for = flatten(roots, lambda n: f"t{n.key}", warnings, lambda n: f"task {n.key}")
    expand_links(links, stands_for, rows, summaries, warnings, lambda key: f"task {key}")
    dated = [d for d in starts.values() if d is not None]
    start = min(dated) if dated else dt.date.today()
    if not dated:
        warnings.append(f"no task has a start date: the plan starts today ({start})")
    calendar = _calendar(_child(root, "calendars"), start, max(dated, default=start), warnings)
    roles, people, assignments, demands = _resources(root, stands_for, warnings)
    for row in rows:
        if row["id"] in demands:
            row["demands"] = [{"role": r, "fte": round(min(f, 100.0), 4)} for r, f in demands[row["id"]].items()]
    name = (root.get("name") or "").strip() or "Imported GanttProject plan"
    description = _child(root, "description")
    data_plan = {"name": name[:500], "organisation": (root.get("company") or "").strip()[:500], "start": start,
                 "calendar": calendar, "phases": phases, "tasks": rows, "roles": roles, "people": people,
                 "assignments": assignments,
                 "notes": ((description.text or "").strip() if description is not None else "")[:10000]}
    key_of = {tid: key for key, ids in stands_for.items() if len(ids) == 1 for tid in ids}
    plan = validated_plan(data_plan, file, places("task", "tasks", key_of))
    return pinned(plan, {k: d for k, d in starts.items() if d is not None}, key_of, warnings, file)


def _tasks(block: Element, warnings: list[str]) -> tuple[list[OutlineTask], list[Link], dict[str, dt.date | None]]:
    links: list[Link] = []
    starts: dict[str, dt.date | None] = {}

    def read(node: Element) -> OutlineTask:
        key = node.get("id") or ""
        name = (node.get("name") or "").strip() or f"Task {key}"
        start = _date(node.get("start"))
        if start is None and node.get("start"):
            warnings.append(f"task {key}: start {node.get('start')!r} is not a date in 1900-2400 (ignored)")
        starts[key] = start
        duration = max(_int(node.get("duration")), 0)
        milestone = node.get("meeting") == "true" or duration == 0
        if milestone and duration:
            warnings.append(f"task {key}: milestone with a duration of {duration} days imported with none")
            duration = 0
        notes_node = _child(node, "notes")
        row = {"duration": min(duration, 100_000), "milestone": milestone,
               "progress": float(min(max(_int(node.get("complete")), 0), 100)),
               "priority": _PRIORITY.get((node.get("priority") or "1").strip(), 500),
               "notes": ((notes_node.text or "").strip() if notes_node is not None else "")[:10000]}
        if node.get("thirdDate-constraint") == "1" and _date(node.get("thirdDate")) is not None:
            row["not_before"] = _date(node.get("thirdDate"))
        for dep in _children(node, "depend"):
            kind = _TYPES.get(dep.get("type") or "2")
            if kind is None:
                warnings.append(f"task {key}: unknown link type {dep.get('type')!r}; read as FS")
                kind = "FS"
            links.append(Link(pred=key, succ=dep.get("id") or "", type=kind, lag=_int(dep.get("difference"))))
        task = OutlineTask(key=key, name=name, row=row, notes=row["notes"])
        task.children = [read(child) for child in _children(node, "task")]
        return task

    return [read(node) for node in _children(block, "task")], links, starts


def _calendar(block: Element | None, first: dt.date, last: dt.date, warnings: list[str]) -> dict:
    week = None
    for holder in _children(block, "day-types"):
        found = _child(holder, "default-week")
        if found is not None:  # (an element without children is falsy)
            week = found
    off = {i for i, day in enumerate(_DAYS) if week is not None and week.get(day) == "1"} if week is not None \
        else {5, 6}
    if len(off) == 7:
        warnings.append("the calendar has no working weekday; using Monday to Friday")
        off = {5, 6}
    holidays: set[dt.date] = set()
    extra: set[dt.date] = set()
    years = range(max(first.year - 1, DATE_MIN.year), min(last.year + 6, DATE_MAX.year) + 1)
    for node in _children(block, "date"):
        kind = (node.get("type") or "HOLIDAY").upper()
        if kind == "NEUTRAL":
            continue
        month, day = _int(node.get("month")), _int(node.get("date"))
        year = node.get("year")
        dates = []
        for y in ([_int(year)] if year else years):
            try:
                dates.append(dt.date(y, month, day))
            except ValueError:
                continue
        if not dates:
            warnings.append(f"calendar date {year or '(every year)'}-{month}-{day} is not a date (ignored)")
        for found in dates:
            if not DATE_MIN <= found <= DATE_MAX:
                continue
            if kind == "WORKING_DAY":
                if found.weekday() in off:
                    extra.add(found)
            elif found.weekday() not in off:
                holidays.add(found)
    data: dict = {"workdays": [WEEKDAYS[i] for i in range(7) if i not in off], "holidays": sorted(holidays)}
    if extra:
        data["extra_workdays"] = sorted(extra)
    return data


def _resources(root: Element, stands_for: dict[str, list[str]], warnings: list[str]):
    """Roles, people, assignments and per-task role demands (task id -> role -> FTE)."""
    names = dict(_DEFAULT_ROLES)
    for block in _children(root, "roles"):
        if block.get("roleset-name"):
            continue  # a built-in role set, named only
        for role in _children(block, "role"):
            names[role.get("id") or ""] = (role.get("name") or "").strip() or f"Role {role.get('id')}"
    roles: dict[str, dict] = {}
    used_roles: set[str] = set()

    def role_id(function: str | None) -> str | None:
        if not function or function not in names:
            return None
        if function not in roles:
            roles[function] = {"id": unique_id(slugify(names[function], "role"), used_roles),
                               "name": names[function][:500]}
        return roles[function]["id"]

    people: list[dict] = []
    used_people: set[str] = set()
    person_of: dict[str, str] = {}
    role_of: dict[str, str | None] = {}
    assignments: list[dict] = []
    for res in _children(_child(root, "resources"), "resource"):
        rid = res.get("id") or ""
        name = (res.get("name") or "").strip() or f"Resource {rid}"
        pid = unique_id(slugify(name, "person"), used_people)
        person_of[rid] = pid
        people.append({"id": pid, "name": name[:500], "capacity": 1.0})
        role_of[rid] = role_id(res.get("function"))
        if role_of[rid] is None:  # no role: the person stands for a role of their own
            role_of[rid] = unique_id(slugify(name, "role"), used_roles)
            roles[f"person:{rid}"] = {"id": role_of[rid], "name": name[:500]}
        assignments.append({"person": pid, "role": role_of[rid]})
    by_id = {p["id"]: p for p in people}
    for vacation in _children(_child(root, "vacations"), "vacation"):
        pid = person_of.get(vacation.get("resourceid") or "")
        first, last = _date(vacation.get("start")), _date(vacation.get("end"))
        if pid is None or first is None or last is None or last < first:
            warnings.append(f"vacation {vacation.get('start')}..{vacation.get('end')} of resource "
                            f"{vacation.get('resourceid')!r} cannot be read (ignored)")
            continue
        by_id[pid].setdefault("absences", []).append({"start": first, "end": last})
    demands: dict[str, dict[str, float]] = {}
    for alloc in _children(_child(root, "allocations"), "allocation"):
        rid = alloc.get("resource-id") or ""
        tasks = stands_for.get(alloc.get("task-id") or "")
        if rid not in person_of or tasks is None:
            warnings.append(f"allocation of resource {rid!r} to task {alloc.get('task-id')!r} names nothing "
                            "imported (dropped)")
            continue
        role = role_id(alloc.get("function")) or role_of[rid]
        if role != role_of[rid] and not any(a["person"] == person_of[rid] and a["role"] == role
                                            for a in assignments):
            assignments.append({"person": person_of[rid], "role": role})
        try:
            fte = float(alloc.get("load") or 100) / 100
        except ValueError:
            fte = 1.0
        if fte <= 0:
            continue
        for tid in tasks:
            per_task = demands.setdefault(tid, {})
            per_task[role] = per_task.get(role, 0.0) + fte  # type: ignore[index]
    return list(roles.values()), people, assignments, demands
