"""Benchmarks of the Gantt view: repaint of a full viewport with 5,000 tasks (<= 16 ms)
and a duration edit in a 1,000-task plan to the updated chart (<= 100 ms).

Run with ``python -m pytest tests/perf/test_views_perf.py --benchmark-only``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from aiplanner.model import Dependency, Phase, Plan, Role, RoleDemand, Task

pytestmark = pytest.mark.perf

PHASES = ["assessment", "design", "build", "scale"]


def rollout_plan(n_tasks: int, seed: int = 11) -> Plan:
    """Four phases of chained work streams with cross links, like a large rollout."""
    rng = random.Random(seed)
    tasks = []
    per_phase = n_tasks // len(PHASES)
    for i in range(n_tasks):
        phase = PHASES[min(i // per_phase, len(PHASES) - 1)]
        deps = []
        if i:
            for p in rng.sample(range(max(0, i - 30), i), min(i, rng.randint(1, 2))):
                deps.append(Dependency(task=f"t{p}", type=rng.choice(["FS", "FS", "FS", "SS", "FF"]),
                                       lag=rng.randint(-1, 2)))
        tasks.append(Task(id=f"t{i}", name=f"Task {i}", phase=phase, duration=rng.randint(0, 15),
                          depends_on=deps, progress=rng.choice([0, 0, 30, 100]),
                          demands=[RoleDemand(role="ai-product-manager", fte=0.5)]))
    return Plan(name="large", start=dt.date(2026, 5, 4), phases=[Phase(id=p, name=p.title()) for p in PHASES],
                roles=[Role(id="ai-product-manager", name="AI Product Manager")], tasks=tasks)


@pytest.fixture
def gantt_for(qtbot):
    from aiplanner.model.document import Document
    from aiplanner.ui.gantt.view import GanttView
    from aiplanner.ui.session import PlanSession

    sessions = []

    def make(n_tasks):
        session = PlanSession(Document(rollout_plan(n_tasks)))
        sessions.append(session)
        view = GanttView(session)
        qtbot.addWidget(view)
        view.resize(1600, 900)
        view.show()
        qtbot.waitExposed(view)
        view.set_px_per_day(6)  # weeks: weekend shading and labels on
        return session, view

    yield make
    for s in sessions:
        s.undo_stack.cleanChanged.disconnect()


def test_repaint_full_viewport_5000_tasks(benchmark, gantt_for):
    session, view = gantt_for(5000)
    # Middle of the plan, where bars and links are densest.
    row = view.row_of("t2500")
    view.verticalScrollBar().setValue(row * view.row_height())
    view.scroll_to_task("t2500")
    vp = view.viewport()
    benchmark(vp.grab)  # paintEvent into a pixmap: the whole paint path, synchronously
    assert benchmark.stats.stats.median <= 0.016


def test_duration_edit_1000_tasks_to_updated_chart(benchmark, gantt_for):
    from aiplanner.ui.commands import EditTaskCommand

    session, view = gantt_for(1000)
    durations = itertools.cycle([7, 12])

    def edit():
        session.push(EditTaskCommand(session, "t10", duration=next(durations)))
        view.viewport().grab()

    benchmark(edit)
    assert view.index.item_of["t10"].x1 > view.index.item_of["t10"].x0
    assert benchmark.stats.stats.median <= 0.100
