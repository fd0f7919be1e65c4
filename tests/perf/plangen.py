"""Generated plans of a given size for the benchmarks (deterministic)."""

from __future__ import annotations

import datetime as dt
import random

from aiplanner.model import Calendar, Dependency, Estimate, Phase, Plan, Task

PHASES = ("assessment", "design", "build", "scale")


def generated_plan(tasks: int, links: int, seed: int = 1, estimates: bool = False) -> Plan:
    """A plan of ``tasks`` tasks and about ``links`` links among nearby tasks (like real plans).

    Links point from one of the 60 previous tasks to a later one (so no
    cycles); types are mostly FS with some SS/FF/SF, lags -2..5; one task
    in 20 is a milestone; a few have not-before dates and deadlines.
    """
    rng = random.Random(seed)
    start = dt.date(2026, 5, 4)
    preds: list[dict[int, Dependency]] = [{} for _ in range(tasks)]
    placed = 0
    while placed < links and tasks > 1:
        j = rng.randrange(1, tasks)
        i = rng.randrange(max(0, j - 60), j)
        if i in preds[j]:
            continue
        kind = rng.choices(("FS", "SS", "FF", "SF"), weights=(80, 10, 8, 2))[0]
        preds[j][i] = Dependency.model_construct(task=f"t{i}", type=kind, lag=rng.randint(-2, 5))
        placed += 1
    made = []
    for k in range(tasks):
        milestone = rng.random() < 0.05
        duration = 0 if milestone else rng.randint(1, 20)
        estimate = None
        if estimates and not milestone:
            lo = max(1, duration - rng.randint(0, duration // 2))
            estimate = Estimate.model_construct(optimistic=lo, likely=duration, pessimistic=duration * 2)
        made.append(Task.model_construct(
            id=f"t{k}", name=f"Task {k}", phase=PHASES[k * len(PHASES) // tasks], duration=duration,
            estimate=estimate, depends_on=list(preds[k].values()), milestone=milestone,
            not_before=start + dt.timedelta(days=rng.randint(0, 400)) if rng.random() < 0.01 else None,
            deadline=start + dt.timedelta(days=rng.randint(30, 900)) if rng.random() < 0.02 else None,
            progress=0.0, demands=[], priority=500, tags=[], notes=""))
    return Plan.model_construct(
        format="aiplanner-plan", version=1, name="generated", organisation="", start=start, pattern=None,
        calendar=Calendar(holidays=[dt.date(2026, 12, 25), dt.date(2027, 1, 1)]),
        phases=[Phase(id=p, name=p.title()) for p in PHASES], tasks=made, roles=[], people=[], assignments=[],
        responsibilities=None, metrics=[], notes="")
