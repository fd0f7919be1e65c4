"""Parsing and formatting of typed cell text (no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.model.errors import EditError
from aiplanner.model.plan import Dependency, RoleDemand
from aiplanner.ui.tasks import cells


@pytest.mark.parametrize(("text", "per_week", "days"), [
    ("4", 5, 4), ("10d", 5, 10), ("3w", 5, 15), ("3w", 6, 18), (" 2 W ", 5, 10), ("1.5w", 4, 6), ("0", 5, 0),
])
def test_durations(text, per_week, days):
    assert cells.parse_duration(text, per_week) == days


@pytest.mark.parametrize("text", ["-3", "-1w", "", "abc", "3x", "w"])
def test_bad_durations_are_refused_with_a_reason(text):
    with pytest.raises(EditError) as info:
        cells.parse_duration(text)
    assert str(info.value)


def test_negative_duration_names_the_problem():
    with pytest.raises(EditError, match="negative"):
        cells.parse_duration("-2d")


def test_estimates_round_trip():
    est = cells.parse_estimate("10/15/25")
    assert (est.optimistic, est.likely, est.pessimistic) == (10, 15, 25)
    assert cells.format_estimate(est) == "10d/15d/25d"  # days, as the duration column reads
    assert cells.parse_estimate(cells.format_estimate(est)) == est
    assert cells.parse_estimate("") is None
    assert cells.parse_estimate("1w/2w/3w").pessimistic == 15
    with pytest.raises(EditError, match="ordered"):
        cells.parse_estimate("20/15/25")
    with pytest.raises(EditError, match="three"):
        cells.parse_estimate("10/15")


def test_links_use_the_shared_syntax():
    deps = cells.parse_links("a1FS+2, b2SS; c3")
    assert [(d.task, d.type, d.lag) for d in deps] == [("a1", "FS", 2), ("b2", "SS", 0), ("c3", "FS", 0)]
    assert cells.format_links([Dependency(task="b2", type="SS", lag=3)]) == "b2SS+3"
    with pytest.raises(EditError):
        cells.parse_links("a1, ???")


def test_demands():
    demands = cells.parse_demands("ai-product-manager:0.5, mlops-engineer", roles=["ai-product-manager", "mlops-engineer"])
    assert demands == [RoleDemand(role="ai-product-manager", fte=0.5), RoleDemand(role="mlops-engineer", fte=1)]
    assert cells.format_demands(demands) == "ai-product-manager:0.5, mlops-engineer"
    with pytest.raises(EditError, match="unknown role 'wizard'"):
        cells.parse_demands("wizard:1", roles=["mlops-engineer"])
    with pytest.raises(EditError, match="more than 0"):
        cells.parse_demands("mlops-engineer:0")
    with pytest.raises(EditError, match="twice"):
        cells.parse_demands("a, a")


def test_dates_and_progress():
    assert cells.parse_date("2026-05-04") == dt.date(2026, 5, 4)
    assert cells.parse_date(" ") is None
    with pytest.raises(EditError, match="YYYY-MM-DD"):
        cells.parse_date("4 May")
    assert cells.parse_progress("50%") == 50
    assert cells.format_progress(12.5) == "12.5%"
    with pytest.raises(EditError, match="between 0 and 100"):
        cells.parse_progress("150")
