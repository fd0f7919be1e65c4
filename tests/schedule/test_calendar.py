"""Working-day calendar: weekday sets, holidays, public holidays, long ranges."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiplanner.model import Absence, Calendar, Person
from aiplanner.schedule import CalendarError, WorkCalendar, available_dates, available_days, is_available
from aiplanner.schedule.calendar import public_holidays
from tests.schedule.helpers import D

WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def brute_index(day: dt.date, origin: dt.date, workdays, closed) -> int:
    """Index of the first working day on/after ``day``, by walking day by day."""
    def working(d):
        return WEEK[d.weekday()] in workdays and d not in closed

    zero = origin
    while not working(zero):
        zero += dt.timedelta(days=1)
    first = day
    while not working(first):
        first += dt.timedelta(days=1)
    step = 1 if first >= zero else -1
    count, d = 0, zero
    while d != first:
        d += dt.timedelta(days=step)
        if working(d):
            count += step
    return count


def test_friday_origin_and_weekend():
    cal = WorkCalendar(Calendar(), D(2026, 5, 1))
    assert [cal.date_of(i) for i in (-1, 0, 1)] == [D(2026, 4, 30), D(2026, 5, 1), D(2026, 5, 4)]
    assert cal.index_on_or_after(D(2026, 5, 2)) == 1
    assert cal.index_on_or_before(D(2026, 5, 3)) == 0
    assert not cal.is_working(D(2026, 5, 3)) and cal.is_working(D(2026, 5, 4))
    assert cal.days_per_week == 5


def test_saturday_origin_numbers_from_monday():
    cal = WorkCalendar(Calendar(), D(2026, 5, 2))
    assert cal.date_of(0) == D(2026, 5, 4) and cal.index_on_or_before(D(2026, 5, 2)) == -1


def test_six_day_and_sun_thu_weeks():
    six = WorkCalendar(Calendar(workdays=list(WEEK[:6])), D(2026, 5, 4))
    assert six.date_of(5) == D(2026, 5, 9) and six.date_of(6) == D(2026, 5, 11) and six.days_per_week == 6
    gulf = WorkCalendar(Calendar(workdays=["sun", "mon", "tue", "wed", "thu"]), D(2026, 5, 1))
    assert [gulf.date_of(i) for i in range(6)] == [
        D(2026, 5, 3), D(2026, 5, 4), D(2026, 5, 5), D(2026, 5, 6), D(2026, 5, 7), D(2026, 5, 10)]


def test_leap_day_and_year_end():
    cal = WorkCalendar(Calendar(holidays=[D(2028, 12, 25), D(2029, 1, 1)]), D(2028, 2, 28))
    assert [cal.date_of(i) for i in range(3)] == [D(2028, 2, 28), D(2028, 2, 29), D(2028, 3, 1)]
    last = cal.index_on_or_before(D(2028, 12, 29))
    assert cal.date_of(last + 1) == D(2029, 1, 2)  # over the weekend and New Year's Day
    assert cal.working_days_between(D(2028, 12, 25), D(2029, 1, 5)) == 8


def test_public_holidays_by_country_and_subdivision():
    by = WorkCalendar(Calendar(country="DE", subdivision="BY"), D(2026, 6, 1))
    be = WorkCalendar(Calendar(country="DE", subdivision="BE"), D(2026, 6, 1))
    assert not by.is_working(D(2026, 6, 4))   # Corpus Christi in Bavaria
    assert be.is_working(D(2026, 6, 4))
    assert by.holidays_between(D(2026, 6, 1), D(2026, 6, 30)) == [D(2026, 6, 4)]
    assert D(2026, 7, 3) in public_holidays("US", None, [2026])   # Independence Day observed


def test_public_holidays_load_for_far_years():
    cal = WorkCalendar(Calendar(country="GB", subdivision="ENG"), D(2026, 5, 4))
    assert not cal.is_working(D(2061, 12, 26)) and not cal.is_working(D(1999, 12, 27))
    assert not cal.is_working(D(2061, 12, 27)) and cal.is_working(D(2061, 12, 28))  # Christmas observed Tue 27


def test_unknown_region_is_a_plan_error():
    with pytest.raises(CalendarError, match="unknown public-holiday region 'XX'"):
        WorkCalendar(Calendar(country="XX"), D(2026, 5, 4))
    with pytest.raises(CalendarError, match="DE/ZZ"):
        WorkCalendar(Calendar(country="DE", subdivision="ZZ"), D(2026, 5, 4))


def test_dates_outside_supported_years():
    with pytest.raises(CalendarError):
        WorkCalendar(Calendar(), D(1800, 1, 1))
    cal = WorkCalendar(Calendar(), D(2026, 5, 4))
    with pytest.raises(CalendarError):
        cal.index_on_or_after(D(2600, 1, 1))


@settings(max_examples=25, deadline=None)
@given(
    origin=st.dates(D(1990, 1, 1), D(2060, 12, 31)),
    day=st.dates(D(1985, 1, 1), D(2075, 12, 31)),
    workdays=st.sets(st.sampled_from(WEEK), min_size=1),
    holidays=st.lists(st.dates(D(1985, 1, 1), D(2075, 12, 31)), max_size=30),
)
def test_conversions_match_day_by_day_counting(origin, day, workdays, holidays):
    cal = WorkCalendar(Calendar(workdays=sorted(workdays, key=WEEK.index), holidays=holidays), origin)
    index = cal.index_on_or_after(day)
    assert index == brute_index(day, origin, workdays, set(holidays))
    assert cal.date_of(index) >= day and cal.is_working(cal.date_of(index))
    assert cal.index_on_or_after(cal.date_of(index)) == index
    assert cal.index_on_or_before(day) == (index if cal.is_working(day) else index - 1)


def test_person_availability_subtracts_overlapping_absences():
    cal = WorkCalendar(Calendar(holidays=[D(2026, 5, 14)]), D(2026, 5, 4))
    ana = Person(id="ana", name="Ana", absences=[
        Absence(start=D(2026, 5, 6), end=D(2026, 5, 8)),
        Absence(start=D(2026, 5, 8), end=D(2026, 5, 12)),   # overlaps the first
        Absence(start=D(2026, 6, 1), end=D(2026, 6, 5)),    # outside the range
    ])
    # 4..15 May: 10 weekdays - holiday 14 = 9 working days; away 6, 7, 8, 11, 12
    assert available_days(cal, ana, D(2026, 5, 4), D(2026, 5, 15)) == 4
    assert available_dates(cal, ana, D(2026, 5, 4), D(2026, 5, 15)) == [
        D(2026, 5, 4), D(2026, 5, 5), D(2026, 5, 13), D(2026, 5, 15)]
    assert not is_available(cal, ana, D(2026, 5, 7)) and is_available(cal, ana, D(2026, 5, 13))
    assert available_days(cal, ana, D(2026, 5, 15), D(2026, 5, 4)) == 0
    assert available_days(cal, Person(id="bo", name="Bo"), D(2026, 5, 4), D(2026, 5, 15)) == 9


def test_extra_workdays_are_worked_whatever_their_weekday():
    # Saturday 9 May 2026 is worked; Monday 11 May is a holiday.
    cal = WorkCalendar(Calendar(holidays=[D(2026, 5, 11)], extra_workdays=[D(2026, 5, 9)]), D(2026, 5, 4))
    assert cal.is_working(D(2026, 5, 9)) and not cal.is_working(D(2026, 5, 10))
    assert [cal.date_of(i) for i in range(4, 7)] == [D(2026, 5, 8), D(2026, 5, 9), D(2026, 5, 12)]
    assert cal.extra_workdays_between(D(2026, 5, 1), D(2026, 5, 31)) == [D(2026, 5, 9)]


def test_an_extra_workday_wins_over_a_public_holiday():
    # 25 Dec 2026 (a Friday) is a public holiday in England; this plan works it.
    cal = WorkCalendar(Calendar(country="GB", subdivision="ENG", extra_workdays=[D(2026, 12, 25)]), D(2026, 12, 1))
    assert cal.is_working(D(2026, 12, 25)) and not cal.is_working(D(2026, 12, 28))


def test_a_date_both_holiday_and_extra_workday_is_a_plan_problem():
    from aiplanner.model import Phase, Plan, plan_problems

    plan = Plan(start=D(2026, 5, 4), phases=[Phase(id="p", name="P")],
                calendar=Calendar(holidays=[D(2026, 5, 9)], extra_workdays=[D(2026, 5, 9)]))
    assert [str(p) for p in plan_problems(plan)] == [
        "$.calendar.extra_workdays[0]: 2026-05-09 is both a holiday and an extra working day"]
