"""Property: after levelling nobody is over capacity (when delay can achieve it) and every link holds."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiplanner.model import Absence, Assignment, Dependency, Person, Phase, Plan, Role, RoleDemand, Task
from aiplanner.schedule.level import level_plan

MON = dt.date(2026, 5, 4)
ROLES = ["r0", "r1"]


@st.composite
def plans(draw):
    n_people = draw(st.integers(1, 3))
    people = []
    for i in range(n_people):
        absences = []
        if draw(st.booleans()):
            first = MON + dt.timedelta(days=draw(st.integers(0, 30)))
            absences.append(Absence(start=first, end=first + dt.timedelta(days=draw(st.integers(0, 6)))))
        people.append(Person(id=f"p{i}", name=f"P{i}", capacity=draw(st.sampled_from([0.5, 1.0])),
                             absences=absences))
    assignments = [Assignment(person=f"p{i}", role=ROLES[i % 2], share=draw(st.sampled_from([0.5, 1.0])))
                   for i in range(n_people)]
    if n_people > 1 and draw(st.booleans()):
        assignments.append(Assignment(person="p1", role="r0", share=0.5))
    n = draw(st.integers(1, 8))
    tasks = []
    for i in range(n):
        deps = []
        for p in draw(st.lists(st.integers(0, i - 1), max_size=2, unique=True)) if i else []:
            deps.append(Dependency(task=f"t{p}", type=draw(st.sampled_from(["FS", "SS", "FF", "SF"])),
                                   lag=draw(st.integers(-2, 3))))
        demands = [RoleDemand(role=r, fte=draw(st.sampled_from([0.25, 0.5])))
                   for r in draw(st.lists(st.sampled_from(ROLES), max_size=2, unique=True))]
        tasks.append(Task(id=f"t{i}", name=f"T{i}", phase="p", duration=draw(st.integers(0, 6)), depends_on=deps,
                          demands=demands, priority=draw(st.integers(0, 1000))))
    return Plan(start=MON, phases=[Phase(id="p", name="P")], roles=[Role(id=r, name=r) for r in ROLES],
                people=people, assignments=assignments, tasks=tasks)


def link_holds(kind, lag, a, b):
    return {"FS": b.es >= a.ef + lag, "SS": b.es >= a.es + lag,
            "FF": b.ef >= a.ef + lag, "SF": b.ef >= a.es + lag}[kind]


def too_big_alone(plan):
    """Tasks that on their own demand more of someone than their capacity (independent of the code)."""
    holders = {}
    for a in plan.assignments:
        holders.setdefault(a.role, []).append((a.person, a.share))
    capacity = {p.id: p.capacity for p in plan.people}
    found = set()
    for task in plan.tasks:
        if task.duration == 0:
            continue
        load = {}
        for d in task.demands:
            total = sum(s for _, s in holders.get(d.role, []))
            for person, share in holders.get(d.role, []):
                load[person] = load.get(person, 0) + d.fte * share / total
        if any(v > capacity[p] + 1e-9 for p, v in load.items()):
            found.add(task.id)
    return found


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_levelling_clears_overload_and_keeps_links(plan):
    from aiplanner.schedule import schedule_plan

    before = schedule_plan(plan)
    r = level_plan(plan, before)
    hopeless = too_big_alone(plan)
    assert {u.task for u in r.unresolved} == hopeless
    # Whatever over-allocation is left involves a task that delay cannot help.
    assert all(set(o.tasks) & hopeless for o in r.remaining)
    if not hopeless:
        assert r.remaining == []
    times = r.schedule.tasks
    for task in r.plan.tasks:
        assert times[task.id].es >= before.tasks[task.id].es  # levelling only delays
        for dep in task.depends_on:
            assert link_holds(dep.type, dep.lag, times[dep.task], times[task.id])
    if not hopeless:
        assert level_plan(r.plan).moves == []  # a levelled plan needs no more levelling
