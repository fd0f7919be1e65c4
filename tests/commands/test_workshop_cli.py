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


def test_scenario_command_adds_overrides_switches_and_deletes(tmp_path, capsys):
    import datetime as dt

    from aiplanner.catalog import build_plan

    path = tmp_path / "coe.aiplan"
    save_plan(build_plan("coe", dt.date(2026, 5, 4)), path, backup=False)
    assert main(["scenario", str(path), "--name", "fed", "--description", "what if federated",
                 "--duration", "b-platform=40", "--pattern", "federated"]) == 0
    out = capsys.readouterr().out
    assert "scenario 'fed' added" in out and "Pattern: AI Center of Excellence -> Federated AI Teams" in out
    assert "Kept your own edits on 1 task(s): b-platform" in out
    scenario = load_plan(path).scenarios[0]
    assert (scenario.pattern, scenario.description) == ("federated", "what if federated")
    assert scenario.override_for("b-platform").duration == 40
    assert main(["scenario", str(path)]) == 0
    assert "fed" in capsys.readouterr().out
    assert main(["compare", str(path), "--a", "current", "--b", "fed", "--no-risk", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["b"] == "scenario:fed"
    assert main(["scenario", str(path), "--name", "fed", "--duration", "nope=3"]) == 2
    assert "overrides unknown task 'nope'" in capsys.readouterr().err
    assert main(["scenario", str(path), "--name", "fed", "--duration", "b-platform"]) == 2
    assert "write TASK=DAYS" in capsys.readouterr().err
    assert main(["scenario", str(path), "--name", "fed", "--delete"]) == 0
    assert load_plan(path).scenarios == []


def test_names_out_of_bounds_are_clean_errors(plan_file, capsys):
    assert main(["baseline", str(plan_file), "--name", "x" * 501]) == 2
    assert "1 to 500 characters" in capsys.readouterr().err
    assert main(["scenario", str(plan_file), "--name", "y" * 501]) == 2
    err = capsys.readouterr().err
    assert "internal error" not in err and "at most 500 characters" in err
    assert load_plan(plan_file).baselines == []


def test_a_bad_duration_names_the_file_once_and_changes_nothing(plan_file, capsys):
    before = plan_file.read_bytes()
    assert main(["scenario", str(plan_file), "--name", "x", "--duration", "a1=abc"]) == 2
    err = capsys.readouterr().err
    assert err == f"aiplanner: {plan_file}: --duration 'a1=abc': write TASK=DAYS (whole working days)\n"
    assert plan_file.read_bytes() == before


def test_compare_with_a_baseline_without_p80_says_why(plan_file, capsys):
    assert main(["baseline", str(plan_file), "--name", "quick", "--no-risk"]) == 0
    capsys.readouterr()
    assert main(["compare", str(plan_file)]) == 0
    p80 = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("P80"))
    assert "unknown working days" not in p80
    assert p80.endswith("(baseline:quick has no P80: captured with --no-risk)")
