"""Benchmarks: load of 5,000 tasks x 200 people (<= 0.5 s), levelling 1,000 tasks x 50 people (<= 5 s).

Run with ``python -m pytest tests/perf/test_staffing_perf.py --benchmark-only``.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from aiplanner.model import Absence, Assignment, Dependency, Person, Phase, Plan, Role, RoleDemand, Task
from aiplanner.schedule import schedule_plan

pytestmark = pytest.mark.perf

ROLES = ["ai-product-manager", "ai-platform-engineer", "mlops-engineer", "ai-governance-lead", "ai-enablement-lead"]


def synthetic_plan(n_tasks: int, n_people: int, seed: int = 7, n_roles: int = 20) -> Plan:
    """A random plan: layered dependencies of all four kinds, 1-2 demands a task, shared roles, absences."""
    rng = random.Random(seed)
    start = dt.date(2026, 5, 4)
    roles = ROLES + [f"role-{i}" for i in range(n_roles - len(ROLES))]
    people = []
    for i in range(n_people):
        absences = []
        if rng.random() < 0.3:
            first = start + dt.timedelta(days=rng.randrange(0, 400))
            absences.append(Absence(start=first, end=first + dt.timedelta(days=rng.randrange(1, 15))))
        people.append(Person(id=f"p{i}", name=f"Person {i}", capacity=rng.choice([1.0, 1.0, 0.8, 0.5]), absences=absences))
    assignments = [Assignment(person=f"p{i}", role=roles[i % n_roles], share=1.0) for i in range(n_people)]
    assignments += [Assignment(person=f"p{i}", role=rng.choice(roles), share=0.5)
                    for i in rng.sample(range(n_people), n_people // 4)]
    seen = set()
    assignments = [a for a in assignments if (a.person, a.role) not in seen and not seen.add((a.person, a.role))]
    tasks = []
    for i in range(n_tasks):
        deps = []
        if i:
            for p in rng.sample(range(max(0, i - 40), i), min(i, rng.randint(0, 2))):
                kind = rng.choices(["FS", "SS", "FF", "SF"], weights=[6, 2, 2, 1])[0]
                deps.append(Dependency(task=f"t{p}", type=kind, lag=rng.randint(-2, 3)))
        demands = [RoleDemand(role=r, fte=rng.choice([0.25, 0.5, 1.0]))
                   for r in rng.sample(roles, rng.randint(1, 2))]
        tasks.append(Task(id=f"t{i}", name=f"Task {i}", phase="p", duration=rng.randint(1, 20),
                          depends_on=deps, demands=demands, priority=rng.randint(0, 1000)))
    return Plan(name="synthetic", start=start, phases=[Phase(id="p", name="P")],
                roles=[Role(id=r, name=r) for r in roles], people=people, assignments=assignments, tasks=tasks)


def test_load_5000_tasks_200_people(benchmark):
    from aiplanner.schedule.load import compute_load

    plan = synthetic_plan(5000, 200)
    sched = schedule_plan(plan)

    def run():
        load = compute_load(plan, sched)
        return load, load.table("person"), load.over_allocations(), load.unstaffed_roles()

    load, table, over, _ = benchmark(run)
    assert table.load.shape[0] == 200 and over  # the random plan is over-allocated
    assert benchmark.stats["mean"] <= 0.5


def test_level_1000_tasks_50_people(benchmark):
    from aiplanner.schedule.level import level_plan

    plan = synthetic_plan(1000, 50, n_roles=10)
    sched = schedule_plan(plan)
    result = benchmark.pedantic(level_plan, args=(plan, sched), rounds=3, iterations=1)
    assert len(result.moves) > 100 and result.remaining == []
    assert benchmark.stats["mean"] <= 5.0
