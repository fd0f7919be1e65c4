"""Capturing a baseline with its P80 and findings, then comparing against it."""

from __future__ import annotations

import datetime as dt

from aiplanner.checks.compare.baseline import capture_baseline
from aiplanner.checks.compare.deltas import compare
from aiplanner.io import dumps, loads
from aiplanner.model import Estimate


def test_capture_keeps_dates_p80_staffing_and_findings(document):
    plan = document.plan
    plan.task("d1").estimate = Estimate(optimistic=25, likely=30, pessimistic=50)
    baseline = capture_baseline(plan, "kick-off", created=dt.date(2026, 5, 1))
    assert (baseline.start, baseline.finish) == (dt.date(2026, 5, 4), dt.date(2026, 8, 7))
    assert baseline.p80 is not None and baseline.p80 > baseline.finish
    assert baseline.findings and all(f.key and f.message for f in baseline.findings)
    assert capture_baseline(plan, "again", created=dt.date(2026, 5, 1)).p80 == baseline.p80  # fixed seed
    document.add_baseline(baseline)
    assert loads(dumps(plan)).baselines[0] == baseline  # survives the file

    document.update_task("a1", deadline=dt.date(2026, 5, 29))  # a1 now misses a deadline
    result = compare(plan, "kick-off", "current")
    assert result.findings_compared and result.p80_delta == 0 and result.finish_delta == 0
    assert [f.key for f in result.appeared] == ["timeline.missed-deadline tasks=a1"]
    assert result.disappeared == []


def test_without_risk_and_checks_the_comparison_says_it_cannot_tell(document):
    document.add_baseline(capture_baseline(document.plan, "quick", created=dt.date(2026, 5, 1),
                                           risk=False, findings=False))
    result = compare(document.plan, "quick", "current")
    assert result.p80_a is None and result.p80_delta is None and result.p80_b is not None
    assert not result.findings_compared and result.findings == []
