"""Load arithmetic: partial FTE, shares, combined roles, absences, holidays, over-allocation."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

from aiplanner.model import Absence, Assignment, Calendar, Dependency, Person, Phase, Plan, Role, RoleDemand, Task
from aiplanner.schedule import load as load_module
from aiplanner.schedule import staff as staff_module
from aiplanner.schedule.load import compute_load

D = dt.date
MON = D(2026, 5, 4)


def T(tid, duration, *deps, demands=(), **kw):
    return Task(id=tid, name=tid.upper(), phase="p", duration=duration,
                depends_on=[Dependency(task=d) for d in deps],
                demands=[RoleDemand(role=r, fte=f) for r, f in demands], **kw)


def make(tasks, people=(), assignments=(), holidays=(), roles=("pm", "gov", "eng")):
    return Plan(
        start=MON, calendar=Calendar(holidays=list(holidays)), phases=[Phase(id="p", name="P")],
        roles=[Role(id=r, name=r) for r in roles],
        people=[p if isinstance(p, Person) else Person(id=p, name=p.title()) for p in people],
        assignments=[Assignment(person=p, role=r, share=s) for p, r, s in assignments],
        tasks=tasks,
    )


def approx_list(values):
    return [round(float(v), 9) for v in values]


def test_doctests_run():
    for module in (load_module, staff_module):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0


def test_partial_fte_sums_and_weeks():
    plan = make([T("a", 10, demands=[("pm", 0.5)]), T("b", 3, demands=[("pm", 0.25)])],
                people=["ann"], assignments=[("ann", "pm", 1.0)])
    load = compute_load(plan)
    assert approx_list(load.person_load[0]) == [0.75] * 3 + [0.5] * 7
    week = load.table("person", "week")
    assert week.periods == [MON, D(2026, 5, 11)]
    assert approx_list(week.load[0]) == [0.75 * 3 + 0.5 * 2, 2.5]
    assert approx_list(week.capacity[0]) == [5.0, 5.0]
    assert load.over_allocations() == []


def test_shares_split_a_role_in_proportion():
    plan = make([T("a", 5, demands=[("eng", 1.5)])], people=["ann", "bob"],
                assignments=[("ann", "eng", 1.0), ("bob", "eng", 0.5)])
    load = compute_load(plan)
    assert approx_list(load.person_load[0]) == [1.0] * 5
    assert approx_list(load.person_load[1]) == [0.5] * 5


def test_combined_roles_add_up_and_over_allocation_names_tasks():
    plan = make(
        [T("a", 4, demands=[("pm", 0.6)]), T("b", 2, demands=[("gov", 0.6)]), T("c", 2, "b", demands=[("eng", 1)])],
        people=["ann", "bob"], assignments=[("ann", "pm", 1), ("ann", "gov", 1), ("bob", "eng", 1)],
    )
    load = compute_load(plan)
    assert approx_list(load.person_load[0]) == [1.2, 1.2, 0.6, 0.6]
    (over,) = load.over_allocations()
    assert (over.person, over.first, over.last, over.days) == ("ann", MON, D(2026, 5, 5), 2)
    assert over.peak == pytest.approx(1.2) and over.capacity == 1.0
    assert over.excess == pytest.approx(0.4)
    assert over.tasks == ("a", "b")  # c is Bob's
    assert over.weeks == (MON,)
    assert load.over_allocated_people() == ["ann"]


def test_absence_gives_zero_capacity_and_moves_shared_demand():
    ann = Person(id="ann", name="Ann", absences=[Absence(start=D(2026, 5, 6), end=D(2026, 5, 7))])
    plan = make([T("a", 5, demands=[("eng", 1.0)])], people=[ann, "bob"],
                assignments=[("ann", "eng", 1.0), ("bob", "eng", 1.0)])
    load = compute_load(plan)
    assert approx_list(load.capacity[0]) == [1, 1, 0, 0, 1]
    assert approx_list(load.person_load[0]) == [0.5, 0.5, 0, 0, 0.5]
    assert approx_list(load.person_load[1]) == [0.5, 0.5, 1, 1, 0.5]
    assert load.over_allocations() == []


def test_sole_holder_absent_is_over_allocated_on_those_days():
    ann = Person(id="ann", name="Ann", capacity=0.8, absences=[Absence(start=D(2026, 5, 8), end=D(2026, 5, 12))])
    plan = make([T("a", 5, demands=[("pm", 0.5)]), T("z", 8, demands=[("gov", 1)])],
                people=[ann, "bob"], assignments=[("ann", "pm", 0.5), ("bob", "gov", 1)])
    load = compute_load(plan)
    (over,) = load.over_allocations()
    assert (over.person, over.first, over.last, over.days) == ("ann", D(2026, 5, 8), D(2026, 5, 8), 1)
    assert over.capacity == 0 and over.tasks == ("a",)
    week = load.table("person", "week")
    assert approx_list(week.capacity[0]) == [3.2, 0.8]  # Fri and Mon-Tue away


def test_holidays_carry_neither_load_nor_capacity():
    plan = make([T("a", 5, demands=[("pm", 1.0)])], people=["ann"], assignments=[("ann", "pm", 1)],
                holidays=[D(2026, 5, 6)])
    load = compute_load(plan)
    assert D(2026, 5, 6) not in load.days
    assert load.days[-1] == D(2026, 5, 11)
    week = load.table()
    assert approx_list(week.load[0]) == [4.0, 1.0]
    assert approx_list(week.capacity[0]) == [4.0, 1.0]


def test_unstaffed_roles_and_role_table():
    plan = make([T("a", 4, demands=[("gov", 0.5)]), T("b", 2, demands=[("pm", 1), ("gov", 1)]), T("m", 0, "a")],
                people=["ann"], assignments=[("ann", "pm", 1)])
    load = compute_load(plan)
    (gap,) = load.unstaffed_roles()
    assert gap.role == "gov" and gap.tasks == ("a", "b") and gap.demand == pytest.approx(4.0)
    roles = load.table("role", "day")
    gov = roles.ids.index("gov")
    assert approx_list(roles.load[gov]) == [1.5, 1.5, 0.5, 0.5]
    assert approx_list(roles.capacity[gov]) == [0, 0, 0, 0]
    assert approx_list(roles.capacity[roles.ids.index("pm")]) == [1, 1, 1, 1]


def test_empty_and_unknown_arguments():
    load = compute_load(make([T("m", 0)]))
    assert load.horizon == 0 and load.table().load.shape == (0, 0)
    with pytest.raises(ValueError):
        load.table(by="team")
    with pytest.raises(ValueError):
        load.table(period="month")
