"""One detailed Gantt slide per phase, continued on further slides when its rows do not fit.

Each slide draws the Gantt scene of one phase (:func:`~aiplanner.render.gantt.layout.build_gantt_scene`,
the scene the PDF and the window paint) in native shapes: a name and a
dates text box per row, bars (critical work in the critical colour), a
strip for the work done, milestones as diamonds, the baseline as thin grey
bars, links as connectors glued to their bars, non-working days shaded and
the status date as a dashed line. Rows are cut into slides as the PDF cuts
them into pages: as many full rows as fit, a little lower when that saves a
slide, the time header repeated.
"""

from __future__ import annotations

import datetime as dt

from aiplanner.render.office.context import OfficeContext, day_text
from aiplanner.render.office.package import hex_tint
from aiplanner.render.office.pptx_shapes import SLIDE_H, SLIDE_W, Axis, SlideWriter

__all__ = ["gantt_slides", "phase_scene", "slide_rows", "ROW_H", "NAME_PT"]

ROW_H = 0.32  # inches per row, lowered to ROW_MIN when that saves a slide
ROW_MIN = 0.27
TIER_H = 0.28
NAME_PT = 12.0
DATES_PT = 11.0
LEFT = 0.45
RIGHT = SLIDE_W - 0.45
ROW_MAX = 0.45  # a phase with few tasks gets taller rows, up to this
#: Links by type: (site on the predecessor, site on the successor, connector); 0 top, 1 left, 3 right.
#: A finish-to-start link turns one corner into the top of its successor, as MS Project draws it;
#: start-to-start and finish-to-finish links run round the bars' common side.
SITES = {"FS": (3, 0, "corner"), "SS": (1, 1, "elbow"), "FF": (3, 3, "elbow"), "SF": (1, 3, "elbow")}


def slide_rows(n_rows: int, height: float) -> tuple[float, list[tuple[int, int]]]:
    """Row height and row ranges of the slides for ``n_rows`` rows in ``height``
    inches (:func:`aiplanner.render.gantt.timeline.row_geometry`'s rule).

    >>> slide_rows(10, 4.0)
    (0.4, [(0, 10)])
    >>> slide_rows(14, 4.0)[1]
    [(0, 14)]
    >>> slide_rows(40, 4.0)[1]
    [(0, 14), (14, 28), (28, 40)]
    """
    from aiplanner.render.gantt.table import GanttGeometry
    from aiplanner.render.gantt.timeline import row_geometry

    if n_rows * ROW_H <= height:  # one slide: as tall as the room allows
        return round(min(ROW_MAX, height / max(n_rows, 1)), 4), [(0, n_rows)]
    geometry = row_geometry(n_rows, height, GanttGeometry(row_height=ROW_H, tier_height=0.0), smallest=ROW_MIN)
    per = max(1, int(height / geometry.row_height + 1e-9))
    return round(geometry.row_height, 4), [(a, min(a + per, n_rows)) for a in range(0, max(n_rows, 1), per)]


def _scale(span_days: float, chart_w: float) -> str:
    """The finest scale whose header cells stay readable at 11 points on a slide."""
    from aiplanner.render.gantt.timeline import CELL_DAYS, MIN_CELL
    from aiplanner.render.gantt.timescale import SCALES

    for scale in SCALES:
        if chart_w / max(span_days, 1.0) * CELL_DAYS[scale] >= 1.7 * MIN_CELL[scale]:
            return scale
    return "quarters"


def phase_scene(ctx: OfficeContext, phase, chart_w: float):
    """The Gantt scene of one phase's tasks in the date window (None when none is in it)."""
    from aiplanner.render.gantt.layout import build_gantt_scene
    from aiplanner.render.gantt.scene import GanttOptions

    sched = ctx.schedule
    members = [t for t in ctx.plan.tasks if t.phase == phase.id and t.id in sched.tasks
               and ctx.in_window(sched.tasks[t.id].start, sched.tasks[t.id].finish)]
    if not members:
        return None
    start = min(sched.tasks[t.id].start for t in members)
    finish = max(sched.tasks[t.id].finish for t in members)
    first = start - dt.timedelta(days=start.weekday())  # whole weeks: a diamond on the last day keeps its room
    last = finish + dt.timedelta(days=6 - finish.weekday() + (2 if finish.weekday() >= 4 else 0))
    if ctx.options.date_from:
        first = max(first, ctx.options.date_from)
    if ctx.options.date_to:
        last = min(last, ctx.options.date_to)
    ghosts = {}
    if ctx.baseline is not None:
        ids = {t.id for t in members}
        ghosts = {b.id: (b.start, b.finish) for b in ctx.baseline.tasks if b.id in ids}
    subplan = ctx.plan.model_copy(update={"tasks": members})
    return build_gantt_scene(subplan, sched, GanttOptions(
        date_from=first, date_to=last, today=ctx.today, baseline=ghosts,
        scale=_scale((last - first).days + 1, chart_w)))


