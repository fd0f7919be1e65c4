"""Catalogue, templates and samples: costs a user feels when starting a plan.

- reading and validating the whole catalogue (uncached), all files: a few ms
- building a pattern template: a few ms
- loading and scheduling the 351-task enterprise sample: well under 0.5 s

Run with ``python -m pytest tests/perf/test_catalog_perf.py --benchmark-only``.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pytest

from aiplanner.catalog import build_plan, load_catalog, load_catalog_from
from aiplanner.io.native import load_plan
from aiplanner.schedule import schedule_plan

pytestmark = pytest.mark.perf

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"


def test_read_catalogue_uncached(benchmark):
    root = resources.files("aiplanner.resources")
    catalog = benchmark(load_catalog_from, root)
    assert len(catalog.patterns) == 3


@pytest.mark.parametrize("pattern", ["coe", "product-teams"])
def test_build_template(benchmark, pattern):
    load_catalog()
    plan = benchmark(build_plan, pattern, dt.date(2026, 5, 4))
    assert plan.pattern == pattern


def test_load_and_schedule_enterprise_sample(benchmark):
    def run():
        plan = load_plan(SAMPLES / "enterprise-rollout.aiplan")
        return schedule_plan(plan)

    sched = benchmark(run)
    assert len(sched.tasks) > 300
    assert benchmark.stats["mean"] < 0.5
