"""``aiplanner level FILE -o OUT``: writes the levelled plan, prints moves and the new finish."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.cli import main
from aiplanner.io.native import load_plan, save_plan
from aiplanner.model import RoleDemand
from aiplanner.schedule.load import compute_load
from tests.checks.conftest import edit, healthy_plan


def over_plan():
    return edit(healthy_plan(), "d3", demands=[RoleDemand(role="ai-product-manager", fte=0.75)])


def test_level_writes_a_plan_without_overload(tmp_path, capsys):
    src, out = tmp_path / "in.aiplan", tmp_path / "out.aiplan"
    save_plan(over_plan(), src)
    before = src.read_bytes()
    assert main(["level", str(src), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "d3  Design governance processes  2026-06-08  2026-08-03    40  levelled" in text
    assert "finish: 2027-01-15 -> 2027-01-22 (+5 working days)" in text
    levelled = load_plan(out)
    assert levelled.task("d3").not_before == dt.date(2026, 8, 3)
    assert compute_load(levelled).over_allocations() == []
    assert src.read_bytes() == before


def test_nothing_to_move(tmp_path, capsys):
    src = tmp_path / "in.aiplan"
    save_plan(healthy_plan(), src)
    assert main(["level", str(src), "-o", str(tmp_path / "out.aiplan")]) == 0
    assert "nothing to move" in capsys.readouterr().out


def test_bad_input_and_unwritable_output_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.aiplan"
    bad.write_text("[]")
    assert main(["level", str(bad), "-o", str(tmp_path / "o.aiplan")]) == 2
    assert not (tmp_path / "o.aiplan").exists()
    src = tmp_path / "in.aiplan"
    save_plan(over_plan(), src)
    assert main(["level", str(src), "-o", str(tmp_path / "missing" / "o.aiplan")]) == 2
    assert "does not exist" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:  # -o is required: argparse exits 2
        main(["level", str(src)])
    assert exc.value.code == 2
