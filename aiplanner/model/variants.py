"""Baselines and scenarios: frozen copies of a schedule and what-if variants.

A :class:`Baseline` freezes what the plan looked like at one moment (each
task's dates and duration, the finish date, who was staffed), so later
versions can be compared against it. A :class:`Scenario` is a what-if
variant that shares the plan's tasks and overrides some of their fields,
adds or removes tasks, changes staffing or switches the pattern;
:func:`~aiplanner.model.scenarios.whatif.apply_scenario` turns plan +
scenario into a full, schedulable plan.

These are the stored shapes only, built from :mod:`aiplanner.model.parts`, so
that :class:`~aiplanner.model.plan.Plan` can hold them; what is done with
them lives in :mod:`aiplanner.model.scenarios`, their file-level rules in
:mod:`aiplanner.model.validate`. Both live in the same ``.aiplan`` file (``baselines`` and ``scenarios``
at the end of the plan); a file without them is still a valid plan.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from aiplanner.model.rules import set_or_clear

from aiplanner.model.parts import (
    Assignment,
    Dependency,
    Estimate,
    Identifier,
    Name,
    PatternId,
    Person,
    PlanDate,
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
]

#: Task fields a scenario may override (the ones that move dates or load).
OVERRIDE_FIELDS: tuple[str, ...] = ("duration", "estimate", "depends_on", "not_before", "demands")

ClearableField = Literal["estimate", "not_before"]


class BaselineTask(_Model):
    """One task as it was scheduled when the baseline was captured."""

    id: Identifier
    name: Name
    phase: Identifier
    start: PlanDate
    finish: PlanDate
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
    start: PlanDate
    finish: PlanDate
    pattern: PatternId | None = None
    p80: PlanDate | None = None
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
    not_before: PlanDate | None = None
    demands: list[RoleDemand] | None = None
    clear: list[ClearableField] = Field(default_factory=list)

    _set_or_clear = model_validator(mode="after")(set_or_clear)

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
