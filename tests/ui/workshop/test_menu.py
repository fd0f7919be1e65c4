"""The workshop actions in the main window: F5, baselines and ghosts, scenarios and pattern switch."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from aiplanner.model import Scenario


def test_f5_opens_presentation_and_esc_leaves(qtbot, main_window):
    qtbot.keyClick(main_window, Qt.Key_F5)
    view = main_window.presentation
    qtbot.waitExposed(view)
    assert view.isFullScreen() and view.lens.session is main_window.session
    with qtbot.waitSignal(view.closed):
        qtbot.keyClick(view.gantt, Qt.Key_Escape)


def test_f5_presents_what_the_window_shows_and_the_window_follows_the_room(qtbot, main_window):
    from pathlib import Path

    window = main_window
    sample = Path(__file__).resolve().parents[3] / "samples" / "coe-rollout.aiplan"
    assert window.files.open_path(sample, ask=False)
    window.workshop_bar.set_scenario("Platform work starts early")
    window.workshop_bar.set_baseline("Kick-off plan")
    qtbot.keyClick(window, Qt.Key_F5)
    view = window.presentation
    qtbot.waitExposed(view)
    assert view.lens.scenario == "Platform work starts early"
    assert view.subtitle.text().startswith("Scenario: Platform work starts early")
    assert view.finish_label.text() == "Finish 30 Dec 2026"
    assert view.show_baseline and {g.task_id for g in view.gantt.scene.ghosts}
    assert "against baseline Kick-off plan" in view.subtitle.text()
    qtbot.keyClick(view.gantt, Qt.Key_S)  # the next scenario, chosen in front of the room ...
    chosen = view.lens.scenario
    assert chosen not in (None, "Platform work starts early")
    assert window.lens.scenario == chosen and window.workshop_bar.scenario_combo.currentText() == chosen
    qtbot.keyClick(view.gantt, Qt.Key_B)  # ... and the ghosts switched off
    assert window.workshop_bar.baseline_name() is None and window.gantt.scene.ghosts == ()
    with qtbot.waitSignal(view.closed):
        qtbot.keyClick(view.gantt, Qt.Key_Escape)
    assert window.lens.scenario == chosen  # ... is what the window shows afterwards


def test_capture_baseline_then_ghosts_in_the_gantt(qtbot, main_window):
    acts = main_window.actions_by_name
    acts["capture_baseline"].trigger()
    plan = main_window.session.plan
    assert len(plan.baselines) == 1 and plan.baselines[0].name.startswith("Baseline ")
    assert main_window.session.undo_stack.undoText().startswith("Capture baseline")
    assert main_window.gantt.scene.ghosts == ()
    acts["baseline_ghosts"].setChecked(True)
    assert {g.task_id for g in main_window.gantt.scene.ghosts} == {t.id for t in plan.tasks}
    main_window.session.undo_stack.undo()  # the baseline goes away: so do the ghosts
    assert main_window.gantt.scene.ghosts == ()


def test_new_scenario_and_pattern_switch_through_prompts(qtbot, main_window, prompts):
    from aiplanner.catalog import build_plan
    from aiplanner.model.document import Document

    plan = build_plan("coe", dt.date(2026, 5, 4))
    main_window.set_document(Document(plan))
    main_window.actions_by_name["new_scenario"].trigger()
    assert [s.name for s in main_window.session.plan.scenarios] == ["Scenario"]
    prompts.answers = ["Scenario", "Federated AI Teams"]
    main_window.actions_by_name["scenario_pattern"].trigger()
    scenario = main_window.session.plan.scenarios[0]
    assert scenario.pattern == "federated" and scenario.removed_tasks
    assert prompts.infos[-1][1].startswith("Pattern: AI Center of Excellence -> Federated AI Teams")
    main_window.session.undo_stack.undo()
    assert main_window.session.plan.scenarios[0] == Scenario(name="Scenario")


def test_compare_dialog_lists_deltas_by_impact(qtbot, main_window):
    from aiplanner.model import TaskOverride
    from aiplanner.ui.commands import EditTaskCommand
    from aiplanner.ui.workshop.commands import AddScenarioCommand

    session = main_window.session
    main_window.actions_by_name["capture_baseline"].trigger()
    session.push(AddScenarioCommand(session, Scenario(name="fast", overrides=[TaskOverride(task="a1", duration=20)])))
    main_window.actions_by_name["compare"].trigger()
    dialog = main_window.compare_dialog
    qtbot.waitExposed(dialog)
    assert dialog.side_a.currentText().startswith("baseline:") and dialog.side_b.currentText() == "current"
    assert dialog.tasks.rowCount() == 0 and "±0 working days" in dialog.summary.text()
    session.push(EditTaskCommand(session, "d2", duration=40))  # the open dialog follows the edit
    assert [dialog.tasks.item(r, 0).text() for r in range(dialog.tasks.rowCount())] == [
        "Governance Framework", "Design signed off"]
    assert dialog.tasks.item(0, 3).text() == "+20"
    dialog.set_sides("current", "scenario:fast")
    assert "(-10 working days)" in dialog.summary.text()  # a1 ten days shorter: everything after it moves
    dialog.tasks.selectRow(0)
    assert session.selection == [dialog.tasks.item(0, 0).data(Qt.ItemDataRole.UserRole)]
