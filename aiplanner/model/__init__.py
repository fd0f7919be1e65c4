"""The plan document (pydantic, no Qt, no derived facts).

The names below are loaded on first use (PEP 562), so importing one module
of the package (``aiplanner.model.errors`` for the error types, say) does
not build every pydantic model and the document machinery.
"""

from __future__ import annotations

from aiplanner._lazy import lazy_names

_WHERE = {
    "SCHEDULING_FIELDS": "document", "Document": "document",
    **dict.fromkeys(("DependencyCycleError", "DuplicateIdError", "EditError", "InvalidPlanError", "PlanError",
                     "PlanFileError", "Problem", "UnknownTaskError", "UnsupportedVersionError"), "errors"),
    "Event": "events", "EventEmitter": "events",
    "check_add_dependency": "graph", "find_cycle": "graph",
    **dict.fromkeys(("CURRENT_VERSION", "FORMAT", "WEEKDAYS", "Absence", "Assignment", "Calendar", "Dependency",
                     "Estimate", "Metric", "Person", "Phase", "Plan", "ResponsibilityMatrix", "ResponsibilityRow",
                     "Role", "RoleDemand", "SymptomAnswer", "Task"), "plan"),
    **dict.fromkeys(("Baseline", "BaselineTask", "FrozenFinding", "Scenario", "TaskOverride"), "variants"),
    "plan_problems": "validate", "pydantic_problems": "validate",
    **dict.fromkeys(("apply_scenario", "find_scenario", "scenario_from_plans"), "scenarios.whatif"),
}

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


__getattr__, __dir__ = lazy_names(__name__, _WHERE, __all__)
