"""Benchmarks: the plan checks the findings view runs when the window opens.

``over-centralisation`` used to walk every gate's descendants against every
later task (0.2 s on a 50-task plan); it now looks at each initiative's own
links, linear in tasks and links. Run with
``python -m pytest tests/perf/test_checks_perf.py --benchmark-only``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.checks import run_checks
from aiplanner.io.native import load_plan
from aiplanner.model import Dependency, Phase, Plan, Task
from aiplanner.schedule import schedule_plan
from tests.conftest import SAMPLES

pytestmark = pytest.mark.perf


def gated_plan(n_tasks: int) -> Plan:
    """A chain of work with an intake gate; every fifth task is an AI initiative, half of them behind a milestone."""
    tasks = [Task(id="gate", name="Intake", phase="p", duration=5, tags=["governance", "approval-gate"]),
             Task(id="open", name="Intake open", phase="p", duration=0, milestone=True,
                  depends_on=[Dependency(task="gate")])]
    for i in range(n_tasks):
        deps = [Dependency(task=f"t{i - 1}")] if i else []
        tags = ["platform"]
        if i % 5 == 0:
            tags = ["initiative", "rollout"]
            deps.append(Dependency(task="open" if i % 10 else "gate"))
        tasks.append(Task(id=f"t{i}", name=f"Work {i}", phase="p", duration=1 + i % 4, depends_on=deps, tags=tags))
    return Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")], tasks=tasks)


@pytest.mark.parametrize("n", [50, 5000])
def test_over_centralisation(benchmark, n):
    plan = gated_plan(n)
    schedule = schedule_plan(plan)
    found = benchmark(run_checks, plan, schedule, ["pitfall.over-centralisation"])
    assert [f.tasks[0] for f in found] == ["gate"]


def test_all_checks_on_the_enterprise_sample(benchmark):
    plan = load_plan(SAMPLES / "enterprise-rollout.aiplan")
    schedule = schedule_plan(plan)
    benchmark(run_checks, plan, schedule)
