"""Document-level rules that pydantic's field checks cannot see.

Field types and ranges (a negative duration, progress above 100) are checked
by the models themselves; here are the rules that relate items to each other:
unique ids, known phases, known predecessors, known roles and people, and
baselines and scenarios that name what the plan has (:func:`scenario_problems`,
and :func:`check_scenario` before a scenario edit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from aiplanner.model.errors import InvalidPlanError, Problem
if TYPE_CHECKING:  # plans are read by attribute: a validated record will do too (model.fastread)
    from aiplanner.model.plan import Plan
    from aiplanner.model.variants import Scenario

__all__ = ["plan_problems", "pydantic_problems", "scenario_problems", "check_scenario"]


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


def _link_problems(i: int, task, task_ids: set[str]) -> list[Problem]:
    """The problems of task ``i``'s links (called only when it has one)."""
    problems = []
    seen_preds: set[str] = set()
    for j, dep in enumerate(task.depends_on):
        path = f"$.tasks[{i}].depends_on[{j}].task"
        if dep.task == task.id:
            problems.append(Problem(path, f"task {task.id!r} depends on itself"))
        elif dep.task not in task_ids:
            problems.append(Problem(path, f"task {task.id!r} depends on unknown task {dep.task!r}"))
        if dep.task in seen_preds:
            problems.append(Problem(path, f"task {task.id!r} lists predecessor {dep.task!r} twice"))
        seen_preds.add(dep.task)
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
    answered: dict[str, int] = {}
    for i, answer in enumerate(plan.symptoms):
        if answer.symptom in answered:
            problems.append(Problem(f"$.symptoms[{i}].symptom", f"symptom {answer.symptom!r} is answered twice "
                                                                f"(first at symptoms[{answered[answer.symptom]}])"))
        answered.setdefault(answer.symptom, i)

    phase_ids = {p.id for p in plan.phases}
    task_ids = {t.id for t in plan.tasks}
    role_ids = {r.id for r in plan.roles}
    person_ids = {p.id for p in plan.people}

    # Paths are written only for a problem found: a valid 2,000-task plan is checked in a few ms.
    for i, task in enumerate(plan.tasks):
        if task.phase not in phase_ids:
            problems.append(Problem(f"$.tasks[{i}].phase", f"task {task.id!r} is in unknown phase {task.phase!r}"))
        links = task.depends_on
        if links:
            preds = [dep.task for dep in links]
            if task.id in preds or not task_ids.issuperset(preds) or len(set(preds)) != len(preds):
                problems += _link_problems(i, task, task_ids)
        for j, demand in enumerate(task.demands):
            if demand.role not in role_ids:
                problems.append(
                    Problem(f"$.tasks[{i}].demands[{j}].role", f"task {task.id!r} demands unknown role {demand.role!r}")
                )
        if task.milestone and task.duration != 0:
            problems.append(Problem(f"$.tasks[{i}].duration", f"milestone {task.id!r} must have duration 0"))

    both = set(plan.calendar.holidays) & set(plan.calendar.extra_workdays)
    for i, day in enumerate(plan.calendar.extra_workdays):
        if day in both:
            problems.append(Problem(f"$.calendar.extra_workdays[{i}]", f"{day} is both a holiday and an extra working day"))

    for i, assignment in enumerate(plan.assignments):
        where = f"$.assignments[{i}]"
        if assignment.person not in person_ids:
            problems.append(Problem(f"{where}.person", f"assignment names unknown person {assignment.person!r}"))
        if assignment.role not in role_ids:
            problems.append(Problem(f"{where}.role", f"assignment names unknown role {assignment.role!r}"))

    problems += _matrix_problems(plan.responsibilities, "$.responsibilities")
    problems += _stage_problems(plan)
    problems += scenario_problems(plan)
    return problems


def _matrix_problems(matrix, where: str) -> list[Problem]:
    parties = set(matrix.parties)
    return [Problem(f"{where}.rows[{i}].cells", f"unknown party {party!r} for {row.function!r}")
            for i, row in enumerate(matrix.rows) for party in row.cells if party not in parties]


def _stage_problems(plan: Plan) -> list[Problem]:
    """A maturity stage's exit targets name the plan's metrics."""
    problems: list[Problem] = []
    metric_ids = {m.id for m in plan.metrics}
    for i, phase in enumerate(plan.phases):
        where = f"$.phases[{i}]"
        for j, exit_target in enumerate(phase.exit_targets):
            if exit_target.metric not in metric_ids:
                problems.append(Problem(f"{where}.exit_targets[{j}].metric",
                                        f"phase {phase.id!r} has an exit target on unknown metric {exit_target.metric!r}"))
        if phase.responsibilities is not None:
            problems += _matrix_problems(phase.responsibilities, f"{where}.responsibilities")
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
            value = item["input"]  # a date as it is written in a plan file, not as Python spells it
            shown = repr(value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value)
            if len(shown) > 60:
                shown = shown[:57] + "..."
            message = f"{message} (got {shown})"
        problems.append(Problem(_json_path(loc), message))
    return problems


