"""The symptom checklist: answers are plan edits (undoable), they weigh on the findings, scenarios read only."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.catalog import build_plan
from aiplanner.model import Document
from aiplanner.ui.views.symptoms_view import ANSWER, NOTE, NOT_ANSWERED, SymptomsView
from tests.ui.views.conftest import is_blank, save_grab


@pytest.fixture
def session(qtbot):
    from aiplanner.ui.session import PlanSession

    session = PlanSession(Document(build_plan("coe", dt.date(2026, 5, 4))))
    yield session
    session.undo_stack.cleanChanged.disconnect()


def row_of(view, symptom_id):
    return [s.id for s in view.model.symptoms()].index(symptom_id)


def test_six_symptoms_unanswered_at_first(qtbot, session):
    view = SymptomsView(session)
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 6
    assert {model.index(r, ANSWER).data() for r in range(6)} == {NOT_ANSWERED}
    row = row_of(view, "rising-costs")
    assert "Run AI operations" in model.index(row, 4).data()  # the template's work that addresses it


def test_an_answer_and_a_note_are_undoable_plan_edits(qtbot, session):
    view = SymptomsView(session)
    qtbot.addWidget(view)
    model = view.model
    row = row_of(view, "compliance-gaps")
    assert model.setData(model.index(row, ANSWER), "Yes")
    assert model.setData(model.index(row, NOTE), "Chatbots fed with customer data")
    (answer,) = session.plan.symptoms
    assert (answer.symptom, answer.answer, answer.note) == ("compliance-gaps", "yes", "Chatbots fed with customer data")
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.plan.symptoms == []


def test_bad_answers_and_notes_without_an_answer_are_refused(qtbot, session):
    view = SymptomsView(session)
    qtbot.addWidget(view)
    model = view.model
    row = row_of(view, "rising-costs")
    with qtbot.waitSignal(view.message) as refused:
        assert not model.setData(model.index(row, ANSWER), "maybe")
    assert "Rising costs: answer Yes, Partly or No" in refused.args[0]
    assert not model.setData(model.index(row, NOTE), "a note first")
    assert session.plan.symptoms == [] and session.undo_stack.count() == 0


def test_an_answer_raises_the_finding_it_bears_on(qtbot, session):
    from aiplanner.checks import run_checks
    from aiplanner.ui.commands import RemoveTaskCommand

    for task in [t.id for t in session.plan.tasks if t.id in ("b-training",)]:
        session.push(RemoveTaskCommand(session, task))
    view = SymptomsView(session)
    qtbot.addWidget(view)
    before = {f.rule: f.severity for f in run_checks(session.plan)}
    assert before["pitfall.under-investment-in-enablement"] == "warning"
    view.model.setData(view.model.index(row_of(view, "slow-propagation"), ANSWER), "Yes")
    after = {f.rule: f.severity for f in run_checks(session.plan)}
    assert after["pitfall.under-investment-in-enablement"] == "error"


def test_renders(qtbot, session):
    view = SymptomsView(session)
    qtbot.addWidget(view)
    view.model.answer("compliance-gaps", "yes", "Customer data in public chatbots")
    view.resize(1100, 300)
    view.show()
    save_grab(view, "symptoms")
    assert not is_blank(view.table.viewport())
