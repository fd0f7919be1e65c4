from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from aiplanner.io.mermaid.reader import read_mermaid, read_mermaid_bytes
from aiplanner.model import InvalidPlanError, PlanError
from aiplanner.schedule import schedule_plan
from tests.io.conftest import DATA

D = dt.date.fromisoformat


def dates(text):
    result = read_mermaid(textwrap.dedent(text))
    sched = schedule_plan(result.plan)
    return result, {t: (s.start, s.finish) for t, s in sched.tasks.items()}


def test_the_source_documents_chart_is_the_first_golden_test():
    result = read_mermaid((DATA / "source-timeline.mmd").read_text(encoding="utf-8"))
    plan = result.plan
    assert result.warnings == []
    assert plan.name == "AI Operating Model Implementation"
    assert plan.start == D("2026-05-01")
    assert plan.calendar.workdays == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert [p.id for p in plan.phases] == ["assessment", "design", "build", "scale"]
    assert [(t.id, t.duration) for t in plan.tasks] == [
        ("a1", 42), ("a2", 14), ("d1", 42), ("d2", 42), ("b1", 28), ("b2", 56), ("b3", 28), ("s1", 84)]
    assert [d.task for d in plan.task("b3").depends_on] == ["d2"]
    sched = schedule_plan(plan)
    # Mermaid draws a1 from 2026-05-01 for 42 days; the bar of s1 ends on 2027-01-22 (exclusive).
    expected = {
        "a1": ("2026-05-01", "2026-06-11"), "a2": ("2026-06-12", "2026-06-25"),
        "d1": ("2026-06-26", "2026-08-06"), "d2": ("2026-06-26", "2026-08-06"),
        "b1": ("2026-08-07", "2026-09-03"), "b2": ("2026-09-04", "2026-10-29"),
        "b3": ("2026-08-07", "2026-09-03"), "s1": ("2026-10-30", "2027-01-21"),
    }
    assert {t: (str(s.start), str(s.finish)) for t, s in sched.tasks.items()} == expected


def test_excludes_weekends_counts_working_days():
    result, got = dates("""
        gantt
        dateFormat YYYY-MM-DD
        excludes weekends
        section A
        T1 :t1, 2026-05-04, 5d
        T2 :t2, after t1, 6w
        """)
    assert result.plan.calendar.workdays == ["mon", "tue", "wed", "thu", "fri"]
    assert got["t1"] == (D("2026-05-04"), D("2026-05-08"))
    assert got["t2"] == (D("2026-05-11"), D("2026-07-07"))  # 6w = 42 working days
    assert result.plan.task("t2").duration == 42


def test_excluded_dates_become_holidays():
    result, got = dates("""
        gantt
        excludes weekends, 2026-05-25
        T1 :t1, 2026-05-04, 5d
        T2 :t2, after t1, 3w
        """)
    assert result.plan.calendar.holidays == [D("2026-05-25")]
    assert got["t2"] == (D("2026-05-11"), D("2026-06-09"))
    assert result.plan.phases[0].id == "tasks"


def test_weekend_friday_and_weekday_names():
    result, got = dates("""
        gantt
        excludes weekends
        weekend friday
        T :t, 2026-05-03, 5d
        """)
    assert result.plan.calendar.workdays == ["mon", "tue", "wed", "thu", "sun"]
    assert got["t"] == (D("2026-05-03"), D("2026-05-07"))
    result, _ = dates("""
        gantt
        excludes sunday
        T :t, 2026-05-03, 5d
        """)
    assert result.plan.calendar.workdays == ["mon", "tue", "wed", "thu", "fri", "sat"]


def test_end_dates_are_exclusive_unless_inclusive_end_dates():
    _, got = dates("""
        gantt
        A :a, 2026-05-04, 2026-05-08
        """)
    assert got["a"] == (D("2026-05-04"), D("2026-05-07"))
    _, got = dates("""
        gantt
        inclusiveEndDates
        A :a, 2026-05-04, 2026-05-08
        """)
    assert got["a"] == (D("2026-05-04"), D("2026-05-08"))


def test_until_ends_at_the_earliest_start_as_an_sf_link():
    result, got = dates("""
        gantt
        A :a, 2026-05-04, 3d
        B :b, 2026-05-04, until c d
        C :c, 2026-05-10, 2d
        D :d, 2026-05-12, 2d
        """)
    assert got["b"] == (D("2026-05-04"), D("2026-05-09"))
    deps = result.plan.task("b").depends_on
    assert [(x.task, x.type, x.lag) for x in deps] == [("c", "SF", 0)]


