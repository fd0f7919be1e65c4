"""``-o -`` writes the plan to stdout (as ``export -o -`` does), never a file named '-';
what the command says about it goes to stderr so the plan can be piped."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.catalog import build_plan
from aiplanner.cli import main
from aiplanner.io.native import loads, save_plan
from tests.conftest import SAMPLES


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    assert not (tmp_path / "-").exists()


def test_new_to_stdout(capsys):
    assert main(["new", "--pattern", "coe", "--start", "2027-01-04", "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert loads(out).start.isoformat() == "2027-01-04"
    assert f"{len(build_plan('coe', dt.date(2027, 1, 4)).tasks)} tasks" in err


def test_import_to_stdout(tmp_path, capsys):
    source = tmp_path / "t.csv"
    source.write_text("id,name,duration,start\na,A,3,2026-05-04\n", encoding="utf-8")
    assert main(["import", str(source), "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert [t.id for t in loads(out).tasks] == ["a"]
    assert "1 tasks" in err


def test_level_to_stdout(tmp_path, capsys):
    plan = tmp_path / "p.aiplan"
    plan.write_bytes((SAMPLES / "coe-rollout.aiplan").read_bytes())
    assert main(["level", str(plan), "-o", "-"]) == 0
    out, err = capsys.readouterr()
    levelled = loads(out)
    assert any(t.not_before for t in levelled.tasks)
    assert "finish:" in err and "finish:" not in out
