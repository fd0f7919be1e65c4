"""Builds a :class:`~aiplanner.render.gantt.scene.GanttScene` (see :func:`build_gantt_scene`).

Kept apart from the primitives so that module reads as the scene's contract.
"""

from __future__ import annotations

import datetime as dt
import math

from aiplanner.render.gantt.routing import route_link
from aiplanner.render.gantt.scene import (
    COLUMNS, Band, Bar, Column, GanttOptions, GanttScene, Ghost, Label, Link, Milestone, Row, Shade,
    TodayLine, resolve_scale, snapped_range,
)
from aiplanner.render.gantt.timescale import MONTHS, ticks_between

__all__ = ["build_gantt_scene", "assemble", "short_date", "link_slack", "milestone_x", "role_label", "link_stub"]

_DAY = dt.timedelta(days=1)


def short_date(day: dt.date) -> str:
    """``4 May`` style, locale-free.

    >>> short_date(dt.date(2026, 5, 4))
    '4 May'
    """
    return f"{day.day} {MONTHS[day.month - 1]}"


def link_slack(kind: str, lag: int, pred, succ) -> int:
    """Working days a link could stretch before it moves its successor (0 = driving)."""
    if kind == "FS":
        return succ.es - (pred.ef + lag)
    if kind == "SS":
        return succ.es - (pred.es + lag)
    if kind == "FF":
        return succ.ef - (pred.ef + lag)
    return succ.ef - (pred.es + lag)


#: Days a milestone diamond needs beside it at each scale's narrowest readable cell
#: (about 0.06 in at MIN_CELL inches per CELL_DAYS days, see render.timeline).
_DIAMOND_ROOM = {"days": 1, "weeks": 2, "months": 6, "quarters": 14}


def milestone_x(times, calendar, origin: dt.date) -> float:
    """x of a milestone's diamond: the end of its day when an end-type link
    dates it (``start == date_of(es - 1)``), else the start of its day."""
    if times.ef > times.es:  # a flagged milestone with duration: its finish
        return float((times.finish - origin).days + 1)
    x = float((times.start - origin).days)
    if times.es > 0 and calendar.date_of(times.es - 1) == times.start:
        x += 1.0
    return x


def link_stub(x_min: float, x_max: float) -> float:
    """How far (chart days) an arrow runs out of a bar before it turns: 1/120 of the chart."""
    return max((x_max - x_min) / 120.0, 0.25)


def _role_names(plan) -> dict[str, str]:
    return {r.id: r.name for r in plan.roles}


def _owner_role(task, names: dict[str, str]) -> str:
    if not task.demands:
        return ""
    top = max(task.demands, key=lambda d: d.fte)  # first of the largest demands
    return names.get(top.role, top.role)


def role_label(task, names: dict[str, str]) -> str:
    """The roles a task demands, ``AI Product Manager 0.5, MLOps Engineer`` (FTE 1 left out)."""
    return ", ".join(names.get(d.role, d.role) + ("" if d.fte == 1 else f" {d.fte:g}") for d in task.demands)


def _cells(keys: tuple[str, ...], task, times, names) -> tuple[str, ...]:
    if not keys:  # the window's scene has no table columns: skip the formatting
        return ()
    values = {
        "id": task.id,
        "start": times.start.isoformat(),
        "finish": times.finish.isoformat(),
        "duration": str(times.duration),
        "float": str(times.total_float),
        "role": _owner_role(task, names),
    }
    return tuple(values[k] for k in keys)


def _phase_cells(keys: tuple[str, ...], phase, span) -> tuple[str, ...]:
    values = {"id": phase.id, "start": span.start.isoformat(), "finish": span.finish.isoformat(),
              "duration": str(span.duration), "float": "", "role": ""}
    return tuple(values[k] for k in keys)


def _visible(times, first: dt.date | None, last: dt.date | None) -> bool:
    if first is not None and times.finish < first:
        return False
    return not (last is not None and times.start > last)


