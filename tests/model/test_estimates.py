"""Estimates and durations stay one story: a duration edit takes the three-point estimate with it.

Every edit path goes through the document (the window's table, Gantt and
task editor, the workshop's scenario overrides, ``aiplanner scenario
--duration``), so these tests hold the document to it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiplanner.catalog import build_plan
from aiplanner.model import Document, Estimate, Phase, Plan, Scenario, Task, apply_scenario


def one_task(duration=10, estimate=Estimate(optimistic=8, likely=10, pessimistic=12)) -> Document:
    return Document(Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
                         tasks=[Task(id="a", name="A", phase="p", duration=duration, estimate=estimate)]))


def test_a_duration_edit_scales_the_estimate_keeping_its_spread():
    document = one_task()
    old = document.update_task("a", duration=20)
    assert document.plan.task("a").estimate == Estimate(optimistic=16, likely=20, pessimistic=24)
    assert old == {"duration": 10, "estimate": Estimate(optimistic=8, likely=10, pessimistic=12)}
    document.update_task("a", **old)  # undo restores both
    assert document.plan.task("a").estimate == Estimate(optimistic=8, likely=10, pessimistic=12)


def test_the_event_says_the_estimate_changed_too():
    document = one_task()
    seen = []
    document.events.connect(seen.append)
    document.update_task("a", duration=15)
    assert seen[-1].details["fields"] == ("duration", "estimate")


def test_an_estimate_given_with_the_duration_wins():
    document = one_task()
    document.update_task("a", duration=20, estimate=Estimate(optimistic=10, likely=20, pessimistic=40))
    assert document.plan.task("a").estimate.pessimistic == 40


def test_no_estimate_stays_none_and_a_milestone_drops_it():
    document = one_task(estimate=None)
    document.update_task("a", duration=20)
    assert document.plan.task("a").estimate is None
    document = one_task()
    document.update_task("a", duration=0)
    assert document.plan.task("a").estimate is None


def test_an_estimate_left_behind_is_re_centred_on_the_new_duration():
    document = one_task(duration=20)  # 8/10/12 no longer covers 20 (edited elsewhere)
    document.update_task("a", duration=30)
    assert document.plan.task("a").estimate == Estimate(optimistic=24, likely=30, pessimistic=36)


def test_a_refused_edit_changes_nothing():
    document = one_task()
    with pytest.raises(Exception):
        document.update_task("a", duration=-3)
    assert document.plan.task("a").estimate == Estimate(optimistic=8, likely=10, pessimistic=12)


@given(old=st.integers(1, 400), new=st.integers(1, 400), low=st.floats(0.3, 1.0), high=st.floats(1.0, 3.0))
def test_a_rescaled_estimate_covers_the_new_duration_and_keeps_its_ratios(old, new, low, high):
    est = Estimate(optimistic=round(old * low, 1), likely=float(old), pessimistic=round(old * high, 1))
    moved = est.rescaled(old, new)
    assert moved.covers(new) and moved.likely == new
    assert moved.optimistic == pytest.approx(est.optimistic * new / old, abs=0.051)
    assert moved.pessimistic == pytest.approx(est.pessimistic * new / old, abs=0.051)


def test_a_scenario_duration_override_takes_the_estimate_with_it():
    document = Document(build_plan("coe", dt.date(2026, 5, 4)))
    document.add_scenario(Scenario(name="longer"))
    plan_estimate = document.plan.task("b-platform").estimate
    previous = document.set_task_override("longer", "b-platform", duration=70)
    shown = apply_scenario(document.plan, "longer").task("b-platform")
    assert shown.estimate == plan_estimate.rescaled(35, 70) and shown.estimate.covers(70)
    document.set_task_override("longer", "b-platform", duration=35)  # back to the plan's: its own estimate
    assert document.plan.scenarios[0].override_for("b-platform").estimate is None
    document.set_task_override("longer", "b-platform", override=previous)  # undo
    assert document.plan.scenarios[0].override_for("b-platform") is None
    assert document.plan.task("b-platform").estimate == plan_estimate  # the plan itself never moved


def test_a_scenario_milestone_override_clears_the_estimate():
    document = Document(build_plan("coe", dt.date(2026, 5, 4)))
    document.add_scenario(Scenario(name="cut"))
    document.set_task_override("cut", "b-library", duration=0)
    override = document.plan.scenarios[0].override_for("b-library")
    assert override.clear == ["estimate"] and apply_scenario(document.plan, "cut").task("b-library").estimate is None
