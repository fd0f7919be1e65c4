"""The task table's right-click menu: open, insert, delete, move to a phase, link to the selection."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from aiplanner.ui.tasks.model import COLUMN_INDEX


def _index(window, task_id):
    tree = window.tree
    return tree.proxy.mapFromSource(tree.source.task_index(task_id, COLUMN_INDEX["name"]))


def _menu(window, task_id):
    return window.tree.context_menu_at(_index(window, task_id))


def _items(menu):
    out = {}
    for action in menu.actions():
        if action.menu() is not None:
            out[action.text()] = {a.text(): a for a in action.menu().actions()}
        elif action.text():
            out[action.text()] = action
    return out


def _trigger(menu, start):
    action = next(a for text, a in _items(menu).items() if text.startswith(start))
    action.trigger()


def test_open_insert_and_delete_from_the_menu(main_window, qtbot):
    window = main_window
    session = window.session
    with qtbot.waitSignal(window.tree.openTaskEditor) as opened:
        _trigger(_menu(window, "a2"), "Open")
    assert opened.args == ["a2"]
    _trigger(_menu(window, "a2"), "Insert task below")
    new = window.tree.current_task_id()
    assert [t.id for t in session.plan.tasks_in_phase("assessment")] == ["a1", "a2", new]
    window.tree.closePersistentEditor(window.tree.currentIndex())
    _trigger(_menu(window, new), "Delete")
    assert new not in session.plan.task_index()
    assert session.undo_stack.count() == 2


def test_move_the_selection_into_another_phase_as_one_step(main_window):
    window = main_window
    session = window.session
    window.tree.select_tasks(["a1", "a2"])
    menu = _menu(window, "a2")
    phases = _items(menu)["Move to phase"]
    assert not phases["Assessment"].isEnabled()
    phases["Design"].trigger()
    assert [t.phase for t in session.plan.tasks if t.id in ("a1", "a2")] == ["design", "design"]
    assert session.undo_stack.count() == 1
    window.actions_by_name["undo"].trigger()
    assert session.plan.task("a1").phase == "assessment"


def test_link_the_clicked_task_to_the_selection_either_way(main_window, qtbot):
    window = main_window
    session = window.session
    window.tree.select_tasks(["a1"])
    # Right-clicking another row keeps the selection: the menu links to it.
    tree = window.tree
    rect = tree.visualRect(_index(window, "d2"))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.RightButton, pos=rect.center())
    assert tree.selected_task_ids() == ["a1"]
    _trigger(_menu(window, "d2"), "Link: “Governance Framework” after")
    assert any(d.task == "a1" for d in session.plan.task("d2").depends_on)
    window.tree.select_tasks(["m1"])
    refused = []
    session.editRefused.connect(refused.append)
    count = session.undo_stack.count()
    _trigger(_menu(window, "a1"), "Link: “Current State Analysis” after")  # would close a loop
    assert refused and "cycle" in refused[-1]
    assert session.undo_stack.count() == count
    assert not any(d.task == "m1" for d in session.plan.task("a1").depends_on)


def test_link_and_unlink_the_selected_tasks_one_after_the_other(main_window):
    window = main_window
    session = window.session
    session.document.update_task("d2", depends_on=[])
    window.tree.select_tasks(["d1", "d2"])
    _trigger(_menu(window, "d1"), "Link the 2 selected tasks")
    assert [d.task for d in session.plan.task("d2").depends_on] == ["d1"]
    window.actions_by_name["unlink_tasks"].trigger()
    assert session.plan.task("d2").depends_on == []
    window.tree.select_tasks(["d2", "d1"])  # the table's order decides, not the click order
    window.actions_by_name["link_tasks"].trigger()
    assert [d.task for d in session.plan.task("d2").depends_on] == ["d1"]


def test_a_phase_row_offers_to_insert_and_fold(main_window):
    window = main_window
    tree = window.tree
    index = tree.proxy.mapFromSource(tree.source.phase_index("design"))
    menu = tree.context_menu_at(index)
    items = _items(menu)
    assert "Insert task in this phase" in items and "Collapse the phase" in items
    items["Collapse the phase"].trigger()
    assert "design" in tree.folded_phases()
