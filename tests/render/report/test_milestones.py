"""The milestone summary: one page for any plan, the milestones a sponsor watches kept."""

from __future__ import annotations

import datetime as dt

from aiplanner.checks.summary import MilestoneMark, PhaseBar
from aiplanner.model import Dependency, Task
from aiplanner.render.report.milestones import choose_rows
from tests.render.plans import make_plan
from tests.render.report.test_report import pages_text, report

D = dt.date(2026, 6, 1)


def test_every_phase_stays_and_the_least_watched_milestones_go():
    phases = [PhaseBar("p", "P", D, D + dt.timedelta(days=90)), PhaseBar("q", "Q", D, D + dt.timedelta(days=90))]
    marks = [MilestoneMark(f"m{k}", f"M{k}", "p", D + dt.timedelta(days=k), critical=k == 3,
                           baseline_date=D if k == 5 else None) for k in range(1, 9)]
    marks.append(MilestoneMark("q-end", "Q done", "q", D + dt.timedelta(days=80), critical=False))
    rows, hidden = choose_rows(phases, marks, capacity=6)
    kept = [item.id for kind, item in rows if kind == "milestone"]
    assert [item.id for kind, item in rows if kind == "phase"] == ["p", "q"]
    # closing each phase first, then critical, then moved against the baseline
    assert set(kept) == {"m8", "q-end", "m3", "m5"} and hidden == 5
    assert choose_rows(phases, marks, capacity=40)[1] == 0


def test_a_large_plan_gets_one_page_saying_what_it_left_out():
    plan = make_plan(400)
    # a milestone after every fifth task: 80 of them, more than a page holds
    for k, task in enumerate(list(plan.tasks)):
        if k % 5 == 4:
            plan.tasks.append(Task(id=f"ms{k}", name=f"Checkpoint {k}", phase=task.phase, duration=0,
                                   milestone=True, depends_on=[Dependency(task=task.id)]))
    texts = pages_text(report(plan, sections=("milestones",), iterations=50))
    assert len(texts) == 1 and texts[0].strip().startswith("Milestone summary")
    assert "more milestones in the timeline" in texts[0]
    for phase in plan.phases:
        assert phase.name in texts[0]
