"""The Summary view: the report's first page in the window, kept up to date off the GUI thread."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from aiplanner.checks.summary import DEFAULT_ITERATIONS, DEFAULT_SEED, executive_summary
from aiplanner.ui.views.summary_view import SummaryView
from tests.ui.views.conftest import is_blank, save_grab


def shown(qtbot, view, timeout=20_000):
    qtbot.waitUntil(lambda: view.summary is not None and view.summary is view._results.get(view.key()),
                    timeout=timeout)
    return view.summary


def test_shows_the_same_summary_as_the_report(qtbot, view_session):
    view = SummaryView(view_session)
    qtbot.addWidget(view)
    view.resize(1000, 480)
    view.show()
    summary = shown(qtbot, view)
    assert summary == executive_summary(view_session.plan, iterations=DEFAULT_ITERATIONS, seed=DEFAULT_SEED)
    assert set(view.panel.tiles) == {"schedule", "staffing", "risk", "health"}
    tile = view.panel.tiles["staffing"]
    assert summary.area("staffing").rag.upper() in tile.text() and tile.toolTip() == summary.area("staffing").rule
    save_grab(view, "summary")
    assert not is_blank(view.panel)
    view.shutdown()


def test_an_edit_is_summarised_again_and_undo_shows_the_kept_result(qtbot, view_session):
    view = SummaryView(view_session)
    qtbot.addWidget(view)
    view.show()
    first = shown(qtbot, view)
    from aiplanner.ui.commands import EditTaskCommand

    task = view_session.plan.tasks[0]
    view_session.push(EditTaskCommand(view_session, task.id, text="longer", duration=task.duration + 10))
    second = shown(qtbot, view)
    assert second.finish > first.finish
    view_session.undo_stack.undo()
    qtbot.waitUntil(lambda: view.summary == first)
    view.shutdown()


def test_the_status_date_box_is_an_undoable_edit(qtbot, view_session):
    view = SummaryView(view_session)
    qtbot.addWidget(view)
    assert view_session.plan.status_date is None and not view.status_box.isChecked()
    view.status_box.setChecked(True)
    view.status_date.setDate(QDate(2026, 6, 12))
    assert view_session.plan.status_date == dt.date(2026, 6, 12)
    view.show()
    assert shown(qtbot, view).progress.status_date == dt.date(2026, 6, 12)
    while view_session.undo_stack.canUndo():
        view_session.undo_stack.undo()
    assert view_session.plan.status_date is None and not view.status_box.isChecked()
    view.shutdown()


def test_nothing_is_computed_while_hidden(qtbot, view_session):
    view = SummaryView(view_session)
    qtbot.addWidget(view)
    qtbot.wait(700)
    assert view.summary is None and view.thread is None
