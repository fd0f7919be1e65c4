"""The shipped samples through the checks and levelling: real plans, real findings."""

from __future__ import annotations

import pytest

from aiplanner.checks import run_checks
from aiplanner.io.native import load_plan
from aiplanner.schedule.level import level_plan
from tests.conftest import SAMPLES


def test_the_sources_own_chart_shows_its_gaps():
    plan = load_plan(SAMPLES / "source-timeline.aiplan")
    found = {f.rule: f for f in run_checks(plan)}
    # The chart has no training and no change management, and its assessment is 8 weeks (text: 4-6).
    assert {"pitfall.under-investment-in-enablement", "pitfall.ignoring-change-management"} <= set(found)
    assert found["timeline.phase-length"].phases == ("assessment",)
    # Its platform work follows the design and its governance is done before the rollout.
    assert not {"pitfall.technology-first", "pitfall.neglecting-governance", "staffing.unstaffed-role"} & set(found)


@pytest.mark.parametrize("name", ["coe-rollout", "federated-rollout", "product-teams-rollout"])
def test_levelling_a_sample_leaves_only_what_delay_cannot_fix(name):
    plan = load_plan(SAMPLES / f"{name}.aiplan")
    result = level_plan(plan)
    hopeless = {u.task for u in result.unresolved}
    assert all(set(o.tasks) & hopeless for o in result.remaining)
    assert not [f for f in run_checks(result.plan) if f.rule == "staffing.over-allocated" and not hopeless]
    times = result.schedule.tasks
    for task in result.plan.tasks:
        for dep in task.depends_on:
            a, b = times[dep.task], times[task.id]
            assert {"FS": b.es >= a.ef + dep.lag, "SS": b.es >= a.es + dep.lag,
                    "FF": b.ef >= a.ef + dep.lag, "SF": b.ef >= a.es + dep.lag}[dep.type]
