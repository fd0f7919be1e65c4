from __future__ import annotations

import pytest

from aiplanner.model.plan import RoleDemand
from aiplanner.ui.commands import EditTaskCommand
from tests.ui.views.conftest import is_blank, save_grab

pytest.importorskip("aiplanner.schedule.level")


@pytest.fixture
def overloaded(view_session):
    # d1 and d2 run in parallel and both need the product manager full time; Ben alone holds it.
    s = view_session
    s.push(EditTaskCommand(s, "d1", demands=[RoleDemand(role="ai-product-manager", fte=0.5)]))
    s.push(EditTaskCommand(s, "d2", demands=[RoleDemand(role="ai-product-manager", fte=0.5)]))
    from aiplanner.model.plan import Assignment
    from aiplanner.ui.commands import EditPlanCommand

    s.push(EditPlanCommand(s, "Ben alone", assignments=[Assignment(person="ben", role="ai-product-manager")]))
    s.undo_stack.clear()
    return s


def test_preview_apply_and_undo(qtbot, overloaded):
    from aiplanner.ui.views.level_dialog import LevelDialog

    s = overloaded
    before = {t.id: s.schedule.tasks[t.id].start for t in s.plan.tasks}
    dialog = LevelDialog(s)
    qtbot.addWidget(dialog)
    assert dialog.moves, "two parallel half-time tasks on a half-time person must be levelled"
    assert dialog.table.rowCount() == len(dialog.moves)
    moved = {m.task for m in dialog.moves}
    assert moved & {"d1", "d2"}
    dialog.show()
    save_grab(dialog, "level")
    assert not is_blank(dialog.table.viewport())
    assert s.undo_stack.count() == 0  # a preview changes nothing
    assert dialog.apply()
    assert s.undo_stack.count() == 1
    after = {t.id: s.schedule.tasks[t.id].start for t in s.plan.tasks}
    assert any(after[t] > before[t] for t in moved)
    from aiplanner.schedule.load import compute_load

    assert not compute_load(s.plan, s.schedule).over_allocations()
    s.undo_stack.undo()
    assert {t.id: s.schedule.tasks[t.id].start for t in s.plan.tasks} == before


def test_level_action_enabled_in_people_view(qtbot, overloaded):
    from aiplanner.ui.views.people_view import PeopleView

    view = PeopleView(overloaded)
    qtbot.addWidget(view)
    assert view.level_action.isEnabled()
