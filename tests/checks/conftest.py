"""A healthy, tagged CoE plan that passes every check; tests break one thing at a time.

``template`` builds the pattern templates the pitfall tests start from.
"""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.model import Assignment, Dependency, Person, Phase, Plan, Role, RoleDemand, Task

ROLES = {
    "ai-product-manager": "AI Product Manager",
    "ai-platform-engineer": "AI Platform Engineer",
    "mlops-engineer": "MLOps Engineer",
    "ai-governance-lead": "AI Governance Lead",
    "ai-enablement-lead": "AI Enablement Lead",
}


def _task(tid, name, phase, duration, after=(), tags=(), demands=(), **kw):
    deps = [Dependency(task=a) if isinstance(a, str) else Dependency(task=a[0], type=a[1], lag=a[2]) for a in after]
    return Task(id=tid, name=name, phase=phase, duration=duration, depends_on=deps, tags=list(tags),
                demands=[RoleDemand(role=r, fte=f) for r, f in demands], **kw)


def healthy_plan() -> Plan:
    pm, plat, gov, en = "ai-product-manager", "ai-platform-engineer", "ai-governance-lead", "ai-enablement-lead"
    tasks = [
        _task("a1", "Current state analysis", "assessment", 20, tags=["assessment"], demands=[(pm, 0.5)]),
        _task("a2", "Gap analysis", "assessment", 5, ["a1"], ["assessment"], [(pm, 0.5)]),
        _task("d1", "Select the organisational pattern", "design", 10, ["a2"], ["design", "pattern-selection"],
              [(pm, 0.5)]),
        _task("d2", "Define roles and responsibilities", "design", 20, ["d1"], ["design"], [(pm, 0.5)]),
        _task("d3", "Design governance processes", "design", 25, ["a2"], ["governance"], [(gov, 0.5)]),
        _task("b1", "Staff key roles", "build", 10, ["d2"], ["staffing"], [(pm, 0.5)]),
        _task("b2", "Implement the platform", "build", 40, ["b1"], ["platform", "ml-engineering"], [(plat, 1.0)]),
        _task("b3", "Launch the review board", "build", 20, ["d3", "b1"],
              ["governance", "policy", "risk-review", "ethics-review"], [(gov, 0.5)]),
        _task("b4", "Launch training", "build", 20, ["b1"], ["training", "enablement", "best-practices"], [(en, 0.5)]),
        _task("b5", "Change management and communication", "build", 40, [("b1", "SS", 0)],
              ["change-management"], [(en, 0.25)]),
        _task("s1", "Roll out to all teams", "scale", 60, ["b2", "b3", "b4"], ["rollout"], [(plat, 0.5)]),
        _task("s2", "Hand over to product teams", "scale", 20, ["s1"], ["handover"], [(pm, 0.5)]),
        # Keeps the four dimensions covered (tools after the design, operations while rolling out).
        _task("b6", "Standardise AI tools", "build", 5, ["d2"], ["tool-selection"]),
        _task("s3", "Run AI operations", "scale", 20, [("s1", "SS", 10)], ["monitoring", "reliability", "cost-management"]),
        _task("s4", "Support the change", "scale", 20, [("s1", "SS", 0)], ["change-management"]),
    ]
    people = [Person(id=p, name=p.title()) for p in ("pat", "pia", "gil", "eve")]
    assignments = [Assignment(person=p, role=r) for p, r in (("pat", pm), ("pia", plat), ("gil", gov), ("eve", en))]
    return Plan(
        name="Healthy CoE", start=dt.date(2026, 5, 4), pattern="coe",
        phases=[Phase(id="assessment", name="Assessment"), Phase(id="design", name="Design"),
                Phase(id="build", name="Build Foundation"), Phase(id="scale", name="Scale & Optimize")],
        roles=[Role(id=r, name=n) for r, n in ROLES.items()],
        tasks=tasks, people=people, assignments=assignments,
    )


@pytest.fixture
def healthy():
    return healthy_plan()


def template(pattern: str = "coe") -> Plan:
    """A fresh plan of a pattern template (the plan ``aiplanner new`` makes)."""
    from aiplanner.catalog import build_plan

    return build_plan(pattern, dt.date(2026, 5, 4))


def edit(plan: Plan, task_id: str, **fields) -> Plan:
    """A copy of ``plan`` with fields of one task replaced."""
    data = plan.model_dump()
    for task in data["tasks"]:
        if task["id"] == task_id:
            task.update(fields)
    return Plan.model_validate(data)


def without(plan: Plan, *task_ids: str) -> Plan:
    """A copy of ``plan`` without some tasks (and links to them)."""
    data = plan.model_dump()
    data["tasks"] = [t for t in data["tasks"] if t["id"] not in task_ids]
    for task in data["tasks"]:
        task["depends_on"] = [d for d in task["depends_on"] if d["task"] not in task_ids]
    return Plan.model_validate(data)
