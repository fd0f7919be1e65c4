"""``aiplanner export --scenario NAME``: every format shows the scenario; a bad name is a clean error."""

from __future__ import annotations

import json

from aiplanner.cli import main
from aiplanner.io.native import load_plan
from aiplanner.model.scenarios.whatif import apply_scenario
from aiplanner.schedule import schedule_plan
from tests.paths import SAMPLES

COE = SAMPLES / "coe-rollout.aiplan"


def test_json_export_shows_the_scenario(tmp_path):
    out = tmp_path / "s.json"
    assert main(["export", str(COE), "--to", "json", "-o", str(out), "--scenario", "Platform work starts early"]) == 0
    data = json.loads(out.read_text())
    shown = schedule_plan(apply_scenario(load_plan(COE), "Platform work starts early"))
    plain = schedule_plan(load_plan(COE))
    assert data["project"]["finish"] == shown.finish.isoformat() != plain.finish.isoformat()
    assert {t["id"]: t["start"] for t in data["tasks"]} == {k: v.start.isoformat() for k, v in shown.tasks.items()}


def test_current_is_the_plan_itself(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert main(["export", str(COE), "--to", "csv", "-o", str(a), "--scenario", "current"]) == 0
    assert main(["export", str(COE), "--to", "csv", "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()


def test_unknown_scenario_names_the_file_and_the_choices(tmp_path, capsys):
    out = tmp_path / "x.csv"
    assert main(["export", str(COE), "--to", "csv", "-o", str(out), "--scenario", "Moon landing"]) == 2
    err = capsys.readouterr().err
    assert not out.exists()
    assert "coe-rollout.aiplan: --scenario: no scenario named 'Moon landing'" in err
    assert "Second MLOps engineer" in err and "Traceback" not in err


def test_plan_without_scenarios(tmp_path, plan, capsys):
    from aiplanner.io.native import save_plan

    source = tmp_path / "p.aiplan"
    save_plan(plan, source)
    assert main(["export", str(source), "--to", "json", "-o", str(tmp_path / "o.json"), "--scenario", "x"]) == 2
    assert "scenarios: none" in capsys.readouterr().err