def _shades(plan, schedule, first: dt.date, last: dt.date, weekends: bool) -> list[Shade]:
    cal = schedule.calendar
    workdays = {("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(d) for d in plan.calendar.workdays}
    runs: list[Shade] = []
    day = first
    origin = plan.start
    while day <= last:
        try:
            working = cal.is_working(day)
        except ValueError:  # past the calendar's last year (a plan ending late in 2400): no shade
            working = True
        if not working:
            kind = "holiday" if day.weekday() in workdays else "weekend"
            if kind == "holiday" or weekends:
                x = float((day - origin).days)
                if runs and runs[-1].kind == kind and runs[-1].x1 == x:
                    runs[-1] = Shade(runs[-1].x0, x + 1, kind)
                else:
                    runs.append(Shade(x, x + 1, kind))
        day += _DAY
    return runs


def assemble(plan, schedule, options: GanttOptions) -> GanttScene:
    """Rows, bars, links, labels, header and shading for ``plan``; see :mod:`scene`."""
    origin = plan.start
    times_of = schedule.tasks
    names = _role_names(plan)
    keys = options.columns
    tasks = [t for t in plan.tasks if t.id in times_of and _visible(times_of[t.id], options.date_from, options.date_to)]

    # -- range and scale -------------------------------------------------
    if tasks:
        lo = min(min(times_of[t.id].start for t in tasks), origin)
        hi = max(times_of[t.id].finish for t in tasks)
    else:
        lo = hi = origin
    for tid, (b_start, b_finish) in options.baseline.items():
        if tid in times_of:
            lo, hi = min(lo, b_start), max(hi, b_finish)
    first = options.date_from or lo
    last = options.date_to or max(hi, first)
    scale = resolve_scale(options, first, last)
    if options.date_from is None or options.date_to is None:
        snap_lo, snap_hi = snapped_range(first, last, scale)
        first = options.date_from or snap_lo
        last = options.date_to or snap_hi
    if options.date_to is None:
        # A milestone diamond near the end must not be cut by the chart's edge: keep its
        # half-width (in days at this scale) free, reaching into the next header unit if need be.
        ends = [milestone_x(times_of[t.id], schedule.calendar, origin) for t in tasks if times_of[t.id].milestone]
        if ends and max(ends) + _DIAMOND_ROOM[scale] > (last - origin).days + 1:
            last = snapped_range(first, origin + dt.timedelta(days=math.ceil(max(ends) + _DIAMOND_ROOM[scale])),
                                 scale)[1]
    x_min = float((first - origin).days)
    x_max = float((last - origin).days + 1)

    # -- rows ------------------------------------------------------------
    rows: list[Row] = []
    bands: list[Band] = []
    row_index: dict[str, int] = {}
    phase_index = {p.id: i for i, p in enumerate(plan.phases)}
    groups: list[tuple[object | None, list]] = [(p, [t for t in tasks if t.phase == p.id]) for p in plan.phases]
    orphans = [t for t in tasks if t.phase not in phase_index]
    if orphans:
        groups.append((None, orphans))
    for phase, members in groups:
        if not members:
            continue
        folded = phase is not None and phase.id in options.collapsed
        if phase is not None:
            span = schedule.phases[phase.id]
            header = len(rows)
            rows.append(Row(header, "phase", phase.id, phase.name, phase.id, _phase_cells(keys, phase, span)))
            bands.append(Band(phase.id, phase.name, header, header + (0 if folded else len(members)),
                              float((span.start - origin).days), float((span.finish - origin).days + 1),
                              phase_index[phase.id], span.start, span.finish, folded, len(members)))
        if folded:
            continue  # a summary row only: its tasks have no rows, bars or links
        for task in members:
            t = times_of[task.id]
            row_index[task.id] = len(rows)
            rows.append(Row(len(rows), "task", task.id, task.name, task.phase,
                            _cells(keys, task, t, names), t.critical, t.milestone))

    # -- bars, milestones, labels -----------------------------------------
    bars: list[Bar] = []
    milestones: list[Milestone] = []
    labels: list[Label] = []
    ends: dict[str, tuple[float, float, int]] = {}
    shown = [t for t in tasks if t.id in row_index]
    for task in shown:
        t = times_of[task.id]
        r = row_index[task.id]
        pidx = phase_index.get(task.phase, len(plan.phases))
        if t.milestone:
            x = milestone_x(t, schedule.calendar, origin)
            text = task.name if options.bar_labels == "name" else short_date(t.finish)
            milestones.append(Milestone(task.id, r, x, t.critical, text, task.phase, pidx, t.finish))
            ends[task.id] = (x, x, r)
            x0 = x1 = x
            pad = 0.6
        else:
            x0 = float((t.start - origin).days)
            x1 = float((t.finish - origin).days + 1)
            text = {"auto": f"{task.progress:.0f}%" if task.progress > 0 else "", "name": task.name,
                    "roles": role_label(task, names)}.get(options.bar_labels, "")
            bars.append(Bar(task.id, r, x0, x1, task.progress / 100.0, t.critical, text, task.phase, pidx,
                            t.start, t.finish, t.total_float))
            ends[task.id] = (x0, x1, r)
            pad = 0.0
        if options.bar_labels != "none" and text:
            labels.append(Label(text, r, x1 + pad, "left", x0 - pad, task.id))

    # -- links -------------------------------------------------------------
    links: list[Link] = []
    if options.show_links:
        stub = link_stub(x_min, x_max)
        for task in shown:
            for dep in task.depends_on:
                if dep.task not in ends:  # not in the chart, or inside a collapsed phase
                    continue
                pred, succ = times_of[dep.task], times_of[task.id]
                critical = pred.critical and succ.critical and link_slack(dep.type, dep.lag, pred, succ) <= 0
                points = route_link(dep.type, ends[dep.task], ends[task.id], stub)
                links.append(Link(dep.task, task.id, dep.type, dep.lag, points, critical))

    ghosts = [
        Ghost(tid, row_index[tid], float((b0 - origin).days), float((b1 - origin).days + 1),
              (times_of[tid].finish - b1).days)
        for tid, (b0, b1) in options.baseline.items() if tid in row_index
    ]
    weekends = options.shade_weekends if options.shade_weekends is not None else scale in ("days", "weeks")
    today = None
    if options.today is not None and first <= options.today <= last:
        today = TodayLine(float((options.today - origin).days), options.today)

    return GanttScene(
        title=plan.name,
        origin=origin,
        x_min=x_min,
        x_max=x_max,
        scale=scale,
        columns=tuple(Column(k, *COLUMNS[k]) for k in keys),
        rows=tuple(rows),
        bands=tuple(bands),
        bars=tuple(bars),
        milestones=tuple(milestones),
        links=tuple(links),
        labels=tuple(labels),
        shades=tuple(_shades(plan, schedule, first, last, weekends)),
        ghosts=tuple(sorted(ghosts, key=lambda g: g.row)),
        ticks=tuple(ticks_between(origin, first, last, scale)),
        today=today,
        _row_index=row_index,
    )


def build_gantt_scene(plan, schedule, options: GanttOptions | None = None) -> GanttScene:
    """Build the Gantt scene of ``plan`` scheduled as ``schedule``.

    Parameters
    ----------
    plan : aiplanner.model.Plan
    schedule : aiplanner.schedule.Schedule
        The result of ``schedule_plan(plan)``.
    options : GanttOptions, optional

    Returns
    -------
    GanttScene
    """
    return assemble(plan, schedule, options or GanttOptions())
