"""Floats, deadlines, phases, order and errors of a schedule."""

from __future__ import annotations

import pytest

from aiplanner.model import DependencyCycleError, DuplicateIdError, UnknownTaskError
from aiplanner.schedule import schedule_plan
from aiplanner.schedule.graph import build_graph, topological_order
from tests.schedule.helpers import D, T, make


def test_total_and_free_float():
    # a 10 -> c; b 4 -> d 2 -> c; e 1 (alone)
    s = schedule_plan(make([T("a", 10), T("b", 4), T("d", 2, "b"), T("c", 2, "a", "d"), T("e", 1)]))
    floats = {t: (s.tasks[t].total_float, s.tasks[t].free_float) for t in "abcde"}
    assert floats == {"a": (0, 0), "b": (4, 0), "d": (4, 4), "c": (0, 0), "e": (11, 11)}
    assert s.critical_tasks() == ["a", "c"]
    assert s.tasks["b"].late_start == D(2026, 5, 8) and s.tasks["b"].late_finish == D(2026, 5, 13)


def test_free_float_through_ss_and_ff_links():
    # b SS+2 from a: b can slip until a's ... : c FF from b ends with a
    s = schedule_plan(make([T("a", 10), T("b", 3, ("a", "SS", 2)), T("c", 1, ("b", "FF", 0))]))
    b, c = s.tasks["b"], s.tasks["c"]
    assert (b.es, b.ef, c.es, c.ef) == (2, 5, 4, 5)
    assert b.free_float == 0 and c.free_float == 5 and b.total_float == 5


@pytest.mark.parametrize(
    "ss, ff, sf, late",
    [
        (1, 3, 4, (5, 7)),   # FF binds: LF_a <= LF_c - 3 = 7
        (1, 1, 4, (6, 8)),   # SF binds: LS_a <= LF_d - 4 = 6
        (4, 1, 4, (4, 6)),   # SS binds: LS_a <= LS_b - 4 = 4
        (0, 0, 0, (8, 10)),  # the project finish binds
    ],
)
def test_late_dates_through_each_link_type(ss, ff, sf, late):
    # z sets the finish at point 10; b, c, d (2 days each) may end at 10
    s = schedule_plan(make([T("a", 2), T("b", 2, ("a", "SS", ss)), T("c", 2, ("a", "FF", ff)),
                            T("d", 2, ("a", "SF", sf)), T("z", 10)]))
    assert (s.tasks["a"].ls, s.tasks["a"].lf) == late
    assert all(t.total_float >= 0 for t in s.tasks.values())


def test_deadlines_report_working_days_late_and_never_move_tasks():
    s = schedule_plan(make([T("a", 3, not_before=D(2026, 5, 9), deadline=D(2026, 5, 12)),
                            T("b", 5, deadline=D(2026, 5, 9)), T("c", 5, deadline=D(2026, 5, 8))]))
    assert s.tasks["a"].start == D(2026, 5, 11)  # Saturday -> Monday
    assert s.tasks["a"].deadline_late == 1
    assert s.tasks["b"].deadline_late is None and s.tasks["c"].deadline_late is None  # Sat deadline: Friday counts
    assert s.missed_deadlines == ["a"] and s.days_late() == {"a": 1}


def test_phase_spans():
    plan = make([T("a", 5, phase="x"), T("m", 0, "a", phase="x"), T("b", 3, "a", phase="y"),
                 T("c", 2, ("b", "SS", 1), phase="y")], phases=("x", "y", "empty"))
    s = schedule_plan(plan)
    x, y = s.phases["x"], s.phases["y"]
    assert (x.start, x.finish, x.duration) == (D(2026, 5, 4), D(2026, 5, 8), 5)
    assert (y.start, y.finish, y.es, y.ef, y.duration) == (D(2026, 5, 11), D(2026, 5, 13), 5, 8, 3)
    assert "empty" not in s.phases


def test_order_is_topological_and_canonical():
    plan = make([T("c", 1, "b"), T("a", 1), T("b", 1, "a"), T("d", 1)])
    s = schedule_plan(plan)
    assert s.order == ["a", "b", "c", "d"]  # ready tasks leave in document order: a (1), b (2), c (0 but waits), d (3)
    assert s.order == topological_order(plan)
    assert set(build_graph(plan).edges) == {("b", "c"), ("a", "b")}
    assert list(s.tasks) == ["c", "a", "b", "d"]  # the mapping keeps document order


def test_cycle_names_one_cycle_in_link_order():
    plan = make([T("x", 1), T("a", 1, "c", "x"), T("b", 1, "a"), T("c", 1, "b"), T("y", 1, "c")])
    with pytest.raises(DependencyCycleError) as info:
        schedule_plan(plan)
    assert info.value.cycle == ["a", "b", "c"]
    assert str(info.value) == "dependency cycle: a -> b -> c -> a"


def test_cycle_among_later_tasks_and_self_loop():
    with pytest.raises(DependencyCycleError) as info:
        schedule_plan(make([T("a", 1), T("p", 1, "a", "q"), T("q", 1, "p")]))
    assert info.value.cycle == ["p", "q"]
    with pytest.raises(DependencyCycleError) as info:
        schedule_plan(make([T("a", 1, "a")]))
    assert info.value.cycle == ["a"]


def test_unknown_predecessor_and_duplicate_ids():
    with pytest.raises(UnknownTaskError, match="task 'a' depends on unknown task 'zz'"):
        schedule_plan(make([T("a", 1, "zz")]))
    plan = make([T("a", 1), T("b", 1)])
    plan.tasks[1].id = "a"
    with pytest.raises(DuplicateIdError, match="'a'"):
        schedule_plan(plan)


def test_empty_plan():
    s = schedule_plan(make([]))
    assert s.finish_point == 0 and s.start == s.finish == D(2026, 5, 4) and s.critical_tasks() == []
