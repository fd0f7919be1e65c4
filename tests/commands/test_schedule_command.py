"""``aiplanner schedule``: the JSON contract of DESIGN.md and clean errors."""

from __future__ import annotations

import json

import pytest

from aiplanner.cli import main
from aiplanner.io.native import save_plan
from tests.schedule.helpers import D, T, make


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "p.aiplan"
    save_plan(make([T("a", 5), T("b", 3, "a"), T("m", 0, "b", deadline=D(2026, 5, 12))]), path)
    return path


def test_json_matches_the_contract(plan_file, capsys):
    assert main(["schedule", str(plan_file), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"start", "finish"} <= set(data["project"])
    assert data["project"]["start"] == "2026-05-04" and data["project"]["finish"] == "2026-05-13"
    first = data["tasks"][0]
    assert list(first)[:8] == ["id", "name", "phase", "start", "finish", "duration", "total_float", "free_float"]
    assert {"id", "name", "start", "finish", "duration", "total_float", "free_float", "critical"} <= set(first)
    m = data["tasks"][2]
    assert (m["id"], m["start"], m["finish"], m["critical"], m["days_late"]) == ("m", "2026-05-13", "2026-05-13", True, 1)
    assert data["project"]["missed_deadlines"] == ["m"]


def test_table_and_csv(plan_file, capsys):
    assert main(["schedule", str(plan_file)]) == 0
    out = capsys.readouterr().out
    assert "2026-05-13" in out and "8 working days" in out
    assert main(["schedule", str(plan_file), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("id,name,phase,start,finish")


def test_bad_calendar_and_cycle_exit_cleanly(tmp_path, capsys):
    path = tmp_path / "bad.aiplan"
    save_plan(make([T("a", 1)], country="XX"), path)
    assert main(["schedule", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == f"aiplanner: {path}: $.calendar.country: unknown public-holiday region 'XX'\n"
    data = json.loads(path.read_text())
    data.pop("calendar")
    data["tasks"] = [
        {"id": "a", "name": "A", "phase": "p", "duration": 1, "depends_on": [{"task": "b"}]},
        {"id": "b", "name": "B", "phase": "p", "duration": 1, "depends_on": [{"task": "a"}]},
    ]
    path.write_text(json.dumps(data))
    assert main(["schedule", str(path)]) == 2
    err = capsys.readouterr().err
    assert "dependency cycle: a -> b -> a" in err and str(path) in err and "Traceback" not in err


def test_csv_is_the_export_csv(plan_file, tmp_path, capsys):
    # One CSV for the schedule, whichever command writes it: same columns, true/false booleans.
    assert main(["schedule", str(plan_file), "--format", "csv"]) == 0
    printed = capsys.readouterr().out
    out = tmp_path / "s.csv"
    assert main(["export", str(plan_file), "--to", "csv", "-o", str(out)]) == 0
    assert printed == out.read_text(encoding="utf-8")
    assert ",true,false," in printed and "True" not in printed
