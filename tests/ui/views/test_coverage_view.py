"""The coverage view: four dimensions, twelve functions, gaps flagged, a click selects the work."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.catalog import build_plan
from aiplanner.model import Document
from aiplanner.ui.views.coverage_view import CoverageView
from tests.ui.views.conftest import is_blank, save_grab


@pytest.fixture
def session(qtbot):
    from aiplanner.ui.session import PlanSession

    session = PlanSession(Document(build_plan("coe", dt.date(2026, 5, 4))))
    yield session
    session.undo_stack.cleanChanged.disconnect()


def test_dimensions_and_functions_of_a_template(qtbot, session):
    view = CoverageView(session)
    qtbot.addWidget(view)
    assert view.tree.topLevelItemCount() == 4
    assert [view.tree.topLevelItem(i).childCount() for i in range(4)] == [3, 3, 3, 3]
    assert "11 of 12 functions" in view.summary.text() and "No work covers" not in view.summary.text()
    research = view.function_item("ai-research")
    assert research.text(4) == "optional" and "custom AI needs" in research.toolTip(0)
    assert "derived" in view.derived.text()


def test_deleting_work_opens_a_gap_and_undo_closes_it(qtbot, session):
    from aiplanner.ui.commands import RemoveTaskCommand

    view = CoverageView(session)
    qtbot.addWidget(view)
    view.show()  # a hidden view waits until it is shown
    (ops,) = [t.id for t in session.plan.tasks if "cost-management" in t.tags]
    session.push(RemoveTaskCommand(session, ops))
    qtbot.waitUntil(lambda: view.function_item("cost-management").text(4).startswith("gap"), timeout=3000)
    assert "Cost Management" in view.summary.text()
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: view.function_item("cost-management").text(4).startswith("covered"), timeout=3000)


def test_clicking_a_function_selects_its_tasks(qtbot, session):
    view = CoverageView(session)
    qtbot.addWidget(view)
    view.select(view.function_item("monitoring"))
    assert session.selection and all("monitoring" in session.plan.task(t).tags for t in session.selection)


def test_renders(qtbot, session):
    view = CoverageView(session)
    qtbot.addWidget(view)
    view.resize(1200, 420)
    view.show()
    save_grab(view, "coverage")
    assert not is_blank(view.tree.viewport())


def test_a_hidden_view_reads_the_plan_again_when_shown(qtbot, session):
    from aiplanner.ui.commands import RemoveTaskCommand

    view = CoverageView(session)
    qtbot.addWidget(view)
    session.push(RemoveTaskCommand(session, "b-ethics"))
    qtbot.wait(300)
    assert view.function_item("ethics-review").text(4).startswith("covered")  # not yet read again
    view.show()
    assert view.function_item("ethics-review").text(4).startswith("gap")
