"""Network, load and risk charts; docstring examples of the render helpers."""

from __future__ import annotations

import doctest
import importlib

import pytest

from aiplanner.cli import main
from aiplanner.io.native import save_plan
from aiplanner.render.charts import network_layout
from aiplanner.schedule import schedule_plan

from tests.render.plans import make_plan


@pytest.mark.parametrize("module", [
    "aiplanner.render.timescale", "aiplanner.render.routing", "aiplanner.render.layout",
    "aiplanner.render.style", "aiplanner.render.options", "aiplanner.render.tables", "aiplanner.render.charts",
    "aiplanner.render.pdf_text",
])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


def test_network_runs_left_to_right_by_phase(plan):
    pos = network_layout(plan, schedule_plan(plan))
    # assessment: a1 -> a2 in columns 0, 1; design starts after a blank column
    assert pos["a1"] == (0.0, 0.0) and pos["a2"] == (1.0, 0.0)
    assert pos["d1"][0] == pos["d2"][0] == 3.0 and {pos["d1"][1], pos["d2"][1]} == {0.0, 1.0}
    assert pos["m1"] == (4.0, 0.0)  # after both design tasks


@pytest.fixture
def staffed_file(tmp_path):
    path = tmp_path / "staffed.aiplan"
    save_plan(make_plan(24, people=5), path)
    return path


@pytest.mark.parametrize(("chart", "fmt"), [("network", "png"), ("load", "png"), ("risk", "svg")])
def test_each_chart_exports(staffed_file, tmp_path, chart, fmt):
    out = tmp_path / f"{chart}.{fmt}"
    assert main(["export", str(staffed_file), "--to", fmt, "--chart", chart, "--dpi", "40", "-o", str(out)]) == 0
    head = out.read_bytes()[:8]
    assert head.startswith(b"\x89PNG") if fmt == "png" else head.startswith(b"<?xml")


def test_load_chart_without_people_is_a_clean_error(plan, tmp_path, capsys):
    path = tmp_path / "p.aiplan"
    save_plan(plan, path)
    assert main(["export", str(path), "--to", "png", "--chart", "load", "-o", str(tmp_path / "l.png")]) == 2
    assert "people" in capsys.readouterr().err and not (tmp_path / "l.png").exists()
