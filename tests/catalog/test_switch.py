"""Pattern switch on a scenario, against small hand-built pattern templates."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.catalog.switch import switch_pattern
from aiplanner.model import (
    Dependency, EditError, Phase, Plan, ResponsibilityMatrix, ResponsibilityRow, Role, RoleDemand, Scenario, Task,
    TaskOverride, apply_scenario, plan_problems,
)

PM, ENG, GOV = "ai-product-manager", "ai-platform-engineer", "ai-governance-lead"
ROLES = {PM: "AI Product Manager", ENG: "AI Platform Engineer", GOV: "AI Governance Lead"}


def _task(tid, duration, deps=(), demands=(), phase="design"):
    return Task(id=tid, name=tid.upper(), phase=phase, duration=duration,
                depends_on=[Dependency(task=d) for d in deps],
                demands=[RoleDemand(role=r, fte=f) for r, f in demands])


def template(pattern: str, start: dt.date) -> Plan:
    """CoE: a1 -> c1 (stand up the CoE) -> d1 -> m1. Federated: a1 -> f1 -> d1 (longer, more PM) -> m1."""
    if pattern == "coe":
        tasks = [_task("a1", 10, (), [(PM, 1)], "assessment"), _task("c1", 15, ["a1"], [(ENG, 1)]),
                 _task("d1", 20, ["c1"], [(PM, 0.5)]), _task("m1", 0, ["d1"])]
        matrix = ResponsibilityMatrix(parties=["Center of Excellence", "Product Teams"], rows=[
            ResponsibilityRow(function="Strategy", cells={"Center of Excellence": "Owns", "Product Teams": "Contributes"}),
            ResponsibilityRow(function="Platform", cells={"Center of Excellence": "Owns", "Product Teams": "Uses"})])
        roles = [PM, ENG]
    else:
        tasks = [_task("a1", 10, (), [(PM, 1)], "assessment"), _task("f1", 12, ["a1"], [(GOV, 1)]),
                 _task("d1", 25, ["f1"], [(PM, 1)]), _task("m1", 0, ["d1"])]
        matrix = ResponsibilityMatrix(parties=["Central Team", "Product Teams"], rows=[
            ResponsibilityRow(function="Strategy", cells={"Central Team": "Owns", "Product Teams": "Owns"}),
            ResponsibilityRow(function="Platform", cells={"Central Team": "Owns", "Product Teams": "Uses"})])
        roles = [PM, GOV]
    return Plan(start=start, pattern=pattern,
                phases=[Phase(id="assessment", name="Assessment"), Phase(id="design", name="Design")],
                roles=[Role(id=r, name=ROLES[r]) for r in roles], tasks=tasks, responsibilities=matrix)


@pytest.fixture
def coe_plan():
    plan = template("coe", dt.date(2026, 5, 4))
    plan.tasks.insert(2, _task("u1", 5, ["c1"]))  # the user's own task, after the CoE is up
    plan.scenarios = [Scenario(name="go federated", description="what if",
                               overrides=[TaskOverride(task="d1", duration=30)])]  # the user's estimate
    return plan


def test_switch_keeps_user_edits_and_reports_what_changed(coe_plan):
    result = switch_pattern(coe_plan, "go federated", "federated", template=template)
    assert (result.added, result.removed) == (["f1"], ["c1"])
    assert result.kept == {"d1": ["duration"]}
    assert result.retemplated == {"d1": ["demands", "depends_on"]}
    assert result.relinked == {"u1": ["a1"]}  # c1 went away: u1 now follows c1's own predecessor
    assert result.roles_added == [GOV] and result.dropped_edits == []
    scenario = result.scenario
    assert (scenario.name, scenario.description, scenario.pattern) == ("go federated", "what if", "federated")
    applied = apply_scenario(coe_plan, scenario)
    assert plan_problems(applied) == []
    assert [t.id for t in applied.tasks] == ["a1", "u1", "f1", "d1", "m1"]
    d1 = applied.task("d1")
    assert (d1.duration, [d.task for d in d1.depends_on], d1.demands) == (30, ["f1"], [RoleDemand(role=PM, fte=1)])
    assert applied.responsibilities == template("federated", coe_plan.start).responsibilities
    assert coe_plan.task("u1").depends_on[0].task == "c1"  # the plan itself is untouched
    text = "\n".join(result.lines())
    assert "AI Center of Excellence -> Federated AI Teams" in text and "Relinked u1 to a1" in text


def test_switching_back_restores_the_template_parts(coe_plan):
    there = switch_pattern(coe_plan, "go federated", "federated", template=template).scenario
    coe_plan.scenarios = [there]
    back = switch_pattern(coe_plan, "go federated", "coe", template=template)
    assert (back.added, back.removed, back.kept) == (["c1"], ["f1"], {"d1": ["duration"]})
    applied = apply_scenario(coe_plan, back.scenario)
    assert applied.task("d1").duration == 30 and applied.task("d1").demands == coe_plan.task("d1").demands
    assert back.scenario.pattern is None and back.scenario.responsibilities is None  # as the plan is


def test_user_matrix_edits_are_kept_for_parties_that_remain(coe_plan):
    coe_plan.responsibilities.rows[1].cells["Product Teams"] = "Co-owns"
    result = switch_pattern(coe_plan, "go federated", "federated", template=template)
    matrix = apply_scenario(coe_plan, result.scenario).responsibilities
    assert matrix.parties == ["Central Team", "Product Teams"]
    assert matrix.rows[1].cells == {"Central Team": "Owns", "Product Teams": "Co-owns"}
    assert result.matrix_rows_kept == ["Platform"]


def test_removed_task_edits_are_reported_and_bad_patterns_refused(coe_plan):
    coe_plan.scenarios[0].overrides.append(TaskOverride(task="c1", duration=3))
    assert switch_pattern(coe_plan, "go federated", "federated", template=template).dropped_edits == ["c1"]
    with pytest.raises(EditError, match="unknown pattern"):
        switch_pattern(coe_plan, "go federated", "matrix", template=template)


def test_switch_with_the_real_catalogue_coe_to_federated():
    from aiplanner.catalog import build_plan

    plan = build_plan("coe", dt.date(2026, 5, 4))
    coe_only = {t.id for t in plan.tasks} - {t.id for t in build_plan("federated", plan.start).tasks}
    intake = next(t for t in plan.tasks if t.id in coe_only and t.phase == "build")
    plan.tasks.append(_task("u-pilot", 10, [intake.id], phase="build"))  # the user's own task
    platform = plan.task("b-platform")
    plan.scenarios = [Scenario(name="federated", overrides=[TaskOverride(task="b-platform",
                                                                          duration=platform.duration + 7)])]
    result = switch_pattern(plan, "federated", "federated")
    assert set(result.removed) == coe_only
    assert result.kept["b-platform"] == ["duration"]
    assert "u-pilot" in result.relinked and intake.id not in result.relinked["u-pilot"]
    applied = apply_scenario(plan, result.scenario)
    assert plan_problems(applied) == [] and applied.pattern == "federated"
    assert applied.task("b-platform").duration == platform.duration + 7
    template = build_plan("federated", plan.start)
    assert {t.id for t in applied.tasks} == {t.id for t in template.tasks} | {"u-pilot"}
    assert applied.responsibilities == template.responsibilities


def test_bridging_composes_link_types_and_lags():
    from aiplanner.catalog.switch import _bridge

    preds = {"r": [Dependency(task="p", type="SS", lag=5)], "q": [Dependency(task="r", type="FF", lag=1)]}
    # x -FS+2-> r -SS+5-> p  becomes  x -SS+7-> p ; x -FS-> q -FF+1-> r -SS+5-> p also reaches p (kept once).
    assert _bridge([Dependency(task="r", lag=2), Dependency(task="q")], {"r", "q"}, preds) == [
        Dependency(task="p", type="SS", lag=7)]


def test_a_plan_from_before_the_derived_marks_switches_its_matrix_too():
    import datetime as dt

    from aiplanner.catalog import build_plan, load_catalog
    from aiplanner.catalog.switch import switch_pattern
    from aiplanner.model import Scenario, apply_scenario

    plan = build_plan("coe", dt.date(2026, 5, 4))
    old = plan.responsibilities.model_copy(update={"derived": False, "note": ""})  # as a version-1 file has it
    plan = plan.model_copy(update={"responsibilities": old, "scenarios": [Scenario(name="s")]})
    report = switch_pattern(plan, "s", "federated")
    shown = apply_scenario(plan.model_copy(update={"scenarios": [report.scenario]}), "s")
    assert shown.responsibilities == load_catalog().responsibility_matrix("federated")  # its note and mark too
    assert not report.matrix_rows_kept
