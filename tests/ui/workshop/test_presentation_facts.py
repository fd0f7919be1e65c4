"""Presentation mode's big numbers are the summary screen's: the same P80 date, the same findings count."""

from __future__ import annotations

from aiplanner.checks.summary import DEFAULT_ITERATIONS, DEFAULT_SEED, executive_summary
from aiplanner.io.native import load_plan
from aiplanner.schedule import schedule_plan
from aiplanner.ui.workshop.presentation_facts import FactsCache
from tests.paths import SAMPLES


def test_the_p80_in_big_numbers_is_the_summary_screens():
    # the enterprise sample's P80 is 2027-09-02 with 500 runs and 2027-09-01 with the summary's 10,000
    plan = load_plan(SAMPLES / "enterprise-rollout.aiplan")
    facts = FactsCache().compute(("plan", 0), plan, schedule_plan(plan))
    summary = executive_summary(plan, iterations=DEFAULT_ITERATIONS, seed=DEFAULT_SEED)
    assert facts.p80 == summary.risk.p80
    assert facts.findings == sum(summary.findings.values())
