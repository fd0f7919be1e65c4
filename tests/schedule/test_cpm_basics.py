"""Hand-checked dates for the core CPM semantics (DESIGN.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.model import DependencyCycleError, Dependency, Phase, Plan, Task, UnknownTaskError
from aiplanner.schedule import schedule_plan

D = dt.date


def make(tasks, start=D(2026, 5, 4), **cal):
    from aiplanner.model import Calendar

    return Plan(start=start, calendar=Calendar(**cal), phases=[Phase(id="p", name="P")], tasks=tasks)


def T(tid, duration, *deps, **kw):
    links = [Dependency(task=d[0], type=d[1], lag=d[2]) if isinstance(d, tuple) else Dependency(task=d) for d in deps]
    return Task(id=tid, name=tid.upper(), phase="p", duration=duration, depends_on=links, **kw)


def test_fs_chain_over_weekend_and_holiday():
    plan = make([T("a", 5), T("b", 3, "a")], holidays=[D(2026, 5, 12)])
    s = schedule_plan(plan)
    assert (s.tasks["a"].start, s.tasks["a"].finish) == (D(2026, 5, 4), D(2026, 5, 8))
    # Mon 11, (Tue 12 holiday), Wed 13, Thu 14
    assert (s.tasks["b"].start, s.tasks["b"].finish) == (D(2026, 5, 11), D(2026, 5, 14))
    assert s.finish == D(2026, 5, 14)


@pytest.mark.parametrize(
    "kind, lag, start, finish",
    [
        ("FS", 2, D(2026, 5, 13), D(2026, 5, 15)),   # after Fri 8 + 2 days
        ("FS", -2, D(2026, 5, 7), D(2026, 5, 11)),
        ("SS", 1, D(2026, 5, 5), D(2026, 5, 7)),
        ("FF", 0, D(2026, 5, 6), D(2026, 5, 8)),
        ("FF", 1, D(2026, 5, 7), D(2026, 5, 11)),
        ("SF", 3, D(2026, 5, 4), D(2026, 5, 6)),     # E >= S_a + 3 -> finish Wed
        ("SF", 1, D(2026, 5, 4), D(2026, 5, 6)),     # would start before plan start: held
    ],
)
def test_each_link_type(kind, lag, start, finish):
    s = schedule_plan(make([T("a", 5), T("b", 3, ("a", kind, lag))]))
    assert (s.tasks["b"].start, s.tasks["b"].finish) == (start, finish)


def test_milestone_after_friday_finish_is_on_friday():
    s = schedule_plan(make([T("a", 5), T("m", 0, "a"), T("n", 0, ("a", "SS", 5))]))
    assert s.tasks["m"].start == s.tasks["m"].finish == D(2026, 5, 8)
    assert s.tasks["n"].start == D(2026, 5, 11)


def test_float_and_critical():
    s = schedule_plan(make([T("a", 10), T("b", 4), T("c", 2, "a", "b")]))
    assert s.tasks["b"].total_float == 6 and s.tasks["b"].free_float == 6
    assert s.critical_tasks() == ["a", "c"]


def test_not_before_and_deadline():
    s = schedule_plan(make([T("a", 3, not_before=D(2026, 5, 9), deadline=D(2026, 5, 12))]))
    assert s.tasks["a"].start == D(2026, 5, 11)  # Saturday -> Monday
    assert s.tasks["a"].deadline_late == 1 and s.missed_deadlines == ["a"]


def test_sun_thu_week_and_friday_start():
    plan = make([T("a", 5)], start=D(2026, 5, 1), workdays=["sun", "mon", "tue", "wed", "thu"])
    s = schedule_plan(plan)
    assert (s.tasks["a"].start, s.tasks["a"].finish) == (D(2026, 5, 3), D(2026, 5, 7))


def test_cycle_and_unknown_are_errors():
    with pytest.raises(DependencyCycleError) as info:
        schedule_plan(make([T("a", 1, "c"), T("b", 1, "a"), T("c", 1, "b")]))
    assert set(info.value.cycle) == {"a", "b", "c"}
    with pytest.raises(UnknownTaskError, match="'a' depends on unknown task 'zz'"):
        schedule_plan(make([T("a", 1, "zz")]))
