"""Benchmarks of the layered network layout and the network chart.

Timed in CPU seconds of this process, like the other render benchmarks.
Run with ``python -m pytest tests/perf/test_network_perf.py --benchmark-only``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from aiplanner.io.exporters import ExportRequest
from aiplanner.io.native import load_plan
from aiplanner.render.export import export_png
from aiplanner.render.network.layered import layered_layout
from aiplanner.schedule import schedule_plan

from tests.render.plans import make_plan

pytestmark = [pytest.mark.perf, pytest.mark.benchmark(timer=time.process_time)]

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "enterprise-rollout.aiplan"


def test_layout_of_the_enterprise_sample(benchmark):
    plan = load_plan(SAMPLE)
    schedule = schedule_plan(plan)
    layout = benchmark.pedantic(lambda: layered_layout(plan, schedule), rounds=3, iterations=1, warmup_rounds=1)
    assert layout.crossings < layout.initial_crossings
    assert benchmark.stats["max"] <= 1.0


def test_layout_of_2000_tasks(benchmark):
    plan = make_plan(2000)
    schedule = schedule_plan(plan)
    layout = benchmark.pedantic(lambda: layered_layout(plan, schedule), rounds=1, iterations=1, warmup_rounds=0)
    assert len(layout.nodes) == 2000
    assert benchmark.stats["max"] <= 3.0


def test_network_png_of_the_enterprise_sample(benchmark):
    plan = load_plan(SAMPLE)
    data = benchmark.pedantic(lambda: export_png(ExportRequest(plan, options={"chart": "network", "dpi": 100})),
                              rounds=1, iterations=1, warmup_rounds=1)
    assert data.startswith(b"\x89PNG")
    assert benchmark.stats["max"] <= 5.0
