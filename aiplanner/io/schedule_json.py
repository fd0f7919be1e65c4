"""The schedule as JSON: the shape of ``aiplanner schedule --format json`` (DESIGN.md).

One definition, used by the ``schedule`` command and by ``export --to json``.
"""

from __future__ import annotations

__all__ = ["schedule_data"]


def schedule_data(plan, sched) -> dict:
    """The JSON form of DESIGN.md: project and per-task dates (ISO), floats in working days."""
    tasks = []
    for task in plan.tasks:
        t = sched.tasks[task.id]
        tasks.append(
            {
                "id": task.id,
                "name": task.name,
                "phase": task.phase,
                "start": t.start.isoformat(),
                "finish": t.finish.isoformat(),
                "duration": t.duration,
                "total_float": t.total_float,
                "free_float": t.free_float,
                "critical": t.critical,
                "milestone": t.milestone,
                "late_start": t.late_start.isoformat(),
                "late_finish": t.late_finish.isoformat(),
                "deadline": task.deadline.isoformat() if task.deadline else None,
                "days_late": t.deadline_late,
            }
        )
    phases = [
        {"id": p.id, "name": p.name, "start": s.start.isoformat(), "finish": s.finish.isoformat(), "duration": s.duration}
        for p in plan.phases
        if (s := sched.phases.get(p.id)) is not None
    ]
    return {
        "project": {
            "name": plan.name,
            "start": sched.start.isoformat(),
            "finish": sched.finish.isoformat(),
            "duration": sched.duration,
            "critical_path": sched.critical_tasks(),
            "missed_deadlines": sched.missed_deadlines,
        },
        "phases": phases,
        "tasks": tasks,
    }
