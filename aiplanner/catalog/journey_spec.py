"""The shape of ``resources/journey.json``: the maturity stages past the foundation.

A stage names the pattern the organisation works in during it, its length
for each starting pattern whose journey passes through it, its work and
checklist (task specs as in the templates, see
:mod:`aiplanner.catalog.template_spec`), the metric targets that end it and
its responsibility matrix. Scale & Optimize continues through the stages as
a recurring review (:class:`ReviewCycle`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from aiplanner.catalog.models import PatternResponsibilities
from aiplanner.catalog.template_spec import TaskSpec
from aiplanner.model.plan import ExitTarget

__all__ = ["Spread", "ReviewCycle", "JourneyStage", "Journey"]

Text = Annotated[str, Field(min_length=1, max_length=1000)]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Spread(_Data):
    """Three-point estimates of stage work as shares of the planned duration."""

    optimistic: float = Field(gt=0, le=1)
    pessimistic: float = Field(ge=1, le=5)
    note: Text


class ReviewCycle(_Data):
    """The recurring review that Scale & Optimize becomes past the foundation."""

    weeks: int = Field(ge=1, le=52)
    days: int = Field(ge=1, le=30)
    name: Text  # "{n}" is the cycle's number
    tags: list[str] = Field(min_length=1)
    demands: dict[str, float] = Field(min_length=1)
    derived: bool
    note: Text


class JourneyStage(_Data):
    """A maturity stage after the foundation: its pattern, work, checklist, exit targets and matrix.

    ``weeks`` gives the stage's length for each starting pattern whose journey
    passes through it; ``responsibilities`` is the stage's own matrix, or
    ``responsibilities_from`` names the pattern whose matrix applies.
    """

    id: str = Field(pattern=r"^stage-[a-z\-]+$")
    name: Text
    pattern: Literal["coe", "federated", "product-teams"]
    weeks: dict[str, int] = Field(min_length=1)
    goal: Text
    responsibilities: PatternResponsibilities | None = None
    responsibilities_from: Literal["coe", "federated", "product-teams"] | None = None
    work: list[TaskSpec] = Field(min_length=1)
    checklist: list[TaskSpec] = Field(min_length=1)
    exit_targets: list[ExitTarget] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_matrix(self) -> "JourneyStage":
        if (self.responsibilities is None) == (self.responsibilities_from is None):
            raise ValueError("give either responsibilities or responsibilities_from")
        return self


class Journey(_Data):
    """The 18-24-month journey past the foundation (``resources/journey.json``)."""

    note: Text
    estimate_spread: Spread
    review_cycle: ReviewCycle
    stages: list[JourneyStage] = Field(min_length=1)

    def stages_from(self, pattern_id: str) -> list[JourneyStage]:
        """The stages a plan that starts with ``pattern_id`` goes through, in order."""
        return [s for s in self.stages if pattern_id in s.weeks]
