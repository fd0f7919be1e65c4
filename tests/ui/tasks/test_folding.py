"""Collapsible phases in the real window: the tree folds, the Gantt follows row for row."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from aiplanner.ui.commands import EditTaskCommand, ReplacePlanCommand
from aiplanner.ui.tasks.model import COLUMN_INDEX


def _phase_index(window, phase_id, column=0):
    tree = window.tree
    return tree.proxy.mapFromSource(tree.source.phase_index(phase_id, column))


def _row_index(window, kind, key):
    tree = window.tree
    source = tree.source.phase_index(key) if kind == "phase" else tree.source.task_index(key)
    return tree.proxy.mapFromSource(source)


def assert_aligned(window):
    """Same rows in the same order, and each tree row's top is the Gantt row's top."""
    tree, gantt = window.tree, window.gantt
    keys = tree.visible_row_keys()
    assert [(r.kind, r.id) for r in gantt.scene.rows] == keys
    assert gantt.row_count() == len(keys)
    scroll = gantt.verticalScrollBar().value()
    assert tree.verticalScrollBar().value() == scroll
    for row, (kind, key) in enumerate(keys):
        rect = tree.visualRect(_row_index(window, kind, key))
        assert rect.height() == gantt.row_height()
        assert rect.top() == gantt.pixel_of(0, row).y() - gantt.row_height() // 2 == row * gantt.row_height() - scroll


def _drawn_links(window):
    """The links the Gantt paints for its visible rows (what paint_chart draws)."""
    index = window.gantt.index
    return {(link.pred, link.succ) for link in index.links_in(0, index.row_count)}


def test_branch_arrow_collapses_a_phase_and_the_gantt_follows(main_window, qtbot):
    tree = main_window.tree
    assert _drawn_links(main_window) == {("a1", "a2"), ("a2", "d1"), ("a2", "d2"), ("d1", "m1"), ("d2", "m1")}
    rect = tree.visualRect(_phase_index(main_window, "assessment"))
    arrow = QPoint(max(rect.left() - tree.indentation() // 2, 2), rect.center().y())
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=arrow)
    assert tree.folded_phases() == {"assessment"}
    assert tree.visible_row_keys() == [("phase", "assessment"), ("phase", "design"), ("task", "d1"),
                                       ("task", "d2"), ("task", "m1")]
    assert tree.visualRect(_row_index(main_window, "task", "a1")).isEmpty()
    assert_aligned(main_window)
    # The phase row keeps its summary bar; links from the hidden tasks are not drawn.
    band = next(b for b in main_window.gantt.scene.bands if b.phase == "assessment")
    assert band.collapsed and band.row0 == band.row1 == 0 and band.tasks == 2
    span = main_window.session.schedule.phases["assessment"]
    assert main_window.gantt.scene.date_at(band.x0) == span.start
    assert main_window.gantt.row_of("a1") is None and main_window.gantt.index.item_of.get("a2") is None
    assert _drawn_links(main_window) == {("d1", "m1"), ("d2", "m1")}
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=arrow)
    assert tree.folded_phases() == set()
    assert len(main_window.gantt.scene.rows) == 7
    assert_aligned(main_window)


def test_left_right_and_double_click_on_a_phase_row(main_window, qtbot):
    tree = main_window.tree
    tree.setFocus()
    tree.setCurrentIndex(_phase_index(main_window, "design"))
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert tree.folded_phases() == {"design"}
    assert [(r.kind, r.id) for r in main_window.gantt.scene.rows][-1] == ("phase", "design")
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert tree.folded_phases() == set() and main_window.gantt.row_of("m1") == 6
    # Left on a task row still moves between cells; it does not fold anything.
    tree.setCurrentIndex(_row_index(main_window, "task", "d1").siblingAtColumn(COLUMN_INDEX["duration"]))
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert tree.folded_phases() == set() and tree.currentIndex().column() != COLUMN_INDEX["duration"]
    # Double-click on a phase row's computed cell toggles it, as Qt does.
    cell = tree.visualRect(_phase_index(main_window, "design", COLUMN_INDEX["duration"])).center()
    qtbot.mousePress(tree.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseRelease(tree.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert tree.folded_phases() == {"design"}
    assert_aligned(main_window)


def test_collapsing_the_phase_of_the_current_task_moves_the_selection_to_the_phase(main_window, qtbot):
    tree = main_window.tree
    main_window.session.select_tasks(["a2"])
    assert tree.current_task_id() == "a2"
    tree.set_phase_expanded("assessment", False)
    assert tree.current_task_id() is None and tree.currentIndex().parent().isValid() is False
    assert main_window.session.selection == []
    # Tasks selected in a phase that folds are deselected: Delete cannot remove what nobody sees.
    tree.set_phase_expanded("assessment", True)
    main_window.session.select_tasks(["d1", "a1", "d2"])
    assert tree.current_task_id() == "d1"
    tree.set_phase_expanded("assessment", False)
    assert main_window.session.selection == ["d1", "d2"] and tree.current_task_id() == "d1"
    main_window.actions_by_name["delete_task"].trigger()
    assert [t.id for t in main_window.session.plan.tasks] == ["a1", "a2", "m1"]


def test_expand_and_collapse_all_from_the_menu_and_keys(main_window, qtbot):
    acts = main_window.actions_by_name
    acts["collapse_phases"].trigger()
    assert main_window.tree.visible_row_keys() == [("phase", "assessment"), ("phase", "design")]
    assert [(r.kind, r.id) for r in main_window.gantt.scene.rows] == main_window.tree.visible_row_keys()
    assert main_window.gantt.scene.links == ()
    acts["expand_phases"].trigger()
    assert len(main_window.tree.visible_row_keys()) == 7
    main_window.activateWindow()
    main_window.tree.setFocus()
    qtbot.keyClick(main_window.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert main_window.tree.folded_phases() == {"assessment", "design"}
    qtbot.keyClick(main_window.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert main_window.tree.folded_phases() == set()
    assert_aligned(main_window)
    text = main_window.show_shortcuts().browser.toPlainText()
    assert "Collapse all phases" in text and "Expand all phases" in text and "Ctrl+Shift+Left" in text


def test_folding_survives_edits_undo_reschedule_plan_swaps_filter_and_sort(main_window, qtbot):
    session, tree = main_window.session, main_window.tree
    tree.set_phase_expanded("assessment", False)
    session.push(EditTaskCommand(session, "a1", duration=40))  # inside the collapsed phase
    session.push(EditTaskCommand(session, "d1", duration=12))
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.redo()
    session.reschedule()
    assert tree.folded_phases() == {"assessment"}
    assert_aligned(main_window)
    band = next(b for b in main_window.gantt.scene.bands if b.phase == "assessment")
    assert main_window.gantt.scene.date_at(band.x1 - 1) == session.schedule.phases["assessment"].finish
    # A bulk edit swaps the whole plan (the tree model resets): still collapsed, and after its undo.
    bulk = session.plan.model_copy(deep=True)
    bulk.tasks[1].duration = 3
    session.push(ReplacePlanCommand(session, "bulk", bulk))
    session.undo_stack.undo()
    assert tree.folded_phases() == {"assessment"} and not tree.isExpanded(_phase_index(main_window, "assessment"))
    # Filter, then clear it: the phase comes back collapsed; a sort keeps it.
    main_window.filter_edit.setText("analysis")
    assert_aligned(main_window)
    main_window.filter_edit.clear()
    tree.sortByColumn(COLUMN_INDEX["duration"], Qt.SortOrder.DescendingOrder)
    assert tree.visible_row_keys()[:2] == [("phase", "assessment"), ("phase", "design")]
    assert tree.visible_row_keys()[2:4] == [("task", "d1"), ("task", "d2")]
    assert_aligned(main_window)


def test_folding_survives_scenario_switching(main_window, qtbot):
    session, tree = main_window.session, main_window.tree
    main_window.actions_by_name["new_scenario"].trigger()
    tree.set_phase_expanded("design", False)
    combo = main_window.workshop_bar.scenario_combo
    combo.setCurrentIndex(combo.findData("Scenario"))  # the tool bar's scenario chooser
    assert main_window.lens.scenario == "Scenario"
    assert tree.folded_phases() == {"design"} and not tree.isExpanded(_phase_index(main_window, "design"))
    assert_aligned(main_window)
    combo.setCurrentIndex(0)
    assert main_window.lens.scenario is None and tree.visible_row_keys()[-1] == ("phase", "design")
    assert_aligned(main_window)


def test_selecting_a_hidden_task_elsewhere_expands_its_phase(main_window, qtbot):
    tree = main_window.tree
    tree.collapse_all_phases()
    main_window.session.select_tasks(["d2"])  # as a click in the Findings or Network view does
    assert tree.folded_phases() == {"assessment"}
    assert tree.current_task_id() == "d2" and not tree.visualRect(tree.currentIndex()).isEmpty()
    assert main_window.gantt.row_of("d2") == 3
    assert_aligned(main_window)
    # Moving a task into a collapsed phase shows it where it went.
    tree.set_phase_expanded("assessment", False)
    main_window.session.select_tasks(["d1"])
    main_window.actions_by_name["outdent"].trigger()
    assert main_window.session.plan.task("d1").phase == "assessment"
    assert tree.folded_phases() == set() and tree.current_task_id() == "d1"


def test_folding_is_remembered_per_file(main_window, qtbot, prompts, plan_file, tmp_path):
    from aiplanner.ui.main_window import MainWindow

    main_window.tree.set_phase_expanded("design", False)
    other = tmp_path / "other.aiplan"
    other.write_bytes(plan_file.read_bytes())
    assert main_window.files.open_path(other)
    assert main_window.tree.folded_phases() == set()  # a file never folded opens expanded
    assert main_window.files.open_path(plan_file)
    assert main_window.tree.folded_phases() == {"design"}
    assert_aligned(main_window)
    main_window.close()

    second = MainWindow()
    second.risk_view.auto_run = False
    second.prompts = second.files.prompts = prompts
    qtbot.addWidget(second)
    assert second.files.open_path(plan_file)
    assert second.tree.folded_phases() == {"design"}
    assert [(r.kind, r.id) for r in second.gantt.scene.rows][-1] == ("phase", "design")
    second.close()


def test_clicking_a_finding_expands_the_phase_of_its_tasks(main_window, qtbot):
    tree, findings = main_window.tree, main_window.findings_view
    tree.collapse_all_phases()
    findings.refresh()
    row = next(i for i, f in enumerate(findings.model.findings) if f.rule == "timeline.phase-length")
    findings.activate(row)
    assert main_window.session.selection == ["a1", "a2"]
    assert tree.folded_phases() == {"design"} and tree.selected_task_ids() == ["a1", "a2"]
    assert main_window.gantt.row_of("a1") == 1
    assert_aligned(main_window)


def test_double_click_on_a_phase_row_of_the_gantt_folds_it(main_window, qtbot):
    gantt = main_window.gantt
    band = next(b for b in gantt.scene.bands if b.phase == "design")
    where = gantt.pixel_of((band.x0 + band.x1) / 2, band.row0)
    qtbot.mouseDClick(gantt.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert main_window.tree.folded_phases() == {"design"}
    assert_aligned(main_window)
    qtbot.mouseDClick(gantt.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert main_window.tree.folded_phases() == set() and gantt.row_of("m1") == 6
