"""Tasks from a spreadsheet (CSV) -> plan.

Columns are found by their header (case and spaces ignored; common names
accepted): ``id``, ``name`` (required), ``phase``, ``duration`` (required:
``10``, ``10d``, ``2w`` = 10 working days of a Monday-Friday week),
``depends_on`` (``a1FS+2, b2SS-1, c3``), and optional ``start``,
``finish``, ``not_before``, ``deadline`` (ISO dates), ``progress`` (``40`` or ``40%``),
``milestone``, ``priority``, ``notes``, ``tags`` (``a; b``), ``demands``
(``role=fte; role=fte``). Other columns (the computed ones of our own CSV
export) are ignored, but for ``task_data`` and ``plan_data``: the JSON our
exporter writes of what no column shows (see :mod:`aiplanner.io.carry`).
A cell our exporter wrote with a leading ``'`` (so that no spreadsheet
reads it as a formula) is read without it. UTF-8 with or without BOM; ``,``, ``;`` or
tab separators are recognised from the header line. Every bad cell is
reported with its row and column; nothing is imported then.

A ``start`` column pins each task to that date (as a "not before" date when
its links would start it earlier), so an exported schedule imports with
the same dates; a task whose ``finish`` our Monday-to-Friday calendar cannot
reproduce is named in a warning (CSV carries no calendar). The plan starts
on the earliest date in the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from aiplanner.io.carry import merge_carried, read_json_object
from aiplanner.io.csv.writer import FORMULA
from aiplanner.io.reading import (ImportResult, decode_text, pin_starts, places, slugify, unique_id,
                                   validated_plan)
from aiplanner.io.links import LinkSyntaxError, parse_links
from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.schedule.calendar import WorkCalendar

__all__ = ["read_csv_bytes", "read_csv", "HEADERS", "undefuse"]

#: Our column -> header spellings accepted (compared without case, spaces, _ and -).
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "taskid", "key", "code"),
    "name": ("name", "task", "taskname", "title"),
    "phase": ("phase", "section", "stage", "summary"),
    "duration": ("duration", "days", "durationdays"),
    "depends_on": ("dependson", "predecessors", "dependencies", "depends", "after"),
    "start": ("start", "startdate"),
    "finish": ("finish", "finishdate", "end", "enddate"),
    "not_before": ("notbefore", "startnoearlierthan", "earlieststart"),
    "deadline": ("deadline", "due", "duedate"),
    "progress": ("progress", "complete", "percentcomplete", "%complete", "done"),
    "milestone": ("milestone",),
    "priority": ("priority",),
    "notes": ("notes", "note", "comment", "comments", "description"),
    "tags": ("tags", "tag", "labels"),
    "demands": ("demands", "roles", "roledemands"),
    "task_data": ("taskdata",),
    "plan_data": ("plandata",),
}
_MAX_PROBLEMS = 50
_DURATION = re.compile(r"^(\d+)\s*(d|days?|w|wks?|weeks?)?$", re.IGNORECASE)
_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")


def read_csv_bytes(data: bytes, file: str | None = None) -> ImportResult:
    """Import the bytes of a CSV file (UTF-8; Windows-1252 as spreadsheets on Windows write it)."""
    try:
        text = decode_text(data, file)
    except InvalidPlanError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InvalidPlanError([Problem("", "neither UTF-8 nor Windows-1252 text")], file) from None
        result = read_csv(text, file)
        result.warnings.insert(0, "the file is not UTF-8; read as Windows-1252 (check accented names)")
        return result
    return read_csv(text, file)


def _key(header: str) -> str:
    return re.sub(r"[\s_\-]", "", header.strip().lower())


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_csv(text: str, file: str | None = None) -> ImportResult:
    """Import CSV text (see the module description for the columns).

    Raises
    ------
    InvalidPlanError
        Missing required columns or bad cells (``row R, column C (name)``).
    """
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise InvalidPlanError([Problem("", "the file is empty")], file)
    header_line = next(line for line in lines if line.strip())
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(header_line)))
    except csv.Error as exc:
        raise InvalidPlanError([Problem("", f"not readable as CSV: {exc}")], file) from None
    start_row = next(i for i, r in enumerate(rows) if any(c.strip() for c in r))
    header = rows[start_row]
    columns: dict[str, int] = {}
    warnings: list[str] = []
    for c, name in enumerate(header):
        key = _key(name)
        ours = next((k for k, spellings in HEADERS.items() if key in spellings), None)
        if ours and ours not in columns:
            columns[ours] = c
    missing = [k for k in ("name", "duration") if k not in columns]
    if missing:
        raise InvalidPlanError([Problem(f"row {start_row + 1}", f"no {' or '.join(missing)} column in the header "
                                        f"({', '.join(h.strip() for h in header)[:200]})")], file)
    problems: list[Problem] = []
    tasks: list[dict] = []
    starts: dict[str, dt.date] = {}
    finishes: dict[str, dt.date] = {}
    used: set[str] = set()
    phases: dict[str, dict] = {}
    used_phases: set[str] = set()
    links: list[tuple[int, dict, str]] = []
    extras: dict[str, dict] = {}   # task id -> carried task fields
    carried: dict[str, dict] = {}  # place -> carried plan data

    def cell(row: list[str], col: str) -> str:
        k = columns.get(col)
        return undefuse(row[k].strip()) if k is not None and k < len(row) else ""

    def bad(r: int, col: str, message: str) -> None:
        problems.append(Problem(f"row {r}, column {columns[col] + 1} ({header[columns[col]].strip()})", message))

    for i in range(start_row + 1, len(rows)):
        row = rows[i]
        r = i + 1
        if not any(c.strip() for c in row):
            continue
        task: dict = {}
        name = cell(row, "name")
        if not name:
            bad(r, "name", "a task needs a name")
        task["name"] = name[:500]
        given = cell(row, "id")
        if given and not _ID.match(given) or len(given) > 64:
            bad(r, "id", f"{given!r} is not an id (letters, digits, '_', '.', '-'; at most 64)")
            given = ""
        elif given in used:
            bad(r, "id", f"id {given!r} is used twice")
        task["id"] = unique_id(given or f"t{len(tasks) + 1}", used)
        duration = cell(row, "duration")
        match = _DURATION.match(duration)
        if match is None:
            bad(r, "duration", f"{duration!r} is not a duration in whole days (10, 10d or 2w)")
        else:
            unit = (match.group(2) or "d").lower()
            task["duration"] = int(match.group(1)) * (5 if unit.startswith("w") else 1)
            if task["duration"] > 100_000:
                bad(r, "duration", "longer than 100000 days")
        phase_name = cell(row, "phase") or "Tasks"
        if phase_name not in phases:
            pid = phase_name if _ID.match(phase_name) and len(phase_name) <= 64 else slugify(phase_name, "phase")
            phases[phase_name] = {"id": unique_id(pid, used_phases), "name": phase_name[:500]}
        task["phase"] = phases[phase_name]["id"]
        for col in ("not_before", "deadline", "start", "finish"):
            value = cell(row, col)
            if value:
                try:
                    day = dt.date.fromisoformat(value[:10])
                    if not 1900 <= day.year <= 2400:
                        raise ValueError
                except ValueError:
                    bad(r, col, f"{value!r} is not a date (YYYY-MM-DD, 1900-2400)")
                    continue
                if col == "start":
                    starts[task["id"]] = day
                elif col == "finish":
                    finishes[task["id"]] = day
                else:
                    task[col] = day
        progress = cell(row, "progress").rstrip("%").strip()
        if progress:
            try:
                task["progress"] = float(progress)
                if not 0 <= task["progress"] <= 100:
                    raise ValueError
            except ValueError:
                bad(r, "progress", f"{cell(row, 'progress')!r} is not a percentage from 0 to 100")
        milestone = cell(row, "milestone").lower()
        if milestone:
            task["milestone"] = milestone in ("1", "true", "yes", "y", "x")
            if task["milestone"] and task.get("duration"):
                bad(r, "milestone", "a milestone must have duration 0")
        priority = cell(row, "priority")
        if priority:
            if priority.isdigit() and int(priority) <= 1000:
                task["priority"] = int(priority)
            else:
                bad(r, "priority", f"{priority!r} is not a priority from 0 to 1000")
        task["notes"] = cell(row, "notes")[:10000]
        tags = [t.strip() for t in cell(row, "tags").split(";") if t.strip()]
        if tags:
            task["tags"] = tags
        demands = _demands(cell(row, "demands"), lambda message: bad(r, "demands", message))
        if demands:
            task["demands"] = demands
        for col, store in (("task_data", extras), ("plan_data", carried)):
            text = cell(row, col)
            if text:
                place = f"row {r}, column {columns[col] + 1} ({header[columns[col]].strip()})"
                value = read_json_object(text, place, warnings)
                if value is not None:
                    store[task["id"] if col == "task_data" else place] = value
        links.append((r, task, cell(row, "depends_on")))
        tasks.append(task)
        if len(problems) >= _MAX_PROBLEMS:
            break
    known = {t["id"] for t in tasks}
    for r, task, text in links:
        try:
            deps = parse_links(text, known)
        except LinkSyntaxError as exc:
            bad(r, "depends_on", str(exc))
            continue
        for dep in deps:
            if dep.task not in known:
                bad(r, "depends_on", f"no task has id {dep.task!r}")
            elif dep.task == task["id"]:
                bad(r, "depends_on", "a task cannot depend on itself")
        task["depends_on"] = [d.model_dump() for d in deps]
    if not tasks and not problems:
        raise InvalidPlanError([Problem(f"row {start_row + 2}", "no task rows under the header")], file)
    if problems:
        raise InvalidPlanError(problems[:_MAX_PROBLEMS], file)
    dates = list(starts.values()) + [t["not_before"] for t in tasks if "not_before" in t]
    if dates:
        start = min(dates)
    elif carried:
        start = dt.date.fromisoformat(str(next(iter(carried.values())).get("start", dt.date.today())))
    else:
        start = dt.date.today()
        warnings.append(f"no start or not-before dates in the file: the plan starts today ({start})")
    row_of = {t["id"]: r for r, t, _ in links}
    data = {"name": "Imported tasks", "start": start, "phases": list(phases.values()), "tasks": tasks}
    data, repair = _with_carried(data, carried, extras, columns, header, row_of, warnings)
    _add_demanded_roles(data)
    plan = validated_plan(data, file, places("row", "rows", row_of), repair)
    if starts:
        cal = WorkCalendar(plan.calendar, plan.start)
        by_id = {t["id"]: t for t in tasks}
        wanted = {}
        for tid, day in starts.items():
            es = cal.index_on_or_after(day)
            ef = es + by_id[tid]["duration"]
            if tid in finishes and by_id[tid]["duration"]:
                ef = cal.index_on_or_before(finishes[tid]) + 1
            wanted[tid] = (es, ef)
        plan = pin_starts(plan, wanted, lambda tid: f"row {row_of[tid]}", warnings)
    return ImportResult(plan=plan, warnings=warnings)


def undefuse(cell: str) -> str:
    """The text our exporter wrote with a leading ``'`` so that no spreadsheet evaluates it.

    >>> undefuse("'=SUM(A1)"), undefuse("''=x"), undefuse("'quoted")
    ('=SUM(A1)', "'=x", "'quoted")
    """
    return cell[1:] if cell.startswith("'") and FORMULA.match(cell[1:]) else cell


def _demands(text: str, bad) -> list[dict]:
    """``role=fte; role=fte`` (a role alone is 1 FTE)."""
    found = []
    for part in re.split(r"[;,]", text):
        if not part.strip():
            continue
        role, _, fte = part.partition("=")
        role = role.strip()
        try:
            value = float(fte) if fte.strip() else 1.0
        except ValueError:
            value = -1.0
        if not _ID.match(role) or len(role) > 64 or not 0 < value <= 100:
            bad(f"{part.strip()!r} is not a role demand (role=fte, fte from 0 to 100)")
            continue
        found.append({"role": role, "fte": value})
    return found


def _with_carried(data: dict, carried: dict[str, dict], extras: dict[str, dict], columns: dict[str, int],
                  header: list[str], row_of: dict[str, int], warnings: list[str]):
    """The plan and task data our exporter keeps in ``plan_data`` and ``task_data``, merged in,
    and the repair for carried data that does not fit."""
    if not carried and not extras:
        return data, None
    place, plan = next(iter(carried.items()), ("", None))
    if len(carried) > 1:
        warnings.append(f"plan_data is filled in {len(carried)} rows; the first ({place}) is used")
    col = columns.get("task_data")
    where = (lambda tid: f"row {row_of.get(tid, '?')}, column {col + 1} ({header[col].strip()})") if col is not None \
        else (lambda tid: f"row {row_of.get(tid, '?')}")
    return merge_carried(data, plan, extras, place, where, warnings)


def _add_demanded_roles(data: dict) -> None:
    """Roles that demands name and the plan does not list, added under their ids."""
    known = {r.get("id") for r in data.get("roles", []) if isinstance(r, dict)}
    for task in data["tasks"]:
        for demand in task.get("demands", []):
            if isinstance(demand, dict) and demand.get("role") not in known:
                known.add(demand["role"])
                data.setdefault("roles", []).append({"id": demand["role"], "name": demand["role"]})
