from __future__ import annotations

import pytest

from aiplanner.model import (
    Dependency, DependencyCycleError, DuplicateIdError, EditError, Task, UnknownTaskError,
)


def record(document):
    events = []
    document.events.connect(events.append)
    return events


def test_add_and_remove_task_announce_and_undo(document):
    events = record(document)
    document.add_task(Task(id="a3", name="Spend review", phase="assessment", duration=5,
                           depends_on=[Dependency(task="a1")]))
    assert [t.id for t in document.plan.tasks][:3] == ["a1", "a2", "a3"]
    task, index, links = document.remove_task("a1")
    assert {s for s, _, _ in links} == {"a2", "a3"}
    assert all(d.task != "a1" for t in document.plan.tasks for d in t.depends_on)
    document.restore_task(task, index, links)
    assert document.plan.task("a3").depends_on[0].task == "a1"
    assert [e.kind for e in events] == ["task_added", "task_removed", "task_added"]
    assert events[1].tasks[0] == "a1"


def test_cycle_is_refused_and_names_the_loop(document):
    before = document.plan.model_dump()
    with pytest.raises(DependencyCycleError) as info:
        document.add_dependency("a1", Dependency(task="d1"))
    assert info.value.cycle == ["d1", "a1", "a2"]
    assert "d1 -> a1 -> a2 -> d1" in str(info.value)
    assert document.plan.model_dump() == before


def test_update_task_checks_on_a_copy(document):
    with pytest.raises(EditError):
        document.update_task("a1", duration=-2)
    with pytest.raises(EditError, match="unknown role"):
        document.update_task("a1", demands=[{"role": "wizard", "fte": 1}])
    with pytest.raises(DependencyCycleError):
        document.update_task("a1", depends_on=[Dependency(task="m1")])
    assert document.plan.task("a1").duration == 30
    old = document.update_task("a1", duration=20, name="Inventory")
    assert old == {"duration": 30, "name": "Current State Analysis"}
    assert document.plan.task("a1").duration == 20


def test_unknown_and_duplicate_ids(document):
    with pytest.raises(UnknownTaskError, match="'zz'"):
        document.add_dependency("a1", Dependency(task="zz"))
    with pytest.raises(DuplicateIdError):
        document.add_task(Task(id="a1", name="x", phase="design", duration=1))
    with pytest.raises(EditError, match="unknown phase"):
        document.add_task(Task(id="x", name="x", phase="nope", duration=1))


def test_rename_task_follows_links(document):
    document.rename_task("a2", "gap")
    assert document.plan.task("d1").depends_on[0].task == "gap"


def test_snapshot_restore(document):
    snap = document.snapshot()
    document.remove_task("d2")
    document.restore(snap)
    assert document.plan.task("d2").name == "Governance Framework"