def gantt_slides(prs, ctx: OfficeContext, measure) -> None:
    """Add the detailed Gantt slides of every phase in the window."""
    for phase in ctx.plan.phases:
        if phase.id not in ctx.schedule.phases:
            continue
        names = [t.name for t in ctx.plan.tasks if t.phase == phase.id]
        name_w = min(max((measure.width(" ".join(n.split()), NAME_PT) for n in names), default=0) / 72 + 0.35, 3.6)
        name_w = max(name_w, 2.2)
        dates_w = measure.width("28 Sep – 30 Sep", DATES_PT) / 72 + 0.15
        chart_left = LEFT + name_w + dates_w + 0.1
        scene = phase_scene(ctx, phase, RIGHT - chart_left)
        if scene is None:
            continue
        _phase_slides(prs, ctx, phase, scene, measure, (name_w, dates_w, chart_left))


def _phase_slides(prs, ctx, phase, scene, measure, columns) -> None:
    from aiplanner.render.style import MUTED

    name_w, dates_w, chart_left = columns
    span = ctx.schedule.phases[phase.id]
    tasks = [r for r in scene.rows if r.kind == "task"]
    critical = sum(r.critical for r in tasks)
    legend_h = 0.35
    body_top = 1.3 + 2 * TIER_H + 0.05
    body_h = SLIDE_H - 0.45 - legend_h - body_top
    row_h, chunks = slide_rows(len(scene.rows), body_h)
    axis = Axis(scene.x_min, scene.x_max, chart_left, RIGHT - chart_left)
    for k, (a, b) in enumerate(chunks):
        w = SlideWriter(prs.slides.add_slide(prs.slide_layouts[6]))
        title = phase.name if len(chunks) == 1 else f"{phase.name} ({k + 1} of {len(chunks)})"
        sub = (f"{day_text(span.start)} – {day_text(span.finish)} · {len(tasks)} tasks, {critical} on the critical "
               f"path" + (f" · rows {a + 1}–{b} of {len(scene.rows)}" if len(chunks) > 1 else "")
               + (f" · {ctx.against}" if ctx.against else ""))
        w.title_bar(title, sub, tag=ctx.scenario_tag, measure=measure)
        _draw_rows(w, ctx, scene, (a, b), axis, body_top, row_h, measure, (name_w, dates_w))
        w.text(LEFT, SLIDE_H - 0.45 - legend_h, RIGHT - LEFT, legend_h,
               "Bars: working days · red: critical path · dark strip: work done · grey strip: baseline · "
               "diamond: milestone · dashed line: status date", size=11, colour=MUTED, wrap=False, anchor="middle")
        w.flush()


