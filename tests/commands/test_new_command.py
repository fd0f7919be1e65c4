"""``aiplanner new``: a plan file from a pattern template, written atomically, never over a file by accident."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.cli import main
from aiplanner.io.native import load_plan
from aiplanner.schedule import schedule_plan


@pytest.mark.parametrize("pattern", ["coe", "federated", "product-teams"])
def test_new_writes_a_schedulable_plan(tmp_path, capsys, pattern):
    out = tmp_path / f"{pattern}.aiplan"
    assert main(["new", "--pattern", pattern, "--start", "2026-05-04", "-o", str(out)]) == 0
    plan = load_plan(out)
    assert plan.pattern == pattern and plan.start == dt.date(2026, 5, 4)
    assert schedule_plan(plan).finish > plan.start
    assert f"{out}: " in capsys.readouterr().out
    assert main(["validate", str(out)]) == 0


def test_name_and_organisation(tmp_path):
    out = tmp_path / "acme.aiplan"
    assert main(["new", "--pattern", "coe", "--start", "2026-09-01", "--name", "Acme AI",
                 "--organisation", "Acme Ltd", "-o", str(out)]) == 0
    plan = load_plan(out)
    assert (plan.name, plan.organisation) == ("Acme AI", "Acme Ltd")


def test_refuses_to_overwrite_without_force(tmp_path, capsys):
    out = tmp_path / "plan.aiplan"
    out.write_text("precious", encoding="utf-8")
    assert main(["new", "--pattern", "coe", "--start", "2026-05-04", "-o", str(out)]) == 2
    assert "already exists (use --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "precious"
    assert main(["new", "--pattern", "coe", "--start", "2026-05-04", "--force", "-o", str(out)]) == 0
    assert load_plan(out).pattern == "coe"
    assert (tmp_path / "plan.aiplan.bak").read_text(encoding="utf-8") == "precious"


@pytest.mark.parametrize("start", ["2026-13-01", "tomorrow", "", "01/05/2026"])
def test_bad_date_exits_2_and_writes_nothing(tmp_path, capsys, start):
    out = tmp_path / "plan.aiplan"
    assert main(["new", "--pattern", "coe", "--start", start, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--start" in err and "is not a date" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_bad_pattern_and_missing_options_exit_2(tmp_path, capsys):
    out = tmp_path / "plan.aiplan"
    with pytest.raises(SystemExit) as info:
        main(["new", "--pattern", "matrix", "--start", "2026-05-04", "-o", str(out)])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["new", "--pattern", "coe", "-o", str(out)])
    assert info.value.code == 2
    assert not out.exists()


def test_output_folder_missing_or_a_folder(tmp_path, capsys):
    assert main(["new", "--pattern", "coe", "--start", "2026-05-04", "-o", str(tmp_path / "no" / "p.aiplan")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["new", "--pattern", "coe", "--start", "2026-05-04", "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--name", "--organisation"])
def test_a_too_long_name_is_a_clean_error(tmp_path, capsys, option):
    out = tmp_path / "p.aiplan"
    assert main(["new", "--pattern", "coe", "--start", "2027-01-04", option, "x" * 600, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"aiplanner: {option}: at most 500 characters (got 600)\n"
    assert not out.exists()
