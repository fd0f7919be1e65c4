"""The plan document (pydantic, no Qt, no derived facts)."""

from __future__ import annotations

from aiplanner.model.document import SCHEDULING_FIELDS, Document
from aiplanner.model.errors import (
    DependencyCycleError,
    DuplicateIdError,
    EditError,
    InvalidPlanError,
    PlanError,
    PlanFileError,
    Problem,
    UnknownTaskError,
    UnsupportedVersionError,
)
from aiplanner.model.events import Event, EventEmitter
from aiplanner.model.graph import check_add_dependency, find_cycle
from aiplanner.model.plan import (
    CURRENT_VERSION,
    FORMAT,
    WEEKDAYS,
    Absence,
    Assignment,
    Calendar,
    Dependency,
    Estimate,
    Metric,
    Person,
    Phase,
    Plan,
    ResponsibilityMatrix,
    ResponsibilityRow,
    Role,
    RoleDemand,
    SymptomAnswer,
    Task,
)
from aiplanner.model.variants import Baseline, BaselineTask, FrozenFinding, Scenario, TaskOverride
from aiplanner.model.validate import plan_problems, pydantic_problems
from aiplanner.model.scenarios.whatif import apply_scenario, find_scenario, scenario_from_plans

__all__ = [
    "CURRENT_VERSION", "FORMAT", "WEEKDAYS", "SCHEDULING_FIELDS",
    "Absence", "Assignment", "Calendar", "Dependency", "Estimate", "Metric", "Person", "Phase",
    "Plan", "ResponsibilityMatrix", "ResponsibilityRow", "Role", "RoleDemand", "SymptomAnswer", "Task",
    "Document", "Event", "EventEmitter",
    "Problem", "PlanError", "InvalidPlanError", "UnsupportedVersionError", "PlanFileError",
    "EditError", "DependencyCycleError", "UnknownTaskError", "DuplicateIdError",
    "check_add_dependency", "find_cycle", "plan_problems", "pydantic_problems",
    "Baseline", "BaselineTask", "FrozenFinding", "Scenario", "TaskOverride",
    "apply_scenario", "find_scenario", "scenario_from_plans",
]
