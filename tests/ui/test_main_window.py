"""The real window, driven by keys and menu actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from aiplanner.ui.task_model import COLUMN_INDEX


def _cell(window, task_id, key):
    tree = window.tree
    return tree.proxy.mapFromSource(tree.source.task_index(task_id, COLUMN_INDEX[key]))


def test_opening_is_not_an_edit(main_window):
    assert main_window.session.undo_stack.count() == 0
    assert not main_window.actions_by_name["undo"].isEnabled()
    assert not main_window.isWindowModified()
    assert main_window.windowTitle().startswith("test.aiplan")


def test_typing_in_a_cell_edits_and_undo_redo_through_the_menu(main_window, qtbot):
    tree = main_window.tree
    index = _cell(main_window, "a2", "duration")
    tree.setCurrentIndex(index)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = tree.indexWidget(index)
    assert editor is not None, tree.state()
    editor.selectAll()
    qtbot.keyClicks(editor, "3w")
    assert editor.text() == "3w"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on the next event-loop turn
    qtbot.waitUntil(lambda: main_window.session.plan.task("a2").duration == 15, timeout=2000)
    assert main_window.isWindowModified()
    assert main_window.undo_view.model().rowCount() == 2  # <opened> + the edit
    main_window.actions_by_name["undo"].trigger()
    assert main_window.session.plan.task("a2").duration == 10
    assert not main_window.isWindowModified()
    main_window.actions_by_name["redo"].trigger()
    assert main_window.session.plan.task("a2").duration == 15
    assert QKeySequence("Ctrl+Shift+Z") in main_window.actions_by_name["redo"].shortcuts()
