"""Mermaid charts get the dates Mermaid 11 draws (issue #15).

Expected dates are what Mermaid 11.17 itself computes for the chart
(``ganttDb.getTasks()``, as the interop benchmark's oracle records it): a bar
runs from the day of its start to the day before its end when the end is at
midnight, else to the day of its end.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from aiplanner.io.mermaid.reader import read_mermaid
from aiplanner.model import InvalidPlanError
from aiplanner.schedule import schedule_plan

D = dt.date.fromisoformat


def dates(text: str):
    result = read_mermaid(textwrap.dedent(text).strip() + "\n", "chart.mmd")
    sched = schedule_plan(result.plan)
    return result, {t: (str(s.start), str(s.finish)) for t, s in sched.tasks.items()}


def test_sub_day_tasks_do_not_drift_a_day_per_link():
    # The docs chart's last section: a 20 h task, then a 48 h task that follows it.
    result, got = dates("""
        gantt
        dateFormat YYYY-MM-DD
        section Last section
        Describe gantt syntax :d1, 2014-01-13, 3d
        Add gantt diagram to demo page :20h
        Add another diagram to demo page :48h
        Then a day :1d
        """)
    # Mermaid: 16 Jan 00:00-20:00; 16 Jan 20:00 - 18 Jan 20:00; 18 Jan 20:00 - 19 Jan 20:00.
    assert got == {"d1": ("2014-01-13", "2014-01-15"), "task1": ("2014-01-16", "2014-01-16"),
                   "task2": ("2014-01-16", "2014-01-18"), "task3": ("2014-01-18", "2014-01-19")}
    assert not any("differs" in w for w in result.warnings)


def test_milliseconds_after_milliseconds_stay_on_their_day():
    result, got = dates("""
        gantt
        dateFormat x
        section s
        test1 :id1, 0, 20ms
        test2 :id2, after id1, 5ms
        """)
    assert got == {"id1": ("1970-01-01", "1970-01-01"), "id2": ("1970-01-01", "1970-01-01")}


def test_a_bare_zero_duration_is_a_milestone_without_a_word():
    result, got = dates("""
        gantt
        dateFormat YYYY-MM-DD
        A :a, 2024-02-01, 3d
        deadline :milestone, m, 2024-02-01, 0
        """)
    assert result.plan.task("m").is_milestone and got["m"] == ("2024-02-01", "2024-02-01")
    assert not any("line 4" in w for w in result.warnings)


def test_an_end_mermaid_cannot_read_gives_a_task_without_length_and_a_warning():
    result, got = dates("""
        gantt
        dateFormat YYYY-MM-DD
        A :a, 2026-05-04, 2d
        OK :milestore
        """)
    assert result.plan.task("task1").duration == 0
    assert any(w.startswith("line 4: task 'OK': end 'milestore' is neither") for w in result.warnings)


def test_a_trailing_comment_on_a_task_line_is_ignored():
    # As in Mermaid's docs: "9 :after 8, 1s   %% not yet official".
    result, got = dates("""
        gantt
        dateFormat YYYY-MM-DD
        A :a, 2026-05-04, 2d   %% two days
        B :b, after a, 1d%%no space
        """)
    assert got == {"a": ("2026-05-04", "2026-05-05"), "b": ("2026-05-06", "2026-05-06")}


@pytest.mark.parametrize("start, expected", [("1982", "1982-01-01"), ("2019-09-1", "2019-09-01"),
                                             ("2019-9", "2019-09-01"), ("Mar 7 2014", "2014-03-07")])
def test_partial_and_loose_dates_are_read_as_mermaid_reads_them(start, expected):
    result, got = dates(f"""
        gantt
        dateFormat YYYY-MM-DD
        Iron : {start}, 1d
        """)
    assert got["task1"] == (expected, expected)
    assert any("does not match dateFormat" in w and "line 3" in w for w in result.warnings)


def test_a_chart_without_date_format_is_read_and_warned_about():
    result, got = dates("""
        gantt
        Completed :done, des1, 2014-01-06, 2014-01-08
        """)
    assert got["des1"] == ("2014-01-06", "2014-01-07")
    assert any("no dateFormat" in w and "ignores end dates" in w for w in result.warnings)


def test_a_date_format_written_with_a_colon_is_read_and_warned_about():
    result, got = dates("""
        gantt
        dateFormat    :YYYY-MM-DD
        A :a, 2014-01-06, 2014-01-08
        """)
    assert got["a"] == ("2014-01-06", "2014-01-07")
    assert any(w.startswith("line 2: dateFormat written with a ':'") for w in result.warnings)


@pytest.mark.parametrize("line", ["Task :done, crit", "Task :milestone", "Task : active ,done"])
def test_a_task_line_of_tags_only_is_a_clean_error_at_its_line(line):
    with pytest.raises(InvalidPlanError) as info:
        read_mermaid(f"gantt\ndateFormat YYYY-MM-DD\nA :a, 2026-05-04, 1d\n{line}\n", "chart.mmd")
    assert str(info.value).startswith("chart.mmd: line 4: task 'Task' has only tags")


def test_includes_open_excluded_days_as_extra_working_days():
    result, got = dates("""
        gantt
        dateFormat YYYY-MM-DD
        excludes weekends
        includes 2021-10-09
        A :a, 2021-10-07, 4d
        """)
    # Thu 7, Fri 8, Sat 9 (included), Mon 11: as Mermaid draws it.
    assert result.plan.calendar.extra_workdays == [D("2021-10-09")]
    assert got["a"] == ("2021-10-07", "2021-10-11")


def test_excluded_dates_match_whatever_the_date_format():
    # Mermaid 11 compares a day in the chart's format and as YYYY-MM-DD.
    result, got = dates("""
        gantt
        dateFormat YYYY-MM-DD HH:mm:ss
        excludes 2025-07-07
        A :a1, 2025-07-04 00:00:00, 4d
        """)
    assert result.plan.calendar.holidays == [D("2025-07-07")]
    assert got["a1"] == ("2025-07-04", "2025-07-08")
    assert not any("excludes" in w for w in result.warnings)


def test_a_task_starting_on_an_excluded_day_is_reported():
    result, got = dates("""
        gantt
        dateFormat YYYY-MM-DD
        excludes weekends
        A : a1, 2022-10-01, 30d
        """)
    assert got["a1"][1] == "2022-11-10"  # Mermaid: 2022-10-01 .. 2022-11-10; the start cannot be a Saturday here
    assert any(w.startswith("line 4: task 'A' starts on an excluded day") for w in result.warnings)
