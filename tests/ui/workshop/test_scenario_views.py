"""Every view of the window follows the scenario shown in the workshop tool bar.

The plan: Ann alone holds the product-manager role and ``a1`` needs 1.5 of
it, so she is over capacity; ``m1`` has a deadline the plan meets.
Scenario ``hire`` adds Bob to the role (nobody over capacity); scenario
``late`` makes ``a1`` longer, so ``m1`` misses its deadline.
"""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.model import (Assignment, Dependency, Estimate, Person, Phase, Plan, Role, RoleDemand, Scenario, Task,
                             TaskOverride)


@pytest.fixture
def plan():
    def dep(task):
        return Dependency(task=task)

    return Plan(
        name="Workshop plan", start=dt.date(2026, 5, 4),
        phases=[Phase(id="assessment", name="Assessment"), Phase(id="design", name="Design")],
        roles=[Role(id="ai-product-manager", name="AI Product Manager")],
        tasks=[Task(id="a1", name="Current State Analysis", phase="assessment", duration=30,
                    estimate=Estimate(optimistic=25, likely=30, pessimistic=50),
                    demands=[RoleDemand(role="ai-product-manager", fte=1.5)]),
               Task(id="a2", name="Gap Analysis", phase="assessment", duration=10, depends_on=[dep("a1")]),
               Task(id="m1", name="Design signed off", phase="design", duration=0, depends_on=[dep("a2")],
                    deadline=dt.date(2026, 6, 30))],
        people=[Person(id="ann", name="Ann")],
        assignments=[Assignment(person="ann", role="ai-product-manager")],
        scenarios=[Scenario(name="hire", people=[Person(id="bob", name="Bob")],
                            assignments=[Assignment(person="bob", role="ai-product-manager")]),
                   Scenario(name="late", overrides=[TaskOverride(task="a1", duration=45, estimate=Estimate(
                       optimistic=40, likely=45, pessimistic=70))])],
    )


def _without_scenarios(plan) -> dict:
    return plan.model_dump(exclude={"scenarios"})


def _load_summary(window) -> str:
    window.focus_dock("people")
    window.people_view.refresh_load()
    return window.people_view.summary.text()


def test_people_dock_shows_the_scenarios_load_and_returns(qtbot, main_window):
    bar, people = main_window.workshop_bar, main_window.people_view
    assert "Over capacity: Ann" in _load_summary(main_window)
    assert people.note.isHidden()
    bar.set_scenario("hire")
    assert "Nobody is over capacity" in _load_summary(main_window)
    assert [people.people_model.index(r, 1).data() for r in range(people.people_model.rowCount())] == ["Ann", "Bob"]
    assert people.load_model.rowCount() == 2 and not people.load_model.over_tasks
    assert not people.note.isHidden() and "Scenario: hire" in people.note.text()
    bar.set_scenario(None)
    assert "Over capacity: Ann" in _load_summary(main_window)
    assert people.load_model.rowCount() == 1 and people.load_model.over_tasks and people.note.isHidden()


def _rules(window) -> list[str]:
    window.findings_view.refresh()
    return [f.rule for f in window.findings_view.all_findings]


def test_findings_follow_the_scenario_and_select_its_tasks(qtbot, main_window):
    bar, findings = main_window.workshop_bar, main_window.findings_view
    assert "timeline.missed-deadline" not in _rules(main_window)
    bar.set_scenario("late")
    assert not findings.table.isEnabled() and "Checking scenario late" in findings.summary.text()
    qtbot.waitUntil(findings.table.isEnabled, timeout=2000)  # the checks run once the switch has painted
    assert "timeline.missed-deadline" in [f.rule for f in findings.all_findings]
    assert "Scenario: late" in findings.note.text() and main_window.status.findings.text().startswith("1 error")
    row = next(i for i, f in enumerate(findings.model.findings) if f.rule == "timeline.missed-deadline")
    findings.activate(row)
    assert main_window.lens.selection == ["m1"] and main_window.tree.current_task_id() == "m1"
    bar.set_scenario(None)
    assert "timeline.missed-deadline" not in _rules(main_window)


def test_risk_view_simulates_the_scenario_and_keeps_each_result(qtbot, main_window):
    risk, bar, lens = main_window.risk_view, main_window.workshop_bar, main_window.lens
    risk.iterations.setValue(100)
    main_window.focus_dock("risk")
    with qtbot.waitSignal(risk.simulated, timeout=10_000):
        risk.run()
    plan_p80 = risk.result.percentile(80)
    bar.set_scenario("late")
    assert risk.result is None and risk.table.rowCount() == 0 and "Scenario late" in risk.status.text()
    with qtbot.waitSignal(risk.simulated, timeout=10_000):
        risk.run()  # auto-run is off in window tests: the debounce would start it
    late_p80 = risk.result.percentile(80)
    assert late_p80 > plan_p80 and lens.risk_result is risk.result
    assert main_window.status.p80.text() == f"P80 {late_p80.isoformat()}"
    assert "Scenario: late" in risk.note.text()
    bar.set_scenario(None)  # simulated before: shown at once, nothing runs
    assert risk.thread is None and risk.result.percentile(80) == plan_p80
    assert main_window.status.p80.text() == f"P80 {plan_p80.isoformat()}"
    bar.set_scenario("late")
    assert risk.thread is None and risk.result.percentile(80) == late_p80


