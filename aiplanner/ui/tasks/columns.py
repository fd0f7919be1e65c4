"""Columns of the task table: their text, sort values, tooltips, and the undo
command that typed text makes. Plain functions; :mod:`aiplanner.ui.tasks.model`
is the Qt adapter that calls them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiplanner.model.errors import EditError
from aiplanner.model.plan import Task
from aiplanner.ui.tasks import cells
from aiplanner.ui.commands import EditTaskCommand, RenameTaskCommand

__all__ = ["Column", "COLUMNS", "COLUMN_INDEX", "task_text", "task_sort", "task_tip", "edit_command"]


@dataclass(frozen=True)
class Column:
    """One column: ``key`` names it in code, ``editable`` for task rows."""

    key: str
    title: str
    editable: bool
    tip: str


#: In the order a planner reads a row: what, when, how far; then the inputs; then float.
COLUMNS: tuple[Column, ...] = (
    Column("name", "Task", True, "Task name (Enter on a task opens the task editor; F2 edits in place)"),
    Column("start", "Start", False, "Early start (computed)"),
    Column("finish", "Finish", False, "Early finish (computed)"),
    Column("progress", "Done", True, "Percent complete"),
    Column("duration", "Duration", True, "Working days: 10, 10d, or 3w (weeks of the plan's calendar)"),
    Column("id", "ID", True, "Task id, used to type predecessors"),
    Column("predecessors", "Predecessors", True, "Task ids with type and lag, e.g. a1FS+2, b2SS"),
    Column("estimate", "Estimate", True, "Three-point estimate in working days: optimistic/likely/pessimistic, "
                                         "e.g. 8d/10d/14d"),
    Column("demands", "Roles", True, "Role demands in FTE, e.g. ai-product-manager:0.5, mlops-engineer"),
    Column("not_before", "Not before", True, "Earliest start date (YYYY-MM-DD)"),
    Column("deadline", "Deadline", True, "Reported when missed; never moves the task (YYYY-MM-DD)"),
    Column("float", "Float", False, "Total float in working days (computed)"),
    Column("critical", "Critical", False, "On the critical path (computed)"),
)
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}


def task_text(task: Task, key: str, times) -> str:
    """The text of column ``key`` for ``task`` (``times``: its computed dates or None)."""
    if key == "name":
        return task.name
    if key == "id":
        return task.id
    if key == "duration":
        return cells.format_duration(task.duration)
    if key == "estimate":
        return cells.format_estimate(task.estimate)
    if key == "predecessors":
        return cells.format_links(task.depends_on)
    if key == "demands":
        return cells.format_demands(task.demands)
    if key == "not_before":
        return cells.format_date(task.not_before)
    if key == "deadline":
        return cells.format_date(task.deadline)
    if key == "progress":
        return cells.format_progress(task.progress)
    if times is None:
        return ""
    if key == "start":
        return times.start.isoformat()
    if key == "finish":
        return times.finish.isoformat()
    if key == "float":
        return f"{times.total_float}d"
    if key == "critical":
        return "yes" if times.critical else ""
    return ""

def task_sort(task: Task, key: str, times) -> Any:
    """A value that sorts column ``key`` numerically where it is a number."""
    numeric = {
        "duration": task.duration,
        "progress": task.progress,
        "estimate": task.estimate.likely if task.estimate else -1,
        "float": times.total_float if times else 0,
        "critical": int(times.critical) if times else 0,
        "start": times.es if times else 0,
        "finish": times.ef if times else 0,
    }
    if key in numeric:
        return numeric[key]
    return task_text(task, key, times).lower()

def task_tip(task: Task, times) -> str:
    """The tooltip of a task row."""
    lines = [f"{task.name} ({task.id})"]
    if times is not None:
        lines.append(f"{times.start} → {times.finish}, {task.duration} working days")
        lines.append(f"total float {times.total_float}d, free float {times.free_float}d"
                     + (" — critical" if times.critical else ""))
        if times.deadline_late:
            lines.append(f"misses its deadline by {times.deadline_late} working days")
    if cells.estimate_tip(task.estimate):
        lines.append(cells.estimate_tip(task.estimate))
    if task.demands:
        lines.append("roles: " + cells.format_demands(task.demands))
    if task.notes:
        lines.append(task.notes[:300])
    return "\n".join(lines)


def edit_command(session, task: Task, key: str, text: str):
    """The undo command for typing ``text`` into column ``key`` of ``task``.

    Raises
    ------
    EditError
        The text does not parse (the message says what was expected).
    """
    plan = session.plan
    per_week = len(plan.calendar.workdays)
    title = COLUMNS[COLUMN_INDEX[key]].title.lower()
    if key != "name":  # typed syntax: a no-break space reads as the space it looks like
        text = cells.plain_spaces(text)
    label = f"Edit {title} of {task.name}"
    if key == "id":
        return RenameTaskCommand(session, task.id, text.strip())
    if key == "name":
        value: Any = text.strip()
        if not value:
            raise EditError("a task needs a name")
        return EditTaskCommand(session, task.id, label, name=value)
    if key == "duration":
        return EditTaskCommand(session, task.id, label, duration=cells.parse_duration(text, per_week))
    if key == "estimate":
        return EditTaskCommand(session, task.id, label, estimate=cells.parse_estimate(text, per_week))
    if key == "predecessors":
        deps = cells.parse_links(text, plan.task_index().keys())
        return EditTaskCommand(session, task.id, label, depends_on=deps)
    if key == "demands":
        demands = cells.parse_demands(text, roles=[r.id for r in plan.roles])
        return EditTaskCommand(session, task.id, label, demands=demands)
    if key in ("not_before", "deadline"):
        return EditTaskCommand(session, task.id, label, **{key: cells.parse_date(text)})
    if key == "progress":
        return EditTaskCommand(session, task.id, label, progress=cells.parse_progress(text))
    raise EditError(f"the {title} column is computed and cannot be edited")
