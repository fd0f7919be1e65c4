"""Incremental rescheduling equals a full schedule, edit after edit."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from aiplanner.model import Dependency, Document, Task
from aiplanner.model.errors import PlanError
from aiplanner.schedule import schedule_plan
from aiplanner.schedule.incremental import IncrementalScheduler
from tests.schedule.helpers import D, T, make, random_plan_strategy


def same(a, b) -> None:
    """Assert two schedules are identical in every computed fact."""
    assert (a.finish_point, a.start, a.finish, a.order, a.missed_deadlines) == (
        b.finish_point, b.start, b.finish, b.order, b.missed_deadlines)
    assert list(a.tasks) == list(b.tasks)
    assert {k: a.tasks[k] for k in a.tasks} == {k: b.tasks[k] for k in b.tasks}
    assert a.phases == b.phases
    assert a.critical_tasks() == b.critical_tasks()


def test_duration_edit_is_incremental_and_moves_the_finish():
    plan = make([T("a", 5), T("b", 3, "a"), T("c", 2), T("m", 0, "b")])
    inc = IncrementalScheduler(plan)
    before = inc.schedule
    plan.tasks[0] = plan.tasks[0].model_copy(update={"duration": 7})
    after = inc.update(["a"])
    same(after, schedule_plan(plan))
    assert after.tasks["m"].start == D(2026, 5, 15) and inc.full_rebuilds == 1
    assert before.tasks["m"].start == D(2026, 5, 13)  # the old schedule is untouched
    assert after.tasks["c"].total_float == 8


def test_lag_and_type_edits_are_incremental():
    plan = make([T("a", 5), T("b", 3, "a"), T("c", 2, "b")])
    inc = IncrementalScheduler(plan)
    plan.tasks[1] = plan.tasks[1].model_copy(update={"depends_on": [Dependency(task="a", type="SS", lag=2)]})
    same(inc.update(["b"]), schedule_plan(plan))
    assert inc.full_rebuilds == 1


def test_structural_edits_rebuild():
    plan = make([T("a", 5), T("b", 3)])
    doc = Document(plan)
    inc = IncrementalScheduler(plan)
    doc.events.connect(lambda e: inc.handle_event(e, doc.plan))
    doc.add_dependency("b", Dependency(task="a"))
    same(inc.schedule, schedule_plan(plan))
    doc.add_task(Task(id="c", name="C", phase="p", duration=4, depends_on=[Dependency(task="b")]))
    same(inc.schedule, schedule_plan(doc.plan))
    doc.remove_task("a")
    same(inc.schedule, schedule_plan(doc.plan))
    doc.update_plan(start=dt.date(2026, 6, 1))
    same(inc.schedule, schedule_plan(doc.plan))
    assert inc.schedule.tasks["b"].start == D(2026, 6, 1)


def test_failed_update_keeps_the_last_schedule_and_recovers():
    plan = make([T("a", 5), T("b", 3, "a")])
    inc = IncrementalScheduler(plan)
    plan.tasks[0] = plan.tasks[0].model_copy(update={"depends_on": [Dependency(task="b")]})
    try:
        inc.update(["a"])
    except PlanError as exc:
        assert "cycle" in str(exc)
    else:
        raise AssertionError("a cycle must be refused")
    assert inc.schedule.finish == D(2026, 5, 13)
    plan.tasks[0] = plan.tasks[0].model_copy(update={"depends_on": []})
    same(inc.update(["a"]), schedule_plan(plan))


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["duration", "lag", "type", "not_before", "deadline", "phase", "add_link", "drop_link"]),
        st.integers(0, 100), st.integers(-3, 9),
    ),
    min_size=1, max_size=6,
)


@settings(max_examples=40, deadline=None)
@given(plan=random_plan_strategy(max_tasks=10), edits=EDITS)
def test_incremental_equals_full_after_random_edits(plan, edits):
    plan = plan.model_copy(update={"phases": plan.phases + [plan.phases[0].model_copy(update={"id": "q"})]})
    doc = Document(plan)
    inc = IncrementalScheduler(plan)
    doc.events.connect(lambda e: inc.handle_event(e, doc.plan))
    ids = [t.id for t in plan.tasks]
    for kind, pick, value in edits:
        task = doc.plan.tasks[pick % len(ids)]
        try:
            if kind == "duration":
                doc.update_task(task.id, duration=max(0, value))
            elif kind in ("lag", "type") and task.depends_on:
                deps = list(task.depends_on)
                dep = deps[pick % len(deps)]
                change = {"lag": value} if kind == "lag" else {"type": ["FS", "SS", "FF", "SF"][value % 4]}
                deps[pick % len(deps)] = dep.model_copy(update=change)
                doc.update_task(task.id, depends_on=deps)
            elif kind == "not_before":
                doc.update_task(task.id, not_before=doc.plan.start + dt.timedelta(days=value * 2) if value > 0 else None)
            elif kind == "deadline":
                doc.update_task(task.id, deadline=doc.plan.start + dt.timedelta(days=value * 3) if value > 0 else None)
            elif kind == "phase":
                doc.update_task(task.id, phase="q" if task.phase == "p" else "p")
            elif kind == "add_link":
                other = ids[(pick + value) % len(ids)]
                doc.add_dependency(task.id, Dependency(task=other, lag=value % 3))
            elif kind == "drop_link" and task.depends_on:
                doc.remove_dependency(task.id, task.depends_on[0].task)
        except PlanError:
            continue  # a refused edit (cycle, duplicate link) changes nothing
        same(inc.schedule, schedule_plan(doc.plan))


@settings(max_examples=40, deadline=None)
@given(plan=random_plan_strategy(max_tasks=10), edits=EDITS)
def test_changed_since_names_exactly_the_tasks_whose_times_moved(plan, edits):
    """What the task table repaints after an edit: read from the raw lists, equal to comparing every TaskTimes."""
    doc = Document(plan)
    inc = IncrementalScheduler(plan)
    doc.events.connect(lambda e: inc.handle_event(e, doc.plan))
    ids = [t.id for t in plan.tasks]
    compared = 0
    for kind, pick, value in edits:
        task = doc.plan.tasks[pick % len(ids)]
        before = inc.schedule
        try:
            if kind in ("duration", "phase", "type"):
                doc.update_task(task.id, duration=max(0, value))
            elif kind in ("lag", "add_link") and task.depends_on:
                deps = list(task.depends_on)
                deps[pick % len(deps)] = deps[pick % len(deps)].model_copy(update={"lag": value})
                doc.update_task(task.id, depends_on=deps)
            elif kind == "not_before":
                doc.update_task(task.id, not_before=doc.plan.start + dt.timedelta(days=value * 2) if value > 0 else None)
            elif kind == "deadline":
                doc.update_task(task.id, deadline=doc.plan.start + dt.timedelta(days=value * 3) if value > 0 else None)
            else:
                continue
        except PlanError:
            continue
        after = inc.schedule
        moved = after.tasks.changed_since(before.tasks)
        if moved is None:  # rebuilt from scratch: the caller compares the times instead
            continue
        compared += 1
        assert moved == [k for k in after.tasks if before.tasks[k] != after.tasks[k]]
    assert inc.schedule.tasks.changed_since(inc.schedule.tasks) == []


def test_changed_since_after_one_duration_edit():
    plan = make([T("a", 5), T("b", 3, "a"), T("c", 2), T("m", 0, "b")])
    inc = IncrementalScheduler(plan)
    before = inc.schedule
    plan.tasks[0] = plan.tasks[0].model_copy(update={"duration": 7})
    after = inc.update(["a"])
    assert after.tasks.changed_since(before.tasks) == ["a", "b", "c", "m"]  # c's float shrinks with the finish
    assert after.tasks.changed_since(schedule_plan(plan).tasks) is None  # another network: not comparable
