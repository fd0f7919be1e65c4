"""``aiplanner check``: exit 0 without errors, 1 with errors, 2 on a bad file; text and JSON."""

from __future__ import annotations

import datetime as dt
import json

from aiplanner.cli import main
from aiplanner.io.native import save_plan
from tests.checks.conftest import edit, healthy_plan, without


def write(tmp_path, plan, name="plan.aiplan"):
    path = tmp_path / name
    save_plan(plan, path)
    return str(path)


def test_clean_plan_exits_0(tmp_path, capsys):
    assert main(["check", write(tmp_path, healthy_plan())]) == 0
    assert capsys.readouterr().out.strip().endswith("0 errors, 0 warnings, 0 info")


def test_warnings_only_exit_0_and_are_printed_with_fix(tmp_path, capsys):
    assert main(["check", write(tmp_path, without(healthy_plan(), "b5"))]) == 0
    out = capsys.readouterr().out
    assert "warning pitfall.ignoring-change-management" in out and "fix: Give people and culture steady attention" in out
    assert "0 errors, 1 warning, 0 info" in out


def test_errors_exit_1_and_json_lists_them(tmp_path, capsys):
    plan = edit(healthy_plan(), "b2", deadline=dt.date(2026, 9, 1))
    assert main(["check", write(tmp_path, plan), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {"error": 1, "warning": 0, "info": 0}
    (f,) = data["findings"]
    assert f["rule"] == "timeline.missed-deadline" and f["tasks"] == ["b2"] and f["fix"]


def test_bad_file_and_cycle_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.aiplan"
    bad.write_text('{"format": "aiplanner-plan", "version": 1, "start": "nope"}')
    assert main(["check", str(bad)]) == 2
    assert "bad.aiplan" in capsys.readouterr().err
    data = json.loads(open(write(tmp_path, healthy_plan())).read())
    data["tasks"][0]["depends_on"] = [{"task": "a2"}]
    bad.write_text(json.dumps(data))
    for command in (["check"], ["load"], ["level", "-o", str(tmp_path / "out.aiplan")]):
        assert main(command[:1] + [str(bad)] + command[1:]) == 2
        err = capsys.readouterr().err
        assert f"{bad}: $.tasks[0].depends_on[0]: dependency cycle: a1 -> a2 -> a1" in err, err
    assert not (tmp_path / "out.aiplan").exists()
    data["tasks"][0]["depends_on"] = []
    data["calendar"] = {"country": "XX"}
    bad.write_text(json.dumps(data))
    assert main(["check", str(bad)]) == 2
    assert f"{bad}: $.calendar.country" in capsys.readouterr().err