# -- baselines and scenarios ---------------------------------------------------
def _duplicate_names(items, where: str, kind: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, item in enumerate(items):
        if item.name in seen:
            problems.append(
                Problem(f"$.{where}[{i}].name", f"duplicate {kind} name {item.name!r} (first at {where}[{seen[item.name]}])")
            )
        else:
            seen.setdefault(item.name, i)
    return problems


def _baseline_problems(plan) -> list[Problem]:
    problems = _duplicate_names(plan.baselines, "baselines", "baseline")
    for i, baseline in enumerate(plan.baselines):
        where = f"$.baselines[{i}]"
        people = {p.id for p in baseline.people}
        seen: set[str] = set()
        for j, task in enumerate(baseline.tasks):
            if task.id in seen:
                problems.append(Problem(f"{where}.tasks[{j}].id", f"baseline {baseline.name!r} lists task {task.id!r} twice"))
            seen.add(task.id)
            if task.finish < task.start:
                problems.append(Problem(f"{where}.tasks[{j}].finish", f"task {task.id!r} finishes before it starts"))
        for j, assignment in enumerate(baseline.assignments):
            if assignment.person not in people:
                problems.append(
                    Problem(f"{where}.assignments[{j}].person",
                            f"baseline {baseline.name!r} assigns unknown person {assignment.person!r}")
                )
    return problems


def _scenario_problems_one(plan, scenario: Scenario, where: str) -> list[Problem]:
    problems: list[Problem] = []
    label = f"scenario {scenario.name!r}"
    plan_tasks = {t.id for t in plan.tasks}
    phases = {p.id for p in plan.phases}
    roles = {r.id for r in plan.roles} | {r.id for r in scenario.added_roles}
    removed = set(scenario.removed_tasks)
    added: set[str] = set()
    for j, task_id in enumerate(scenario.removed_tasks):
        if task_id not in plan_tasks:
            problems.append(Problem(f"{where}.removed_tasks[{j}]", f"{label} removes unknown task {task_id!r}"))
    for j, task in enumerate(scenario.added_tasks):
        path = f"{where}.added_tasks[{j}]"
        if task.id in plan_tasks and task.id not in removed:
            problems.append(Problem(f"{path}.id", f"{label} adds task {task.id!r}, which the plan already has"))
        elif task.id in added:
            problems.append(Problem(f"{path}.id", f"{label} adds task {task.id!r} twice"))
        added.add(task.id)
        if task.phase not in phases:
            problems.append(Problem(f"{path}.phase", f"{label}: task {task.id!r} is in unknown phase {task.phase!r}"))
    known = (plan_tasks - removed) | added
    for j, task in enumerate(scenario.added_tasks):
        if task.is_milestone and task.duration:
            problems.append(Problem(f"{where}.added_tasks[{j}].duration", f"{label}: milestone {task.id!r} must have duration 0"))
        for k, dep in enumerate(task.depends_on):
            if dep.task not in known or dep.task == task.id:
                problems.append(
                    Problem(f"{where}.added_tasks[{j}].depends_on[{k}].task",
                            f"{label}: task {task.id!r} depends on unknown task {dep.task!r}")
                )
        for k, demand in enumerate(task.demands):
            if demand.role not in roles:
                problems.append(
                    Problem(f"{where}.added_tasks[{j}].demands[{k}].role",
                            f"{label}: task {task.id!r} demands unknown role {demand.role!r}")
                )
    overridden: set[str] = set()
    for j, override in enumerate(scenario.overrides):
        path = f"{where}.overrides[{j}]"
        if override.task not in known:
            problems.append(Problem(f"{path}.task", f"{label} overrides unknown task {override.task!r}"))
        if override.task in overridden:
            problems.append(Problem(f"{path}.task", f"{label} overrides task {override.task!r} twice"))
        overridden.add(override.task)
        for k, dep in enumerate(override.depends_on or ()):
            if dep.task not in known or dep.task == override.task:
                problems.append(
                    Problem(f"{path}.depends_on[{k}].task",
                            f"{label}: task {override.task!r} depends on unknown task {dep.task!r}")
                )
        for k, demand in enumerate(override.demands or ()):
            if demand.role not in roles:
                problems.append(
                    Problem(f"{path}.demands[{k}].role",
                            f"{label}: task {override.task!r} demands unknown role {demand.role!r}")
                )
    people = {p.id for p in scenario.people}
    if not scenario.replace_staffing:
        clash = people & {p.id for p in plan.people}
        for j, person in enumerate(scenario.people):
            if person.id in clash:
                problems.append(Problem(f"{where}.people[{j}].id", f"{label} adds person {person.id!r}, who is already on the plan"))
        people |= {p.id for p in plan.people}
    for j, assignment in enumerate(scenario.assignments):
        if assignment.person not in people:
            problems.append(Problem(f"{where}.assignments[{j}].person", f"{label} assigns unknown person {assignment.person!r}"))
        if assignment.role not in roles:
            problems.append(Problem(f"{where}.assignments[{j}].role", f"{label} assigns unknown role {assignment.role!r}"))
    return problems


def scenario_problems(plan) -> list[Problem]:
    """Cross-reference problems of the plan's baselines and scenarios, with JSON paths.

    Examples
    --------
    >>> import datetime as dt
    >>> from aiplanner.model import Plan, Phase, Scenario, Task, TaskOverride
    >>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
    ...             tasks=[Task(id="a", name="A", phase="p", duration=1)],
    ...             scenarios=[Scenario(name="fast", overrides=[TaskOverride(task="b", duration=1)])])
    >>> [str(p) for p in scenario_problems(plan)]
    ["$.scenarios[0].overrides[0].task: scenario 'fast' overrides unknown task 'b'"]
    """
    problems = _baseline_problems(plan)
    problems += _duplicate_names(plan.scenarios, "scenarios", "scenario")
    for i, scenario in enumerate(plan.scenarios):
        problems += _scenario_problems_one(plan, scenario, f"$.scenarios[{i}]")
    return problems


def check_scenario(plan, scenario: Scenario) -> None:
    """Raise :class:`InvalidPlanError` if ``scenario`` does not fit ``plan``."""
    problems = _scenario_problems_one(plan, scenario, "$.scenario")
    if problems:
        raise InvalidPlanError(problems)
