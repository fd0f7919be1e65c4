"""Benchmarks of the executive summary: the enterprise sample (351 tasks, 26 people) with the report's
10,000-run simulation, load, checks and a comparison with a baseline (<= 2 s of CPU).

Run with ``python -m pytest tests/perf/test_summary_perf.py --benchmark-only``.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from aiplanner.checks.compare.baseline import capture_baseline
from aiplanner.checks.summary import executive_summary
from aiplanner.io.native import load_plan
from tests.paths import SAMPLES

pytestmark = [pytest.mark.perf, pytest.mark.benchmark(timer=time.process_time)]


def test_summary_of_the_enterprise_sample(benchmark):
    plan = load_plan(SAMPLES / "enterprise-rollout.aiplan")
    plan.baselines = [capture_baseline(plan, "agreed", created=dt.date(2026, 5, 29), risk=False)]
    plan.tasks[1].duration += 5  # something to slip against
    summary = benchmark.pedantic(lambda: executive_summary(plan), rounds=3, iterations=1, warmup_rounds=1)
    assert summary.slip.days == 5 and summary.risk.iterations == 10_000
    assert benchmark.stats["median"] <= 2.0
