"""GNOME Planner ``.planner`` (and the older ``.mrproject``) -> plan.

Mapping (see README "Interchange"):

- top-level summary tasks become phases, deeper ones are flattened (see
  :mod:`aiplanner.io.outline`); a task keeps its id as ``t<id>``;
- a task's duration is the working days from its ``work-start`` to its
  ``end`` on the project calendar (Planner dates the work itself); an end at
  or before the day's first working hour closes the day before;
  ``type="milestone"`` is a milestone; ``percent-complete``, ``priority``
  (0-9999, divided by ten) and the note are kept; a "start no earlier than"
  or "must start on" constraint is a not-before date;
- predecessors (FS, SS, FF, SF) keep their type; the lag (elapsed seconds)
  becomes whole days;
- the project calendar (``calendar`` of the project, with its base
  calendars): the default week, and its days as holidays or extra working
  days; a resource's own calendar gives that person's absences;
- resource groups become roles (a resource without a group is a role of its
  own), work resources people, allocations role demands (``units`` percent
  of a full-time person); material resources are left out.

Each task starts where the file puts it; a task our schedule dates
differently is named. Phases of the project, properties, costs and rates
are not imported.
"""

from __future__ import annotations

import datetime as dt
from xml.etree.ElementTree import Element

from aiplanner.io.outline import Link, OutlineTask, expand_links, flatten, pinned, walk
from aiplanner.io.reading import ImportResult, places, slugify, unique_id, validated_plan
from aiplanner.io.xmlsafe import local, parse_xml
from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.model.parts import DATE_MAX, DATE_MIN
from aiplanner.model.plan import Calendar, WEEKDAYS
from aiplanner.schedule.calendar import WorkCalendar

__all__ = ["read_planner_bytes"]

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_LINKS = {"FS", "SS", "FF", "SF"}
_WORKING, _NONWORKING, _BASE = "0", "1", "2"


def _stamp(text: str | None) -> dt.datetime | None:
    """``20070223T080000Z`` (Planner's times), or None."""
    value = (text or "").strip().rstrip("Z")
    for pattern in ("%Y%m%dT%H%M%S", "%Y%m%d"):
        try:
            stamp = dt.datetime.strptime(value, pattern)
        except ValueError:
            continue
        return stamp if DATE_MIN <= stamp.date() <= DATE_MAX else None
    return None


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(float(text)) if text not in (None, "") else default
    except (ValueError, OverflowError):
        return default


def _child(node: Element | None, name: str) -> Element | None:
    return None if node is None else next((c for c in node if local(c.tag) == name), None)


def _children(node: Element | None, name: str) -> list[Element]:
    return [] if node is None else [c for c in node if local(c.tag) == name]


def _calendars(root: Element) -> dict[str, tuple[Element, Element | None]]:
    """Every calendar by id, with its base calendar (calendars nest in their base)."""
    found: dict[str, tuple[Element, Element | None]] = {}

    def walk(node: Element, base: Element | None) -> None:
        for cal in _children(node, "calendar"):
            found[cal.get("id") or ""] = (cal, base)
            walk(cal, cal)

    block = _child(root, "calendars")
    if block is not None:
        walk(block, None)
    return found


def _week(cal: Element, calendars: dict, seen: set[str] | None = None) -> dict[int, bool]:
    """Working weekdays of a calendar; "use base" days come from its base calendar."""
    seen = seen or set()
    seen.add(cal.get("id") or "")
    week = _child(cal, "default-week")
    base = calendars.get(cal.get("id") or "", (None, None))[1]
    inherited = _week(base, calendars, seen) if base is not None and (base.get("id") or "") not in seen \
        else {i: i < 5 for i in range(7)}
    out = {}
    for i, day in enumerate(_DAYS):
        kind = week.get(day) if week is not None else _BASE
        out[i] = inherited[i] if kind in (None, _BASE) else kind != _NONWORKING
    return out


def _day_start(cal: Element) -> dt.time:
    """When a working day's work begins (the first interval of the working day type)."""
    for kind in _children(_child(cal, "overridden-day-types"), "overridden-day-type"):
        if kind.get("id") == _WORKING:
            starts = [i.get("start") or "" for i in _children(kind, "interval")]
            valid = sorted(s for s in starts if len(s) == 4 and s.isdigit())
            if valid:
                return dt.time(int(valid[0][:2]) % 24, int(valid[0][2:]) % 60)
    return dt.time(8)


