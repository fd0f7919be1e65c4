"""The building blocks of a plan: calendar, phases, tasks, roles, people, metrics.

Plain pydantic data shared by :class:`~aiplanner.model.plan.Plan` and by the
frozen copies in :mod:`aiplanner.model.variants`; it imports nothing
else of the model, so both can build on it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
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
    "TARGET_OPS",
    "TargetOp",
    "Target",
    "Measurement",
    "ExitTarget",
    "Metric",
    "EXIT_CHECK_TAG",
    "parse_target",
    "parse_value",
]

FORMAT = "aiplanner-plan"
#: 2: structured metric targets with dated measurements, the plan's status date,
#: maturity stages (a phase's exit criteria and responsibility matrix).
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

    workdays: list[Weekday] = Field(
        default_factory=lambda: ["mon", "tue", "wed", "thu", "fri"], min_length=1
    )
    holidays: list[dt.date] = Field(default_factory=list)
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
    """A section of the plan (Assessment, Design, ...).

    A maturity stage of the journey (``aiplanner new --horizon maturity``) also
    carries its exit criteria, the metric targets to reach (``exit_targets``;
    the checklist items are the stage's tasks tagged ``exit-check``), and the
    responsibility matrix the organisation works by during the stage.
    """

    id: Identifier
    name: Name
    notes: Text = ""
    exit_targets: list["ExitTarget"] = Field(default_factory=list)
    responsibilities: "ResponsibilityMatrix | None" = None

    @property
    def is_stage(self) -> bool:
        """Whether the phase is a maturity stage (it has exit targets or a matrix of its own)."""
        return bool(self.exit_targets or self.responsibilities is not None)


class Estimate(_Model):
    """Three-point estimate in working days (optimistic <= likely <= pessimistic)."""

    optimistic: float = Field(ge=0)
    likely: float = Field(ge=0)
    pessimistic: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Estimate":
        if not self.optimistic <= self.likely <= self.pessimistic:
            raise ValueError("estimate must satisfy optimistic <= likely <= pessimistic")
        return self


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

    start: dt.date
    end: dt.date
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
    """Who owns, implements, uses ... each function (e.g. central vs product teams)."""

    parties: list[Name] = Field(default_factory=list)
    rows: list[ResponsibilityRow] = Field(default_factory=list)


#: The tag of a maturity stage's checklist items (tasks to finish before the stage ends).
EXIT_CHECK_TAG = "exit-check"

#: Target operators: a bound on the latest value, or a direction the series should take.
TARGET_OPS: tuple[str, ...] = ("<", "<=", ">", ">=", "rising", "declining")
TargetOp = Literal["<", "<=", ">", ">=", "rising", "declining"]
_OP_WORDS = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "rising": "rising trend", "declining": "declining trend"}


class Target(_Model):
    """What a metric should reach: ``op`` with a ``value`` ("< 4"), or only a
    direction ("rising", "declining") judged over the measurements."""

    op: TargetOp
    value: float | None = None

    @model_validator(mode="after")
    def _value_fits_op(self) -> "Target":
        if self.op in ("rising", "declining"):
            if self.value is not None:
                raise ValueError(f"a {self.op!r} target has no value")
        elif self.value is None or not math.isfinite(self.value):
            raise ValueError(f"a {self.op!r} target needs a number")
        return self

    @property
    def is_direction(self) -> bool:
        """Whether the target is a direction only (judged over the series)."""
        return self.op in ("rising", "declining")

    def text(self, unit: str = "") -> str:
        """The target in words: ``"< 4 weeks"``, ``"> 70 %"``, ``"declining trend"``."""
        if self.is_direction:
            return _OP_WORDS[self.op]
        value = f"{self.value:g}"
        if unit.startswith("%"):
            return f"{_OP_WORDS[self.op]} {value}{unit}"
        return f"{_OP_WORDS[self.op]} {value} {unit}".rstrip()

    def met_by(self, value: float) -> bool:
        """Whether ``value`` meets a bound (a direction target: never by one value)."""
        if self.value is None:
            return False
        return {"<": value < self.value, "<=": value <= self.value,
                ">": value > self.value, ">=": value >= self.value}.get(self.op, False)


_BOUND = re.compile(r"^\s*(<=|>=|≤|≥|<|>)\s*([-+]?\d+(?:[.,]\d+)?)\s*(.*)$")
_RISING = ("rising", "rise", "increasing", "increase", "up", "growing", "higher")
_DECLINING = ("declining", "decline", "decreasing", "decrease", "falling", "down", "lower", "reducing")


def parse_target(text: str) -> Target | None:
    """Read a target as people write it; None when it states neither a bound nor a direction.

    Examples
    --------
    >>> parse_target("< 4 weeks")
    Target(op='<', value=4.0)
    >>> parse_target("> 70% of licensed seats")
    Target(op='>', value=70.0)
    >>> parse_target("Declining trend"), parse_target("Rising towards 100%")
    (Target(op='declining', value=None), Target(op='rising', value=None))
    >>> parse_target("Meets agreed availability") is None
    True
    """
    match = _BOUND.match(text)
    if match:
        op = {"≤": "<=", "≥": ">="}.get(match[1], match[1])
        return Target(op=op, value=float(match[2].replace(",", ".")))  # type: ignore[arg-type]
    words = re.findall(r"[a-z]+", text.lower())
    first = words[0] if words else ""
    if first in _RISING or (first == "trend" and len(words) > 1 and words[1] in _RISING):
        return Target(op="rising")
    if first in _DECLINING or (first == "trend" and len(words) > 1 and words[1] in _DECLINING):
        return Target(op="declining")
    return None


def parse_value(text: str) -> float:
    """A measured value as typed: a number, with a decimal comma or a trailing '%' allowed.

    >>> parse_value("38"), parse_value("38.5 %"), parse_value("1,5")
    (38.0, 38.5, 1.5)
    """
    cleaned = text.strip().removesuffix("%").strip().replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"{text!r} is not a finite number")
    return value


class Measurement(_Model):
    """One dated value of a metric, with an optional note (where it came from)."""

    date: dt.date
    value: float
    note: str = Field(default="", max_length=500)

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("a measurement must be a finite number")
        return value


class ExitTarget(_Model):
    """A metric target a maturity stage must reach before it ends.

    ``derived`` marks targets the source does not state (it gives no numbers
    for stages); they are starting points for the organisation to set.
    """

    metric: Identifier
    target: Target
    derived: bool = False


class Metric(_Model):
    """A measure of the operating model's effectiveness: its target and its measurements.

    ``target`` is None when the plan sets none; ``target_note`` keeps the
    target in words (the source's "> 70% of licensed seats"). ``derived``
    marks a target the source does not give as a number or a direction.
    ``measurements`` are kept in date order, one per date.
    """

    id: Identifier
    category: Literal["efficiency", "quality", "value"]
    name: Name
    target: Target | None = None
    target_note: str = Field(default="", max_length=200)
    derived: bool = False
    unit: str = Field(default="", max_length=50)
    how_measured: str = Field(default="", max_length=200)
    measurements: list[Measurement] = Field(default_factory=list)
    notes: Text = ""

    @field_validator("measurements")
    @classmethod
    def _dated_once(cls, value: list[Measurement]) -> list[Measurement]:
        ordered = sorted(value, key=lambda m: m.date)
        for before, after in zip(ordered, ordered[1:]):
            if before.date == after.date:
                raise ValueError(f"two measurements on {after.date.isoformat()} (one value per date)")
        return ordered

    @property
    def latest(self) -> Measurement | None:
        """The most recent measurement, or None."""
        return self.measurements[-1] if self.measurements else None

    def with_measurement(self, day: dt.date, value: float, note: str = "") -> "Metric":
        """A copy with ``value`` measured on ``day`` (replacing a value of that day)."""
        kept = [m for m in self.measurements if m.date != day]
        return type(self).model_validate({**self.model_dump(), "measurements": [
            *(m.model_dump() for m in kept), {"date": day, "value": value, "note": note}]})

    def without_measurement(self, day: dt.date) -> "Metric":
        """A copy without the measurement of ``day``."""
        return self.model_copy(update={"measurements": [m for m in self.measurements if m.date != day]})

    def measured_on(self, day: dt.date) -> Measurement | None:
        """The measurement of ``day``, or None."""
        return next((m for m in self.measurements if m.date == day), None)

    def target_text(self) -> str:
        """The target as a reader sees it: the stored words, else built from the target."""
        if self.target_note:
            return self.target_note
        return self.target.text(self.unit) if self.target is not None else ""


Phase.model_rebuild()
