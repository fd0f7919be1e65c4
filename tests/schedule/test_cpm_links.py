"""Every link type with positive and negative lag, hand-checked on a calendar.

May 2026: Mon 4 .. Fri 8, Mon 11 .. Fri 15, Mon 18 .. Fri 22. Task ``a``
takes 5 days: Mon 4 .. Fri 8 (time points 0 .. 5).
"""

from __future__ import annotations

import pytest

from aiplanner.schedule import schedule_plan
from tests.schedule.helpers import D, T, make, span


@pytest.mark.parametrize(
    "kind, lag, start, finish",
    [
        ("FS", 0, D(2026, 5, 11), D(2026, 5, 13)),
        ("FS", 2, D(2026, 5, 13), D(2026, 5, 15)),   # Fri 8 + 2 working days
        ("FS", -2, D(2026, 5, 7), D(2026, 5, 11)),   # two-day lead: starts Thu 7
        ("SS", 0, D(2026, 5, 4), D(2026, 5, 6)),
        ("SS", 1, D(2026, 5, 5), D(2026, 5, 7)),
        ("SS", 7, D(2026, 5, 13), D(2026, 5, 15)),
        ("SS", -1, D(2026, 5, 4), D(2026, 5, 6)),    # would start before the plan: held at it
        ("FF", 0, D(2026, 5, 6), D(2026, 5, 8)),
        ("FF", 1, D(2026, 5, 7), D(2026, 5, 11)),
        ("FF", -1, D(2026, 5, 5), D(2026, 5, 7)),
        ("SF", 3, D(2026, 5, 4), D(2026, 5, 6)),     # E >= S_a + 3 = 3: exactly at the plan start
        ("SF", 6, D(2026, 5, 7), D(2026, 5, 11)),    # E >= 6 -> S = 3 (Thu 7)
        ("SF", 1, D(2026, 5, 4), D(2026, 5, 6)),     # would start before the plan: held
        ("SF", -1, D(2026, 5, 4), D(2026, 5, 6)),
    ],
)
def test_each_link_type(kind, lag, start, finish):
    s = schedule_plan(make([T("a", 5), T("b", 3, ("a", kind, lag))]))
    assert span(s, "a") == (D(2026, 5, 4), D(2026, 5, 8))
    assert span(s, "b") == (start, finish)


@pytest.mark.parametrize(
    "kind, lag, start, finish",
    [
        ("SS", 0, D(2026, 5, 6), D(2026, 5, 8)),
        ("SS", -2, D(2026, 5, 4), D(2026, 5, 6)),
        ("SF", 0, D(2026, 5, 4), D(2026, 5, 6)),     # E >= 2 -> S = -1: held at the plan start
        ("SF", 4, D(2026, 5, 7), D(2026, 5, 11)),    # E >= 6
        ("FF", -2, D(2026, 5, 6), D(2026, 5, 8)),    # E >= 7 - 2 = 5 -> S = 2 (Wed 6)
        ("FS", -3, D(2026, 5, 8), D(2026, 5, 12)),   # S >= 7 - 3 = 4 (Fri 8)
    ],
)
def test_links_from_a_task_that_starts_late(kind, lag, start, finish):
    # a is held by not-before Wed 6: Wed 6 .. Tue 12 (points 2 .. 7).
    s = schedule_plan(make([T("a", 5, not_before=D(2026, 5, 6)), T("b", 3, ("a", kind, lag))]))
    assert span(s, "a") == (D(2026, 5, 6), D(2026, 5, 12))
    assert span(s, "b") == (start, finish)


def test_chain_over_weekend_and_holiday():
    plan = make([T("a", 5), T("b", 3, "a")], holidays=[D(2026, 5, 12)])
    s = schedule_plan(plan)
    assert span(s, "a") == (D(2026, 5, 4), D(2026, 5, 8))
    # Mon 11, (Tue 12 holiday), Wed 13, Thu 14
    assert span(s, "b") == (D(2026, 5, 11), D(2026, 5, 14))
    assert s.finish == D(2026, 5, 14) and s.start == D(2026, 5, 4)


def test_lag_counts_working_days_across_a_holiday():
    # FS +2 from Fri 8 skips the weekend and the holiday on Mon 11: Tue 12, Wed 13 -> starts Thu 14
    s = schedule_plan(make([T("a", 5), T("b", 1, ("a", "FS", 2))], holidays=[D(2026, 5, 11)]))
    assert span(s, "b") == (D(2026, 5, 14), D(2026, 5, 14))


def test_several_predecessors_take_the_latest():
    s = schedule_plan(make([T("a", 5), T("b", 2), T("c", 2, ("a", "SS", 1), ("b", "FS", 4))]))
    # SS: point 1; FS: point 2 + 4 = 6 (Tue 12)
    assert span(s, "c") == (D(2026, 5, 12), D(2026, 5, 13))
