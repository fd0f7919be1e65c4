"""MS Project files get the dates MS Project gives them (issue #15).

Each test builds a small MSPDI file with the one feature at stake, as MS
Project writes it, and checks the imported plan's schedule against the
file's own Start and Finish.
"""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.io.mspdi.reader import read_mspdi_bytes
from aiplanner.io.mspdi.recurrence import exception_dates
from aiplanner.schedule import schedule_plan

D = dt.date.fromisoformat

_HOURS = ("<WorkingTimes><WorkingTime><FromTime>{a}</FromTime><ToTime>{b}</ToTime></WorkingTime>"
          "<WorkingTime><FromTime>{c}</FromTime><ToTime>{d}</ToTime></WorkingTime></WorkingTimes>")


def _calendar(exceptions: str = "", hours: tuple[str, str, str, str] = ("08:00:00", "12:00:00", "13:00:00",
                                                                        "17:00:00")) -> str:
    days = "".join(
        f"<WeekDay><DayType>{k}</DayType><DayWorking>{int(2 <= k <= 6)}</DayWorking>"
        + (_HOURS.format(a=hours[0], b=hours[1], c=hours[2], d=hours[3]) if 2 <= k <= 6 else "") + "</WeekDay>"
        for k in range(1, 8))
    return (f"<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>"
            f"<WeekDays>{days}</WeekDays>{'<Exceptions>' + exceptions + '</Exceptions>' if exceptions else ''}"
            "</Calendar></Calendars>")


def _task(uid: int, start: str, finish: str, duration: str, *, fmt: int = 7, extra: str = "") -> str:
    return (f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>T{uid}</Name><OutlineLevel>1</OutlineLevel>"
            f"<Start>{start}</Start><Finish>{finish}</Finish><Duration>{duration}</Duration>"
            f"<DurationFormat>{fmt}</DurationFormat>{extra}</Task>")


def _project(tasks: str, *, start: str = "2018-01-01T08:00:00", minutes: int = 480, calendar: str | None = None,
             rest: str = "") -> bytes:
    return (f'<Project xmlns="http://schemas.microsoft.com/project"><StartDate>{start}</StartDate>'
            f"<MinutesPerDay>{minutes}</MinutesPerDay><CalendarUID>1</CalendarUID>{calendar or _calendar()}"
            f"<Tasks>{tasks}</Tasks>{rest}</Project>").encode()


def _dates(result) -> dict[str, tuple[str, str]]:
    sched = schedule_plan(result.plan)
    return {t.id: (str(sched.tasks[t.id].start), str(sched.tasks[t.id].finish)) for t in result.plan.tasks}


def test_tasks_before_the_project_start_date_keep_their_dates():
    # Manually scheduled work in 2016 in a project whose StartDate says 2018.
    result = read_mspdi_bytes(_project(
        _task(1, "2016-01-04T08:00:00", "2016-01-15T17:00:00", "PT80H0M0S", extra="<Manual>1</Manual>")
        + _task(2, "2018-01-01T08:00:00", "2018-01-02T17:00:00", "PT16H0M0S")))
    assert result.plan.start == D("2016-01-04")
    assert _dates(result) == {"t1": ("2016-01-04", "2016-01-15"), "t2": ("2018-01-01", "2018-01-02")}
    assert not any("differs" in w for w in result.warnings)


def test_the_project_summary_start_counts_when_earlier():
    summary = ("<Task><UID>0</UID><Name>P</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary>"
               "<Start>2017-12-01T08:00:00</Start><Finish>2018-01-02T17:00:00</Finish></Task>")
    result = read_mspdi_bytes(_project(summary + _task(1, "2018-01-01T08:00:00", "2018-01-02T17:00:00",
                                                       "PT16H0M0S")))
    assert result.plan.start == D("2017-12-01")
    assert _dates(result) == {"t1": ("2018-01-01", "2018-01-02")}


def test_hours_are_measured_by_the_calendar_not_minutes_per_day():
    # 125 h on an 8-hour calendar is 16 working days (15.6), although MinutesPerDay says 7.5 h.
    result = read_mspdi_bytes(_project(_task(1, "2008-11-20T08:00:00", "2008-12-11T15:00:00", "PT125H0M0S"),
                                       start="2008-11-20T08:00:00", minutes=450))
    assert result.plan.tasks[0].duration == 16
    assert _dates(result) == {"t1": ("2008-11-20", "2008-12-11")}
    assert any("MinutesPerDay 450 differs from the calendar's 480" in w for w in result.warnings)


