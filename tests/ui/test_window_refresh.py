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
