"""The session reschedules incrementally on edits and always equals a full schedule."""

from __future__ import annotations

from aiplanner.model import Dependency
from aiplanner.schedule import schedule_plan
from aiplanner.ui.commands import AddDependencyCommand, EditTaskCommand, RemoveTaskCommand


def _same(session) -> None:
    full = schedule_plan(session.plan)
    got = session.schedule
    assert (got.finish_point, got.finish, got.critical_tasks()) == (full.finish_point, full.finish, full.critical_tasks())
    assert {t: got.tasks[t] for t in got.tasks} == {t: full.tasks[t] for t in full.tasks}


def test_edits_and_undo_keep_the_schedule_exact(session):
    scheduler = session._scheduler
    session.push(EditTaskCommand(session, "a1", duration=35))
    _same(session)
    assert session._scheduler is scheduler and scheduler.full_rebuilds == 1  # incremental
    session.push(AddDependencyCommand(session, "d2", Dependency(task="d1", type="SS", lag=3)))
    _same(session)
    session.push(RemoveTaskCommand(session, "a2"))
    _same(session)
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
        _same(session)
