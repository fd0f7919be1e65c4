"""New from a pattern, import/export, help, keyboard editing of the task tree, status bar."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from aiplanner.ui.tasks.model import COLUMN_INDEX


def _select(window, task_id, key="name"):
    tree = window.tree
    tree.setFocus()
    tree.select_task(task_id, COLUMN_INDEX[key])


@pytest.mark.parametrize("pattern", ["coe", "federated", "product-teams"])
def test_new_plan_from_each_pattern_through_the_wizard(main_window, prompts, pattern):
    def fill(wizard):
        wizard.choose(pattern)
        assert "works well when" in wizard.description.toPlainText().lower()
        wizard.set_start(dt.date(2026, 6, 1))
        wizard.name.setText(f"Rollout {pattern}")
        return True

    prompts.accept_dialogs.append(fill)
    main_window.actions_by_name["new"].trigger()
    session = main_window.session
    assert session.plan.name == f"Rollout {pattern}" and session.plan.pattern == pattern
    assert session.plan.start == dt.date(2026, 6, 1) and len(session.plan.tasks) > 5
    assert session.path is None and session.dirty and session.undo_stack.count() == 0
    assert "(not saved)" in main_window.windowTitle()
    assert main_window.tree.source.rowCount() == len(session.plan.phases)


def test_new_plan_for_the_whole_journey_is_the_commands(main_window, prompts, tmp_path, capsys):
    from aiplanner.cli import main
    from aiplanner.io.native import load_plan

    def fill(wizard):
        wizard.choose("coe")
        wizard.choose_horizon("maturity")
        wizard.set_start(dt.date(2026, 6, 1))
        return True

    prompts.accept_dialogs.append(fill)
    main_window.actions_by_name["new"].trigger()
    plan = main_window.session.plan
    assert main(["new", "--pattern", "coe", "--start", "2026-06-01", "--horizon", "maturity",
                 "-o", str(tmp_path / "journey.aiplan")]) == 0
    capsys.readouterr()
    expected = load_plan(tmp_path / "journey.aiplan")
    assert [p.id for p in plan.phases] == [p.id for p in expected.phases]
    assert [p.id for p in plan.phases][4:] == ["stage-enabling", "stage-federated", "stage-products"]
    assert [(t.id, t.duration) for t in plan.tasks] == [(t.id, t.duration) for t in expected.tasks]
    finish = main_window.session.schedule.finish
    assert 18 <= (finish - plan.start).days / 30.44 <= 24  # the source's months to maturity
    assert main_window.status.finish.text().startswith(f"Finish {finish.isoformat()} (")


def test_cycle_typed_in_the_table_is_refused_with_a_message(main_window, qtbot, prompts):
    before = main_window.session.plan.model_dump()
    index = main_window.tree.source.task_index("a1", COLUMN_INDEX["predecessors"])
    assert not main_window.tree.source.setData(index, "d2SS")
    qtbot.waitUntil(lambda: bool(prompts.errors))
    title, text = prompts.errors[-1]
    assert title == "Edit refused" and "Governance Framework (d2)" in text and "cycle" in text
    assert main_window.session.plan.model_dump() == before
    assert main_window.session.undo_stack.count() == 0


def test_keyboard_insert_delete_move_and_change_phase(main_window, qtbot):
    session = main_window.session
    tree = main_window.tree
    _select(main_window, "a1")
    qtbot.keyClick(tree, Qt.Key.Key_Insert)
    new_id = tree.current_task_id()
    assert new_id not in ("a1", None) and session.plan.task(new_id).phase == "assessment"
    tree.closePersistentEditor(tree.currentIndex())
    qtbot.keyClick(tree.focusWidget(), Qt.Key.Key_Escape)
    ids = [t.id for t in session.plan.tasks_in_phase("assessment")]
    assert ids == ["a1", new_id, "a2"]
    _select(main_window, new_id)
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [t.id for t in session.plan.tasks_in_phase("assessment")] == [new_id, "a1", "a2"]
    qtbot.keyClick(tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.plan.task(new_id).phase == "design"
    assert session.plan.tasks_in_phase("design")[0].id == new_id
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert new_id not in session.plan.task_index()
    for _ in range(4):
        session.undo_stack.undo()
    assert new_id not in session.plan.task_index() and session.undo_stack.index() == 0


def test_delete_several_tasks_is_one_undo_step(main_window, qtbot):
    session = main_window.session
    session.select_tasks(["a2", "d2"])
    main_window.tree.setFocus()
    main_window.actions_by_name["delete_task"].trigger()
    assert "a2" not in session.plan.task_index() and "d2" not in session.plan.task_index()
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.plan.task("d1").depends_on[0].task == "a2"


def test_task_editor_applies_one_step_and_refuses_with_reason(main_window):
    dialog = main_window.open_task_editor("d1")
    dialog.duration.setText("4w")
    dialog.demands.setText("ai-product-manager:0.5")
    assert dialog.apply()
    task = main_window.session.plan.task("d1")
    assert task.duration == 20 and task.demands[0].fte == 0.5
    assert main_window.session.undo_stack.count() == 1
    dialog.predecessors.setText("m1")
    assert not dialog.apply()
    assert dialog.error.isVisibleTo(dialog) and "cycle" in dialog.error.text()
    dialog.close()


def test_enter_on_a_name_opens_the_editor(main_window, qtbot):
    _select(main_window, "a2")
    with qtbot.waitSignal(main_window.tree.openTaskEditor) as opened:
        qtbot.keyClick(main_window.tree, Qt.Key.Key_Return)
    assert opened.args == ["a2"]


def test_filter_keeps_gantt_rows_aligned(main_window):
    main_window.filter_edit.setText("design")
    keys = main_window.tree.visible_row_keys()
    assert keys == [("phase", "design"), ("task", "d1"), ("task", "m1")]
    gantt_rows = [(r.kind, r.id) for r in main_window.gantt.scene.rows]
    assert gantt_rows == keys
    main_window.filter_edit.clear()
    assert [(r.kind, r.id) for r in main_window.gantt.scene.rows] == main_window.tree.visible_row_keys()


def test_sorting_is_mirrored_in_the_gantt(main_window):
    main_window.tree.sortByColumn(COLUMN_INDEX["duration"], Qt.SortOrder.AscendingOrder)
    rows = [(r.kind, r.id) for r in main_window.gantt.scene.rows]
    assert rows[:3] == [("phase", "assessment"), ("task", "a2"), ("task", "a1")]
    assert rows == main_window.tree.visible_row_keys()


def test_status_bar_shows_finish_checks_and_p80(main_window):
    status = main_window.status
    assert status.finish.text().startswith("Finish 2026-")
    assert "warning" in status.findings.text()
    assert status.saved.text() == "Saved"

    class Result:
        percentiles = {50.0: dt.date(2026, 9, 1), 80.0: dt.date(2026, 9, 15)}

    main_window.session.set_risk_result(Result())
    assert status.p80.text() == "P80 2026-09-15"


def test_help_lists_shortcuts_guide_and_version(main_window):
    from aiplanner import __version__

    dialog = main_window.show_shortcuts()
    text = dialog.browser.toPlainText()
    for needle in ("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+S", "Ins", "Del", "Ctrl+Up", "Alt+Shift+Right", "F2"):
        assert needle in text, needle
    dialog.close()
    guide = main_window.show_guide().browser.toPlainText()
    for needle in ("AI Center of Excellence", "Federated", "AI Product Manager", "MLOps Engineer",
                   "AI Enablement Lead"):
        assert needle in guide, needle
    box = main_window.show_about()
    assert __version__ in box.text()
    box.close()


def test_import_a_mermaid_file_through_the_menu(main_window, prompts, tmp_path):
    source = tmp_path / "timeline.mmd"
    source.write_text("gantt\n  title Imported\n  dateFormat YYYY-MM-DD\n  section Assessment\n"
                      "  Current State Analysis :a1, 2026-05-04, 30d\n  Gap Analysis :a2, after a1, 10d\n")
    prompts.paths.append(str(source))
    main_window.actions_by_name["import"].trigger()
    session = main_window.session
    assert [t.id for t in session.plan.tasks] == ["a1", "a2"]
    assert session.path is None and session.dirty


def test_import_failure_is_shown(main_window, prompts, tmp_path):
    source = tmp_path / "bad.mmd"
    source.write_text("gantt\n  section A\n  Broken task :a1, after nowhere, 3d\n")
    prompts.paths.append(str(source))
    main_window.actions_by_name["import"].trigger()
    assert prompts.errors and prompts.errors[-1][0] == "Cannot import"
    assert main_window.session.plan.name == "Test plan"


def test_export_through_the_menu_uses_the_cli_options(main_window, prompts, tmp_path):
    out = tmp_path / "chart.svg"

    def fill(dialog):
        assert "paper" in dialog.fields and "dpi" in dialog.fields
        dialog.set_format("svg")
        dialog.output.setText(str(out))
        dialog.set_value("paper", "a3")
        dialog.set_value("scale", "months")
        assert dialog.options()["scale"] == "months"
        assert dialog.options()["paper"] == "a4"  # an SVG chart has no paper: the option is hidden, not passed
        return True

    prompts.accept_dialogs.append(fill)
    assert main_window.export_dialog()
    assert out.read_bytes().lstrip().startswith((b"<?xml", b"<svg"))
    assert main_window.settings.value("export/paper") == "a3"


def test_dock_contents_show_only_when_their_tab_is_raised(main_window, qtbot):
    assert main_window.findings_view.isVisible()
    assert not main_window.risk_view.isVisible()  # matplotlib stays unloaded at start
    main_window.docks["risk"].raise_()
    qtbot.waitUntil(main_window.risk_view.isVisible, timeout=2000)


@pytest.mark.parametrize(("fmt", "magic"), [("csv", b"id"), ("mermaid", b"gantt"), ("mspdi", b"<?xml"),
                                            ("ics", b"BEGIN:VCALENDAR"), ("json", b"{"), ("pdf", b"%PDF")])
def test_export_each_format_through_the_dialog(main_window, prompts, tmp_path, fmt, magic):
    from aiplanner.io.exporters import get_exporter

    out = tmp_path / f"out{get_exporter(fmt).suffix}"

    def fill(dialog):
        dialog.set_format(fmt)
        assert dialog.output.text().endswith(get_exporter(fmt).suffix)
        dialog.output.setText(str(out))
        if fmt == "pdf":
            dialog.set_value("sections", "cover,timeline")
        return True

    prompts.accept_dialogs.append(fill)
    main_window.actions_by_name["export"].trigger()
    assert not prompts.errors, prompts.errors
    assert magic in out.read_bytes()[:200]


@pytest.mark.parametrize("fmt", ["csv", "mermaid", "mspdi"])
def test_export_then_import_round_trip_through_the_menus(main_window, prompts, tmp_path, fmt):
    from aiplanner.io.exporters import get_exporter

    out = tmp_path / f"round{get_exporter(fmt).suffix}"

    def fill(dialog):
        dialog.set_format(fmt)
        dialog.output.setText(str(out))
        return True

    before = [t.id for t in main_window.session.plan.tasks]
    prompts.accept_dialogs.append(fill)
    assert main_window.export_dialog()
    prompts.paths.append(str(out))
    main_window.actions_by_name["import"].trigger()
    assert not prompts.errors, prompts.errors
    assert [t.id for t in main_window.session.plan.tasks] == before
    assert main_window.session.path is None and main_window.session.dirty


def test_bad_export_option_is_refused_with_a_message(main_window, prompts, tmp_path):
    def fill(dialog):
        dialog.set_format("png")
        dialog.output.setText(str(tmp_path / "x.png"))
        dialog.set_value("date_from", "not a date")
        return True

    prompts.accept_dialogs.append(fill)
    assert not main_window.export_dialog()
    assert prompts.errors and "date" in prompts.errors[-1][1]
    assert not (tmp_path / "x.png").exists()


def test_tab_commits_and_moves_to_the_next_cell(main_window, qtbot):
    tree = main_window.tree
    _select(main_window, "a2", "duration")
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = tree.indexWidget(tree.currentIndex())
    editor.selectAll()
    qtbot.keyClicks(editor, "12")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: main_window.session.plan.task("a2").duration == 12, timeout=2000)
    qtbot.waitUntil(lambda: tree.currentIndex().column() == COLUMN_INDEX["id"], timeout=2000)  # the next column
    assert tree.state() == tree.State.EditingState


def test_selection_from_another_view_selects_the_row(main_window):
    main_window.session.select_tasks(["d2"])
    assert main_window.tree.current_task_id() == "d2"
    assert main_window.tree.selected_task_ids() == ["d2"]
    main_window.tree.select_task("m1")
    assert main_window.session.selection == ["m1"]


def test_every_view_is_reachable_from_the_keyboard(main_window, qtbot):
    main_window.activateWindow()
    for key, view in ((Qt.Key.Key_6, main_window.risk_view), (Qt.Key.Key_8, main_window.matrix_view),
                      (Qt.Key.Key_4, main_window.findings_view)):
        qtbot.keyClick(main_window, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(view.isVisible, timeout=2000)
    dialog = main_window.show_shortcuts()
    assert "Alt+6" in dialog.browser.toPlainText()
    dialog.close()


def test_double_click_on_a_task_name_opens_the_editor(main_window, qtbot):
    tree = main_window.tree
    index = tree.proxy.mapFromSource(tree.source.task_index("d1", COLUMN_INDEX["name"]))
    rect = tree.visualRect(index)
    with qtbot.waitSignal(tree.openTaskEditor) as opened:
        qtbot.mousePress(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseRelease(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == ["d1"]


def test_keys_inside_a_cell_editor_stay_in_the_editor(main_window, qtbot):
    tree = main_window.tree
    _select(main_window, "a2", "name")
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = tree.indexWidget(tree.currentIndex())
    editor.setCursorPosition(0)
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_Insert):
        qtbot.keyClick(editor, key)
    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main_window.session.plan.task("a2").name == "ap Analysis", timeout=2000)
    assert [t.id for t in main_window.session.plan.tasks_in_phase("assessment")] == ["a1", "a2"]
    assert main_window.session.undo_stack.count() == 1


def test_plan_order_undoes_a_column_sort(main_window):
    main_window.tree.sortByColumn(COLUMN_INDEX["duration"], Qt.SortOrder.AscendingOrder)
    assert main_window.tree.visible_row_keys()[1] == ("task", "a2")
    main_window.actions_by_name["plan_order"].trigger()
    assert main_window.tree.visible_row_keys()[1:3] == [("task", "a1"), ("task", "a2")]
    assert [(r.kind, r.id) for r in main_window.gantt.scene.rows] == main_window.tree.visible_row_keys()


def test_tree_and_gantt_scroll_together_to_the_last_row(main_window, qtbot):
    from aiplanner.io.native import load_plan
    from aiplanner.model import Document
    from tests.conftest import SAMPLES

    main_window.set_document(Document(load_plan(SAMPLES / "enterprise-rollout.aiplan")))
    qtbot.wait(10)
    assert main_window.tree.viewport().height() == main_window.gantt.viewport().height()
    gantt_bar = main_window.gantt.verticalScrollBar()
    gantt_bar.setValue(gantt_bar.maximum())
    assert main_window.tree.verticalScrollBar().value() == gantt_bar.maximum() > 0
    last = main_window.tree.visible_row_keys()[-1][1]
    index = main_window.tree.proxy.mapFromSource(main_window.tree.source.task_index(last))
    tree_y = main_window.tree.visualRect(index).top()
    gantt_y = main_window.gantt.row_of(last) * main_window.gantt.row_height() - gantt_bar.value()
    assert tree_y == gantt_y
