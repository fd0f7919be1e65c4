"""Scheduling benchmarks on generated plans (targets from issue 3, on a 2-core machine).

- full CPM of 10,000 tasks / 25,000 links: <= 0.5 s
- incremental reschedule after one duration change in a 5,000-task plan: <= 20 ms
- Monte Carlo, 10,000 iterations x 1,000 tasks: <= 1 s (issue 17; goal 0.5 s)
- peak memory of the 10,000-task schedule: <= 400 MB

Run with ``python -m pytest tests/perf/test_schedule_perf.py --benchmark-only``.
"""

from __future__ import annotations

import resource
import tracemalloc

import pytest

from aiplanner.schedule import schedule_plan
from aiplanner.schedule.incremental import IncrementalScheduler
from aiplanner.schedule.montecarlo import simulate
from tests.perf.plangen import generated_plan

pytestmark = pytest.mark.perf


@pytest.fixture(scope="module")
def plan_10k():
    return generated_plan(10_000, 25_000, seed=1)


def test_full_cpm_10k_tasks_25k_links(benchmark, plan_10k):
    assert sum(len(t.depends_on) for t in plan_10k.tasks) == 25_000
    result = benchmark.pedantic(schedule_plan, args=(plan_10k,), rounds=5, iterations=1, warmup_rounds=1)
    assert result.finish_point > 0 and result.critical_tasks()
    assert benchmark.stats.stats.median <= 0.5


def test_incremental_duration_change_5k_tasks(benchmark):
    plan = generated_plan(5_000, 12_500, seed=2)
    inc = IncrementalScheduler(plan)
    # A task early in the plan: its change ripples through most of the network.
    target = 250
    step = {"sign": 1}

    def change():
        task = plan.tasks[target]
        step["sign"] = -step["sign"]
        plan.tasks[target] = task.model_copy(update={"duration": task.duration + step["sign"] or 1})
        return ([task.id],), {}

    result = benchmark.pedantic(inc.update, setup=change, rounds=40, iterations=1, warmup_rounds=2)
    assert inc.full_rebuilds == 1
    full = schedule_plan(plan)
    assert result.finish_point == full.finish_point and result.critical_tasks() == full.critical_tasks()
    assert benchmark.stats.stats.median <= 0.020


def test_monte_carlo_10k_iterations_1k_tasks(benchmark):
    plan = generated_plan(1_000, 2_500, seed=3, estimates=True)
    result = benchmark.pedantic(simulate, args=(plan, 10_000), kwargs={"seed": 1}, rounds=3, iterations=1)
    assert result.iterations == 10_000 and len(result.estimated_tasks) > 900
    assert benchmark.stats.stats.median <= 1.0


def test_peak_memory_10k_schedule(benchmark):
    def build_and_schedule():
        tracemalloc.start()
        plan = generated_plan(10_000, 25_000, seed=1)
        schedule = schedule_plan(plan)
        every = [schedule.tasks[t] for t in schedule.tasks]  # all per-task results built
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak, len(every)

    peak, count = benchmark.pedantic(build_and_schedule, rounds=1, iterations=1)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    benchmark.extra_info["peak_traced_mb"] = round(peak / 1e6, 1)
    benchmark.extra_info["max_rss_mb"] = round(rss_mb, 1)
    print(f"\npeak traced memory (plan + schedule + all task results): {peak / 1e6:.1f} MB; process max RSS {rss_mb:.0f} MB")
    assert count == 10_000
    assert peak <= 400e6
