"""Phase lengths, the foundation timeline and deadlines."""

from __future__ import annotations

import datetime as dt

from aiplanner.checks import run_checks
from aiplanner.model import Calendar
from tests.checks.conftest import edit, without


def found(plan, rule):
    return [f for f in run_checks(plan) if f.rule == rule]


def test_phase_too_long_and_too_short(healthy):
    (f,) = found(edit(healthy, "a1", duration=30), "timeline.phase-length")
    assert f.phases == ("assessment",) and "7 working weeks" in f.message and "4-6 weeks" in f.message
    (g,) = found(edit(edit(healthy, "b2", duration=20), "b5", duration=20), "timeline.phase-length")
    assert g.phases == ("build",) and "6 working weeks" in g.message and "8-12" in g.message


def test_weeks_follow_the_calendar(healthy):
    # A four-day week: the 25-day assessment is 6.25 weeks.
    plan = healthy.model_copy(update={"calendar": Calendar(workdays=["mon", "tue", "wed", "thu"])})
    phases = {f.phases[0] for f in found(plan, "timeline.phase-length")}
    assert "assessment" in phases and "design" not in phases  # 30 days = 7.5 weeks


def test_foundation_outside_six_to_nine_months_is_information(healthy):
    (f,) = found(edit(healthy, "s1", duration=140), "timeline.foundation-length")
    assert f.severity == "info" and "initial scaling" in f.message and "6-9 months" in f.message
    (g,) = found(without(healthy, "s1", "s2", "s3", "s4"), "timeline.foundation-length")
    assert "Build Foundation" in g.message  # no scale phase left: measured to the end of Build


def test_missed_deadline_is_an_error(healthy):
    (f,) = found(edit(healthy, "b2", deadline=dt.date(2026, 9, 18)), "timeline.missed-deadline")
    assert f.severity == "error" and f.tasks == ("b2",) and "5 working days after" in f.message
    assert found(edit(healthy, "b2", deadline=dt.date(2026, 9, 25)), "timeline.missed-deadline") == []
