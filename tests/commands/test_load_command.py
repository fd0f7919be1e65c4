"""``aiplanner load``: formats, rows by person or role, exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from aiplanner.cli import main

PLAN = {
    "format": "aiplanner-plan", "version": 1, "name": "Demo", "start": "2026-05-04",
    "phases": [{"id": "p", "name": "P"}],
    "roles": [{"id": "pm", "name": "PM"}, {"id": "gov", "name": "Gov"}],
    "people": [{"id": "ann", "name": "Ann"}],
    "assignments": [{"person": "ann", "role": "pm"}],
    "tasks": [
        {"id": "a", "name": "A", "phase": "p", "duration": 6, "demands": [{"role": "pm", "fte": 0.5}]},
        {"id": "b", "name": "B", "phase": "p", "duration": 3, "demands": [{"role": "pm", "fte": 0.75}, {"role": "gov"}]},
    ],
}


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "demo.aiplan"
    path.write_text(json.dumps(PLAN))
    return path


def test_table_flags_the_over_allocated_week_and_lists_causes(plan_file, capsys):
    assert main(["load", str(plan_file)]) == 0
    out = capsys.readouterr().out
    assert "2026-05-04  4.75         5  95%  OVER" in out
    assert "over-allocated: ann 2026-05-04..2026-05-06 (3 working days, peak 1.25 FTE of 1) by a, b" in out
    assert "unstaffed: nobody holds role gov; 3 person-days demanded by b" in out


def test_json_by_role_daily(plan_file, capsys):
    assert main(["load", str(plan_file), "--by", "role", "--daily", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["unit"] == "fte" and data["period"] == "day" and len(data["periods"]) == 6
    gov = next(r for r in data["rows"] if r["id"] == "gov")
    assert gov["load"] == [1, 1, 1, 0, 0, 0] and gov["capacity"] == [0] * 6
    assert data["unstaffed_roles"] == [{"role": "gov", "tasks": ["b"], "demand": 3.0}]
    assert data["over_allocations"][0]["tasks"] == ["a", "b"]


def test_csv_is_long_format(plan_file, capsys):
    assert main(["load", str(plan_file), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["person"], r["week"], r["load"], r["over"]) for r in rows] == [
        ("ann", "2026-05-04", "4.75", "1"), ("ann", "2026-05-11", "0.5", "0")]


def test_bad_file_exits_2_without_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.aiplan"
    bad.write_text("{")
    assert main(["load", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.aiplan" in err and "Traceback" not in err