def _draw_rows(w: SlideWriter, ctx, scene, rows: tuple[int, int], axis: Axis, top: float, row_h: float, measure,
               widths: tuple[float, float]) -> None:
    from aiplanner.render.style import CRITICAL, INK, MUTED, phase_colour

    a, b = rows
    bottom = top + (b - a) * row_h
    name_w, dates_w = widths
    tasks = ctx.plan.task_index()
    sched = ctx.schedule

    def y_of(row: int) -> float:
        return top + (row - a) * row_h

    w.time_header(scene.ticks, axis, top - 2 * TIER_H - 0.05, TIER_H, bottom, measure, size=11)
    for shade in scene.shades:
        x0, x1 = axis.at(shade.x0), axis.at(shade.x1)
        if x1 - x0 > 0.005:
            first = scene.date_at(shade.x0)
            last = scene.date_at(shade.x1 - 1)
            what = "Holiday" if shade.kind == "holiday" else "Non-working days"
            w.box(x0, top, x1 - x0, bottom - top, fill="EEEEEE" if shade.kind == "weekend" else "E0E0E0",
                  alt=f"{what} {day_text(first)}" + (f" to {day_text(last)}" if last != first else ""),
                  decorative=True)
    for row in scene.rows[a:b]:
        y = y_of(row.index)
        if row.kind == "phase":
            w.text(LEFT, y, name_w + dates_w, row_h, row.text, size=NAME_PT, bold=True, anchor="middle",
                     wrap=False, alt=f"Phase {row.text}")
            continue
        task = tasks[row.id]
        t = sched.tasks[row.id]
        colour = CRITICAL if row.critical else INK
        shown = measure.fit(" ".join(task.name.split()), NAME_PT, (name_w - 0.25) * 72)
        w.text(LEFT + 0.15, y, name_w - 0.15, row_h, shown, size=NAME_PT, colour=colour, anchor="middle",
                 wrap=False, alt=task.name)
        dates = f"{t.start.day} {t.start:%b}" + ("" if t.milestone else f" – {t.finish.day} {t.finish:%b}")
        w.text(LEFT + name_w, y, dates_w, row_h, dates, size=DATES_PT, colour=MUTED, anchor="middle",
                 wrap=False, alt=f"{task.name}: " + (f"on {day_text(t.start)}" if t.milestone else
                                                     f"{day_text(t.start)} to {day_text(t.finish)}"))
    for band in scene.bands:
        if a <= band.row0 < b:
            x0, x1 = axis.at(band.x0), axis.at(band.x1)
            w.box(x0, y_of(band.row0) + row_h * 0.35, max(x1 - x0, 0.02), row_h * 0.3, fill=INK,
                alt=f"Phase {band.title}: {day_text(band.start)} to {day_text(band.finish)}")
    placed: dict[str, object] = {}
    for ghost in scene.ghosts:
        if a <= ghost.row < b and axis.at(ghost.x1) - axis.at(ghost.x0) > 0.005:
            name = tasks[ghost.task_id].name
            w.box(axis.at(ghost.x0), y_of(ghost.row) + row_h * 0.8, axis.at(ghost.x1) - axis.at(ghost.x0),
                row_h * 0.13, fill="9A9A9A",
                alt=f"{name}: baseline {day_text(scene.date_at(ghost.x0))} to {day_text(scene.date_at(ghost.x1 - 1))}")
    for bar in scene.bars:
        if not a <= bar.row < b:
            continue
        name = tasks[bar.task_id].name
        colour = CRITICAL if bar.critical else phase_colour(bar.phase_index)
        x0, x1 = axis.at(bar.x0), axis.at(bar.x1)
        y = y_of(bar.row) + row_h * 0.2
        placed[bar.task_id] = w.box(x0, y, max(x1 - x0, 0.02), row_h * 0.55, fill=hex_tint(colour, 0.5),
                                  outline=colour, outline_width=1.0, alt=name)
        if bar.progress > 0:
            w.box(x0, y + row_h * 0.36, max((x1 - x0) * bar.progress, 0.02), row_h * 0.19, fill=INK,
                alt=f"{name}: {bar.progress:.0%} complete")
    for mark in scene.milestones:
        if not a <= mark.row < b:
            continue
        size = row_h * 0.62
        x = axis.at(mark.x)
        placed[mark.task_id] = w.box(x - size / 2, y_of(mark.row) + (row_h - size) / 2, size, size,
                                   kind="diamond", fill=CRITICAL if mark.critical else INK, outline="FFFFFF",
                                   alt=tasks[mark.task_id].name)
    for label in scene.labels:
        if not a <= label.row < b:
            continue
        width = measure.width(label.text, DATES_PT) / 72 + 0.12
        x, align = axis.at(label.x) + 0.04, "left"
        if x + width > axis.right:
            x, align = axis.at(label.x_alt) - 0.04 - width, "right"
        w.text(x, y_of(label.row), width, row_h, label.text, size=DATES_PT, colour=MUTED, anchor="middle",
                 wrap=False, align=align, margin=0.02, alt=f"{tasks[label.task_id].name}: {label.text}")
    for item in scene.links:
        if item.pred in placed and item.succ in placed:
            begin, end, kind = SITES.get(item.type, SITES["FS"])
            pred, succ = placed[item.pred], placed[item.succ]
            bend = None  # the vertical run of SS and FF links just outside both bars
            if item.type == "SS":
                bend = min(pred.x, succ.x) - 0.12
            elif item.type == "FF":
                bend = max(pred.x + pred.w, succ.x + succ.w) + 0.12
            w.link(pred, succ, begin_site=begin, end_site=end, kind=kind, bend=bend,
                 colour=CRITICAL if item.critical else MUTED, width=1.0,
                 alt=f"{tasks[item.pred].name} → {tasks[item.succ].name} ({item.type}"
                     + (f"{item.lag:+d}d)" if item.lag else ")"))
    if scene.today is not None:
        x = axis.at(scene.today.x)
        if axis.left < x < axis.right:
            w.line(x, top - 0.05, x, bottom, colour=CRITICAL, width=1.75, dash="dash",
                 alt=f"Status date {day_text(scene.today.date)}")