def _days(cal: Element, calendars: dict, inherit: bool = True) -> dict[dt.date, bool]:
    """The calendar's own days (and its bases', unless ``inherit`` is false): date -> working?"""
    out: dict[dt.date, bool] = {}
    base = calendars.get(cal.get("id") or "", (None, None))[1]
    if base is not None and inherit:
        out.update(_days(base, calendars))
    for day in _children(_child(cal, "days"), "day"):
        stamp = _stamp(day.get("date"))
        if stamp is not None and day.get("type") == "day-type" and day.get("id") in (_WORKING, _NONWORKING):
            out[stamp.date()] = day.get("id") == _WORKING
    return out


def read_planner_bytes(data: bytes, file: str | None = None) -> ImportResult:
    """Import a GNOME Planner file.

    Raises
    ------
    InvalidPlanError
        Not well-formed or hostile XML, not a Planner file, or a plan that
        cannot be valid (a dependency loop, say).
    """
    root = parse_xml(data, file)
    if local(root.tag) != "project" or _child(root, "tasks") is None:
        raise InvalidPlanError([Problem("", f"not a Planner file (the root element is <{local(root.tag)[:40]}> "
                                            "without <tasks>)")], file)
    warnings: list[str] = []
    calendars = _calendars(root)
    wanted_cal = root.get("calendar") or ""
    project_cal = calendars.get(wanted_cal, next(iter(calendars.values()), (None, None)))[0]
    calendar, day_start = _project_calendar(project_cal, calendars, warnings)
    roots, links, spans = _tasks(_child(root, "tasks"), day_start, warnings)  # type: ignore[arg-type]
    if not roots:
        raise InvalidPlanError([Problem("tasks", "the file has no tasks")], file)
    starts = [s for s, _f in spans.values()]
    project_start = _stamp(root.get("project-start"))
    start = min(starts + ([project_start.date()] if project_start else [])) if starts or project_start \
        else dt.date.today()
    cal = WorkCalendar(Calendar(**calendar), start)
    for node in walk(roots):
        if not node.children and node.key in spans and not node.row["milestone"]:
            first, last = spans[node.key]
            node.row["duration"] = max(cal.working_days_between(first, last), 1) if last >= first else 1
    summaries = {n.key for n in walk(roots) if n.children}
    phases, rows, stands_for = flatten(roots, lambda n: f"t{n.key}", warnings, lambda n: f"task {n.key}")
    expand_links(links, stands_for, rows, summaries, warnings, lambda key: f"task {key}")
    roles, people, assignments, demands = _resources(root, calendars, stands_for, warnings)
    for row in rows:
        if row["id"] in demands:
            row["demands"] = [{"role": r, "fte": round(min(f, 100.0), 4)} for r, f in demands[row["id"]].items()]
    data_plan = {"name": ((root.get("name") or "").strip() or "Imported Planner plan")[:500],
                 "organisation": (root.get("company") or "").strip()[:500], "start": start, "calendar": calendar,
                 "phases": phases, "tasks": rows, "roles": roles, "people": people, "assignments": assignments}
    key_of = {tid: key for key, ids in stands_for.items() if len(ids) == 1 for tid in ids}
    plan = validated_plan(data_plan, file, places("task", "tasks", key_of))
    return pinned(plan, {key: first for key, (first, _last) in spans.items()}, key_of, warnings, file)


def _project_calendar(cal: Element | None, calendars: dict, warnings: list[str]) -> tuple[dict, dt.time]:
    if cal is None:
        return {"workdays": list(WEEKDAYS[:5]), "holidays": []}, dt.time(8)
    week = _week(cal, calendars)
    if not any(week.values()):
        warnings.append("the project calendar has no working weekday; using Monday to Friday")
        week = {i: i < 5 for i in range(7)}
    days = _days(cal, calendars)
    holidays = sorted(d for d, working in days.items() if not working and week[d.weekday()])
    extra = sorted(d for d, working in days.items() if working and not week[d.weekday()])
    data: dict = {"workdays": [WEEKDAYS[i] for i in range(7) if week[i]], "holidays": holidays}
    if extra:
        data["extra_workdays"] = extra
    base = cal
    while base is not None and not _children(_child(base, "overridden-day-types"), "overridden-day-type"):
        base = calendars.get(base.get("id") or "", (None, None))[1]
    return data, _day_start(base) if base is not None else dt.time(8)


