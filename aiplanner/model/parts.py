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
    "TARGET_OPS",
    "TargetOp",
    "Target",
    "Measurement",
    "ExitTarget",
    "Metric",
    "SymptomAnswer",
    "EXIT_CHECK_TAG",
    "parse_target",
    "parse_value",
]

from aiplanner.model.rules import (  # noqa: E402  the plain rules these models validate with
    CURRENT_VERSION,
    DATE_MAX,
    DATE_MIN,
    FORMAT,
    MAX_DAYS,
    WEEKDAYS,
    dated_once,
    finite_measurement,
    supported_date,
    target_fits_op,
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

#: A date in the years the calendar supports (1900-2400).
PlanDate = Annotated[dt.date, AfterValidator(supported_date)]
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

    workdays: list[Weekday] = Field(default_factory=default_workdays, min_length=1)
    holidays: list[PlanDate] = Field(default_factory=list)
    extra_workdays: list[PlanDate] = Field(default_factory=list)
    country: str | None = Field(default=None, max_length=8)
    subdivision: str | None = Field(default=None, max_length=16)

    _unique_workdays = field_validator("workdays")(staticmethod(unique_workdays))


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

    optimistic: float = Field(ge=0, le=MAX_DAYS)
    likely: float = Field(ge=0, le=MAX_DAYS)
    pessimistic: float = Field(ge=0, le=MAX_DAYS)

    _ordered = model_validator(mode="after")(ordered_estimate)

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


class Task(_Model, TaskFacts):
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

    _value_fits_op = model_validator(mode="after")(target_fits_op)

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

    _finite = field_validator("value")(staticmethod(finite_measurement))


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

    _dated_once = field_validator("measurements")(staticmethod(dated_once))

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


class SymptomAnswer(_Model):
    """The Assessment's answer for one of the source's six symptoms of misalignment.

    ``symptom`` is a symptom id of the catalogue (``compliance-gaps`` ...);
    ``answer`` says whether the organisation shows it today.
    """

    symptom: Identifier
    answer: Literal["yes", "partly", "no"]
    note: str = Field(default="", max_length=2000)


Phase.model_rebuild()
