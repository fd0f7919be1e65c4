"""Benchmarks of the exports: PDF of the large sample (<= 3.5 s; the issue allows 5 s), of 1,000 tasks (<= 15 s),
PNG timeline of 300 tasks (<= 2 s).

Timed in CPU seconds of this process (``time.process_time``): on the shared
2-core machine the wall clock mostly measures the other jobs; on an idle
machine the two agree (rendering is single-threaded).

Run with ``python -m pytest tests/perf/test_render_perf.py --benchmark-only``.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from aiplanner.io.exporters import ExportRequest
from aiplanner.io.native import load_plan
from aiplanner.render.export import export_png
from aiplanner.render.options import ReportOptions
from aiplanner.render.report.build import build_report

from tests.render.plans import make_plan

pytestmark = [pytest.mark.perf, pytest.mark.benchmark(timer=time.process_time)]

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "enterprise-rollout.aiplan"
PRINTED = dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)


def _once(benchmark, fn):
    return benchmark.pedantic(fn, rounds=1, iterations=1, warmup_rounds=1)


def test_pdf_report_of_the_large_sample(benchmark):
    plan = load_plan(SAMPLE) if SAMPLE.exists() else make_plan(400, people=25)
    data = _once(benchmark, lambda: build_report(plan, ReportOptions(printed=PRINTED)))
    assert data.startswith(b"%PDF")
    assert benchmark.stats["max"] <= 3.5  # issue 5 allows 5 s; keep headroom for a busy machine


def test_pdf_report_of_1000_tasks(benchmark):
    plan = make_plan(1000, people=30)
    data = _once(benchmark, lambda: build_report(plan, ReportOptions(printed=PRINTED)))
    assert data.startswith(b"%PDF")
    assert benchmark.stats["max"] <= 15.0


def test_png_timeline_of_300_tasks(benchmark):
    plan = make_plan(300)
    data = _once(benchmark, lambda: export_png(ExportRequest(plan, options={"dpi": 100})))
    assert data.startswith(b"\x89PNG")
    assert benchmark.stats["max"] <= 2.0