def test_after_several_ids_takes_the_latest_end_and_default_follows_previous():
    result, got = dates("""
        gantt
        A :a, 2026-05-04, 3d
        B :b, 2026-05-04, 5d
        C :c, after a b, 1d
        Next :2d
        Unnamed :task9, after task1, 1d
        """)
    assert got["c"] == (D("2026-05-09"), D("2026-05-09"))
    assert got["task1"] == (D("2026-05-10"), D("2026-05-11"))
    assert [d.task for d in result.plan.task("c").depends_on] == ["a", "b"]
    assert got["task9"] == (D("2026-05-12"), D("2026-05-12"))


def test_tags_milestones_and_progress():
    result, got = dates("""
        gantt
        section Build
        A :done, crit, a, 2026-05-04, 3d
        M :milestone, m, after a, 0d
        L :active, l, after m, 2d
        """)
    plan = result.plan
    assert plan.task("a").progress == 100
    assert "crit" in plan.task("a").notes
    assert plan.task("m").milestone and plan.task("m").duration == 0
    assert got["m"] == (D("2026-05-06"), D("2026-05-06"))
    assert got["l"] == (D("2026-05-07"), D("2026-05-08"))


def test_milestone_with_a_length_keeps_mermaids_successor_dates():
    result, got = dates("""
        gantt
        M :milestone, m, 2026-05-04, 2d
        A :a, after m, 1d
        """)
    assert got["a"] == (D("2026-05-06"), D("2026-05-06"))
    assert result.plan.task("a").depends_on[0].lag == 2


@pytest.mark.parametrize(
    "fmt, start",
    [("DD.MM.YYYY", "04.05.2026"), ("YYYYMMDD", "20260504"), ("X", "1777852800"), ("D/M/YY", "4/5/26"),
     ("YYYY-MM-DD HH:mm", "2026-05-04 00:00"), ("MMM D YYYY", "May 4 2026")],
)
def test_date_formats(fmt, start):
    result, got = dates(f"""
        gantt
        dateFormat {fmt}
        A :a, {start}, 2d
        """)
    assert got["a"] == (D("2026-05-04"), D("2026-05-05"))


def test_fractional_durations_are_rounded_up_with_a_warning():
    result, got = dates("""
        gantt
        A :a, 2026-05-04, 36h
        """)
    assert result.plan.task("a").duration == 2
    assert any("line 3" in w and "whole number of days" in w for w in result.warnings)


def test_unknown_after_id_warns_and_does_not_use_today():
    result, got = dates("""
        gantt
        A :a, 2026-05-04, 2d
        B :b, after nope, 2d
        """)
    assert got["b"][0] == D("2026-05-04")
    assert any("line 4" in w and "nope" in w for w in result.warnings)


def test_unsupported_constructs_warn_with_their_line():
    result, _ = dates("""
        gantt
        axisFormat %d/%m
        todayMarker off
        A :a, 2026-05-04, 2d
        click a href "https://example.org"
        """)
    assert any(w.startswith("line 6:") and "click" in w for w in result.warnings)
    assert any(w.startswith("line 3:") and "axisFormat" in w and "ignored" in w for w in result.warnings)
    assert any(w.startswith("line 4:") and "todayMarker" in w for w in result.warnings)


def test_ids_are_sanitised_and_made_unique():
    result, _ = dates("""
        gantt
        A :a b, 2026-05-04, 2d
        B :x, 2026-05-04, 2d
        C :x, 2026-05-04, 2d
        """)
    assert [t.id for t in result.plan.tasks] == ["a-b", "x", "x-2"]


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("flowchart LR\nA-->B\n", "line 1", "not a Mermaid gantt"),
        ("gantt\ndateFormat YYYY-MM-DD\nA :a, 2026-13-45, 3d\n", "line 3", "cannot read start"),
        ("gantt\nA :a, 2026-05-04, 3d\nB :b, c, d, e, 3d\n", "line 3", "expected"),
        ("gantt\nA :3d\n", "line 2", "first task"),
        ("gantt\nwhat is this\n", "line 2", "cannot read"),
        ("gantt\n", "line 1", "no tasks"),
        ("gantt\nA :a, after b, 1d\nB :b, after a, 1d\nC :c, 2026-05-04, 1d\n", "line 2", "loop"),
    ],
)
def test_garbage_is_a_clear_error_with_a_line_number(text, line, words):
    with pytest.raises(InvalidPlanError) as info:
        read_mermaid(text, "chart.mmd")
    message = str(info.value)
    assert message.startswith(f"chart.mmd: {line}:"), message
    assert words in message


