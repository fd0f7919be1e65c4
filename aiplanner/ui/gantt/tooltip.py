"""Hover text of a task in the Gantt (plain text, no Qt, so it is easy to test)."""

from __future__ import annotations

from aiplanner.model.plan import Plan

__all__ = ["task_tooltip"]


def _days(n: int) -> str:
    return f"{n} working day" + ("" if abs(n) == 1 else "s")


def task_tooltip(plan: Plan, schedule, task_id: str, baseline: dict | None = None) -> str:
    """Dates, duration, float, roles and progress of one task (and its baseline dates when
    ``baseline``, task id -> (start, finish), holds it: the ghost bar under it).

    Examples
    --------
    The first line is the task's name and id; then ``Start – Finish``,
    duration, total and free float, then one line per role demand.
    """
    if schedule is None or task_id not in schedule.tasks:
        return ""
    task = plan.task(task_id)
    times = schedule.tasks[task_id]
    roles = {r.id: r.name for r in plan.roles}
    lines = [f"{task.name} ({task.id})"]
    if times.milestone:
        lines.append(f"Milestone: {times.start:%a %d %b %Y}")
    else:
        lines.append(f"{times.start:%a %d %b %Y} – {times.finish:%a %d %b %Y} ({_days(times.duration)})")
    flt = f"Total float: {_days(times.total_float)}, free float: {_days(times.free_float)}"
    lines.append(flt + (" — critical" if times.critical else ""))
    if task.not_before is not None:
        lines.append(f"Not before: {task.not_before:%d %b %Y}")
    if task.deadline is not None:
        late = f" (late by {_days(times.deadline_late)})" if times.deadline_late else ""
        lines.append(f"Deadline: {task.deadline:%d %b %Y}{late}")
    if task.demands:
        lines.append("Roles: " + ", ".join(f"{roles.get(d.role, d.role)} {d.fte:g} FTE" for d in task.demands))
    if task.progress:
        lines.append(f"Progress: {task.progress:g}%")
    if baseline and task_id in baseline:
        start, finish = baseline[task_id]
        slip = (times.finish - finish).days
        moved = f"{abs(slip)} calendar day{'s' if abs(slip) != 1 else ''} {'later' if slip > 0 else 'earlier'}" \
            if slip else "on time"
        lines.append(f"Baseline: {start:%d %b} – {finish:%d %b %Y} (finish {moved})")
    return "\n".join(lines)
