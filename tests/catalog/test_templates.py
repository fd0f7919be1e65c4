"""Pattern templates: complete, schedulable, faithful to the source, and different per pattern."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.catalog import build_plan, load_catalog
from aiplanner.catalog.templates import estimate_for
from aiplanner.io.native import dumps, loads
from aiplanner.model import plan_problems
from aiplanner.model.errors import EditError
from aiplanner.model.graph import successors_map
from aiplanner.schedule import schedule_plan

START = dt.date(2026, 5, 4)
PATTERNS = ["coe", "federated", "product-teams"]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module", params=PATTERNS)
def built(request):
    plan = build_plan(request.param, START)
    return plan, schedule_plan(plan)


def test_plan_is_valid_and_round_trips(built):
    plan, _ = built
    assert plan_problems(plan) == []
    assert loads(dumps(plan)) == plan


def test_phases_and_every_source_task(built, catalog):
    plan, _ = built
    assert [p.id for p in plan.phases] == ["assessment", "design", "build", "scale"]
    for source in catalog.source_tasks():
        task = plan.task(source.id)
        assert task.name == source.name
        assert set(source.tags) <= set(task.tags)
        assert catalog.phase(task.phase).tasks.count(source) == 1


def test_tags_roles_and_estimates(built, catalog):
    plan, _ = built
    assert [r.id for r in plan.roles] == catalog.role_ids
    for task in plan.tasks:
        assert set(task.tags) <= set(catalog.tag_ids), task.id
        if task.is_milestone:
            assert task.tags == ["milestone"]
            continue
        assert task.demands, task.id
        assert {d.role for d in task.demands} <= set(catalog.role_ids)
        est = task.estimate
        assert est.optimistic < est.likely == task.duration < est.pessimistic


def test_estimates_follow_the_phase_range():
    assert estimate_for(20, 10, 8, 12) == estimate_for(20, 10, 8, 12)
    est = estimate_for(20, 10, 8, 12)
    assert (est.optimistic, est.pessimistic) == (16.0, 24.0)


def test_matrix_and_metrics(built, catalog):
    plan, _ = built
    assert plan.responsibilities == catalog.responsibility_matrix(plan.pattern)
    assert len(plan.metrics) == 12
    assert [m.target_text() for m in plan.metrics if m.category == "efficiency"] == [
        "< 4 weeks", "> 70% of licensed seats", "< 10% of spend", "Declining trend"]
    assert all(m.target_text() for m in plan.metrics) and not any(m.measurements for m in plan.metrics)


def test_a_milestone_closes_each_phase(built):
    plan, sched = built
    for phase in plan.phases:
        tasks = plan.tasks_in_phase(phase.id)
        last = tasks[-1]
        assert last.milestone and "milestone" in last.tags
        assert sched.tasks[last.id].ef == max(sched.tasks[t.id].ef for t in tasks)


def test_phase_lengths_within_the_source_ranges(built, catalog):
    plan, sched = built
    template = catalog.templates.pattern(plan.pattern)
    for phase in plan.phases:
        low, high = catalog.phase_days(phase.id)
        span = sched.phases[phase.id].ef - sched.phases[phase.id].es
        assert low <= span <= high, (phase.id, span)
        # The planned weeks that spread the estimates match the schedule.
        assert abs(span - template.phase_weeks[phase.id] * 5) <= 5, (phase.id, span)
    low, high = catalog.foundation_days()
    assert low <= sched.duration <= high


def test_phases_follow_each_other_with_overlaps_inside(built):
    plan, sched = built
    spans = [sched.phases[p.id] for p in plan.phases]
    for before, after in zip(spans, spans[1:]):
        assert before.ef <= after.es
    kinds = {d.type for t in plan.tasks for d in t.depends_on}
    assert {"FS", "SS", "FF"} <= kinds
    assert any(d.lag for t in plan.tasks for d in t.depends_on)


# -- the pitfall rules of the checks, applied to fresh templates --------------
def tagged(plan, tag):
    return [t for t in plan.tasks if tag in t.tags]


def test_no_technology_first(built):
    plan, sched = built
    design_done = max(sched.tasks[t.id].ef for t in plan.tasks_in_phase("design"))
    for task in tagged(plan, "platform") + tagged(plan, "tool-selection"):
        assert sched.tasks[task.id].es >= design_done, task.id


def test_governance_ready_before_rollout(built):
    plan, sched = built
    rollout_start = min(sched.tasks[t.id].es for t in tagged(plan, "rollout"))
    for task in tagged(plan, "governance"):
        assert sched.tasks[task.id].ef <= rollout_start, task.id


def test_enablement_and_training_before_rollout(built):
    plan, sched = built
    assert "ai-enablement-lead" in {r.id for r in plan.roles}
    assert any(d.role == "ai-enablement-lead" for t in plan.tasks for d in t.demands)
    rollout_start = min(sched.tasks[t.id].es for t in tagged(plan, "rollout"))
    assert any(sched.tasks[t.id].ef <= rollout_start for t in tagged(plan, "training"))


def test_change_management_present(built):
    plan, _ = built
    assert len(tagged(plan, "change-management")) >= 2


def test_no_gate_that_most_tasks_wait_on(built):
    plan, _ = built
    succ = successors_map(plan)
    for gate in tagged(plan, "approval-gate"):
        waiting, stack = set(), [gate.id]
        while stack:
            for nxt in succ[stack.pop()]:
                if nxt not in waiting:
                    waiting.add(nxt)
                    stack.append(nxt)
        assert len(waiting) < len(plan.tasks) / 2


# -- where the patterns differ ----------------------------------------------
@pytest.fixture(scope="module")
def plans():
    return {p: build_plan(p, START) for p in PATTERNS}


def test_coe_has_intake_gate_and_handover(plans):
    coe = plans["coe"]
    assert [t.id for t in tagged(coe, "approval-gate")] == ["b-intake"]
    handover = tagged(coe, "handover")
    assert handover and handover[0].phase == "scale"
    for other in ("federated", "product-teams"):
        assert not tagged(plans[other], "approval-gate")


def test_federated_has_adoption_and_coordination(plans):
    fed = plans["federated"]
    names = " ".join(t.name for t in tagged(fed, "rollout"))
    assert "adopt the governance" in names and "onto the platform" in names
    assert any("coordinat" in t.name.lower() for t in fed.tasks)
    assert fed.responsibilities.parties == ["Central Team", "Product Teams"]


def test_product_teams_sets_up_three_teams_and_builds_longest(plans):
    pt = plans["product-teams"]
    staffing = [t.name for t in tagged(pt, "staffing")]
    for team in ("AI Platform Team", "AI Services Team", "AI Enablement Team"):
        assert any(team in name for name in staffing)
    builds = {p: schedule_plan(plan).phases["build"] for p, plan in plans.items()}
    length = {p: s.ef - s.es for p, s in builds.items()}
    assert length["product-teams"] > max(length["coe"], length["federated"])


def test_patterns_differ_in_tasks(plans):
    ids = {p: {t.id for t in plan.tasks} for p, plan in plans.items()}
    assert ids["coe"] != ids["federated"] != ids["product-teams"] != ids["coe"]


def test_name_organisation_and_unknown_pattern():
    plan = build_plan("federated", START, name="Acme rollout", organisation="Acme")
    assert (plan.name, plan.organisation, plan.pattern, plan.start) == ("Acme rollout", "Acme", "federated", START)
    assert build_plan("coe", START).name == "AI operating model rollout: Center of Excellence"
    with pytest.raises(EditError, match="unknown pattern 'matrix'"):
        build_plan("matrix", START)


def test_fresh_templates_raise_no_pitfall_findings(built):
    from aiplanner.checks import run_checks

    plan, _ = built
    rules = {f.rule for f in run_checks(plan)}
    assert not {r for r in rules if r.startswith(("pitfall.", "pattern.", "timeline."))}, rules


def test_coe_gate_does_not_hold_up_the_phase_end(plans):
    coe = plans["coe"]
    assert "b-intake" not in {d.task for d in coe.task("m-build").depends_on}
    assert "b-intake" in {d.task for d in coe.task("s-usecases").depends_on}


def test_one_start_and_one_end(built):
    plan, _ = built
    succ = successors_map(plan)
    assert [t for t, after in succ.items() if not after] == ["m-scale"]
    assert [t.id for t in plan.tasks if not t.depends_on] == ["a-sponsor"]
