"""The building blocks of a plan: calendar, phases, tasks, roles, people, metrics.

Plain pydantic data shared by :class:`~aiplanner.model.plan.Plan` and by the
frozen copies in :mod:`aiplanner.model.variants`; it imports nothing
else of the model, so both can build on it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "DATE_MIN",
    "DATE_MAX",
    "MAX_DAYS",
    "PlanDate",
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
    "SymptomAnswer",
]

FORMAT = "aiplanner-plan"
#: 2 added the symptom checklist (``symptoms``) and the ``derived`` marks of the matrix and metrics.
CURRENT_VERSION = 2
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

DependencyType = Literal["FS", "SS", "FF", "SF"]
PatternId = Literal["coe", "federated", "product-teams"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Identifier = Annotated[
    str,
    Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$"),
]
Text = Annotated[str, Field(max_length=10_000)]

#: The years the working-day calendar covers: every date of a plan lies in them, so that
#: what ``validate`` accepts every command can schedule, load and simulate.
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2400, 12, 31)
#: The longest duration, estimate or lag a plan may hold, in working days.
MAX_DAYS = 100_000


def _supported(value: dt.date) -> dt.date:
    if not DATE_MIN <= value <= DATE_MAX:
        raise ValueError(f"outside the supported years {DATE_MIN.year}-{DATE_MAX.year}")
    return value


#: A date in the years the calendar supports (1900-2400).
PlanDate = Annotated[dt.date, AfterValidator(_supported)]
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

    ``extra_workdays`` are dates worked although their weekday is not a
    working weekday (a working Saturday, as MS Project calendar exceptions
    and Mermaid's ``includes`` can say); they also override public holidays.

    ``country``/``subdivision`` name a region of the ``holidays`` package;
    the dates are derived when scheduling, never stored.
    """

    workdays: list[Weekday] = Field(
        default_factory=lambda: ["mon", "tue", "wed", "thu", "fri"], min_length=1
    )
    holidays: list[PlanDate] = Field(default_factory=list)
    extra_workdays: list[PlanDate] = Field(default_factory=list)
    country: str | None = Field(default=None, max_length=8)
    subdivision: str | None = Field(default=None, max_length=16)

    @field_validator("workdays")
    @classmethod
    def _unique_workdays(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("a weekday is listed twice")
        # Keep the week order so files stay stable whatever order was typed.
        return sorted(value, key=WEEKDAYS.index)


class Phase(_Model):
    """A section of the plan (Assessment, Design, ...)."""

    id: Identifier
    name: Name
    notes: Text = ""


class Estimate(_Model):
    """Three-point estimate in working days (optimistic <= likely <= pessimistic)."""

    optimistic: float = Field(ge=0, le=MAX_DAYS)
    likely: float = Field(ge=0, le=MAX_DAYS)
    pessimistic: float = Field(ge=0, le=MAX_DAYS)

    @model_validator(mode="after")
    def _ordered(self) -> "Estimate":
        if not self.optimistic <= self.likely <= self.pessimistic:
            raise ValueError("estimate must satisfy optimistic <= likely <= pessimistic")
        return self

    def covers(self, duration: float) -> bool:
        """Whether ``duration`` lies inside the optimistic-pessimistic range."""
        return self.optimistic <= duration <= self.pessimistic

    def rescaled(self, old_duration: float, new_duration: float) -> "Estimate | None":
        """The estimate of a task whose duration goes from ``old_duration`` to ``new_duration``.

        The three points scale by the duration's factor, so the spread stays
        what it was relative to the task (8/10/12 for 10 days becomes
        16/20/24 for 20). An estimate that did not cover the old duration
        (it was left behind by an earlier edit) is re-centred instead: the
        likely value becomes the new duration and the other two keep their
        ratio to it. A milestone (``new_duration`` 0) has no estimate.
        Points are rounded to a tenth of a day.

        Examples
        --------
        >>> Estimate(optimistic=8, likely=10, pessimistic=12).rescaled(10, 20)
        Estimate(optimistic=16.0, likely=20.0, pessimistic=24.0)
        >>> Estimate(optimistic=8, likely=10, pessimistic=12).rescaled(20, 30)  # left behind: re-centred
        Estimate(optimistic=24.0, likely=30.0, pessimistic=36.0)
        """
        if new_duration <= 0:
            return None
        if old_duration > 0 and self.covers(old_duration):
            factor, base = new_duration / old_duration, self
        elif self.likely > 0:
            factor, base = new_duration / self.likely, self
        else:  # nothing to scale from: move the range along
            shift = new_duration - self.likely
            return Estimate(optimistic=min(round(max(0.0, self.optimistic + shift), 1), new_duration),
                            likely=float(new_duration), pessimistic=max(round(self.pessimistic + shift, 1), new_duration))
        points = [round(getattr(base, name) * factor, 1) for name in ("optimistic", "likely", "pessimistic")]
        points.sort()
        return Estimate(optimistic=points[0], likely=points[1], pessimistic=points[2])


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


class Task(_Model):
    """One piece of work, or a milestone when ``duration`` is 0."""

    id: Identifier
    name: Name
    phase: Identifier
    duration: int = Field(ge=0, le=MAX_DAYS, description="working days")
    estimate: Estimate | None = None
    depends_on: list[Dependency] = Field(default_factory=list)
    milestone: bool = False
    not_before: PlanDate | None = None
    deadline: PlanDate | None = None
    progress: float = Field(default=0.0, ge=0, le=100)
    demands: list[RoleDemand] = Field(default_factory=list)
    priority: int = Field(default=500, ge=0, le=1000)
    tags: list[Annotated[str, Field(min_length=1, max_length=40)]] = Field(default_factory=list)
    notes: Text = ""

    @property
    def is_milestone(self) -> bool:
        """A task is drawn and dated as a milestone when it takes no time."""
        return self.milestone or self.duration == 0


class Role(_Model):
    """A role the plan staffs (the five key roles and any the user adds)."""

    id: Identifier
    name: Name
    description: Text = ""


class Absence(_Model):
    """Days a person is away (inclusive range)."""

    start: PlanDate
    end: PlanDate
    note: str = Field(default="", max_length=500)

    @model_validator(mode="after")
    def _ordered(self) -> "Absence":
        if self.end < self.start:
            raise ValueError("absence ends before it starts")
        return self


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
    """Who owns, implements, uses ... each function (e.g. central vs product teams).

    ``derived`` marks a matrix that is not the source's own table but read
    from its prose (the CoE and AI product teams matrices); ``note`` says
    where it comes from. Both travel with the matrix into a plan, so every
    view and the report can say so.
    """

    parties: list[Name] = Field(default_factory=list)
    rows: list[ResponsibilityRow] = Field(default_factory=list)
    derived: bool = False
    note: Text = ""


class Metric(_Model):
    """A measure of the operating model's effectiveness with its target."""

    id: Identifier
    category: Literal["efficiency", "quality", "value"]
    name: Name
    target: str = Field(default="", max_length=200)
    unit: str = Field(default="", max_length=50)
    measurement: str = Field(default="", max_length=200)
    current: str = Field(default="", max_length=200)
    #: The target is not the source's own words (it states only the direction the source implies).
    derived: bool = False


class SymptomAnswer(_Model):
    """The Assessment's answer for one of the source's six symptoms of misalignment.

    ``symptom`` is a symptom id of the catalogue (``compliance-gaps`` ...);
    ``answer`` says whether the organisation shows it today.
    """

    symptom: Identifier
    answer: Literal["yes", "partly", "no"]
    note: str = Field(default="", max_length=2000)