def test_a_calendar_of_other_hours_sizes_the_days():
    # 16 working hours a day: 800 h is 50 days.
    cal = _calendar(hours=("06:00:00", "14:00:00", "14:00:00", "22:00:00"))
    result = read_mspdi_bytes(_project(_task(1, "2003-01-07T06:00:00", "2003-03-17T22:00:00", "PT800H0M0S"),
                                       start="2003-01-07T06:00:00", calendar=cal))
    assert result.plan.tasks[0].duration == 50
    assert _dates(result) == {"t1": ("2003-01-07", "2003-03-17")}


def test_elapsed_durations_become_the_working_days_they_span():
    # 7 elapsed days (168 h, format 8 = "edays") from Wednesday to Wednesday: 6 working days.
    result = read_mspdi_bytes(_project(_task(1, "2009-03-25T08:00:00", "2009-04-01T08:00:00", "PT168H0M0S",
                                             fmt=8), start="2009-03-25T08:00:00"))
    assert result.plan.tasks[0].duration == 6
    assert _dates(result) == {"t1": ("2009-03-25", "2009-04-01")}
    assert any("elapsed duration of 7 days imported as the 6 working days it spans" in w for w in result.warnings)


def _timephased(task_uid: int, periods: list[tuple[str, str, str | None]]) -> str:
    items = "".join(f"<TimephasedData><Type>1</Type><UID>1</UID><Start>{a}</Start><Finish>{b}</Finish>"
                    f"<Unit>2</Unit>{f'<Value>{v}</Value>' if v else ''}</TimephasedData>" for a, b, v in periods)
    return (f"<Assignments><Assignment><UID>1</UID><TaskUID>{task_uid}</TaskUID><ResourceUID>-65535</ResourceUID>"
            f"{items}</Assignment></Assignments>")


def test_a_split_task_keeps_its_span_and_is_reported():
    # 3 days of work: Monday, then nothing Tuesday-Wednesday, then Thursday-Friday.
    periods = [("2018-01-01T08:00:00", "2018-01-02T08:00:00", "PT8H0M0S"),
               ("2018-01-02T08:00:00", "2018-01-04T08:00:00", "PT0H0M0S"),
               ("2018-01-04T08:00:00", "2018-01-05T17:00:00", "PT16H0M0S")]
    result = read_mspdi_bytes(_project(_task(1, "2018-01-01T08:00:00", "2018-01-05T17:00:00", "PT24H0M0S"),
                                       rest=_timephased(1, periods)))
    assert result.plan.tasks[0].duration == 5
    assert _dates(result) == {"t1": ("2018-01-01", "2018-01-05")}
    assert any("split task" in w and "5 working days it spans (3 of work)" in w for w in result.warnings)


def test_a_weekend_without_work_is_not_a_split():
    periods = [("2018-01-05T08:00:00", "2018-01-06T08:00:00", "PT8H0M0S"),
               ("2018-01-06T08:00:00", "2018-01-08T08:00:00", None),
               ("2018-01-08T08:00:00", "2018-01-08T17:00:00", "PT8H0M0S")]
    result = read_mspdi_bytes(_project(_task(1, "2018-01-05T08:00:00", "2018-01-08T17:00:00", "PT16H0M0S"),
                                       rest=_timephased(1, periods)))
    assert result.plan.tasks[0].duration == 2
    assert not any("split" in w for w in result.warnings)


def test_a_finish_that_differs_from_the_file_is_reported():
    # The file says 2 days of work but a finish a week later (hand-edited): named, start agrees.
    result = read_mspdi_bytes(_project(_task(1, "2018-01-01T08:00:00", "2018-01-09T17:00:00", "PT16H0M0S")))
    assert [w for w in result.warnings if "differs" in w] == [
        "task UID 1: 't1' is scheduled 2018-01-01 to 2018-01-02, which differs from the source file"]