def _tasks(block: Element, day_start: dt.time, warnings: list[str]):
    links: list[Link] = []
    spans: dict[str, tuple[dt.date, dt.date]] = {}

    def read(node: Element) -> OutlineTask:
        key = node.get("id") or ""
        name = (node.get("name") or "").strip() or f"Task {key}"
        first = _stamp(node.get("work-start")) or _stamp(node.get("start"))
        end = _stamp(node.get("end"))
        milestone = node.get("type") == "milestone"
        if first is not None:
            last = end or first
            if end is not None and end > first and end.time() <= day_start:
                last = end - dt.timedelta(days=1)  # the work ended the day before
            spans[key] = (first.date(), max(last.date(), first.date()))
        row = {"duration": 0 if milestone else 1, "milestone": milestone,
               "progress": float(min(max(_int(node.get("percent-complete")), 0), 100)),
               "priority": min(max(round(_int(node.get("priority")) / 10), 0), 1000),
               "notes": (node.get("note") or "").strip()[:10000]}
        constraint = _child(node, "constraint")
        if constraint is not None:
            when = _stamp(constraint.get("time"))
            if constraint.get("type") in ("start-no-earlier-than", "must-start-on") and when is not None:
                row["not_before"] = when.date()
                if constraint.get("type") == "must-start-on":
                    warnings.append(f"task {key}: 'must start on' imported as a not-before date")
            else:
                warnings.append(f"task {key}: constraint {constraint.get('type')!r} is not supported (ignored)")
        for pred in _children(_child(node, "predecessors"), "predecessor"):
            kind = (pred.get("type") or "FS").upper()
            if kind not in _LINKS:
                warnings.append(f"task {key}: unknown link type {pred.get('type')!r}; read as FS")
                kind = "FS"
            seconds = _int(pred.get("lag"))
            lag = round(seconds / 86400)
            if seconds % 86400:
                warnings.append(f"task {key}: lag of {seconds / 86400:g} days rounded to {lag}")
            links.append(Link(pred=pred.get("predecessor-id") or "", succ=key, type=kind, lag=lag))
        task = OutlineTask(key=key, name=name, row=row, notes=row["notes"])
        task.children = [read(child) for child in _children(node, "task")]
        return task

    return [read(node) for node in _children(block, "task")], links, spans


def _resources(root: Element, calendars: dict, stands_for: dict[str, list[str]], warnings: list[str]):
    groups = {g.get("id") or "": (g.get("name") or "").strip() for g in _children(_child(root, "resource-groups"),
                                                                                 "group")}
    roles: dict[str, dict] = {}
    used_roles: set[str] = set()
    people: list[dict] = []
    used_people: set[str] = set()
    person_of: dict[str, str] = {}
    role_of: dict[str, str] = {}
    assignments: list[dict] = []
    for res in _children(_child(root, "resources"), "resource"):
        rid = res.get("id") or ""
        name = (res.get("name") or "").strip()
        if not name:
            continue
        if res.get("type") == "2":
            warnings.append(f"resource {rid}: material resource {name!r} is not imported")
            continue
        group = groups.get(res.get("group") or "")
        key = f"group:{res.get('group')}" if group else f"person:{rid}"
        if key not in roles:
            roles[key] = {"id": unique_id(slugify(group or name, "role"), used_roles), "name": (group or name)[:500]}
        role_of[rid] = roles[key]["id"]
        pid = unique_id(slugify(name, "person"), used_people)
        person_of[rid] = pid
        person: dict = {"id": pid, "name": name[:500], "capacity": 1.0}
        own = calendars.get(res.get("calendar") or "", (None, None))[0]
        if own is not None:
            off = sorted(d for d, working in _days(own, calendars, inherit=False).items() if not working)
            absences: list[dict] = []
            for day in off:  # consecutive days off: one absence
                if absences and absences[-1]["end"] + dt.timedelta(days=1) == day:
                    absences[-1]["end"] = day
                else:
                    absences.append({"start": day, "end": day})
            if absences:
                person["absences"] = absences
        people.append(person)
        assignments.append({"person": pid, "role": role_of[rid]})
    demands: dict[str, dict[str, float]] = {}
    for alloc in _children(_child(root, "allocations"), "allocation"):
        rid = alloc.get("resource-id") or ""
        tasks = stands_for.get(alloc.get("task-id") or "")
        if rid not in role_of or tasks is None:
            continue
        fte = _int(alloc.get("units"), 100) / 100
        if fte <= 0:
            continue
        for tid in tasks:
            per_task = demands.setdefault(tid, {})
            per_task[role_of[rid]] = per_task.get(role_of[rid], 0.0) + fte
    return list(roles.values()), people, assignments, demands
