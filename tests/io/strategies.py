"""Hypothesis strategies for random but valid plans (shared by the interchange tests)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from aiplanner.model import Calendar, Dependency, Phase, Plan, Task, WEEKDAYS


@st.composite
def plans(draw, max_tasks: int = 10) -> Plan:
    workdays = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True))
    start = dt.date(2026, 1, 1) + dt.timedelta(days=draw(st.integers(0, 400)))
    holidays = sorted(set(draw(st.lists(
        st.integers(0, 120).map(lambda k: start + dt.timedelta(days=k)), max_size=4))))
    phases = [Phase(id=f"p{k}", name=f"Phase {k}") for k in range(draw(st.integers(1, 3)))]
    tasks = []
    for k in range(draw(st.integers(1, max_tasks))):
        duration = draw(st.integers(0, 15))
        preds = draw(st.lists(st.integers(0, k - 1), max_size=3, unique=True)) if k else []
        deps = [Dependency(task=f"t{p}", type=draw(st.sampled_from(["FS", "SS", "FF", "SF"])),
                           lag=draw(st.integers(-3, 5))) for p in preds]
        tasks.append(Task(id=f"t{k}", name=f"Task {k}", phase=draw(st.sampled_from(phases)).id,
                          duration=duration, milestone=duration == 0 and draw(st.booleans()),
                          depends_on=deps, progress=draw(st.sampled_from([0, 0, 50, 100]))))
    return Plan(start=start, calendar=Calendar(workdays=workdays, holidays=holidays), phases=phases, tasks=tasks)
