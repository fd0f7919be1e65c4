"""Document edits of baselines and scenarios: checked first, announced, undoable."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.model import (
    Dependency, DependencyCycleError, DuplicateIdError, EditError, Phase, Scenario, Task,
    TaskOverride, apply_scenario,
)
from aiplanner.schedule.baseline import freeze_schedule


def record(document):
    events = []
    document.events.connect(events.append)
    return events


def test_baselines_add_rename_remove(document):
    events = record(document)
    baseline = freeze_schedule(document.plan, "v1", created=dt.date(2026, 5, 1))
    assert document.add_baseline(baseline) == 0
    with pytest.raises(DuplicateIdError):
        document.add_baseline(baseline)
    document.rename_baseline("v1", "kick-off")
    removed, index = document.remove_baseline("kick-off")
    assert (removed.name, index, document.plan.baselines) == ("kick-off", 0, [])
    assert [(e.kind, e.details["name"]) for e in events] == [
        ("baseline_added", "v1"), ("baseline_changed", "kick-off"), ("baseline_removed", "kick-off")]


def test_freeze_schedule_records_dates_and_staffing(plan):
    baseline = freeze_schedule(plan, "v1", created=dt.date(2026, 5, 1))
    frozen = baseline.task_index()
    assert (frozen["a1"].start, frozen["a1"].finish, frozen["a1"].duration) == (
        dt.date(2026, 5, 4), dt.date(2026, 6, 12), 30)
    assert frozen["m1"].milestone and frozen["m1"].start == frozen["m1"].finish == baseline.finish
    assert frozen["a1"].demands == plan.task("a1").demands
    plan.task("a1").duration = 5  # later edits leave the baseline alone
    assert baseline.task_index()["a1"].duration == 30


def test_scenarios_add_rename_update_remove(document):
    events = record(document)
    document.add_scenario(Scenario(name="fast"))
    with pytest.raises(DuplicateIdError):
        document.add_scenario(Scenario(name="fast"))
    with pytest.raises(EditError, match="unknown task 'zz'"):
        document.add_scenario(Scenario(name="bad", removed_tasks=["zz"]))
    document.rename_scenario("fast", "faster")
    old = document.update_scenario("faster", description="start the platform early", pattern="federated")
    assert old == {"description": "", "pattern": None}
    with pytest.raises(EditError):
        document.update_scenario("faster", pattern="nonsense")
    scenario, index = document.remove_scenario("faster")
    assert scenario.pattern == "federated" and index == 0
    assert [e.kind for e in events] == ["scenario_added", "scenario_changed", "scenario_changed", "scenario_removed"]


def test_set_task_override_merges_returns_previous_and_refuses_bad_edits(document):
    document.add_scenario(Scenario(name="s"))
    events = record(document)
    assert document.set_task_override("s", "a1", duration=20) is None
    previous = document.set_task_override("s", "a1", not_before=dt.date(2026, 6, 1))
    assert previous == TaskOverride(task="a1", duration=20)
    assert document.plan.scenarios[0].overrides == [
        TaskOverride(task="a1", duration=20, not_before=dt.date(2026, 6, 1))]
    assert events[-1].kind == "scenario_changed" and events[-1].tasks == ("a1",)
    with pytest.raises(EditError, match="unknown task 'nope'"):
        document.set_task_override("s", "nope", duration=1)
    with pytest.raises(DependencyCycleError):
        document.set_task_override("s", "a1", depends_on=[Dependency(task="m1")])
    with pytest.raises(EditError, match="duration"):
        document.set_task_override("s", "a1", duration=-1)
    # Undo = put the previous override back; None removes it.
    document.set_task_override("s", "a1", override=previous)
    assert document.plan.scenarios[0].overrides == [previous]
    document.set_task_override("s", "a1", override=None)
    assert document.plan.scenarios[0].overrides == []


def test_deleting_a_plan_task_takes_it_out_of_scenarios_and_undo_puts_it_back(document):
    document.add_scenario(Scenario(
        name="s", overrides=[TaskOverride(task="a2", duration=3), TaskOverride(task="d1", depends_on=[Dependency(task="a2")])],
        added_tasks=[Task(id="x", name="X", phase="design", duration=2, depends_on=[Dependency(task="a2")])]))
    before = document.plan.scenarios[0]
    task, index, links = document.remove_task("a2")
    after = document.plan.scenarios[0]
    assert [o.task for o in after.overrides] == ["d1"] and after.overrides[0].depends_on == []
    assert after.added_tasks[0].depends_on == []
    apply_scenario(document.plan, "s")  # still applies
    document.restore_task(task, index, links)
    assert document.plan.scenarios[0] == before


def test_renaming_a_task_renames_it_in_scenarios(document):
    document.add_scenario(Scenario(name="s", overrides=[TaskOverride(task="a2", duration=3)], removed_tasks=["d2"],
                                   added_tasks=[Task(id="x", name="X", phase="design", duration=2,
                                                     depends_on=[Dependency(task="a2")])]))
    document.rename_task("a2", "gap")
    scenario = document.plan.scenarios[0]
    assert scenario.overrides[0].task == "gap" and scenario.added_tasks[0].depends_on[0].task == "gap"
    document.rename_task("d2", "gov")
    assert document.plan.scenarios[0].removed_tasks == ["gov"]


def test_plan_edits_cannot_strand_a_scenario(document):
    document.add_phase(Phase(id="extra", name="Extra"))
    document.add_scenario(Scenario(name="s", added_tasks=[Task(id="x", name="X", phase="extra", duration=2)]))
    with pytest.raises(DuplicateIdError, match="scenario 's' already adds"):
        document.add_task(Task(id="x", name="Other X", phase="design", duration=1))
    with pytest.raises(EditError, match="scenario 's' still has tasks in phase 'extra'"):
        document.remove_phase("extra")
