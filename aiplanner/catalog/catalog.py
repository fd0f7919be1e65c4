"""The catalogue as one object with look-ups (read it with :func:`load_catalog`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from aiplanner.catalog.journey_spec import Journey
from aiplanner.catalog.models import (
    Dimension,
    MetricInfo,
    PatternInfo,
    PhaseInfo,
    Pitfall,
    RoleInfo,
    SourceTask,
    Symptom,
    Timeline,
    Vocabulary,
)
from aiplanner.catalog.template_spec import TemplateSet
from aiplanner.model.plan import Metric, ResponsibilityMatrix, Role

__all__ = ["Catalog"]


def _find(items, item_id: str, kind: str):
    for item in items:
        if item.id == item_id:
            return item
    known = ", ".join(i.id for i in items)
    raise KeyError(f"unknown {kind} {item_id!r} (known: {known})")


class Catalog(BaseModel):
    """Everything the source document says about AI operating models.

    Look-ups raise ``KeyError`` naming the known ids when an id is unknown.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    vocabulary: Vocabulary
    dimensions: list[Dimension]
    patterns: list[PatternInfo]
    roles: list[RoleInfo]
    roles_combinable: str = ""
    phases: list[PhaseInfo]
    metrics: list[MetricInfo]
    pitfalls: list[Pitfall]
    symptoms: list[Symptom]
    timeline: Timeline
    templates: TemplateSet
    journey: Journey

    # -- look-ups by id ---------------------------------------------------
    def dimension(self, dimension_id: str) -> Dimension:
        """One of the four dimensions."""
        return _find(self.dimensions, dimension_id, "dimension")

    def pattern(self, pattern_id: str) -> PatternInfo:
        """One of the three organisational patterns."""
        return _find(self.patterns, pattern_id, "pattern")

    def role(self, role_id: str) -> RoleInfo:
        """One of the five key roles."""
        return _find(self.roles, role_id, "role")

    def phase(self, phase_id: str) -> PhaseInfo:
        """One of the four implementation phases."""
        return _find(self.phases, phase_id, "phase")

    def metric(self, metric_id: str) -> MetricInfo:
        """One metric of the catalogue."""
        return _find(self.metrics, metric_id, "metric")

    def pitfall(self, pitfall_id: str) -> Pitfall:
        """One of the five pitfalls."""
        return _find(self.pitfalls, pitfall_id, "pitfall")

    def symptom(self, symptom_id: str) -> Symptom:
        """One symptom of misalignment."""
        return _find(self.symptoms, symptom_id, "symptom")

    # -- derived views ----------------------------------------------------
    @property
    def pattern_ids(self) -> list[str]:
        """Pattern ids in the source's order."""
        return [p.id for p in self.patterns]

    @property
    def role_ids(self) -> list[str]:
        """Key-role ids in the source's order."""
        return [r.id for r in self.roles]

    @property
    def phase_ids(self) -> list[str]:
        """Phase ids in order."""
        return [p.id for p in self.phases]

    @property
    def tag_ids(self) -> list[str]:
        """The task-tag vocabulary."""
        return self.vocabulary.tag_ids

    def source_tasks(self, phase_id: str | None = None) -> list[SourceTask]:
        """The source's task lists, of one phase or of all in order."""
        phases = [self.phase(phase_id)] if phase_id else self.phases
        return [task for phase in phases for task in phase.tasks]

    def source_task(self, task_id: str) -> SourceTask:
        """One task of the source's phase lists."""
        return _find(self.source_tasks(), task_id, "source task")

    def metrics_in(self, category: str) -> list[MetricInfo]:
        """Metrics of one category: ``efficiency``, ``quality`` or ``value``."""
        return [m for m in self.metrics if m.category == category]

    def phase_days(self, phase_id: str, days_per_week: int = 5) -> tuple[int, int]:
        """The planning range of a phase in working days (the initial horizon when ongoing)."""
        days = self.phase(phase_id).planning_range.days(days_per_week)
        assert days is not None  # planning_range is never ongoing
        return days

    def maturity_weeks(self) -> tuple[float, float]:
        """The FAQ's 18-24 months to maturity in weeks (a month = 52/12 weeks)."""
        months = self.timeline.maturity_months
        return months.min * 52 / 12, months.max * 52 / 12

    def foundation_days(self, days_per_week: int = 5) -> tuple[int, int]:
        """The FAQ's 6-9 months of foundation in working days (a month = 52/12 weeks)."""
        months = self.timeline.foundation_months
        per_month = 52 / 12 * days_per_week
        return round(months.min * per_month), round(months.max * per_month)

    # -- plan-ready copies -----------------------------------------------
    def plan_roles(self) -> list[Role]:
        """The five key roles as plan roles."""
        return [r.as_role() for r in self.roles]

    def plan_metrics(self) -> list[Metric]:
        """Every metric with its target, as plan metrics."""
        return [m.as_metric() for m in self.metrics]

    def responsibility_matrix(self, pattern_id: str) -> ResponsibilityMatrix:
        """The responsibility matrix a plan of this pattern starts with."""
        return self.pattern(pattern_id).responsibilities.as_matrix()
