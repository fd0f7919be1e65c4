"""Generated plans of a given size for the benchmarks (deterministic)."""

from __future__ import annotations

import datetime as dt
import random

from aiplanner.model import Calendar, Dependency, Estimate, Phase, Plan, Task
from aiplanner.model.rules import CURRENT_VERSION

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
        format="aiplanner-plan", version=CURRENT_VERSION, name="generated", organisation="", start=start, pattern=None,
        calendar=Calendar(holidays=[dt.date(2026, 12, 25), dt.date(2027, 1, 1)]),
        phases=[Phase(id=p, name=p.title()) for p in PHASES], tasks=made, roles=[], people=[], assignments=[],
        responsibilities=None, metrics=[], notes="")


# -- plan files for the whole-process benchmarks (tests/perf/test_process_perf.py) -----------------
# Written as .aiplan JSON (the documented file format), as a user's file would be read.

def fs_network_tasks(n: int = 2000, seed: int = 7) -> list[dict]:
    """``n`` tasks in a finish-to-start network: each has 1-4 FS links (lag 0) to tasks among
    the 60 before it; one in 20 is a milestone. Task ``t{k}`` as JSON data."""
    rng = random.Random(seed)
    tasks = []
    for k in range(n):
        milestone = k > 0 and rng.random() < 0.05
        task = {"id": f"t{k}", "name": f"Task {k}", "phase": PHASES[k * len(PHASES) // n],
                "duration": 0 if milestone else rng.randint(1, 20)}
        if k:
            preds = sorted(rng.sample(range(max(0, k - 60), k), min(k, rng.randint(1, 4))))
            task["depends_on"] = [{"task": f"t{i}"} for i in preds]
        if milestone:
            task["milestone"] = True
        tasks.append(task)
    return tasks


def complete_dag_tasks(n: int = 250, seed: int = 9) -> list[dict]:
    """``n`` tasks, each finish-to-start after every earlier one (n (n - 1) / 2 links)."""
    rng = random.Random(seed)
    return [{"id": f"t{k}", "name": f"Task {k}", "phase": PHASES[k * len(PHASES) // n], "duration": rng.randint(1, 5),
             **({"depends_on": [{"task": f"t{i}"} for i in range(k)]} if k else {})} for k in range(n)]


def plan_file_text(name: str, tasks: list[dict], holidays: tuple[str, ...] = ()) -> str:
    """The ``.aiplan`` text of a plan starting Monday 4 May 2026 with ``tasks``."""
    import json

    doc = {"format": "aiplanner-plan", "version": CURRENT_VERSION, "name": name, "start": "2026-05-04"}
    if holidays:
        doc["calendar"] = {"holidays": list(holidays)}
    doc["phases"] = [{"id": p, "name": p.title()} for p in PHASES]
    doc["tasks"] = tasks
    return json.dumps(doc, indent=2) + "\n"


def tjp_text(name: str, tasks: list[dict]) -> str:
    """The TaskJuggler 3 twin of an FS-only, lag-0 plan: Mon-Fri, ``length Nd`` working days,
    ``depends`` for finish-to-start, milestones as such; the project window has room to spare."""
    finish: dict[str, int] = {}
    for t in tasks:  # longest FS path in working days (tasks are in topological order)
        finish[t["id"]] = max((finish[d["task"]] for d in t.get("depends_on", [])), default=0) + t["duration"]
    days = max(finish.values(), default=0) * 7 // 5 + 60
    out = [f'project p "{name}" 2026-05-04 +{days}d {{', '  timezone "UTC"', "}", ""]
    for t in tasks:
        body = []
        if t.get("depends_on"):
            body.append("depends " + ", ".join(d["task"] for d in t["depends_on"]))
        body.append("milestone" if t.get("milestone") or t["duration"] == 0 else f"length {t['duration']}d")
        out.append(f'task {t["id"]} "{t["name"]}" {{ ' + " ".join(body) + " }")
    return "\n".join(out) + "\n"


def plan_10k_text() -> str:
    """A 10,000-task, 25,000-link plan (the recipe of :func:`generated_plan`) as ``.aiplan`` text."""
    from aiplanner.io.native import dumps

    plan = generated_plan(10_000, 25_000, seed=1)
    from aiplanner.model import Plan

    return dumps(Plan.model_validate({**plan.model_dump(), "responsibilities": {}}))