_pieces = st.sampled_from([
    "gantt", "dateFormat YYYY-MM-DD", "excludes weekends", "section S", "A :a, 2026-05-04, 3d",
    "B :b, after a, 2w", "C :crit, c, after a b, 1d", "D :2d", "E :e, 2026-05-04, until c", "title T",
    "F :milestone, f, after x, 0d", "G :done, g, 2026-02-30, 1d", "H : , ,", ":", "%% c", "weekend friday",
    "I :i, after i, 1d", "J :j, 2026-05-04, 12h", "inclusiveEndDates", "K :k, 2026-05-09, 2026-05-01",
])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_pieces, st.text(max_size=30)), max_size=12))
def test_fuzz_never_crashes(lines):
    try:
        result = read_mermaid("\n".join(["gantt", *lines]))
    except PlanError:
        return
    schedule_plan(result.plan)


def test_excludes_with_until_a_weekend_milestone_and_hour_durations():
    result, got = dates("""
        gantt
            dateFormat  YYYY-MM-DD
            excludes    weekends
            section A section
            Completed task            :done,    des1, 2014-01-06,2014-01-08
            Active task               :active,  des2, 2014-01-09, 3d
            Future task               :         des3, after des2, 5d
            section Critical tasks
            Create tests for renderer           :r, 2014-01-22, 2d
            Add to mermaid                      :until isadded
            Functionality added                 :milestone, isadded, 2014-01-25, 0d
            section Documentation
            Describe gantt syntax               :a1, after des1, 3d
            Add gantt diagram to demo page      :after a1  , 20h
        """)
    assert got["des1"] == (D("2014-01-06"), D("2014-01-07"))  # explicit end date is exclusive
    assert got["des2"] == (D("2014-01-09"), D("2014-01-13"))  # 3 working days over a weekend
    assert got["des3"] == (D("2014-01-14"), D("2014-01-20"))
    # 'until' a Saturday milestone: Mermaid stretches the end over the weekend, the task keeps 1 day
    assert got["task1"] == (D("2014-01-24"), D("2014-01-24"))
    assert [(d.task, d.type, d.lag) for d in result.plan.task("task1").depends_on] == [("r", "FS", 0),
                                                                                      ("isadded", "SF", 0)]
    text = "\n".join(result.warnings)
    assert "line 12: milestone 'Functionality added' falls on an excluded day" in text
    assert "line 15: duration '20h' is not a whole number of days" in text
    assert "differs" not in text


def test_import_matches_the_shipped_source_timeline_sample():
    from aiplanner.io import load_plan
    from tests.conftest import SAMPLES

    sample = load_plan(SAMPLES / "source-timeline.aiplan")
    imported = read_mermaid((DATA / "source-timeline.mmd").read_text(encoding="utf-8")).plan
    ours, theirs = schedule_plan(imported), schedule_plan(sample)
    assert {t: (s.start, s.finish) for t, s in ours.tasks.items()} == {
        t: (s.start, s.finish) for t, s in theirs.tasks.items()}


def test_an_aiplanner_comment_naming_an_unknown_task_is_ignored_with_a_warning():
    text = ("gantt\ndateFormat YYYY-MM-DD\nsection S\n"
            '%% aiplanner {"depends_on": "zz"}\n'
            "A :a, 2026-05-04, 3d\nB :b, after a, 2d\n")
    result = read_mermaid_bytes(text.encode(), "c.mmd")
    assert [(t.id, [d.task for d in t.depends_on]) for t in result.plan.tasks] == [("a", []), ("b", ["a"])]
    assert any(w.startswith("line 4: aiplanner links ignored: ") and "'zz'" in w for w in result.warnings)


def test_tabs_and_no_break_spaces_inside_a_lag_of_an_aiplanner_comment_are_read():
    result = read_mermaid('gantt\ndateFormat YYYY-MM-DD\nA :a, 2026-05-04, 2d\n'
                          '%% aiplanner {"depends_on": "aFS+\\t2"}\nB :b, 2026-05-08, 1d\n', "c.mmd")
    assert [(d.task, d.type, d.lag) for d in result.plan.task("b").depends_on] == [("a", "FS", 2)]
    assert not result.warnings
