"""What the window shows never goes stale: a drag and an undo refresh every cell that changed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt

from tests.ui.gantt.test_view import bar_point, drag

_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole)


def _cells(model):
    """Every cell of the table as {(row key, column): (text, colour)}."""
    from aiplanner.ui.tasks.model import ROW_KEY_ROLE

    cells = {}
    for p in range(model.rowCount()):
        phase = model.index(p, 0)
        rows = [phase] + [model.index(r, 0, phase) for r in range(model.rowCount(phase))]
        for row in rows:
            key = row.data(ROW_KEY_ROLE)
            for c in range(model.columnCount()):
                index = row.siblingAtColumn(c)
                brush = index.data(Qt.ItemDataRole.ForegroundRole)
                cells[(key, c)] = (index.data(Qt.ItemDataRole.DisplayRole), brush.color().name() if brush else None)
    return cells


class _Refreshes:
    """Which cells the table model announced as changed (what the view repaints)."""

    def __init__(self, model) -> None:
        from aiplanner.ui.tasks.model import ROW_KEY_ROLE

        self.model = model
        self.seen: set = set()
        self._key = ROW_KEY_ROLE
        model.dataChanged.connect(self._changed)

    def _changed(self, top_left, bottom_right, roles=()):
        parent = top_left.parent()
        for r in range(top_left.row(), bottom_right.row() + 1):
            key = self.model.index(r, 0, parent).data(self._key)
            for c in range(top_left.column(), bottom_right.column() + 1):
                self.seen.add((key, c))


def _assert_refreshed(before, after, refreshes):
    changed = {cell for cell in after if before.get(cell) != after[cell]}
    assert changed, "the edit changed nothing the table shows"
    stale = sorted(changed - refreshes.seen)
    assert not stale, f"cells changed but were never refreshed: {stale}"


def test_a_drag_and_its_undo_refresh_every_cell_that_changed(main_window, qtbot):
    window = main_window
    model = window.tree.source
    gantt = window.gantt
    session = window.session
    assert session.schedule.tasks["a1"].critical
    before = _cells(model)
    refreshes = _Refreshes(model)
    start = session.schedule.tasks["a2"].start
    p = bar_point(gantt, "a2")
    drag(qtbot, gantt, p, p + QPoint(round(10 * gantt.scale.px_per_day), 0))
    assert session.schedule.tasks["a2"].start > start
    assert not session.schedule.tasks["a1"].critical  # a1 now has float: its name is no longer red
    moved = _cells(model)
    _assert_refreshed(before, moved, refreshes)

    refreshes.seen.clear()
    window.actions_by_name["undo"].trigger()
    assert session.schedule.tasks["a2"].start == start
    after = _cells(model)
    assert after == before  # what the table shows is the plan's again: phase length, critical colours
    _assert_refreshed(moved, after, refreshes)


def test_a_lag_typed_with_a_no_break_space_is_kept(main_window, qtbot):
    """Typed into the predecessors cell as a user would, with a no-break space (AltGr+Space)."""
    from aiplanner.ui.tasks.model import COLUMN_INDEX

    window = main_window
    tree = window.tree
    for text, lag in (("a1FS+\u00a02", 2), ("a1\u00a0SS\u202f+\u00a03d", 3)):
        index = tree.proxy.mapFromSource(tree.source.task_index("a2", COLUMN_INDEX["predecessors"]))
        tree.setCurrentIndex(index)
        tree.setFocus()
        qtbot.keyClick(tree, Qt.Key.Key_F2)
        editor = tree.indexWidget(index)
        editor.selectAll()
        editor.insert(text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda lag=lag: window.session.plan.task("a2").depends_on[0].lag == lag, timeout=2000)
    assert window.session.plan.task("a2").depends_on[0].type == "SS"


def test_text_that_is_no_link_is_refused_with_a_message_not_dropped(main_window, prompts, qtbot):
    from aiplanner.ui.tasks.model import COLUMN_INDEX

    model = main_window.tree.source
    index = model.task_index("a2", COLUMN_INDEX["predecessors"])
    refused = []
    main_window.session.editRefused.connect(refused.append)
    assert not model.setData(index, "a1FS+\u00a0x")
    assert refused and "a1FS+" in refused[-1]
    assert main_window.session.plan.task("a2").depends_on[0].task == "a1"
