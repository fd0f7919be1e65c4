"""Each of the source's five pitfalls fires on a plan that has it and stays quiet otherwise."""

from __future__ import annotations

import datetime as dt

from aiplanner.checks import RULES, run_checks
from aiplanner.model import Dependency, Phase, Plan, Task
from tests.checks.conftest import edit, without


def rules_of(plan, prefix=""):
    return [f for f in run_checks(plan) if f.rule.startswith(prefix)]


def test_healthy_plan_has_no_findings(healthy):
    assert run_checks(healthy) == []


def test_rule_ids_are_registered_and_stable():
    assert {
        "pitfall.technology-first", "pitfall.neglecting-governance", "pitfall.under-investment-in-enablement",
        "pitfall.over-centralisation", "pitfall.ignoring-change-management", "staffing.key-roles",
        "staffing.over-allocated", "staffing.unstaffed-role", "timeline.phase-length",
        "timeline.foundation-length", "timeline.missed-deadline", "pattern.coe-handover",
        "pattern.federated-central-owner", "pattern.product-teams-platform",
    } <= set(RULES)


def test_technology_first_when_platform_work_starts_before_design_ends(healthy):
    plan = edit(healthy, "b2", depends_on=[Dependency(task="d1")])  # only after pattern selection
    (f,) = rules_of(plan, "pitfall.technology-first")
    assert f.severity == "warning" and f.tasks == ("b2",)
    assert "2026-07-17" in f.message  # the design finishes that Friday


def test_technology_first_when_there_is_no_design_at_all(healthy):
    plan = without(healthy, "d1", "d2")
    (f,) = rules_of(plan, "pitfall.technology-first")
    assert "no operating-model design work" in f.message and f.tasks == ("b2",)


def test_governance_lagging_when_governance_finishes_after_rollout_starts(healthy):
    plan = edit(edit(healthy, "b3", duration=60), "s1", depends_on=[Dependency(task="b2"), Dependency(task="b4")])
    (f,) = rules_of(plan, "pitfall.neglecting-governance")
    assert f.tasks == ("b3", "s1") and "2026-09-28" in f.message


def test_governance_lagging_when_there_is_no_governance(healthy):
    (f,) = rules_of(without(healthy, "d3", "b3"), "pitfall.neglecting-governance")
    assert "no governance work" in f.message


def test_no_governance_finding_without_rollout(healthy):
    assert rules_of(without(healthy, "s1", "b3"), "pitfall.neglecting-governance") == []


def test_under_investment_when_training_comes_after_rollout(healthy):
    plan = edit(healthy, "s1", depends_on=[Dependency(task="b2"), Dependency(task="b3")])
    plan = edit(plan, "b4", depends_on=[Dependency(task="s1", type="SS", lag=5)])
    (f,) = rules_of(plan, "pitfall.under-investment-in-enablement")
    assert "no training or enablement work finishing before the rollout starts" in f.message
    assert f.roles == ()


def test_under_investment_when_nobody_is_enablement_lead(healthy):
    plan = healthy.model_copy(update={"assignments": [a for a in healthy.assignments if a.person != "eve"]})
    found = {f.rule: f for f in run_checks(plan)}
    assert found["pitfall.under-investment-in-enablement"].roles == ("ai-enablement-lead",)


def test_enablement_counts_demand_when_the_plan_has_no_people(healthy):
    unstaffed = healthy.model_copy(update={"people": [], "assignments": []})
    assert rules_of(unstaffed, "pitfall.under-investment-in-enablement") == []
    no_ask = without(unstaffed, "b4", "b5")
    assert rules_of(no_ask, "pitfall.under-investment-in-enablement")


def test_over_centralisation_when_most_later_work_waits_on_one_gate(healthy):
    data = healthy.model_dump()
    data["tasks"].insert(6, {"id": "g", "name": "Central approval", "phase": "build", "duration": 0,
                             "depends_on": [{"task": "b1"}], "tags": ["approval-gate"]})
    for t in data["tasks"]:
        if t["id"] in ("b2", "b3", "b4"):
            t["depends_on"].append({"task": "g", "type": "FS", "lag": 0})
    plan = Plan.model_validate(data)
    (f,) = rules_of(plan, "pitfall.over-centralisation")
    assert f.tasks == ("g",) and f.message.startswith("5 of the 5 tasks")
    # A gate that nothing later waits on is no bottleneck.
    for t in data["tasks"]:
        t["depends_on"] = [d for d in t["depends_on"] if d["task"] != "g"]
    assert rules_of(Plan.model_validate(data), "pitfall.over-centralisation") == []


def test_over_centralisation_needs_more_than_half():
    def task(tid, after=(), tags=()):
        return Task(id=tid, name=tid, phase="p", duration=1, tags=list(tags),
                    depends_on=[Dependency(task=a) for a in after])

    base = [task("g", tags=["approval-gate"]), task("x"), task("a", ["g"]), task("b", ["g"]),
            task("c", ["x", "g"]), task("d", ["x"]), task("e", ["c"])]
    plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")], tasks=base)
    # Tasks starting once g finishes: a, b, c, d, e; waiting on g: a, b, c, e (4 of 5).
    (f,) = rules_of(plan, "pitfall.over-centralisation")
    assert f.message.startswith("4 of the 5 tasks")
    half = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
                tasks=base[:4] + [task("c", ["x"]), task("d", ["x"]), task("e", ["x"]), task("f", ["a"])])
    # a, b, f wait on g; c, d, e do not: 3 of 6 is not most.
    assert rules_of(half, "pitfall.over-centralisation") == []


def test_ignoring_change_management(healthy):
    (f,) = rules_of(without(healthy, "b5"), "pitfall.ignoring-change-management")
    assert f.severity == "warning" and "(found by task names" not in f.message


def test_untagged_plans_are_read_by_name_and_say_so():
    plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")], tasks=[
        Task(id="t", name="Tool Selection", phase="p", duration=5),
        Task(id="d", name="Operating Model Design", phase="p", duration=10),
        Task(id="c", name="Change management plan", phase="p", duration=5),
    ])
    (f,) = rules_of(plan, "pitfall.technology-first")
    assert f.tasks == ("t",) and "found by task names, as the plan has no tags" in f.message
    assert rules_of(plan, "pitfall.ignoring-change-management") == []
