"""Network, load and risk charts; docstring examples of the render helpers."""

from __future__ import annotations

import doctest
import importlib

import pytest

from aiplanner.cli import main
from aiplanner.io.native import save_plan
from aiplanner.render.network.layered import layered_layout
from aiplanner.schedule import schedule_plan

from tests.render.plans import make_plan


@pytest.mark.parametrize("module", [
    "aiplanner.render.gantt.timescale", "aiplanner.render.gantt.routing", "aiplanner.render.gantt.layout",
    "aiplanner.render.style", "aiplanner.render.options", "aiplanner.render.tables", "aiplanner.render.canvas", "aiplanner.render.trend",
    "aiplanner.render.pdf_text", "aiplanner.render.network.layered", "aiplanner.render.network.order",
    "aiplanner.render.network.place", "aiplanner.render.network.chart",
])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


def test_network_runs_left_to_right_by_phase(plan):
    nodes = layered_layout(plan, schedule_plan(plan)).nodes
    # assessment: a1 -> a2 in layers 0, 1; design starts after a link-only layer
    assert (nodes["a1"].layer, nodes["a2"].layer) == (0, 1)
    assert nodes["d1"].layer == nodes["d2"].layer == 3 and {nodes["d1"].slot, nodes["d2"].slot} == {0, 1}
    assert nodes["m1"].layer == 4  # after both design tasks
    assert nodes["a1"].x < nodes["a2"].x < nodes["d1"].x < nodes["m1"].x


def test_network_chart_draws_every_box_and_link(plan):
    from matplotlib.collections import LineCollection, PolyCollection

    from aiplanner.render.network.chart import network_figure

    fig = network_figure(plan, schedule_plan(plan))
    lines = [c for c in fig.get_children() if isinstance(c, LineCollection)]
    assert sum(len(c.get_segments()) for c in lines) == 5  # a1-a2, a2-d1, a2-d2, d1-m1, d2-m1
    assert any(c.get_linewidth()[0] > 1 for c in lines)  # the critical links, thicker
    boxes = [c for c in fig.get_children() if isinstance(c, PolyCollection) and c.get_zorder() == 3]
    assert sum(len(c.get_paths()) for c in boxes) == 5


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
