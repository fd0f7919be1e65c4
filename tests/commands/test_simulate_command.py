"""``aiplanner simulate``: table and JSON output, reproducible, clean errors."""

from __future__ import annotations

import json

import pytest

from aiplanner.cli import main
from aiplanner.io.native import save_plan
from tests.schedule.test_montecarlo import chain_plan


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "chain.aiplan"
    save_plan(chain_plan(), path)
    return path


def test_json_is_reproducible_and_complete(plan_file, capsys):
    args = ["simulate", str(plan_file), "--iterations", "500", "--seed", "3", "--format", "json",
            "--by", "2026-05-20", "--percentile", "P90", "--method", "pert"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert first["iterations"] == 500 and first["seed"] == 3 and first["method"] == "pert"
    assert list(first["percentiles"]) == ["P10", "P50", "P80", "P90", "P95"]
    assert 0 <= first["by"]["probability"] <= 1 and first["by"]["date"] == "2026-05-20"
    assert [t["id"] for t in first["criticality"]] == ["a", "b", "c", "side"]
    assert sum(bar["count"] for bar in first["histogram"]) == 500


def test_table(plan_file, capsys):
    assert main(["simulate", str(plan_file), "--iterations", "300", "--seed", "1", "--by", "2026-05-20"]) == 0
    out = capsys.readouterr().out
    assert "300 iterations, triangular, seed 1, 3 of 4 tasks vary" in out
    assert "P80" in out and "deterministic  2026-05-15" in out and "probability of finishing by 2026-05-20" in out


@pytest.mark.parametrize("extra", [["--iterations", "0"], ["--by", "tomorrow"], ["--method", "normal"],
                                   ["--percentile", "120"]])
def test_bad_arguments_exit_2_without_traceback(plan_file, capsys, extra):
    with pytest.raises(SystemExit) as info:
        main(["simulate", str(plan_file), *extra])
    assert info.value.code == 2 and "Traceback" not in capsys.readouterr().err


def test_bad_plan_names_the_file(tmp_path, capsys):
    path = tmp_path / "missing.aiplan"
    assert main(["simulate", str(path)]) != 0
    err = capsys.readouterr().err
    assert str(path) in err and "Traceback" not in err
