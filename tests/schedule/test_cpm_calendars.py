"""Schedules on different calendars: plan starts, weekday sets, holidays."""

from __future__ import annotations

from aiplanner.schedule import schedule_plan
from tests.schedule.helpers import D, T, make, span


def test_holiday_inside_a_task_extends_it():
    s = schedule_plan(make([T("a", 5)], holidays=[D(2026, 5, 6)]))
    assert span(s, "a") == (D(2026, 5, 4), D(2026, 5, 11))


def test_weekend_plan_start_starts_on_monday():
    s = schedule_plan(make([T("a", 3), T("m", 0)], start=D(2026, 5, 2)))
    assert span(s, "a") == (D(2026, 5, 4), D(2026, 5, 6))
    assert span(s, "m") == (D(2026, 5, 4), D(2026, 5, 4))
    assert s.start == D(2026, 5, 4)


def test_friday_plan_start_crosses_the_weekend():
    s = schedule_plan(make([T("a", 3), T("b", 2, "a")], start=D(2026, 5, 1)))
    assert span(s, "a") == (D(2026, 5, 1), D(2026, 5, 5))
    assert span(s, "b") == (D(2026, 5, 6), D(2026, 5, 7))


def test_wednesday_plan_start():
    s = schedule_plan(make([T("a", 5), T("b", 5, "a")], start=D(2026, 5, 6)))
    assert span(s, "a") == (D(2026, 5, 6), D(2026, 5, 12))
    assert span(s, "b") == (D(2026, 5, 13), D(2026, 5, 19))
    assert s.duration == 10


def test_six_day_week():
    s = schedule_plan(make([T("a", 8), T("b", 1, "a")], workdays=["mon", "tue", "wed", "thu", "fri", "sat"]))
    assert span(s, "a") == (D(2026, 5, 4), D(2026, 5, 12))   # Mon 4 .. Sat 9, Mon 11, Tue 12
    assert span(s, "b") == (D(2026, 5, 13), D(2026, 5, 13))


def test_sun_thu_week():
    plan = make([T("a", 5), T("b", 3, ("a", "FS", 2)), T("m", 0, "a")], start=D(2026, 5, 1),
                workdays=["sun", "mon", "tue", "wed", "thu"])
    s = schedule_plan(plan)
    assert span(s, "a") == (D(2026, 5, 3), D(2026, 5, 7))
    assert span(s, "m") == (D(2026, 5, 7), D(2026, 5, 7))   # Thursday ends the week
    assert span(s, "b") == (D(2026, 5, 12), D(2026, 5, 14))  # Sun 10, Mon 11 are the lag


def test_public_holidays_by_country():
    # DE 2026: Ascension Thu 14 May, Whit Monday 25 May
    s = schedule_plan(make([T("a", 5), T("b", 5, "a")], start=D(2026, 5, 11), country="DE"))
    assert span(s, "a") == (D(2026, 5, 11), D(2026, 5, 18))
    assert span(s, "b") == (D(2026, 5, 19), D(2026, 5, 26))


def test_public_holidays_at_the_year_end():
    # England: Christmas Fri 25, Boxing Day observed Mon 28, New Year's Day Fri 1
    s = schedule_plan(make([T("a", 5), T("b", 1, "a")], start=D(2026, 12, 23), country="GB", subdivision="ENG"))
    assert span(s, "a") == (D(2026, 12, 23), D(2026, 12, 31))
    assert span(s, "b") == (D(2027, 1, 4), D(2027, 1, 4))


def test_us_observed_holiday():
    s = schedule_plan(make([T("a", 5)], start=D(2026, 6, 29), country="US"))
    assert span(s, "a") == (D(2026, 6, 29), D(2026, 7, 6))  # Fri 3 July is the observed Independence Day


def test_not_before_before_the_plan_start_is_ignored():
    s = schedule_plan(make([T("a", 2, not_before=D(2026, 4, 1))]))
    assert span(s, "a") == (D(2026, 5, 4), D(2026, 5, 5))
