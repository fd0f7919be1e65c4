"""Freezing a schedule into a baseline, and thawing a baseline for load sums.

A :class:`~aiplanner.model.variants.Baseline` stores dates, not rules: it
must not move when the plan is edited later. To compare the load of a
baseline with today's, :func:`baseline_plan` rebuilds a plan whose tasks
sit exactly on the frozen dates (each pinned by a not-before date, no
links) with the frozen staffing, which the load calculation takes like any
other plan.
"""

from __future__ import annotations

import datetime as dt

from aiplanner.model.plan import Phase, Plan, Role, Task
from aiplanner.model.variants import Baseline, BaselineTask
from aiplanner.schedule.cpm import Schedule, schedule_plan

__all__ = ["freeze_schedule", "baseline_plan"]


def freeze_schedule(
    plan: Plan,
    name: str,
    *,
    created: dt.date | None = None,
    schedule: Schedule | None = None,
    p80: dt.date | None = None,
) -> Baseline:
    """A baseline of ``plan`` as ``schedule`` (default: computed now) places it.

    Examples
    --------
    >>> from aiplanner.model import Phase, Task
    >>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
    ...             tasks=[Task(id="a", name="A", phase="p", duration=5)])
    >>> b = freeze_schedule(plan, "kick-off", created=dt.date(2026, 4, 30))
    >>> b.finish, b.tasks[0].start, b.tasks[0].finish
    (datetime.date(2026, 5, 8), datetime.date(2026, 5, 4), datetime.date(2026, 5, 8))
    """
    sched = schedule if schedule is not None else schedule_plan(plan)
    tasks = []
    for task in plan.tasks:
        times = sched.tasks[task.id]
        tasks.append(
            BaselineTask(
                id=task.id,
                name=task.name,
                phase=task.phase,
                start=times.start,
                finish=times.finish,
                duration=task.duration,
                milestone=task.is_milestone,
                demands=[d.model_copy() for d in task.demands],
            )
        )
    return Baseline(
        name=name,
        created=created or dt.date.today(),
        start=sched.start,
        finish=sched.finish,
        pattern=plan.pattern,
        p80=p80,
        tasks=tasks,
        people=[p.model_copy(deep=True) for p in plan.people],
        assignments=[a.model_copy() for a in plan.assignments],
    )


def baseline_plan(plan: Plan, baseline: Baseline) -> Plan:
    """A plan whose tasks sit on the baseline's dates, staffed as the baseline was.

    Calendar and roles come from ``plan`` (roles the baseline's tasks
    demand that the plan has since lost are kept under their ids), so
    the load of the result compares like for like with the plan's.
    """
    roles = [r.model_copy() for r in plan.roles]
    known = {r.id for r in roles}
    wanted = [d.role for t in baseline.tasks for d in t.demands] + [a.role for a in baseline.assignments]
    for role in wanted:
        if role not in known:
            roles.append(Role(id=role, name=role))
            known.add(role)
    phases = [p.model_copy() for p in plan.phases]
    phase_ids = {p.id for p in phases}
    for task in baseline.tasks:
        if task.phase not in phase_ids:
            phases.append(Phase(id=task.phase, name=task.phase))
            phase_ids.add(task.phase)
    tasks = [
        Task(
            id=t.id,
            name=t.name,
            phase=t.phase,
            duration=0 if t.milestone else t.duration,
            milestone=t.milestone,
            not_before=t.start,
            demands=[d.model_copy() for d in t.demands],
        )
        for t in baseline.tasks
    ]
    return Plan(
        name=f"{plan.name} (baseline {baseline.name})",
        start=min([baseline.start, *(t.start for t in baseline.tasks)]),
        pattern=baseline.pattern,
        calendar=plan.calendar.model_copy(deep=True),
        phases=phases,
        tasks=tasks,
        roles=roles,
        people=[p.model_copy(deep=True) for p in baseline.people],
        assignments=[a.model_copy() for a in baseline.assignments],
    )
