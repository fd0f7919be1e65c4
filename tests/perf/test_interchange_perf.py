"""Interchange benchmarks: a 5,000-task MS Project XML file in and out, each within 3 s."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from aiplanner.io.mspdi.writer import mspdi_bytes
from aiplanner.io.mspdi.reader import read_mspdi_bytes
from aiplanner.model import (Assignment, Calendar, Dependency, Person, Phase, Plan, Role, RoleDemand, Task)
from aiplanner.schedule import schedule_plan

pytestmark = pytest.mark.perf

LIMIT_SECONDS = 3.0


def big_plan(n: int = 5000, seed: int = 7) -> Plan:
    rng = random.Random(seed)
    phases = [Phase(id=f"p{k}", name=f"Phase {k}") for k in range(10)]
    roles = [Role(id=f"r{k}", name=f"Role {k}") for k in range(5)]
    people = [Person(id=f"u{k}", name=f"Person {k}") for k in range(20)]
    assignments = [Assignment(person=f"u{k}", role=f"r{k % 5}", share=0.25) for k in range(20)]
    tasks = []
    for i in range(n):
        deps = [Dependency(task=f"t{j}", type=rng.choice(["FS", "FS", "SS", "FF"]), lag=rng.randint(-1, 3))
                for j in sorted(set(rng.randrange(max(i - 50, 0), i) for _ in range(rng.randint(0, 3))))] if i else []
        tasks.append(Task(id=f"t{i}", name=f"Task {i}", phase=f"p{i * 10 // n}", duration=rng.randint(0, 20),
                          depends_on=deps, demands=[RoleDemand(role=f"r{i % 5}", fte=0.5)]))
    return Plan(name="Enterprise", start=dt.date(2026, 5, 4), phases=phases, roles=roles, people=people,
                assignments=assignments, tasks=tasks,
                calendar=Calendar(holidays=[dt.date(2026, 12, 25), dt.date(2027, 1, 1)]))


@pytest.fixture(scope="module")
def plan_5000():
    return big_plan()


@pytest.fixture(scope="module")
def file_5000(plan_5000):
    return mspdi_bytes(plan_5000, schedule_plan(plan_5000))


def test_export_5000_tasks(benchmark, plan_5000):
    data = benchmark.pedantic(lambda: mspdi_bytes(plan_5000, schedule_plan(plan_5000)), rounds=3, iterations=1)
    assert data.count(b"<PredecessorLink>") == sum(len(t.depends_on) for t in plan_5000.tasks)
    assert benchmark.stats.stats.max < LIMIT_SECONDS


def test_import_5000_tasks(benchmark, file_5000, plan_5000):
    result = benchmark.pedantic(lambda: read_mspdi_bytes(file_5000), rounds=3, iterations=1)
    assert len(result.plan.tasks) == 5000 and result.warnings == []
    assert [t.depends_on for t in result.plan.tasks[:50]] == [t.depends_on for t in plan_5000.tasks[:50]]
    assert benchmark.stats.stats.max < LIMIT_SECONDS


def test_mermaid_5000_tasks_round_trip(benchmark, plan_5000):
    from aiplanner.io.mermaid.writer import mermaid_text
    from aiplanner.io.mermaid.reader import read_mermaid

    def run():
        return read_mermaid(mermaid_text(plan_5000, schedule_plan(plan_5000)))

    result = benchmark.pedantic(run, rounds=3, iterations=1)
    assert len(result.plan.tasks) == 5000 and not [w for w in result.warnings if "differs" in w]
    assert benchmark.stats.stats.max < LIMIT_SECONDS