def test_staffing_edits_on_a_scenario_change_only_the_scenario(qtbot, main_window):
    session, bar, people = main_window.session, main_window.workshop_bar, main_window.people_view
    before = _without_scenarios(session.plan)
    bar.set_scenario("late")
    assert people.add_person("cy", "Cy")
    assert people.assign_model.assign("cy", "ai-product-manager", 0.5)
    assert people.assign_model.assign("ann", "ai-product-manager", 0.8)  # a plan assignment: staffing replaced
    assert _without_scenarios(session.plan) == before
    late = session.plan.scenarios[1]
    assert late.replace_staffing and {p.id for p in late.people} == {"ann", "cy"}
    assert {(a.person, a.share) for a in main_window.lens.plan.assignments} == {("ann", 0.8), ("cy", 0.5)}
    assert session.undo_stack.undoText() == "Assign ann to ai-product-manager (80%) in scenario late"
    for _ in range(3):
        session.undo_stack.undo()
    assert session.plan.scenarios[1].people == [] and not session.plan.scenarios[1].replace_staffing
    assert _without_scenarios(session.plan) == before


def test_level_on_a_scenario_moves_the_scenario_only(qtbot, main_window):
    from aiplanner.ui.workshop.commands import AddScenarioCommand
    from aiplanner.ui.views.level_dialog import LevelDialog

    session, lens = main_window.session, main_window.lens
    pm = "ai-product-manager"
    session.push(AddScenarioCommand(session, Scenario(
        name="busy", overrides=[TaskOverride(task="a1", demands=[RoleDemand(role=pm, fte=0.6)])],
        added_tasks=[Task(id="x1", name="Extra survey", phase="assessment", duration=10,
                          demands=[RoleDemand(role=pm, fte=0.6)])])))
    before = _without_scenarios(session.plan)
    main_window.workshop_bar.set_scenario("busy")
    assert "Over capacity: Ann" in _load_summary(main_window)
    dialog = LevelDialog(lens, main_window)
    assert dialog.apply_button.text() == "Apply to scenario busy" and dialog.moves
    assert "the plan itself does not move" in dialog.summary.text()
    moved = {m.task for m in dialog.moves if m.levelled}
    assert dialog.apply()
    assert _without_scenarios(session.plan) == before  # the plan did not move
    busy = session.plan.scenarios[-1]
    assert {o.task for o in busy.overrides if o.not_before is not None} == moved
    assert "Nobody is over capacity" in _load_summary(main_window)
    assert session.undo_stack.undoText().endswith("in scenario busy")
    session.undo_stack.undo()
    assert all(o.not_before is None for o in session.plan.scenarios[-1].overrides)
    assert "Over capacity: Ann" in _load_summary(main_window)


def test_matrix_edits_follow_the_scenario_and_metrics_are_read_only(qtbot, main_window):
    from PySide6.QtCore import Qt

    from aiplanner.model import Metric, ResponsibilityMatrix, ResponsibilityRow
    from aiplanner.ui.commands import EditPlanCommand

    session, bar = main_window.session, main_window.workshop_bar
    session.push(EditPlanCommand(session, "set up", metrics=[Metric(id="m", name="Adoption", category="value")],
                                 responsibilities=ResponsibilityMatrix(parties=["CoE"],
                                                                       rows=[ResponsibilityRow(function="Models")])))
    before = _without_scenarios(session.plan)
    bar.set_scenario("hire")
    matrix, metrics = main_window.matrix_view, main_window.metrics_view
    assert matrix.model.setData(matrix.model.index(0, 1), "owns")
    assert session.plan.scenarios[0].responsibilities.rows[0].cells == {"CoE": "owns"}
    assert _without_scenarios(session.plan) == before and "Scenario: hire" in matrix.note.text()
    cell = metrics.model.index(0, 2)
    assert not metrics.model.flags(cell) & Qt.ItemIsEditable
    assert not metrics.model.setData(cell, "80%") and "belong to the plan" in metrics.model.error
    assert "read-only" in metrics.note.text() and _without_scenarios(session.plan) == before
    bar.set_scenario(None)
    assert matrix.model.index(0, 1).data() == "" and metrics.model.flags(cell) & Qt.ItemIsEditable
    assert metrics.note.isHidden() and matrix.note.isHidden()


def test_a_shown_scenario_follows_staffing_edits_of_the_plan(qtbot, main_window):
    from aiplanner.ui.commands import EditPlanCommand

    session = main_window.session
    main_window.workshop_bar.set_scenario("hire")
    people = [*session.plan.people, Person(id="dee", name="Dee")]
    session.push(EditPlanCommand(session, "Add Dee", people=people))  # on the plan itself
    assert [p.id for p in main_window.lens.plan.people] == ["ann", "dee", "bob"]
    assert main_window.people_view.people_model.rowCount() == 3
