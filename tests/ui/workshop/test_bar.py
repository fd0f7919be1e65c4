"""The workshop tool bar: named baselines, the baseline chooser (ghosts, Compare), the scenario chooser."""

from __future__ import annotations

from aiplanner.ui.commands import EditTaskCommand


def _ghost_finishes(window) -> dict:
    return {g.task_id: g for g in window.gantt.scene.ghosts}


def test_capture_asks_for_a_name_and_undo_removes_it(qtbot, main_window, prompts):
    prompts.texts = ["Kick-off"]
    assert main_window.actions_by_name["capture_baseline"].trigger() is None
    plan = main_window.session.plan
    assert [b.name for b in plan.baselines] == ["Kick-off"]
    assert prompts.questions[-1][0] == "Capture baseline"
    assert main_window.workshop_bar.baseline_combo.findText("Kick-off") == 1
    prompts.texts = [None]  # cancelled: nothing captured
    main_window.actions_by_name["capture_baseline"].trigger()
    assert len(main_window.session.plan.baselines) == 1
    prompts.texts = ["Kick-off"]  # taken: refused with a message, nothing changed
    main_window.actions_by_name["capture_baseline"].trigger()
    assert len(main_window.session.plan.baselines) == 1 and "already exists" in prompts.errors[-1][1]
    main_window.session.undo_stack.undo()
    assert main_window.session.plan.baselines == [] and main_window.workshop_bar.baseline_combo.count() == 1


def test_choosing_a_baseline_sets_the_ghosts_and_compare(qtbot, main_window, prompts):
    session, bar = main_window.session, main_window.workshop_bar
    prompts.texts = ["before"]
    main_window.actions_by_name["capture_baseline"].trigger()
    session.push(EditTaskCommand(session, "a1", duration=45))
    prompts.texts = ["after"]
    main_window.actions_by_name["capture_baseline"].trigger()
    assert main_window.gantt.scene.ghosts == ()  # captured, not shown until chosen
    assert [bar.baseline_combo.itemText(i) for i in range(bar.baseline_combo.count())] == ["None", "before", "after"]

    bar.baseline_combo.setCurrentText("before")
    before = _ghost_finishes(main_window)
    assert before and main_window.actions_by_name["baseline_ghosts"].isChecked()
    bar.baseline_combo.setCurrentText("after")
    after = _ghost_finishes(main_window)
    assert after["a1"].x1 - after["a1"].x0 > before["a1"].x1 - before["a1"].x0  # a1 got longer in between
    main_window.actions_by_name["compare"].trigger()
    assert main_window.compare_dialog.side_a.currentText() == "baseline:after"
    bar.set_baseline("before")
    assert main_window.compare_dialog.side_a.currentText() == "baseline:before"
    assert "(+15 working days)" in main_window.compare_dialog.summary.text()

    bar.baseline_combo.setCurrentIndex(0)  # None: no ghosts, action unchecked; choosing is not an edit
    assert main_window.gantt.scene.ghosts == ()
    assert not main_window.actions_by_name["baseline_ghosts"].isChecked()
    assert session.undo_stack.undoText() == "Capture baseline after"
    session.undo_stack.undo()  # the shown baseline goes away: back to None
    bar.set_baseline("before")
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert bar.baseline_name() is None and main_window.gantt.scene.ghosts == ()


def _bar(window, task_id):
    return next(b for b in window.gantt.scene.bars if b.task_id == task_id)


def _duration_cell(window, task_id) -> str:
    from aiplanner.ui.tasks.columns import COLUMNS

    model = window.tree.source
    column = next(i for i, c in enumerate(COLUMNS) if c.key == "duration")
    return model.data(model.task_index(task_id, column))


def test_choosing_a_scenario_shows_it_in_gantt_table_and_status(qtbot, main_window, prompts):
    from aiplanner.model import Scenario, TaskOverride
    from aiplanner.ui.commands import AddTaskCommand
    from aiplanner.ui.workshop.commands import AddScenarioCommand

    session, bar = main_window.session, main_window.workshop_bar
    session.push(AddScenarioCommand(session, Scenario(name="fast", overrides=[TaskOverride(task="a1", duration=20)])))
    combo = bar.scenario_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Plan", "fast"]
    plan_width = _bar(main_window, "a1").x1 - _bar(main_window, "a1").x0
    plan_finish = main_window.status.finish.text()
    assert _duration_cell(main_window, "a1").startswith("30")

    combo.setCurrentText("fast")  # a view setting: nothing on the undo stack
    assert main_window.lens.scenario == "fast" and session.undo_stack.undoText().startswith("Add scenario")
    assert _bar(main_window, "a1").x1 - _bar(main_window, "a1").x0 < plan_width
    assert _duration_cell(main_window, "a1").startswith("20")
    shown = main_window.status.finish.text()
    assert shown.startswith("Scenario fast: finish") and plan_finish.split()[1] not in shown  # 10 days earlier
    assert "Showing scenario fast" in main_window.statusBar().currentMessage()

    # An edit in the table goes into the scenario's overrides; the plan stays as it is.
    model = main_window.tree.source
    from aiplanner.ui.tasks.columns import COLUMNS

    column = next(i for i, c in enumerate(COLUMNS) if c.key == "duration")
    assert model.setData(model.task_index("a2", column), "4")
    assert session.plan.task("a2").duration == 10 and main_window.lens.plan.task("a2").duration == 4
    assert _duration_cell(main_window, "a2").startswith("4")
    refused = []
    session.editRefused.connect(refused.append)
    new = session.plan.task("a2").model_copy(update={"id": "zz", "depends_on": []})
    assert not main_window.lens.try_push(AddTaskCommand(main_window.lens, new, 0))
    assert "not possible in a scenario" in refused[-1] and "zz" not in session.plan.task_index()
    session.undo_stack.undo()  # the override goes
    assert main_window.lens.plan.task("a2").duration == 10

    combo.setCurrentIndex(0)  # back to the plan
    assert main_window.lens.scenario is None
    assert _bar(main_window, "a1").x1 - _bar(main_window, "a1").x0 == plan_width
    assert main_window.status.finish.text() == plan_finish and _duration_cell(main_window, "a1").startswith("30")

    bar.set_scenario("fast")
    session.undo_stack.undo()  # the shown scenario is removed: the plan is shown again
    assert main_window.lens.scenario is None and combo.currentText() == "Plan" and combo.count() == 1
    assert _duration_cell(main_window, "a1").startswith("30")


def test_scenario_p80_in_the_status_bar_after_painting(qtbot, main_window):
    from aiplanner.model import Scenario, TaskOverride
    from aiplanner.ui.workshop.commands import AddScenarioCommand

    session = main_window.session
    session.push(AddScenarioCommand(session, Scenario(name="slow", overrides=[TaskOverride(task="a1", duration=40)])))
    main_window.workshop_bar.set_scenario("slow")
    qtbot.waitUntil(lambda: main_window.status.p80.text().startswith("P80 2"), timeout=3000)


def test_alt_s_and_alt_b_move_the_keyboard_focus_to_the_boxes(qtbot, main_window):
    from PySide6.QtCore import Qt

    main_window.activateWindow()
    main_window.tree.setFocus()
    qtbot.keyClick(main_window.tree, Qt.Key_S, Qt.AltModifier)
    assert main_window.workshop_bar.scenario_combo.hasFocus()
    qtbot.keyClick(main_window.workshop_bar.scenario_combo, Qt.Key_B, Qt.AltModifier)
    assert main_window.workshop_bar.baseline_combo.hasFocus()
