"""What a mouse gesture on the Gantt means: hit-testing and the edit it makes.

Plain functions over the scene index and the session so the widget stays
a thin event adapter: a body drag sets ``not_before``, an end drag sets the
duration in whole working days, a link drag adds an FS dependency.
"""

from __future__ import annotations

import datetime as dt

from aiplanner.model.plan import Dependency
from aiplanner.ui.commands import AddDependencyCommand, EditTaskCommand
from aiplanner.ui.gantt.index import SceneIndex
from aiplanner.ui.gantt.paint import Viewport

__all__ = ["EDGE_PX", "HANDLE_PX", "hit_test", "move_command", "resize_command", "link_command", "preview_span"]

EDGE_PX = 6  # grab zone of a bar's right end
HANDLE_PX = 10  # the link handle's centre sits this far right of a bar's end


def hit_test(index: SceneIndex, vp: Viewport, px: float, py: float) -> tuple[str | None, str]:
    """Task under viewport pixel ``(px, py)`` and the part: ``body``, ``end`` or ``handle``."""
    row = int((py + vp.top_px) // vp.row_height)
    for bar in index.bars_by_row.get(row, ()):
        right = vp.x(bar.x1)
        if abs(px - (right + HANDLE_PX)) <= 5:
            return bar.task_id, "handle"
        if abs(px - right) <= EDGE_PX:
            return bar.task_id, "end"
        if vp.x(bar.x0) <= px <= right:
            return bar.task_id, "body"
    for ms in index.milestones_by_row.get(row, ()):
        cx = vp.x(ms.x)
        half = vp.row_height / 2
        if abs(px - (cx + half + HANDLE_PX)) <= 5:
            return ms.task_id, "handle"
        if abs(px - cx) <= half:
            return ms.task_id, "body"
    return None, ""


def preview_span(index: SceneIndex, task_id: str, mode: str, delta: int) -> tuple[str, float, float] | None:
    """Where a dragged bar would be drawn (task, x0, x1) after ``delta`` days."""
    item = index.item_of.get(task_id)
    if item is None or not delta:
        return None
    if not hasattr(item, "x0"):
        return (task_id, item.x + delta, item.x + delta) if mode == "move" else None
    if mode == "move":
        return task_id, item.x0 + delta, item.x1 + delta
    if mode == "end":
        return task_id, item.x0, max(item.x0 + 1, item.x1 + delta)
    return None


def move_command(session, task_id: str, delta_days: int) -> EditTaskCommand | None:
    """Move a task by ``delta_days`` calendar days: it may not start before the new date.

    The date is snapped to the working day the scheduler will use, so the
    undo text says what happens.
    """
    if not delta_days:
        return None
    times = session.schedule.tasks[task_id]
    cal = session.schedule.calendar
    target = times.start + dt.timedelta(days=delta_days)
    snapped = cal.date_of(cal.index_on_or_after(target))
    if session.plan.task(task_id).not_before == snapped:
        return None
    return EditTaskCommand(session, task_id, text=f"Move {task_id} to {snapped:%d %b %Y}", not_before=snapped)


def resize_command(session, task_id: str, delta_days: int) -> EditTaskCommand | None:
    """Stretch a task's end by ``delta_days`` calendar days, in whole working days (at least 1)."""
    times = session.schedule.tasks[task_id]
    if times.milestone:
        return None
    last_day = times.finish + dt.timedelta(days=delta_days)
    days = max(1, session.schedule.calendar.working_days_between(times.start, last_day))
    if days == session.plan.task(task_id).duration:
        return None
    return EditTaskCommand(session, task_id, text=f"Set duration of {task_id} to {days} days", duration=days)


def link_command(session, predecessor: str, successor: str) -> AddDependencyCommand:
    """A finish-to-start link ``predecessor -> successor`` (checked when pushed)."""
    return AddDependencyCommand(session, successor, Dependency(task=predecessor, type="FS"))


def describe_drag(session, task_id: str, mode: str, delta_days: int) -> str:
    """What releasing the drag now would do, for a label beside the cursor."""
    times = session.schedule.tasks.get(task_id)
    if times is None:
        return ""
    cal = session.schedule.calendar
    if mode == "move":
        target = times.start + dt.timedelta(days=delta_days)
        snapped = cal.date_of(cal.index_on_or_after(target))
        return f"Not before {snapped:%a %d %b}"
    if mode == "end" and not times.milestone:
        days = max(1, cal.working_days_between(times.start, times.finish + dt.timedelta(days=delta_days)))
        return f"{days} working day" + ("" if days == 1 else "s")
    return ""


def nudge_command(session, task_id: str, working_days: int, stretch: bool = False) -> EditTaskCommand | None:
    """Keyboard edits: shift a task by whole working days (``not_before``), or
    with ``stretch`` change its duration by that many days (at least 1)."""
    times = session.schedule.tasks[task_id]
    task = session.plan.task(task_id)
    if stretch:
        if times.milestone:
            return None
        days = max(1, task.duration + working_days)
        if days == task.duration:
            return None
        return EditTaskCommand(session, task_id, text=f"Set duration of {task_id} to {days} days", duration=days)
    cal = session.schedule.calendar
    target = cal.date_of(max(cal.index_on_or_after(times.start) + working_days, 0))
    if target == task.not_before:
        return None
    return EditTaskCommand(session, task_id, text=f"Move {task_id} to {target:%d %b %Y}", not_before=target)
