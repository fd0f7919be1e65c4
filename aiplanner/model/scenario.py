"""Baselines and scenarios: frozen copies of a schedule and what-if variants.

A :class:`Baseline` freezes what the plan looked like at one moment (each
task's dates and duration, the finish date, who was staffed), so later
versions can be compared against it. A :class:`Scenario` is a what-if
variant that shares the plan's tasks and overrides some of their fields,
adds or removes tasks, changes staffing or switches the pattern;
:func:`apply_scenario` turns plan + scenario into a full, schedulable plan.

Both live in the same ``.aiplan`` file (``baselines`` and ``scenarios``
at the end of the plan); a file without them is still a valid plan.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.model.plan import (
    Assignment,
    Dependency,
    Estimate,
    Identifier,
    Name,
    PatternId,
    Person,
    ResponsibilityMatrix,
    Role,
    RoleDemand,
    Task,
    Text,
    _Model,
)

__all__ = [
    "OVERRIDE_FIELDS",
    "BaselineTask",
    "FrozenFinding",
    "Baseline",
    "TaskOverride",
    "Scenario",
    "scenario_problems",
]

#: Task fields a scenario may override (the ones that move dates or load).
OVERRIDE_FIELDS: tuple[str, ...] = ("duration", "estimate", "depends_on", "not_before", "demands")

ClearableField = Literal["estimate", "not_before"]


class BaselineTask(_Model):
    """One task as it was scheduled when the baseline was captured."""

    id: Identifier
    name: Name
    phase: Identifier
    start: dt.date
    finish: dt.date
    duration: int = Field(ge=0, le=100_000, description="working days")
    milestone: bool = False
    # Kept so the load of the baseline can be recomputed for comparisons.
    demands: list[RoleDemand] = Field(default_factory=list)


class FrozenFinding(_Model):
    """A finding that was open when the baseline was captured."""

    # A key names every task, person and role the finding is about: it can be long.
    key: str = Field(min_length=1, max_length=100_000)
    message: str = Field(default="", max_length=10_000)
    severity: str = Field(default="", max_length=40)


class Baseline(_Model):
    """A frozen copy of the schedule: dates, durations and staffing.

    Baselines are never recomputed: moving a task later leaves the baseline
    where it was, which is what makes the comparison worth having.
    """

    name: Name
    created: dt.date
    start: dt.date
    finish: dt.date
    pattern: PatternId | None = None
    p80: dt.date | None = None
    tasks: list[BaselineTask] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    findings: list[FrozenFinding] | None = None  # None: captured without checks
    notes: Text = ""

    def task_index(self) -> dict[str, BaselineTask]:
        """Frozen tasks by id."""
        return {t.id: t for t in self.tasks}


class TaskOverride(_Model):
    """What one scenario changes about one task; ``None`` leaves a field as in the plan.

    ``clear`` lists optional fields the scenario removes (a plan task with a
    not-before date that the scenario lets start as soon as it can).
    """

    task: Identifier
    duration: int | None = Field(default=None, ge=0, le=100_000)
    estimate: Estimate | None = None
    depends_on: list[Dependency] | None = None
    not_before: dt.date | None = None
    demands: list[RoleDemand] | None = None
    clear: list[ClearableField] = Field(default_factory=list)

    @model_validator(mode="after")
    def _set_or_clear(self) -> "TaskOverride":
        both = [name for name in self.clear if getattr(self, name) is not None]
        if both:
            raise ValueError(f"{', '.join(both)} is both set and cleared")
        return self

    def changed_fields(self) -> dict[str, object]:
        """The overridden fields and their values (cleared fields as ``None``)."""
        values: dict[str, object] = {
            name: getattr(self, name) for name in OVERRIDE_FIELDS if getattr(self, name) is not None
        }
        for name in self.clear:
            values[name] = None
        return values

    @property
    def is_empty(self) -> bool:
        return not self.changed_fields()


class Scenario(_Model):
    """A what-if variant of the plan.

    The scenario keeps only what differs from the plan: task overrides,
    tasks it adds or removes, staffing it adds (or replaces, when
    ``replace_staffing``), and a pattern with its responsibility matrix and
    extra roles. Everything else follows the plan as it is edited.
    """

    name: Name
    description: Text = ""
    pattern: PatternId | None = None
    overrides: list[TaskOverride] = Field(default_factory=list)
    added_tasks: list[Task] = Field(default_factory=list)
    removed_tasks: list[Identifier] = Field(default_factory=list)
    added_roles: list[Role] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    replace_staffing: bool = False
    responsibilities: ResponsibilityMatrix | None = None

    def override_for(self, task_id: str) -> TaskOverride | None:
        """The override of ``task_id``, if the scenario has one."""
        for override in self.overrides:
            if override.task == task_id:
                return override
        return None


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
    >>> from aiplanner.model import Plan, Phase, Task
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
