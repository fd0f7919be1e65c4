"""Levelling on hand-built cases: within float, beyond float, absences, unresolvable, fixed tasks."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.model import Absence, Assignment, Dependency, Person, Phase, Plan, Role, RoleDemand, Task
from aiplanner.schedule import schedule_plan
from aiplanner.schedule.level import level_plan
from aiplanner.schedule.load import compute_load

D = dt.date
MON = D(2026, 5, 4)


def T(tid, duration, *deps, pm=0.0, **kw):
    links = [Dependency(task=d[0], type=d[1], lag=d[2]) if isinstance(d, tuple) else Dependency(task=d) for d in deps]
    demands = [RoleDemand(role="pm", fte=pm)] if pm else []
    return Task(id=tid, name=tid.upper(), phase="p", duration=duration, depends_on=links, demands=demands, **kw)


def make(tasks, people=None, shares=None):
    people = people or [Person(id="ann", name="Ann")]
    shares = shares or {p.id: 1.0 for p in people}
    return Plan(start=MON, phases=[Phase(id="p", name="P")], roles=[Role(id="pm", name="PM")], people=people,
                assignments=[Assignment(person=p, role="pm", share=s) for p, s in shares.items()], tasks=tasks)


def starts(result):
    return {t: result.schedule.tasks[t].es for t in result.schedule.tasks}


def test_delay_within_float_keeps_the_finish():
    plan = make([T("x", 10), T("y", 10, "x"), T("a", 5, pm=1), T("b", 5, pm=1)])
    r = level_plan(plan)
    assert starts(r) == {"x": 0, "y": 10, "a": 0, "b": 5}
    assert r.old_finish == r.new_finish and r.finish_delay == 0
    (move,) = r.moves
    assert (move.task, move.old_start, move.new_start, move.delay, move.levelled) == ("b", MON, D(2026, 5, 11), 5, True)
    assert r.plan.task("b").not_before == D(2026, 5, 11) and r.remaining == [] and r.unresolved == []
    assert plan.task("b").not_before is None  # the input is untouched


def test_beyond_float_moves_the_finish_and_successors_follow():
    plan = make([T("a", 5, pm=1, priority=400), T("b", 5, pm=1, priority=600), T("c", 3, "a"), T("d", 3, "b")])
    r = level_plan(plan)
    # Equal (zero) float: the higher priority (b) keeps its place, a is delayed, c follows a.
    assert starts(r) == {"a": 5, "b": 0, "c": 10, "d": 5}
    assert r.finish_delay == 5 and r.new_finish == D(2026, 5, 20)
    assert [(m.task, m.delay, m.levelled) for m in r.moves] == [("a", 5, True), ("c", 5, False)]
    assert r.plan.task("c").not_before is None


def test_least_float_goes_first_and_ties_break_by_id():
    plan = make([T("long", 10, pm=1), T("z", 4, pm=1), T("y", 4, pm=1)])
    r = level_plan(plan)
    assert starts(r) == {"long": 0, "y": 10, "z": 14}


def test_absence_pushes_work_past_it():
    ann = Person(id="ann", name="Ann", absences=[Absence(start=D(2026, 5, 6), end=D(2026, 5, 8))])
    plan = make([T("a", 3, pm=1)], people=[ann])
    assert compute_load(plan).over_allocations()
    r = level_plan(plan)
    assert starts(r) == {"a": 5} and r.remaining == []  # back on Monday


def test_shared_role_fits_side_by_side():
    people = [Person(id="ann", name="Ann"), Person(id="bob", name="Bob")]
    plan = make([T("a", 5, pm=1), T("b", 5, pm=1)], people=people)
    assert level_plan(plan).moves == []


def test_unresolvable_task_stays_and_others_keep_clear():
    plan = make([T("big", 5, pm=1.5), T("small", 2, pm=0.5)])
    r = level_plan(plan)
    assert [(u.task, u.people) for u in r.unresolved] == [("big", ("ann",))]
    assert starts(r) == {"big": 0, "small": 5}
    (left,) = r.remaining
    assert left.tasks == ("big",) and left.days == 5


def test_tasks_under_way_are_not_delayed():
    plan = make([T("a", 5, pm=1, priority=0, progress=20), T("b", 5, pm=1, priority=1000)])
    r = level_plan(plan)
    assert starts(r) == {"a": 0, "b": 5}


@pytest.mark.parametrize("kind, lag", [("SS", 2), ("FF", 1), ("SF", 4), ("FS", -2)])
def test_links_hold_after_levelling(kind, lag):
    plan = make([T("a", 4, pm=1), T("b", 4, ("a", kind, lag), pm=1), T("c", 3, pm=1)])
    r = level_plan(plan)
    s = starts(r)
    es = {t: s[t] for t in s}
    ef = {t: s[t] + plan.task(t).duration for t in s}
    check = {"FS": ef["a"] + lag <= es["b"], "SS": es["a"] + lag <= es["b"],
             "FF": ef["a"] + lag <= ef["b"], "SF": es["a"] + lag <= ef["b"]}
    assert check[kind] and r.remaining == []
    assert level_plan(r.plan).moves == []  # levelling a levelled plan changes nothing


def test_schedule_is_reused_and_matches():
    plan = make([T("a", 5, pm=1), T("b", 5, pm=1)])
    sched = schedule_plan(plan)
    assert level_plan(plan, sched).new_finish == level_plan(plan).new_finish


def test_a_schedule_without_its_state_is_recomputed():
    import copy

    plan = make([T("a", 5, pm=1), T("b", 5, pm=1)])
    bare = copy.copy(schedule_plan(plan))
    bare.state = None
    assert starts(level_plan(plan, bare)) == {"a": 0, "b": 5}
