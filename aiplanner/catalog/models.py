"""Pydantic models of the catalogue: the domain facts of the source document.

Each model mirrors one file of ``resources/``. Where a plan type fits
(:class:`~aiplanner.model.Role`, :class:`~aiplanner.model.Metric`,
:class:`~aiplanner.model.ResponsibilityMatrix`) the catalogue type extends
it, so handing catalogue data to a plan is a plain conversion.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from aiplanner.model.plan import Metric, ResponsibilityMatrix, Role

__all__ = [
    "Tag",
    "Vocabulary",
    "Function",
    "Dimension",
    "PatternResponsibilities",
    "TeamInfo",
    "PatternInfo",
    "RoleInfo",
    "WeekRange",
    "SourceTask",
    "PhaseInfo",
    "MetricInfo",
    "Pitfall",
    "Symptom",
    "MonthRange",
    "ChartSection",
    "ChartTask",
    "SourceChart",
    "Timeline",
]

Text = Annotated[str, Field(min_length=1, max_length=1000)]


class _Data(BaseModel):
    """Catalogue data is read-only and strict: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Tag(_Data):
    """A task tag of the fixed vocabulary; checks read tags to find kinds of work."""

    id: str = Field(pattern=r"^[a-z][a-z\-]*$")
    description: Text


class Vocabulary(_Data):
    """The fixed ids every part of aiplanner agrees on."""

    patterns: list[str] = Field(min_length=1)
    phases: list[str] = Field(min_length=1)
    roles: list[str] = Field(min_length=1)
    tags: list[Tag] = Field(min_length=1)
    responsibility_words: list[str] = Field(min_length=1)

    @property
    def tag_ids(self) -> list[str]:
        """Tag ids in vocabulary order."""
        return [t.id for t in self.tags]


class Function(_Data):
    """One function of a dimension (e.g. Platform Team, Risk Management)."""

    id: str
    name: Text
    description: Text


class Dimension(_Data):
    """One of the four dimensions of an AI operating model."""

    id: str
    name: Text
    description: Text
    functions: list[Function] = Field(min_length=1)


class PatternResponsibilities(ResponsibilityMatrix):
    """A pattern's responsibility matrix; ``derived`` marks matrices the
    source describes in prose rather than as a table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    derived: bool
    note: Text

    def as_matrix(self) -> ResponsibilityMatrix:
        """The plain matrix a plan stores."""
        return ResponsibilityMatrix.model_validate(self.model_dump(include={"parties", "rows"}))


class TeamInfo(_Data):
    """A team of the AI Product Teams structure."""

    id: str
    name: Text
    purpose: Text


class PatternInfo(_Data):
    """An organisational pattern: when it fits, its risk, how it evolves."""

    id: Literal["coe", "federated", "product-teams"]
    name: Text
    short_name: Text
    maturity: Literal["early", "intermediate", "advanced"]
    summary: Text
    fits_when: list[str] = Field(min_length=1)
    fits_when_source: Literal["source", "derived"]
    risk: Text
    evolution: Text
    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)
    metric_shift: str = ""
    responsibilities: PatternResponsibilities
    structure: list[TeamInfo] = Field(default_factory=list)


class RoleInfo(Role):
    """A key role with its focus (from the FAQ) and responsibilities."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    focus: Text
    responsibilities: list[str] = Field(min_length=1)

    def as_role(self) -> Role:
        """The plain role a plan stores."""
        return Role(id=self.id, name=self.name, description=self.description)


class WeekRange(_Data):
    """A duration range in weeks; ``ongoing`` phases have no upper bound."""

    min_weeks: int | None = Field(default=None, ge=1)
    max_weeks: int | None = Field(default=None, ge=1)
    ongoing: bool = False
    note: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> "WeekRange":
        if self.ongoing:
            if self.min_weeks is not None or self.max_weeks is not None:
                raise ValueError("an ongoing range has no bounds")
        elif self.min_weeks is None or self.max_weeks is None or self.min_weeks > self.max_weeks:
            raise ValueError("a range needs min_weeks <= max_weeks")
        return self

    def days(self, days_per_week: int = 5) -> tuple[int, int] | None:
        """The range in working days, or None when ongoing."""
        if self.ongoing:
            return None
        return self.min_weeks * days_per_week, self.max_weeks * days_per_week  # type: ignore[operator]


class SourceTask(_Data):
    """A task from the source's list for one phase."""

    id: str = Field(pattern=r"^[a-z]-[a-z\-]+$")
    name: Text
    tags: list[str] = Field(min_length=1)
    roles: list[str] = Field(default_factory=list)


class PhaseInfo(_Data):
    """One of the four implementation phases."""

    id: str
    number: int = Field(ge=1)
    name: Text
    duration: WeekRange
    initial_horizon: WeekRange | None = None
    goal: Text
    tasks: list[SourceTask] = Field(min_length=1)

    @property
    def ongoing(self) -> bool:
        """Whether the phase has no fixed end (Scale & Optimize)."""
        return self.duration.ongoing

    @property
    def planning_range(self) -> WeekRange:
        """The range a plan uses: the duration, or the initial horizon when ongoing."""
        if self.ongoing:
            if self.initial_horizon is None:
                raise ValueError(f"ongoing phase {self.id!r} has no initial horizon")
            return self.initial_horizon
        return self.duration


class MetricInfo(Metric):
    """A metric with its description; ``derived`` marks a target the source does not give."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: Text

    def as_metric(self) -> Metric:
        """The plain metric a plan stores (no measurements yet)."""
        return Metric.model_validate(self.model_dump(exclude={"description"}))


class Pitfall(_Data):
    """A common pitfall, what to do instead, and the rule that finds it in a plan."""

    id: str
    name: Text
    problem: Text
    advice: Text
    plan_rule: Text


class Symptom(_Data):
    """A symptom of organisational AI misalignment."""

    id: str
    name: Text
    description: Text


class MonthRange(_Data):
    """A range in months."""

    min: int = Field(ge=1)
    max: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> "MonthRange":
        if self.min > self.max:
            raise ValueError("min must not exceed max")
        return self


class ChartSection(_Data):
    """A section of the source's gantt chart and the phase it stands for."""

    name: Text
    phase: str


class ChartTask(_Data):
    """A bar of the source's gantt chart (Mermaid ``after`` links, weeks)."""

    id: str
    name: Text
    section: str
    weeks: int = Field(ge=1)
    after: str | None = None


class SourceChart(_Data):
    """The source's own gantt chart, bar for bar."""

    title: Text
    date_format: str
    start_month: str = Field(pattern=r"^\d{4}-\d{2}$")
    sections: list[ChartSection] = Field(min_length=1)
    tasks: list[ChartTask] = Field(min_length=1)


class Timeline(_Data):
    """The FAQ's timeline facts and the source chart."""

    foundation_months: MonthRange
    foundation_note: Text
    maturity_months: MonthRange
    maturity_note: Text
    source_chart: SourceChart

