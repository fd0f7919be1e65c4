"""`aiplanner compare` and `aiplanner baseline` on files."""

from __future__ import annotations

import json

import pytest

from aiplanner.cli import main
from aiplanner.io import load_plan, save_plan
from aiplanner.model import Scenario, TaskOverride


@pytest.fixture
def plan_file(plan, tmp_path):
    plan.scenarios = [Scenario(name="short analysis", overrides=[TaskOverride(task="a1", duration=20)])]
    path = tmp_path / "p.aiplan"
    save_plan(plan, path, backup=False)
    return path


def test_compare_json_current_against_scenario(plan_file, capsys):
    assert main(["compare", str(plan_file), "--a", "current", "--b", "short analysis", "--format", "json",
                 "--no-risk"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["project"]["finish_delta"] == -10
    assert [(t["id"], t["finish_delta"]) for t in data["tasks"]] == [
        ("a1", -10), ("a2", -10), ("d1", -10), ("d2", -10), ("m1", -10)]


def test_compare_table_names_both_sides(plan_file, capsys):
    assert main(["compare", str(plan_file), "--a", "current", "--b", "scenario:short analysis", "--no-risk"]) == 0
    out = capsys.readouterr().out
    assert "A = current    B = scenario:short analysis" in out
    assert "(-10 working days)" in out and "5 moved or resized" in out


def test_baseline_capture_then_compare_by_default_against_it(plan_file, capsys):
    assert main(["baseline", str(plan_file), "--name", "kick-off", "--no-risk"]) == 0
    assert "baseline 'kick-off' captured (finish 2026-08-07" in capsys.readouterr().out
    assert [b.name for b in load_plan(plan_file).baselines] == ["kick-off"]
    assert plan_file.with_name("p.aiplan.bak").exists()  # written atomically, old file kept
    assert main(["baseline", str(plan_file), "--name", "kick-off"]) == 2
    assert "already exists (use --replace)" in capsys.readouterr().err
    assert main(["baseline", str(plan_file)]) == 0
    assert "kick-off" in capsys.readouterr().out
    assert main(["compare", str(plan_file), "--no-risk", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["a"], data["b"], data["tasks"], data["unchanged_tasks"]) == ("baseline:kick-off", "current", [], 5)


def test_bad_names_exit_2_with_one_line(plan_file, capsys):
    assert main(["compare", str(plan_file), "--a", "current", "--b", "nope"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "p.aiplan: 'nope' is not 'current', a baseline or a scenario" in err[0]
    assert main(["compare", str(plan_file)]) == 2
    assert "has no baseline" in capsys.readouterr().err
