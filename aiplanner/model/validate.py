"""Document-level rules that pydantic's field checks cannot see.

Field types and ranges (a negative duration, progress above 100) are checked
by the models themselves; here are the rules that relate items to each other:
unique ids, known phases, known predecessors, known roles and people.
"""

from __future__ import annotations

from collections.abc import Iterable

from aiplanner.model.errors import Problem
from aiplanner.model.plan import Plan
from aiplanner.model.scenarios.rules import scenario_problems

__all__ = ["plan_problems", "pydantic_problems"]


def _duplicates(ids: Iterable[str], where: str, kind: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, item_id in enumerate(ids):
        if item_id in seen:
            problems.append(
                Problem(f"$.{where}[{i}].id", f"duplicate {kind} id {item_id!r} (first at {where}[{seen[item_id]}])")
            )
        else:
            seen[item_id] = i
    return problems


def plan_problems(plan: Plan) -> list[Problem]:
    """Return every cross-reference problem of ``plan`` (empty when valid).

    Examples
    --------
    >>> import datetime as dt
    >>> from aiplanner.model import Plan, Phase, Task
    >>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
    ...             tasks=[Task(id="a", name="A", phase="q", duration=1)])
    >>> [str(p) for p in plan_problems(plan)]
    ["$.tasks[0].phase: task 'a' is in unknown phase 'q'"]
    """
    problems: list[Problem] = []
    problems += _duplicates((p.id for p in plan.phases), "phases", "phase")
    problems += _duplicates((t.id for t in plan.tasks), "tasks", "task")
    problems += _duplicates((r.id for r in plan.roles), "roles", "role")
    problems += _duplicates((p.id for p in plan.people), "people", "person")
    problems += _duplicates((m.id for m in plan.metrics), "metrics", "metric")

    phase_ids = {p.id for p in plan.phases}
    task_ids = {t.id for t in plan.tasks}
    role_ids = {r.id for r in plan.roles}
    person_ids = {p.id for p in plan.people}

    for i, task in enumerate(plan.tasks):
        where = f"$.tasks[{i}]"
        if task.phase not in phase_ids:
            problems.append(Problem(f"{where}.phase", f"task {task.id!r} is in unknown phase {task.phase!r}"))
        seen_preds: set[str] = set()
        for j, dep in enumerate(task.depends_on):
            path = f"{where}.depends_on[{j}].task"
            if dep.task == task.id:
                problems.append(Problem(path, f"task {task.id!r} depends on itself"))
            elif dep.task not in task_ids:
                problems.append(Problem(path, f"task {task.id!r} depends on unknown task {dep.task!r}"))
            if dep.task in seen_preds:
                problems.append(Problem(path, f"task {task.id!r} lists predecessor {dep.task!r} twice"))
            seen_preds.add(dep.task)
        for j, demand in enumerate(task.demands):
            if demand.role not in role_ids:
                problems.append(
                    Problem(f"{where}.demands[{j}].role", f"task {task.id!r} demands unknown role {demand.role!r}")
                )
        if task.milestone and task.duration != 0:
            problems.append(Problem(f"{where}.duration", f"milestone {task.id!r} must have duration 0"))

    for i, assignment in enumerate(plan.assignments):
        where = f"$.assignments[{i}]"
        if assignment.person not in person_ids:
            problems.append(Problem(f"{where}.person", f"assignment names unknown person {assignment.person!r}"))
        if assignment.role not in role_ids:
            problems.append(Problem(f"{where}.role", f"assignment names unknown role {assignment.role!r}"))

    parties = set(plan.responsibilities.parties)
    for i, row in enumerate(plan.responsibilities.rows):
        for party in row.cells:
            if party not in parties:
                problems.append(
                    Problem(f"$.responsibilities.rows[{i}].cells", f"unknown party {party!r} for {row.function!r}")
                )
    problems += scenario_problems(plan)
    return problems


def _json_path(loc: tuple) -> str:
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def pydantic_problems(error) -> list[Problem]:
    """Turn a ``pydantic.ValidationError`` into :class:`Problem` lines."""
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(p for p in item.get("loc", ()) if not (isinstance(p, str) and p.startswith("function-")))
        message = item.get("msg", "invalid value")
        if message.startswith("Value error, "):
            message = message[len("Value error, "):]
        if item.get("type") == "extra_forbidden":
            message = "unknown field"
        elif "input" in item and item.get("type") not in ("missing",) and not isinstance(item["input"], (dict, list)):
            shown = repr(item["input"])
            if len(shown) > 60:
                shown = shown[:57] + "..."
            message = f"{message} (got {shown})"
        problems.append(Problem(_json_path(loc), message))
    return problems
