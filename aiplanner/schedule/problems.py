"""Scheduling errors as plan problems that name the place in the file.

The engine raises typed errors (:class:`DependencyCycleError`,
:class:`UnknownTaskError`, :class:`CalendarError`); a command or a dialog
wants them as :class:`InvalidPlanError` lines with a JSON path.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from aiplanner.model.errors import DependencyCycleError, InvalidPlanError, PlanError, Problem, UnknownTaskError

if TYPE_CHECKING:
    from aiplanner.model.plan import Plan

__all__ = ["as_invalid_plan"]


def _task_position(plan: Plan, task_id: str) -> int | None:
    return next((i for i, t in enumerate(plan.tasks) if t.id == task_id), None)


_OUT_OF_RANGE = re.compile(r"^date (\d{4}-\d\d-\d\d) is outside")


def _locate(problem: Problem, plan: Plan) -> Problem:
    """A date the calendar cannot handle, reported at ``$``, pinned on the task field holding it."""
    match = _OUT_OF_RANGE.match(problem.message) if problem.path == "$" else None
    if match is None:
        return problem
    for i, task in enumerate(plan.tasks):
        for field in ("not_before", "deadline"):
            value = getattr(task, field)
            if value is not None and value.isoformat() == match.group(1):
                return Problem(f"$.tasks[{i}].{field}", problem.message)
    return problem


def as_invalid_plan(error: PlanError, plan: Plan, file: str | Path | None = None) -> InvalidPlanError:
    """Turn a scheduling error into an :class:`InvalidPlanError` with JSON paths and ``file``."""
    if isinstance(error, InvalidPlanError):
        located = [_locate(problem, plan) for problem in error.problems]
        if located != error.problems:
            error = InvalidPlanError(located, error.file)
        return error.with_file(file) if file is not None else error
    path = "$.tasks"
    if isinstance(error, UnknownTaskError) and error.referenced_by:
        i = _task_position(plan, error.referenced_by)
        if i is not None:
            j = next((j for j, d in enumerate(plan.tasks[i].depends_on) if d.task == error.task_id), None)
            path = f"$.tasks[{i}].depends_on" + (f"[{j}].task" if j is not None else "")
    elif isinstance(error, DependencyCycleError) and error.cycle:
        # The link that closes the loop: the first task depends on the last.
        i = _task_position(plan, error.cycle[0])
        if i is not None:
            j = next((j for j, d in enumerate(plan.tasks[i].depends_on) if d.task == error.cycle[-1]), None)
            path = f"$.tasks[{i}].depends_on" + (f"[{j}]" if j is not None else "")
    return InvalidPlanError([Problem(path, str(error))], file)
