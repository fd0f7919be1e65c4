"""The scenario lens and the scenario/baseline undo commands."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.model import Dependency, EditError, Scenario, TaskOverride
from aiplanner.schedule.baseline import freeze_schedule
from aiplanner.ui.commands import AddDependencyCommand, EditTaskCommand, RemoveTaskCommand
from aiplanner.ui.workshop.commands import (
    AddBaselineCommand, AddScenarioCommand, RemoveScenarioCommand, RenameScenarioCommand, SetTaskOverrideCommand,
)
from aiplanner.ui.workshop.lens import ScenarioLens


@pytest.fixture
def session(qtbot, plan):
    from aiplanner.model.document import Document
    from aiplanner.ui.session import PlanSession

    plan.scenarios = [Scenario(name="s", overrides=[TaskOverride(task="a1", duration=20)])]
    s = PlanSession(Document(plan))
    yield s
    s.undo_stack.cleanChanged.disconnect()


def test_lens_shows_the_scenario_and_turns_edits_into_overrides(qtbot, session):
    lens = ScenarioLens(session)
    assert lens.plan is session.plan and lens.schedule is session.schedule
    with qtbot.waitSignal(lens.scheduleChanged):
        lens.set_scenario("s")
    assert lens.plan.task("a1").duration == 20 and lens.schedule.finish == dt.date(2026, 7, 24)
    lens.push(AddDependencyCommand(lens, "d2", Dependency(task="d1")))
    assert [d.task for d in session.plan.scenarios[0].override_for("d2").depends_on] == ["a2", "d1"]
    assert [d.task for d in session.plan.task("d2").depends_on] == ["a2"]
    assert lens.schedule.tasks["d2"].es == 60  # after d1 [30,60) in the scenario
    with pytest.raises(EditError, match="only durations"):
        lens.push(EditTaskCommand(lens, "a1", name="Renamed"))
    with pytest.raises(EditError, match="not possible in a scenario"):
        lens.push(RemoveTaskCommand(lens, "a2"))
    session.undo_stack.undo()
    assert session.plan.scenarios[0].override_for("d2") is None
    assert lens.schedule.tasks["d2"].es == 25


def test_lens_follows_plan_edits_renames_and_removals(qtbot, session):
    lens = ScenarioLens(session)
    lens.set_scenario("s")
    session.push(EditTaskCommand(session, "a2", duration=15))  # the plan changes: so does the scenario
    assert lens.plan.task("a2").duration == 15 and lens.schedule.tasks["d1"].es == 35
    session.push(RenameScenarioCommand(session, "s", "fast"))
    assert lens.scenario == "fast"
    with qtbot.waitSignal(lens.scenarioChanged) as signal:
        session.push(RemoveScenarioCommand(session, "fast"))
    assert signal.args == [""] and lens.scenario is None and lens.plan is session.plan
    session.undo_stack.undo()
    assert [s.name for s in session.plan.scenarios] == ["fast"]


def test_scenario_and_baseline_commands_undo(qtbot, session):
    session.push(AddScenarioCommand(session, Scenario(name="hire")))
    session.push(SetTaskOverrideCommand(session, "hire", "d1", duration=12))
    session.push(AddBaselineCommand(session, freeze_schedule(session.plan, "v1", created=dt.date(2026, 5, 1))))
    assert [b.name for b in session.plan.baselines] == ["v1"]
    with pytest.raises(EditError):
        session.push(SetTaskOverrideCommand(session, "hire", "nope", duration=1))
    with pytest.raises(EditError, match="cannot change name"):
        session.push(SetTaskOverrideCommand(session, "hire", "d1", name="x"))
    assert session.undo_stack.count() == 3  # refused edits never reach the stack
    for _ in range(3):
        session.undo_stack.undo()
    assert [s.name for s in session.plan.scenarios] == ["s"] and session.plan.baselines == []
