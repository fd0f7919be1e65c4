from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from aiplanner.io.csv.writer import COLUMNS, csv_text
from aiplanner.io.csv.reader import read_csv, read_csv_bytes
from aiplanner.model import InvalidPlanError, PlanError
from aiplanner.schedule import schedule_plan


def test_export_has_stable_headers_and_iso_dates(plan):
    text = csv_text(plan, schedule_plan(plan))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    assert rows[0]["start"] == "2026-05-04" and rows[0]["finish"] == "2026-06-12"
    assert rows[3]["depends_on"] == "a2SS+5"
    assert rows[4]["depends_on"] == "d1, d2FF" and rows[4]["milestone"] == "true"
    assert len(rows) == len(plan.tasks)


def test_export_imports_back_with_the_same_dates(plan):
    sched = schedule_plan(plan)
    result = read_csv(csv_text(plan, sched))
    assert result.warnings == []
    again = schedule_plan(result.plan)
    assert {t: (s.start, s.finish) for t, s in again.tasks.items()} == {
        t: (s.start, s.finish) for t, s in sched.tasks.items()}
    assert [(t.id, t.phase, t.duration, t.depends_on) for t in result.plan.tasks] == [
        (t.id, t.phase, t.duration, t.depends_on) for t in plan.tasks]


def test_spreadsheet_style_semicolons_bom_and_units():
    text = ("\ufeffTask ID;Task Name;Phase;Duration;Predecessors;Progress\n"
            "a1;Current state;Assessment;2w;;50%\n"
            "a2;Gap analysis;Assessment;3d;a1FS+2;\n"
            ";Kick-off design;Design Work;0;a2;\n")
    result = read_csv_bytes(text.encode("utf-8"))
    plan = result.plan
    assert [(t.id, t.phase, t.duration) for t in plan.tasks] == [
        ("a1", "Assessment", 10), ("a2", "Assessment", 3), ("t3", "design-work", 0)]
    assert plan.task("a1").progress == 50
    assert plan.task("a2").depends_on[0].lag == 2
    assert [p.name for p in plan.phases] == ["Assessment", "Design Work"]
    assert any("starts today" in w for w in result.warnings)


def test_start_dates_pin_the_plan():
    result = read_csv("id,name,duration,start,depends_on\na,A,5,2026-05-04,\nb,B,2,2026-05-20,a\n")
    sched = schedule_plan(result.plan)
    assert result.plan.start == dt.date(2026, 5, 4)
    assert sched.tasks["b"].start == dt.date(2026, 5, 20)
    assert result.plan.task("b").not_before == dt.date(2026, 5, 20)


def test_bad_cells_are_named_by_row_and_column():
    text = ("id,name,duration,depends_on,progress\n"
            "a1,A,ten,,\n"
            "a1,B,5,zz,\n"
            "c,,1.5,a1 XX,120\n")
    with pytest.raises(InvalidPlanError) as info:
        read_csv(text, "tasks.csv")
    lines = str(info.value).splitlines()
    assert "tasks.csv: row 2, column 3 (duration): 'ten' is not a duration in whole days (10, 10d or 2w)" in lines
    assert any(l.startswith("tasks.csv: row 3, column 1 (id)") and "twice" in l for l in lines)
    assert any(l.startswith("tasks.csv: row 4, column 2 (name)") for l in lines)
    assert any(l.startswith("tasks.csv: row 4, column 5 (progress)") for l in lines)
    assert any(l.startswith("tasks.csv: row 4, column 4 (depends_on)") for l in lines)


@pytest.mark.parametrize("text, words", [("", "empty"), ("a,b,c\n1,2,3\n", "no name or duration column"),
                                         ("name,duration\n", "no task rows"),
                                         ("name,duration\nA,1\nB,1\n\"C,2\n", "row")])
def test_garbage(text, words):
    with pytest.raises(InvalidPlanError, match=words):
        read_csv(text)


def test_cycle_is_refused():
    with pytest.raises(InvalidPlanError, match="cycle"):
        read_csv("id,name,duration,depends_on\na,A,1,b\nb,B,1,a\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(["a", "b", "1", "2w", "0", "a;b", "x FS+1", "", "50%", "2026-05-04",
                                          "é", '"', "\n", "99999999", "-1"]) | st.text(max_size=8), max_size=6),
                max_size=6))
def test_fuzz_never_crashes(rows):
    text = "id,name,phase,duration,depends_on,progress,start\n" + "\n".join(",".join(r) for r in rows)
    try:
        result = read_csv(text)
    except PlanError:
        return
    schedule_plan(result.plan)


def test_windows_1252_from_a_spreadsheet_is_read_with_a_warning():
    data = "id;name;duration\na;Équipe réunion;2\n".encode("cp1252")
    result = read_csv_bytes(data)
    assert result.plan.task("a").name == "Équipe réunion"
    assert "Windows-1252" in result.warnings[0]


def test_cycle_names_the_rows_of_the_loop():
    with pytest.raises(InvalidPlanError) as info:
        read_csv_bytes(b"id,name,duration,depends_on\nz,Z,1,\na,A,1,b\nb,B,1,a\n", "t.csv")
    assert str(info.value) == "t.csv: rows 3, 4: dependency cycle: a -> b -> a"


def test_tabs_and_no_break_spaces_inside_a_lag_are_read():
    from aiplanner.io.csv.reader import read_csv

    text = "id,name,duration,depends_on,start\na,A,2,,2026-05-04\nb,B,1,\"aFS+\t2\",\nc,C,1,a\u00a0SS\u00a0+\u00a01,\n"
    plan = read_csv(text, "t.csv").plan
    assert [(d.task, d.type, d.lag) for d in plan.task("b").depends_on] == [("a", "FS", 2)]
    assert [(d.task, d.type, d.lag) for d in plan.task("c").depends_on] == [("a", "SS", 1)]
