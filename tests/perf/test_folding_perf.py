"""Benchmark of collapsible phases: collapse all, and expand all, in the main window on the
351-task enterprise sample, each to the repainted table and Gantt (budget: 100 ms each,
what a user still sees as instant).

Run with ``python -m pytest tests/perf/test_folding_perf.py --benchmark-only``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.perf

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "enterprise-rollout.aiplan"


@pytest.fixture
def window(qtbot):
    from aiplanner.ui.main_window import MainWindow

    win = MainWindow()
    win.risk_view.auto_run = False
    win.prompts.headless = True
    win.findings_view.refresh = lambda: None  # checks have their own benchmarks
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    assert win.files.open_path(SAMPLE, ask=False)
    yield win
    win.session.undo_stack.setClean()
    win.close()


def _repaint(win) -> None:
    win.tree.viewport().repaint()
    win.gantt.viewport().repaint()
    QApplication.processEvents()


@pytest.mark.parametrize("direction", ["collapse", "expand"])
def test_collapse_or_expand_all_phases_of_the_enterprise_sample(benchmark, window, direction):
    tree = window.tree
    phases = len(window.session.plan.phases)
    tasks = len(window.session.plan.tasks)
    toggles = {"collapse": (tree.expand_all_phases, tree.collapse_all_phases, phases),
               "expand": (tree.collapse_all_phases, tree.expand_all_phases, phases + tasks)}
    setup, act, rows = toggles[direction]

    def toggle() -> None:
        act()
        _repaint(window)

    def before() -> None:
        setup()
        _repaint(window)

    benchmark.pedantic(toggle, setup=before, rounds=15, iterations=1, warmup_rounds=1)
    assert window.gantt.row_count() == rows == len(window.tree.visible_row_keys())
    print(f"\n{direction} all phases, {tasks} tasks, to the repainted table and Gantt: "
          f"{benchmark.stats.stats.median * 1000:.1f} ms")
    assert benchmark.stats.stats.median <= 0.100
