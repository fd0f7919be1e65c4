"""Comparisons on hand-built cases: every delta is worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from aiplanner.checks.compare.deltas import compare
from aiplanner.checks.compare.sides import SideRef, resolve_side
from aiplanner.model import Dependency, EditError, Scenario, Task, TaskOverride
from aiplanner.schedule.baseline import freeze_schedule

# The fixture plan (Mon 2026-05-04, Mon-Fri, time points in working days):
#   a1 30d [0,30)  a2 10d [30,40)  d1 30d [40,70)  d2 20d SS a2+5 -> [35,55)
#   m1 milestone after d1 (FS) and d2 (FF) -> 70, dated Fri 2026-08-07.


def _what_if() -> Scenario:
    return Scenario(
        name="what-if",
        overrides=[TaskOverride(task="d2", duration=40)],
        removed_tasks=["d1"],
        added_tasks=[Task(id="x", name="Hire MLOps", phase="design", duration=8, depends_on=[Dependency(task="a2")])],
    )


def test_scenario_against_current_has_exact_deltas_sorted_by_impact(plan):
    plan.scenarios = [_what_if()]
    result = compare(plan, "current", "what-if", risk=False)
    # d2 -> [35,75); m1 waits for d2 (FF) only -> 75: five working days later.
    assert (result.finish_a, result.finish_b, result.finish_delta) == (dt.date(2026, 8, 7), dt.date(2026, 8, 14), 5)
    assert [(t.id, t.status, t.start_delta, t.finish_delta, t.duration_delta, t.impact) for t in result.tasks] == [
        ("d1", "removed", None, None, None, 30),
        ("d2", "changed", 0, 20, 20, 20),
        ("x", "added", None, None, None, 8),
        ("m1", "changed", 5, 5, 0, 5),
    ]
    assert result.unchanged == 2  # a1, a2
    x = result.tasks[2]
    assert (x.start_b, x.finish_b, x.start_a) == (dt.date(2026, 6, 29), dt.date(2026, 7, 8), None)  # [40,48)
    assert result.p80_a is None and result.p80_delta is None
    assert (result.a, result.b) == ("current", "scenario:what-if")


def test_baseline_against_current_after_an_edit(document):
    document.add_baseline(freeze_schedule(document.plan, "v1", created=dt.date(2026, 5, 1)))
    document.update_task("a1", duration=35)  # everything after a1 moves five days
    result = compare(document.plan, "v1", "current", risk=False)
    moves = {t.id: (t.start_delta, t.finish_delta, t.duration_delta) for t in result.tasks}
    assert moves == {"a1": (0, 5, 5), "a2": (5, 5, 0), "d1": (5, 5, 0), "d2": (5, 5, 0), "m1": (5, 5, 0)}
    assert result.tasks[0].id == "a1" and result.finish_delta == 5 and result.unchanged == 0
    # The other way round the moves change sign.
    back = compare(document.plan, "current", "baseline:v1", risk=False)
    assert back.finish_delta == -5 and {t.id: t.finish_delta for t in back.tasks}["a1"] == -5


def test_comparing_a_side_with_itself_shows_no_change(plan):
    plan.scenarios = [_what_if()]
    result = compare(plan, "what-if", "scenario:what-if", risk=False)
    assert result.tasks == [] and result.finish_delta == 0 and result.unchanged == 5 and result.people == []


def test_json_form_is_plain_data(plan):
    plan.scenarios = [_what_if()]
    data = json.loads(json.dumps(compare(plan, "current", "what-if", risk=False).to_dict()))
    assert data["project"]["finish_delta"] == 5 and data["project"]["finish_b"] == "2026-08-14"
    assert data["tasks"][1] == {
        "id": "d2", "name": "Governance Framework", "status": "changed",
        "start_a": "2026-06-22", "start_b": "2026-06-22", "finish_a": "2026-07-17", "finish_b": "2026-08-14",
        "duration_a": 20, "duration_b": 40, "start_delta": 0, "finish_delta": 20, "duration_delta": 20,
        "critical_b": True, "impact": 20,
    }


def test_names_resolve_and_bad_names_say_what_exists(plan):
    plan.scenarios = [Scenario(name="x"), Scenario(name="only-scenario")]
    plan.baselines = [freeze_schedule(plan, "x", created=dt.date(2026, 5, 1))]
    assert resolve_side(plan, "current") == SideRef("current", "current")
    assert resolve_side(plan, "only-scenario") == SideRef("scenario", "only-scenario")
    assert resolve_side(plan, "baseline:x").label == "baseline:x"
    with pytest.raises(EditError, match="both a baseline and a scenario"):
        resolve_side(plan, "x")
    with pytest.raises(EditError, match=r"no baseline named 'y' \(baselines: 'x'\)"):
        resolve_side(plan, "baseline:y")
    with pytest.raises(EditError, match="not 'current', a baseline or a scenario"):
        resolve_side(plan, "nothing")


def test_a_second_person_takes_the_over_allocation_away(plan):
    from aiplanner.model import Assignment, Person, RoleDemand

    pm = [RoleDemand(role="ai-product-manager", fte=1.0)]
    plan.task("d1").demands = pm
    plan.task("d2").demands = pm
    plan.people = [Person(id="ann", name="Ann")]
    plan.assignments = [Assignment(person="ann", role="ai-product-manager")]
    plan.scenarios = [Scenario(name="hire", people=[Person(id="bo", name="Bo")],
                               assignments=[Assignment(person="bo", role="ai-product-manager")])]
    result = compare(plan, "current", "hire", risk=False)
    assert result.tasks == [] and result.finish_delta == 0
    # d1 [40,70) and d2 [35,55) overlap on [40,55): Ann carries 2 FTE for three whole weeks;
    # with Bo holding the role too the demand splits evenly: 1 FTE each.
    people = {p.id: (p.peak_a, p.peak_b, p.over_weeks_a, p.over_weeks_b) for p in result.people}
    assert people == {"ann": (2.0, 1.0, 3, 0), "bo": (None, 1.0, 0, 0)}
    assert result.people[0].id == "ann" and result.people[0].over_weeks_delta == -3


def test_findings_that_appear_and_disappear(plan):
    from aiplanner.model import Assignment, Person, RoleDemand

    plan.task("a1").deadline = dt.date(2026, 6, 12)  # a1 finishes on exactly that day
    plan.task("d1").demands = plan.task("d2").demands = [RoleDemand(role="ai-product-manager", fte=1.0)]
    plan.people = [Person(id="ann", name="Ann")]
    plan.assignments = [Assignment(person="ann", role="ai-product-manager")]
    plan.scenarios = [Scenario(name="slow but staffed", overrides=[TaskOverride(task="a1", duration=35)],
                               people=[Person(id="bo", name="Bo")],
                               assignments=[Assignment(person="bo", role="ai-product-manager")])]
    result = compare(plan, "current", "slow but staffed", risk=False)
    assert result.findings_compared
    assert [f.key for f in result.appeared] == ["timeline.missed-deadline tasks=a1"]
    assert [f.key for f in result.disappeared] == ["staffing.over-allocated tasks=d1,d2 people=ann"]
    assert "a1" in result.appeared[0].message or "Current State Analysis" in result.appeared[0].message


def test_p80_delta_with_a_fixed_seed(plan):
    from aiplanner.model import Estimate

    # Degenerate estimates make the simulation exact: P80 == the finish date.
    plan.task("a1").estimate = Estimate(optimistic=30, likely=30, pessimistic=30)
    plan.task("d1").estimate = Estimate(optimistic=20, likely=30, pessimistic=60)
    plan.scenarios = [Scenario(name="sure", overrides=[
        TaskOverride(task="d1", clear=["estimate"])])]  # d1 certain: no more risk on it
    result = compare(plan, "current", "sure")
    assert result.p80_b == result.finish_b == dt.date(2026, 8, 7)
    assert result.p80_a > result.finish_a  # d1 may take up to 60 days
    assert result.p80_delta < 0
    again = compare(plan, "current", "sure")
    assert (again.p80_a, again.p80_b) == (result.p80_a, result.p80_b)  # same seed, same answer
