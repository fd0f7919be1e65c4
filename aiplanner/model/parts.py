"""The building blocks of a plan: calendar, phases, tasks, roles, people, metrics.

Plain pydantic data shared by :class:`~aiplanner.model.plan.Plan` and by the
frozen copies in :mod:`aiplanner.model.variants`; it imports nothing
else of the model, so both can build on it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "FORMAT",
    "CURRENT_VERSION",
    "WEEKDAYS",
    "DependencyType",
    "PatternId",
    "Calendar",
    "Phase",
    "Estimate",
    "Dependency",
    "RoleDemand",
    "Task",
    "Role",
    "Absence",
    "Person",
    "Assignment",
    "ResponsibilityRow",
    "ResponsibilityMatrix",
    "Metric",
]

from aiplanner.model.rules import (  # noqa: E402  the plain rules these models validate with
    CURRENT_VERSION,
    FORMAT,
    WEEKDAYS,
    TaskFacts,
    default_workdays,
    ordered_absence,
    ordered_estimate,
    unique_workdays,
)

DependencyType = Literal["FS", "SS", "FF", "SF"]
PatternId = Literal["coe", "federated", "product-teams"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Identifier = Annotated[
    str,
    Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$"),
]
Text = Annotated[str, Field(max_length=10_000)]
Name = Annotated[str, Field(min_length=1, max_length=500)]


class _Model(BaseModel):
    """Common configuration: validated assignment, no unknown keys."""

    model_config = ConfigDict(
        validate_assignment=True,
        extra="forbid",
        str_strip_whitespace=False,
    )


class Calendar(_Model):
    """Working weekdays, explicit holidays and optional public holidays.

    ``country``/``subdivision`` name a region of the ``holidays`` package;
    the dates are derived when scheduling, never stored.
    """

    workdays: list[Weekday] = Field(default_factory=default_workdays, min_length=1)
    holidays: list[dt.date] = Field(default_factory=list)
    country: str | None = Field(default=None, max_length=8)
    subdivision: str | None = Field(default=None, max_length=16)

    _unique_workdays = field_validator("workdays")(staticmethod(unique_workdays))


class Phase(_Model):
    """A section of the plan (Assessment, Design, ...)."""

    id: Identifier
    name: Name
    notes: Text = ""


class Estimate(_Model):
    """Three-point estimate in working days (optimistic <= likely <= pessimistic)."""

    optimistic: float = Field(ge=0)
    likely: float = Field(ge=0)
    pessimistic: float = Field(ge=0)

    _ordered = model_validator(mode="after")(ordered_estimate)


class Dependency(_Model):
    """A link from a predecessor ``task`` to the task that holds it.

    ``lag`` is in working days of the plan calendar; negative is a lead.
    """

    task: Identifier
    type: DependencyType = "FS"
    lag: int = Field(default=0, ge=-10_000, le=10_000)


class RoleDemand(_Model):
    """A role needed while the task runs, in FTE (1.0 = one full-time person)."""

    role: Identifier
    fte: float = Field(default=1.0, gt=0, le=100)


class Task(_Model, TaskFacts):
    """One piece of work, or a milestone when ``duration`` is 0."""

    id: Identifier
    name: Name
    phase: Identifier
    duration: int = Field(ge=0, le=100_000, description="working days")
    estimate: Estimate | None = None
    depends_on: list[Dependency] = Field(default_factory=list)
    milestone: bool = False
    not_before: dt.date | None = None
    deadline: dt.date | None = None
    progress: float = Field(default=0.0, ge=0, le=100)
    demands: list[RoleDemand] = Field(default_factory=list)
    priority: int = Field(default=500, ge=0, le=1000)
    tags: list[Annotated[str, Field(min_length=1, max_length=40)]] = Field(default_factory=list)
    notes: Text = ""


class Role(_Model):
    """A role the plan staffs (the five key roles and any the user adds)."""

    id: Identifier
    name: Name
    description: Text = ""


class Absence(_Model):
    """Days a person is away (inclusive range)."""

    start: dt.date
    end: dt.date
    note: str = Field(default="", max_length=500)

    _ordered = model_validator(mode="after")(ordered_absence)


class Person(_Model):
    """Someone on the rollout team; ``capacity`` is in FTE."""

    id: Identifier
    name: Name
    capacity: float = Field(default=1.0, ge=0, le=10)
    absences: list[Absence] = Field(default_factory=list)


class Assignment(_Model):
    """A person holds a role; ``share`` weighs how much of the role's demand
    this person takes when several people hold the same role."""

    person: Identifier
    role: Identifier
    share: float = Field(default=1.0, gt=0, le=1)


class ResponsibilityRow(_Model):
    """One function of the operating model and who does what with it."""

    function: Name
    cells: dict[str, str] = Field(default_factory=dict)


class ResponsibilityMatrix(_Model):
    """Who owns, implements, uses ... each function (e.g. central vs product teams)."""

    parties: list[Name] = Field(default_factory=list)
    rows: list[ResponsibilityRow] = Field(default_factory=list)


class Metric(_Model):
    """A measure of the operating model's effectiveness with its target."""

    id: Identifier
    category: Literal["efficiency", "quality", "value"]
    name: Name
    target: str = Field(default="", max_length=200)
    unit: str = Field(default="", max_length=50)
    measurement: str = Field(default="", max_length=200)
    current: str = Field(default="", max_length=200)
