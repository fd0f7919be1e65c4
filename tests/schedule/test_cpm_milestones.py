"""Milestones are dated as MS Project dates them (DESIGN.md).

An end-type link (FS, FF) binds a milestone to the working day that ends at
its time point; a start-type bound (SS, SF, not-before, plan start) to the
day that begins at it. When an end-type and a start-type link meet at one
point, the end-type link dates it; a not-before date (or the plan start)
that meets an end-type link keeps the start reading.
"""

from __future__ import annotations

import pytest

from aiplanner.schedule import schedule_plan
from tests.schedule.helpers import D, T, make, span

FRI8, MON11 = D(2026, 5, 8), D(2026, 5, 11)


@pytest.mark.parametrize(
    "link, day",
    [
        (("a", "FS", 0), FRI8),           # a finishes on Friday: milestone on Friday
        (("a", "FF", 0), FRI8),
        (("a", "SS", 5), MON11),          # start-type: the day that begins at point 5
        (("a", "SF", 5), MON11),
        (("a", "FS", 1), MON11),          # Fri 8 end + 1 working day = end of Mon 11
        (("a", "FS", -1), D(2026, 5, 7)),
        (("a", "FF", 2), D(2026, 5, 12)),
        (("a", "SS", 0), D(2026, 5, 4)),
    ],
)
def test_milestone_reading_per_link(link, day):
    s = schedule_plan(make([T("a", 5), T("m", 0, link)]))
    assert span(s, "m") == (day, day)
    assert s.tasks["m"].milestone and s.tasks["m"].duration == 0


def test_tie_between_an_end_and_a_start_link_goes_to_the_end_link():
    # a ends at point 5 (Friday's end); b starts at point 0, SS + 5 also reaches point 5
    s = schedule_plan(make([T("a", 5), T("b", 5), T("m", 0, "a", ("b", "SS", 5))]))
    assert span(s, "m") == (FRI8, FRI8)


def test_milestone_with_an_sf_and_an_fs_predecessor_meeting_at_one_point():
    # SF: E_m >= S_b + 5 = point 5 (start-type); FS: S_m >= E_a = point 5 (end-type).
    s = schedule_plan(make([T("a", 5), T("b", 3), T("m", 0, ("b", "SF", 5), "a"), T("n", 1, "m")]))
    assert span(s, "m") == (FRI8, FRI8)
    assert span(s, "n") == (MON11, MON11)
    assert s.finish == MON11
    # the same links in the other order, and a later start-type link still wins
    assert span(schedule_plan(make([T("a", 5), T("b", 3), T("m", 0, "a", ("b", "SF", 5))])), "m") == (FRI8, FRI8)
    later = schedule_plan(make([T("a", 5), T("b", 3), T("m", 0, "a", ("b", "SF", 6))]))
    assert span(later, "m") == (D(2026, 5, 12), D(2026, 5, 12))  # point 6 read as a start: Tuesday


def test_tie_with_an_ff_link_and_an_sf_link_goes_to_the_end_link():
    s = schedule_plan(make([T("a", 4), T("b", 2), T("m", 0, ("a", "FF", 1), ("b", "SF", 5))]))
    assert span(s, "m") == (FRI8, FRI8)


def test_not_before_equal_to_an_end_bound_wins():
    s = schedule_plan(make([T("a", 5), T("m", 0, "a", not_before=MON11)]))
    assert span(s, "m") == (MON11, MON11)


def test_end_reading_passes_through_milestone_chains():
    s = schedule_plan(make([T("a", 5), T("m1", 0, "a"), T("m2", 0, "m1"), T("m3", 0, ("m1", "SS", 0)),
                            T("b", 2, "m1")]))
    assert span(s, "m1") == (FRI8, FRI8)
    assert span(s, "m2") == (FRI8, FRI8)
    assert span(s, "m3") == (FRI8, FRI8)   # SS from a milestone reads its point as it was read
    assert span(s, "b") == (MON11, D(2026, 5, 12))   # a task after it starts the next working day


def test_milestone_before_a_holiday_stays_on_friday():
    s = schedule_plan(make([T("a", 5), T("m", 0, "a")], holidays=[MON11]))
    assert span(s, "m") == (FRI8, FRI8)
    assert s.finish == FRI8


def test_milestones_without_links_and_with_not_before():
    s = schedule_plan(make([T("m", 0), T("n", 0, not_before=D(2026, 5, 9))]))
    assert span(s, "m") == (D(2026, 5, 4), D(2026, 5, 4))
    assert span(s, "n") == (MON11, MON11)   # Saturday -> Monday


def test_milestone_late_dates_and_float():
    s = schedule_plan(make([T("a", 5), T("b", 8), T("m", 0, "a")]))
    m = s.tasks["m"]
    assert (m.total_float, m.free_float) == (3, 3)
    assert m.late_start == m.late_finish == D(2026, 5, 13)  # end of point 8 -> Wed 13


def test_milestone_deadline_uses_its_dated_day():
    s = schedule_plan(make([T("a", 5), T("m", 0, "a", deadline=FRI8), T("n", 0, "a", deadline=D(2026, 5, 7))]))
    assert s.tasks["m"].deadline_late is None
    assert s.tasks["n"].deadline_late == 1
    assert s.missed_deadlines == ["n"]
