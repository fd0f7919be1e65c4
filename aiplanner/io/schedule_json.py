"""The schedule as JSON: the shape of ``aiplanner schedule --format json`` (DESIGN.md).

One definition, used by the ``schedule`` command and by ``export --to json``.
"""

from __future__ import annotations

__all__ = ["schedule_data"]


def schedule_data(plan, sched) -> dict:
    """The JSON form of DESIGN.md: project and per-task dates (ISO), floats in working days.

    The project also says how far the plan has come: its status date and the
    duration-weighted percent complete, and (with a status date) the percent
    the latest baseline (else this schedule) planned done by then
    (:func:`aiplanner.schedule.progress.earned_progress`).
    """
    from aiplanner.schedule.progress import earned_progress

    progress = earned_progress(plan, sched, plan.baselines[-1] if plan.baselines else None)
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
                "progress": task.progress,
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
            "status_date": progress.status_date.isoformat() if progress.status_date else None,
            "percent_complete": progress.complete,
            "percent_planned": progress.planned,
        },
        "phases": phases,
        "tasks": tasks,
    }
