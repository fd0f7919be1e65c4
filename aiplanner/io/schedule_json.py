"""The schedule as JSON: the shape of ``aiplanner schedule --format json`` (DESIGN.md).

One definition, used by the ``schedule`` command and by ``export --to json``;
:func:`json_text` is how the command line prints JSON.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["schedule_data", "json_text"]

# Compact items are written by the json module's C encoder (it has none for indented
# output: ``indent=2`` runs the pure-Python one, about 4x slower on a large schedule).
_item = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def json_text(data: Any) -> str:
    """``data`` as JSON text for people and programs: one item per line.

    Objects are spread over lines, one key each, as ``json.dumps(indent=2)``
    does; a list of objects or lists holds one item per line, each written on
    that line (a task, a finding); other lists are written on one line. The
    text is valid JSON with the same keys and values, ends with a newline,
    and a 2,000-task schedule is printed in a few milliseconds.

    >>> print(json_text({"project": {"name": "P", "days": 3}, "tasks": [{"id": "a", "critical": True}], "ids": ["a"]}), end="")
    {
      "project": {
        "name": "P",
        "days": 3
      },
      "tasks": [
        {"id": "a", "critical": true}
      ],
      "ids": ["a"]
    }
    """
    out: list[str] = []
    _write(data, "", out)
    out.append("\n")
    return "".join(out)


def _write(value: Any, pad: str, out: list[str]) -> None:
    if isinstance(value, dict) and value:
        inner = pad + "  "
        out.append("{\n")
        for n, (key, item) in enumerate(value.items()):
            out.append(f"{inner}{_item(str(key))}: ")
            _write(item, inner, out)
            out.append(",\n" if n < len(value) - 1 else "\n")
        out.append(pad + "}")
    elif isinstance(value, (list, tuple)) and any(isinstance(v, (dict, list, tuple)) for v in value):
        inner = pad + "  "
        out.append("[\n" + inner + (",\n" + inner).join(_item(v) for v in value) + "\n" + pad + "]")
    else:
        out.append(_item(value))


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
