from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.model.plan import Absence
from aiplanner.ui.views.people_view import PeopleView
from tests.ui.views.conftest import is_blank, save_grab


@pytest.fixture
def people(qtbot, view_session):
    view = PeopleView(view_session)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    return view


def test_edit_capacity_and_name_undoable(people, view_session):
    m = people.people_model
    assert m.rowCount() == 2
    assert m.setData(m.index(1, 2), "0.8")
    assert view_session.plan.people[1].capacity == 0.8
    assert not m.setData(m.index(1, 2), "-1")
    assert "ben" in m.error and view_session.plan.people[1].capacity == 0.8
    assert m.setData(m.index(0, 1), "Ana María Ruiz")
    view_session.undo_stack.undo()
    view_session.undo_stack.undo()
    assert view_session.plan.people[1].capacity == 0.5 and view_session.plan.people[0].name == "Ana Ruiz"


def test_assign_role_share(people, view_session):
    m = people.assign_model
    assert m.columnCount() == 1 and m.data(m.index(0, 0)) == "60%"
    assert m.setData(m.index(1, 0), "25%")
    assert m.share("ben", "ai-product-manager") == 0.25
    assert m.setData(m.index(1, 0), "")
    assert m.share("ben", "ai-product-manager") is None
    assert not m.setData(m.index(1, 0), "abc") and "percentage" in m.error
    view_session.undo_stack.undo()
    assert m.share("ben", "ai-product-manager") == 0.25


def test_add_remove_person_and_absences(people, view_session):
    assert people.add_person("cara", "Cara Lee", 1.0)
    assert not people.add_person("cara", "Cara again")
    assert people.remove_people(["ana"])
    plan = view_session.plan
    assert [p.id for p in plan.people] == ["ben", "cara"]
    assert all(a.person != "ana" for a in plan.assignments)
    view_session.undo_stack.undo()
    assert [p.id for p in view_session.plan.people] == ["ana", "ben", "cara"]
    assert people.set_absences("ben", [Absence(start=dt.date(2026, 5, 11), end=dt.date(2026, 5, 15))])
    assert view_session.plan.people[1].absences[0].end == dt.date(2026, 5, 15)


def test_heat_map_marks_over_allocation(people, view_session):
    # a1 demands 0.5 FTE of the product manager: Ana gets 0.6 of it = 0.3 FTE (fine);
    # raise the demand to 3 FTE so both people are over capacity.
    from aiplanner.model.plan import RoleDemand
    from aiplanner.ui.commands import EditTaskCommand

    load = people.load_model
    assert load.rowCount() == 2 and load.columnCount() > 10
    assert not load.table.over.any()
    view_session.push(EditTaskCommand(view_session, "a1", demands=[RoleDemand(role="ai-product-manager", fte=3)]))
    people.refresh_load()
    assert load.table.over[0, 0] and load.table.over[1, 0]
    tip = load.data(load.index(0, 0), 3)  # ToolTipRole
    assert "Over capacity because of: a1" in tip
    assert load.data(load.index(0, 0), 8).red() > 200  # BackgroundRole: red
    assert "Over capacity: Ana Ruiz (" in people.summary.text() and "Ben Okafor (" in people.summary.text()
    # Ana's absence week (1-5 June) has no capacity.
    week = load.table.periods.index(dt.date(2026, 6, 1))
    assert float(load.table.capacity[0, week]) == 0.0
    save_grab(people, "people")
    assert not is_blank(people.load_table.viewport())


def test_absence_dialog_adds_and_refuses_backwards_ranges(qtbot, view_session):
    from aiplanner.ui.views.absence_dialog import AbsenceDialog

    dialog = AbsenceDialog(view_session.plan.people[0])
    qtbot.addWidget(dialog)
    assert len(dialog.absences()) == 1
    dialog.start.set_date(dt.date(2026, 8, 10))
    dialog.end.set_date(dt.date(2026, 8, 14))
    dialog.note.setText("holiday")
    dialog._add()
    assert [a.note for a in dialog.absences()] == ["", "holiday"]
    dialog.start.set_date(dt.date(2026, 9, 10))
    dialog.end.set_date(dt.date(2026, 9, 1))
    dialog._add()
    assert "ends before" in dialog.error.text() and len(dialog.absences()) == 2
    dialog.list.setCurrentRow(0)
    dialog._remove()
    assert [a.note for a in dialog.absences()] == ["holiday"]


def test_demand_per_role_shows_unstaffed_work(people, view_session):
    from aiplanner.model.plan import Role, RoleDemand
    from aiplanner.ui.commands import EditPlanCommand, EditTaskCommand

    roles = list(view_session.plan.roles) + [Role(id="mlops-engineer", name="MLOps Engineer")]
    view_session.push(EditPlanCommand(view_session, "Add role", roles=roles))
    view_session.push(EditTaskCommand(view_session, "a2", demands=[RoleDemand(role="mlops-engineer", fte=1)]))
    people.load_by.setCurrentIndex(1)
    load = people.load_model
    assert load.by == "role" and load.names == ["AI Product Manager", "MLOps Engineer"]
    week = load.table.periods.index(view_session.schedule.tasks["a2"].start)
    assert load.table.over[1, week]
    assert load.data(load.index(1, week)) == "5.0 d"
    assert "Nobody holds this role" in load.data(load.index(1, week), 3)
    assert "Nobody holds: MLOps Engineer" in people.summary.text()


def test_refusals_are_announced_once(qtbot, people, view_session):
    from aiplanner.ui.commands import EditTaskCommand

    messages = []
    people.message.connect(messages.append)
    m = people.assign_model
    assert not m.setData(m.index(0, 0), "150%")
    assert messages == ["share must be between 0% and 100%, not '150%'"]
    view_session.push(EditTaskCommand(view_session, "a2", duration=12))  # later edits repeat nothing
    assert len(messages) == 1
