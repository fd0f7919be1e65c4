"""The plan document: plain pydantic data, no derived facts.

Dates, float and load are computed by :mod:`aiplanner.schedule` from this
document and are never stored in it. Every field but the scheduling core of
DESIGN.md has a default, so a minimal file is a valid plan.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from aiplanner.model.parts import (  # noqa: F401  re-exported: the plan's parts are reached through this module
    CURRENT_VERSION,
    FORMAT,
    WEEKDAYS,
    Absence,
    Assignment,
    Calendar,
    Dependency,
    DependencyType,
    Estimate,
    ExitTarget,
    Identifier,
    Measurement,
    Metric,
    Name,
    PatternId,
    PlanDate,
    Person,
    Phase,
    ResponsibilityMatrix,
    ResponsibilityRow,
    Role,
    RoleDemand,
    SymptomAnswer,
    Target,
    Task,
    Text,
    Weekday,
    _Model,
)
from aiplanner.model.rules import PlanLookups
from aiplanner.model.variants import Baseline, Scenario

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
    "Target",
    "Measurement",
    "ExitTarget",
    "Metric",
    "SymptomAnswer",
    "Plan",
]


class Plan(_Model, PlanLookups):
    """The whole document, as stored in a ``.aiplan`` file."""

    format: Literal["aiplanner-plan"] = FORMAT
    version: int = CURRENT_VERSION
    name: Name = "Untitled plan"
    organisation: str = Field(default="", max_length=500)
    start: PlanDate
    #: The day progress is reported as of (MS Project's status date); the window and the
    #: report draw their status line on it. ``None``: today, in the window; none in exports.
    status_date: PlanDate | None = None
    pattern: PatternId | None = None
    calendar: Calendar = Field(default_factory=Calendar)
    phases: list[Phase] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    responsibilities: ResponsibilityMatrix = Field(default_factory=ResponsibilityMatrix)
    metrics: list[Metric] = Field(default_factory=list)
    # The Assessment's symptom checklist: the source's six symptoms, answered for this organisation.
    symptoms: list[SymptomAnswer] = Field(default_factory=list)
    notes: Text = ""
    # Workshops (aiplanner.model.variants): frozen baselines and what-if scenarios.
    baselines: list[Baseline] = Field(default_factory=list)
    scenarios: list[Scenario] = Field(default_factory=list)
    # Look-ups (task, task_index, tasks_in_phase) come from PlanLookups (aiplanner.model.rules).

