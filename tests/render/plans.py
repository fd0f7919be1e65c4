"""Generated plans of any size for the render tests and benchmarks (deterministic)."""

from __future__ import annotations

import datetime as dt
import random

PHASES = [("assessment", "Assessment"), ("design", "Design"), ("build", "Build Foundation"),
          ("scale", "Scale & Optimize")]
ROLES = [("ai-product-manager", "AI Product Manager"), ("ai-platform-engineer", "AI Platform Engineer"),
         ("mlops-engineer", "MLOps Engineer"), ("ai-governance-lead", "AI Governance Lead"),
         ("ai-enablement-lead", "AI Enablement Lead")]
WORDS = ["Current state", "Gap", "Use case", "Governance", "Platform", "Model registry", "Feature store",
         "Training", "Risk review", "Data readiness", "Pilot", "Rollout", "Handover", "Metrics", "Tooling"]


def make_plan(n_tasks: int, seed: int = 7, name: str = "Generated rollout", people: int = 0):
    """A plan of ``n_tasks`` tasks in the four phases, chained with all link types.

    With ``people``, that many people hold the five roles (in turn) and the
    tasks get three-point estimates, so every report section has data.
    """
    from aiplanner.model import Assignment, Dependency, Estimate, Person, Phase, Plan, Role, RoleDemand, Task

    rng = random.Random(seed)
    per_phase = max(1, n_tasks // len(PHASES))
    tasks = []
    for p, (pid, _) in enumerate(PHASES):
        count = per_phase if p < len(PHASES) - 1 else n_tasks - per_phase * (len(PHASES) - 1)
        for k in range(count):
            tid = f"{pid[0]}{k + 1}"
            deps = []
            if tasks:
                back = tasks[-min(len(tasks), rng.randint(1, 6))]
                kind = rng.choice(["FS", "FS", "FS", "SS", "FF", "SF"]) if k % 9 else "FS"
                deps.append(Dependency(task=back.id, type=kind, lag=rng.choice([0, 0, 2, -1])))
                if k % 5 == 0 and len(tasks) > 3:
                    other = tasks[-rng.randint(2, min(len(tasks), 12))]
                    if other.id != back.id:
                        deps.append(Dependency(task=other.id))
            milestone = k % 17 == 16
            duration = 0 if milestone else rng.randint(2, 15)
            estimate = None
            if people and duration:
                estimate = Estimate(optimistic=max(1, duration - 2), likely=duration, pessimistic=duration * 2)
            tasks.append(Task(
                id=tid, name=f"{rng.choice(WORDS)} {pid} step {k + 1}", phase=pid,
                duration=duration, estimate=estimate, depends_on=deps,
                progress=rng.choice([0, 0, 0, 25, 60, 100]) if p == 0 else 0,
                demands=[RoleDemand(role=rng.choice(ROLES)[0], fte=rng.choice([0.5, 1.0]))],
            ))
    staff = [Person(id=f"p{i}", name=f"Person {i + 1}") for i in range(people)]
    holds = [Assignment(person=p.id, role=ROLES[i % len(ROLES)][0]) for i, p in enumerate(staff)]
    return Plan(name=name, organisation="Example Corp", start=dt.date(2026, 5, 4), pattern="coe",
                phases=[Phase(id=i, name=n) for i, n in PHASES],
                roles=[Role(id=i, name=n) for i, n in ROLES], tasks=tasks, people=staff, assignments=holds)