def _exception(name: str, first: str, last: str, fields: str, working: int = 0) -> str:
    return (f"<Exception><TimePeriod><FromDate>{first}T00:00:00</FromDate><ToDate>{last}T23:59:00</ToDate>"
            f"</TimePeriod><Name>{name}</Name>{fields}<DayWorking>{working}</DayWorking></Exception>")


def test_recurring_and_working_exceptions_are_imported():
    exceptions = (
        _exception("Every other Tuesday", "2018-01-01", "2018-01-31", "<Type>6</Type><Period>2</Period>"
                   "<DaysOfWeek>4</DaysOfWeek>")
        + _exception("Founders' day", "2018-01-01", "2020-12-31", "<Type>2</Type><Month>0</Month>"
                     "<MonthDay>19</MonthDay>")
        + _exception("Stocktake Saturday", "2018-01-01", "2018-02-28", "<Type>5</Type><Period>1</Period>"
                     "<MonthItem>9</MonthItem><MonthPosition>4</MonthPosition>", working=1))
    result = read_mspdi_bytes(_project(_task(1, "2018-01-01T08:00:00", "2018-01-31T17:00:00", "PT160H0M0S"),
                                       calendar=_calendar(exceptions)))
    cal = result.plan.calendar
    # 19 January falls on a Saturday in 2019 and a Sunday in 2020: no working day to close.
    assert cal.holidays == [D("2018-01-02"), D("2018-01-16"), D("2018-01-19"), D("2018-01-30")]
    assert cal.extra_workdays == [D("2018-01-27"), D("2018-02-24")]  # the last Saturdays, worked
    # January 2018: 23 weekdays, 4 of them closed, 1 Saturday worked = 20 working days = 160 h.
    assert result.plan.tasks[0].duration == 20
    assert _dates(result) == {"t1": ("2018-01-01", "2018-01-31")}
    assert not any("recur" in w or "differs" in w for w in result.warnings)


# Expected dates: MPXJ's own test of these recurrences (RecurringExceptionsTest, the dates MS Project shows).
@pytest.mark.parametrize("fields, first, last, expected", [
    ({"Type": "7", "Period": "3"}, "2000-02-01", "2000-02-10", ["2000-02-01", "2000-02-04", "2000-02-07",
                                                                "2000-02-10"]),
    ({"Type": "6", "Period": "4", "DaysOfWeek": "16"}, "2001-01-01", "2001-05-24",
     ["2001-01-04", "2001-02-01", "2001-03-01", "2001-03-29", "2001-04-26", "2001-05-24"]),
    ({"Type": "6", "Period": "7", "DaysOfWeek": "1"}, "2001-01-01", "2002-03-17",
     ["2001-02-18", "2001-04-08", "2001-05-27", "2001-07-15", "2001-09-02", "2001-10-21", "2001-12-09",
      "2002-01-27", "2002-03-17"]),
    ({"Type": "5", "Period": "3", "MonthItem": "5", "MonthPosition": "1"}, "2002-01-01", "2002-10-08",
     ["2002-01-08", "2002-04-09", "2002-07-09", "2002-10-08"]),
    ({"Type": "5", "Period": "6", "MonthItem": "8", "MonthPosition": "4"}, "2002-01-01", "2005-01-28",
     ["2002-01-25", "2002-07-26", "2003-01-31", "2003-07-25", "2004-01-30", "2004-07-30", "2005-01-28"]),
    ({"Type": "4", "Period": "5", "MonthDay": "4"}, "2003-01-01", "2005-02-04",
     ["2003-01-04", "2003-06-04", "2003-11-04", "2004-04-04", "2004-09-04", "2005-02-04"]),
    ({"Type": "3", "Month": "4", "MonthItem": "7", "MonthPosition": "2"}, "2004-01-01", "2009-05-21",
     ["2004-05-20", "2005-05-19", "2006-05-18", "2007-05-17", "2008-05-15", "2009-05-21"]),
    ({"Type": "2", "Month": "2", "MonthDay": "2"}, "2005-01-01", "2008-03-02",
     ["2005-03-02", "2006-03-02", "2007-03-02", "2008-03-02"]),
])
def test_recurrences_expand_as_ms_project_does(fields, first, last, expected):
    assert exception_dates(fields, D(first), D(last)) == [D(d) for d in expected]
