"""Small builders for scheduling tests."""

from __future__ import annotations

import datetime as dt

from aiplanner.model import Calendar, Dependency, Phase, Plan, Task

D = dt.date


def make(tasks, start=D(2026, 5, 4), phases=("p",), **cal) -> Plan:
    """A plan starting ``start`` (default Monday 4 May 2026) with ``tasks``."""
    return Plan(start=start, calendar=Calendar(**cal), phases=[Phase(id=p, name=p.upper()) for p in phases],
                tasks=tasks)


def T(tid, duration, *deps, phase="p", **kw) -> Task:
    """A task; deps are ids (FS, no lag) or ``(id, type, lag)``."""
    links = [Dependency(task=d[0], type=d[1], lag=d[2]) if isinstance(d, tuple) else Dependency(task=d) for d in deps]
    return Task(id=tid, name=tid.upper(), phase=phase, duration=duration, depends_on=links, **kw)


def span(schedule, tid):
    """(start, finish) dates of one task."""
    t = schedule.tasks[tid]
    return t.start, t.finish


def random_plan_strategy(max_tasks: int = 12, not_before: bool = True):
    """Hypothesis strategy: a random acyclic plan on a random calendar.

    Tasks are created in a random topological rank and shuffled into
    document order, so links point both forwards and backwards in the file.
    """
    from hypothesis import strategies as st

    week = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    @st.composite
    def build(draw):
        n = draw(st.integers(1, max_tasks))
        start = draw(st.dates(D(2025, 12, 1), D(2027, 2, 28)))
        workdays = draw(st.sets(st.sampled_from(week), min_size=1))
        holidays = draw(st.lists(st.dates(start, start + dt.timedelta(days=90)), max_size=4))
        perm = draw(st.permutations(range(n)))
        tasks = []
        for rank in range(n):
            deps = []
            if rank:
                preds = draw(st.lists(st.integers(0, rank - 1), max_size=3, unique=True))
                for p in preds:
                    kind = draw(st.sampled_from(["FS", "SS", "FF", "SF"]))
                    lag = draw(st.integers(-4, 4))
                    deps.append((f"t{perm[p]}", kind, lag))
            duration = draw(st.sampled_from([0, 1, 2, 3, 5, 8]))
            nb = None
            if not_before and draw(st.integers(0, 5)) == 0:
                nb = start + dt.timedelta(days=draw(st.integers(-5, 30)))
            tasks.append((perm[rank], T(f"t{perm[rank]}", duration, *deps, not_before=nb)))
        tasks.sort(key=lambda item: item[0])
        return make([t for _, t in tasks], start=start,
                    workdays=sorted(workdays, key=week.index), holidays=holidays)

    return build()
