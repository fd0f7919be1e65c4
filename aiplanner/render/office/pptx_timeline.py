"""The phase-and-milestone timeline slide, in native shapes a PMO can move.

One lane per phase (plan order): the phase as a rectangle from its first
start to its last finish, its milestones as diamonds on the phase's bar,
each labelled with its name and date in a text box glued to the diamond by
a connector, the baseline's phase span as a thin grey bar and its milestone
dates as hollow diamonds, connectors from a phase to the phases that wait
for it, and a dashed line on the status date. Labels are set at 12 points
(readable when projected) and stacked into rows so none overlaps another.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aiplanner.render.office.context import OfficeContext, day_text
from aiplanner.render.office.package import hex_tint
from aiplanner.render.office.pptx_shapes import SLIDE_H, SLIDE_W, Axis, box, line, link, text_box, time_header

__all__ = ["timeline_slide", "LaneLabel", "stack_labels", "LABEL_PT"]

LABEL_PT = 12.0  # milestone labels
LANE_PT = 14.0  # lane titles
LANES_LEFT = 0.45
CHART_LEFT = 2.55
CHART_RIGHT = SLIDE_W - 0.45
LABEL_MAX_W = 2.3  # inches: a milestone's name wraps inside this width
LABEL_LINE = 0.22  # inches a 12-point line takes
BAR_H = 0.34
DIAMOND = 0.3


@dataclass
class LaneLabel:
    """A milestone label to place: its anchor x, width and lines (inches); ``row`` once placed."""

    x: float
    width: float
    lines: int
    left: float = 0.0
    row: int = -1


def stack_labels(labels: list[LaneLabel], rows: int, left: float, right: float, gap: float = 0.08) -> None:
    """Place labels (in order of x) into ``rows`` rows: each centred on its anchor
    (kept inside ``left .. right``), in the first row where it overlaps nothing;
    else pushed right of the row it ends soonest in.

    >>> labels = [LaneLabel(2.0, 1.0, 1), LaneLabel(2.2, 1.0, 1), LaneLabel(5.0, 1.0, 1)]
    >>> stack_labels(labels, 2, 0.0, 10.0)
    >>> [(lab.row, lab.left) for lab in labels]
    [(0, 1.5), (1, 1.7), (0, 4.5)]
    """
    ends = [float("-inf")] * max(rows, 1)
    for label in labels:
        want = min(max(label.x - label.width / 2, left), right - label.width)
        free = [r for r in range(len(ends)) if want >= ends[r] + gap]
        if free:
            row = free[0]
        else:
            row = min(range(len(ends)), key=lambda r: ends[r])
            want = min(ends[row] + gap, right - label.width)
        label.left, label.row = want, row
        ends[row] = want + label.width


def _lanes(ctx: OfficeContext) -> list[tuple[int, object, object]]:
    sched = ctx.schedule
    return [(i, p, sched.phases[p.id]) for i, p in enumerate(ctx.plan.phases)
            if p.id in sched.phases and ctx.in_window(sched.phases[p.id].start, sched.phases[p.id].finish)]


def _baseline_spans(ctx: OfficeContext) -> tuple[dict[str, tuple[dt.date, dt.date]], dict[str, dt.date]]:
    """Per phase the baseline's first start and last finish; per milestone its baseline date."""
    spans: dict[str, tuple[dt.date, dt.date]] = {}
    dates: dict[str, dt.date] = {}
    if ctx.baseline is None:
        return spans, dates
    for task in ctx.baseline.tasks:
        lo, hi = spans.get(task.phase, (task.start, task.finish))
        spans[task.phase] = (min(lo, task.start), max(hi, task.finish))
        if task.milestone or task.duration == 0:
            dates[task.id] = task.finish
    return spans, dates


def _range(ctx: OfficeContext, lanes, spans) -> tuple[dt.date, dt.date]:
    first, last = ctx.window
    lo = min(s.start for _, _, s in lanes)
    hi = max(s.finish for _, _, s in lanes)
    for phase_id, (b0, b1) in spans.items():
        if any(p.id == phase_id for _, p, _ in lanes):
            lo, hi = min(lo, b0), max(hi, b1)
    lo, hi = first or lo, last or hi
    lo = lo.replace(day=1)
    hi = (hi.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return lo, hi


def timeline_slide(prs, ctx: OfficeContext, measure) -> None:
    """Add the phase-and-milestone slide to ``prs`` (nothing when no phase is in the window)."""
    from pptx.enum.dml import MSO_LINE_DASH_STYLE

    from aiplanner.render.gantt.layout import milestone_x
    from aiplanner.render.gantt.timescale import ticks_between
    from aiplanner.render.office.pptx_shapes import title_bar
    from aiplanner.render.style import CRITICAL, GRID, INK, MUTED, phase_colour

    lanes = _lanes(ctx)
    if not lanes:
        return
    plan, sched = ctx.plan, ctx.schedule
    spans, base_dates = _baseline_spans(ctx)
    first, last = _range(ctx, lanes, spans)
    origin = plan.start
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    scale = "months" if (CHART_RIGHT - CHART_LEFT) / months >= 0.42 else "quarters"
    axis = Axis(float((first - origin).days), float((last - origin).days + 1), CHART_LEFT, CHART_RIGHT - CHART_LEFT)

    slide = prs.slides.add_slide(prs.slide_layouts[6])
    shapes = slide.shapes
    top = title_bar(slide, "Phases and milestones", ctx.against, tag=ctx.scenario_tag)
    header_top, tier = top, 0.3
    body_top = header_top + 2 * tier + 0.05
    body_bottom = SLIDE_H - 0.45 - 0.42
    lane_h = (body_bottom - body_top) / len(lanes)
    time_header(shapes, ticks_between(origin, first, last, scale), axis, header_top, tier, body_bottom, measure,
                size=12)

    bars: dict[str, object] = {}
    for k, (index, phase, span) in enumerate(lanes):
        y0 = body_top + k * lane_h
        colour = phase_colour(index)
        band = box(shapes, LANES_LEFT, y0 + 0.02, CHART_RIGHT - LANES_LEFT, lane_h - 0.04,
                   fill=hex_tint(colour, 0.93), alt=f"Lane of the phase {phase.name}")
        band.line.fill.background()
        dates = f"{day_text(span.start)} – {day_text(span.finish)}"
        title = measure.fit(" ".join(phase.name.split()), LANE_PT, (CHART_LEFT - LANES_LEFT - 0.2) * 72, "bold")
        text_box(shapes, LANES_LEFT + 0.05, y0 + 0.08, CHART_LEFT - LANES_LEFT - 0.1, 0.32, title, size=LANE_PT,
                 bold=True, wrap=False, alt=phase.name)
        text_box(shapes, LANES_LEFT + 0.05, y0 + 0.4, CHART_LEFT - LANES_LEFT - 0.1, 0.3,
                 f"{span.start.day} {span.start:%b} – {day_text(span.finish)}", size=11, colour=MUTED, wrap=False,
                 alt=f"{phase.name}: {dates}")
        bar_y = y0 + 0.1
        x0 = axis.at((span.start - origin).days)
        x1 = axis.at((span.finish - origin).days + 1)
        if phase.id in spans:
            b0, b1 = spans[phase.id]
            box(shapes, axis.at((b0 - origin).days), bar_y + BAR_H + 0.03,
                axis.at((b1 - origin).days + 1) - axis.at((b0 - origin).days), 0.09, fill="#9a9a9a",
                alt=f"Baseline '{ctx.baseline.name}': {phase.name} {day_text(b0)} to {day_text(b1)}")
        inside = f"{span.start.day} {span.start:%b} – {span.finish.day} {span.finish:%b}"
        fits = measure.width(inside, 12) + 36 <= (x1 - x0) * 72  # room for a diamond at the end
        bars[phase.id] = box(shapes, x0, bar_y, x1 - x0, BAR_H, fill=hex_tint(colour, 0.45), outline=colour,
                             outline_width=1.25, text=inside if fits else "", size=12, colour=INK,
                             alt=f"{phase.name}: {dates}")
        _milestones(shapes, ctx, phase, axis, measure, (bar_y, y0 + lane_h), base_dates, milestone_x,
                    (CRITICAL, INK, MUTED))

    _phase_links(shapes, ctx, lanes, bars, MUTED)
    if ctx.today is not None and first <= ctx.today <= last:
        x = axis.at((ctx.today - origin).days)
        line(shapes, x, body_top - 0.05, x, body_bottom, colour=CRITICAL, width=2.0,
             dash=MSO_LINE_DASH_STYLE.DASH, alt=f"Status date {day_text(ctx.today)}")
        text_box(shapes, x - 0.9, header_top - 0.3, 1.8, 0.3, f"Status {ctx.today.day} {ctx.today:%b}", size=12,
                 colour=CRITICAL, bold=True, align="center", wrap=False, anchor="bottom",
                 alt=f"Status date {day_text(ctx.today)}")
    _legend(shapes, ctx, body_bottom + 0.02, measure, (CRITICAL, INK, GRID))


def _milestones(shapes, ctx, phase, axis: Axis, measure, lane: tuple[float, float], base_dates, milestone_x,
                colours) -> None:
    """Diamonds on the phase bar, labels stacked below it, glued by connectors."""
    from aiplanner.render.tables import FONT, wrap_text

    critical, ink, muted = colours
    plan, sched = ctx.plan, ctx.schedule
    bar_y, lane_bottom = lane
    marks = []
    for task in plan.tasks:
        t = sched.tasks.get(task.id)
        if task.phase != phase.id or t is None or not t.milestone or not ctx.in_window(t.start, t.finish):
            continue
        x = axis.at(milestone_x(t, sched.calendar, plan.start))
        when = f"{t.finish.day}\u00a0{t.finish:%b}"  # a no-break space: the date stays on one line
        lines = wrap_text(f"{' '.join(task.name.split())} · {when}", (LABEL_MAX_W - 0.1) * 72 * FONT / LABEL_PT,
                          measure)
        if len(lines) > 2:  # two lines at most, the date kept; the alt text has the whole name
            lines = (lines[0], measure.fit(" ".join(lines[1:])[:-len(when) - 3], LABEL_PT,
                                           (LABEL_MAX_W - 0.1) * 72 - measure.width(f" · {when}", LABEL_PT))
                     + f" · {when}")
        width = max(measure.width(s, LABEL_PT) for s in lines)
        marks.append((x, task, t, lines, LaneLabel(x, min(width / 72 + 0.14, LABEL_MAX_W), len(lines))))
    if not marks:
        return
    marks.sort(key=lambda m: (m[0], m[1].id))
    label_top = bar_y + BAR_H + 0.16
    height = max(m[4].lines for m in marks) * LABEL_LINE + 0.08
    rows = max(1, int((lane_bottom - label_top - 0.02) // height))
    stack_labels([m[4] for m in marks], rows, axis.left - 0.2, axis.right)
    for x, task, t, lines, label in marks:
        base = base_dates.get(task.id)
        if base is not None and base != t.finish:
            bx = axis.at((base - plan.start).days + 1)
            box(shapes, bx - DIAMOND * 0.35, bar_y + 0.34 / 2 - DIAMOND * 0.35, DIAMOND * 0.7, DIAMOND * 0.7,
                kind="diamond", fill="FFFFFF", outline=muted, outline_width=1.25,
                alt=f"{task.name}: baseline date {day_text(base)}")
        diamond = box(shapes, x - DIAMOND / 2, bar_y + 0.34 / 2 - DIAMOND / 2, DIAMOND, DIAMOND, kind="diamond",
                      fill=critical if t.critical else ink, outline="FFFFFF", outline_width=1.0, alt=task.name)
        y = label_top + label.row * height
        tag = text_box(shapes, label.left, y, label.width, height - 0.04, "\n".join(lines), size=LABEL_PT,
                       align="center", colour=ink, alt=f"{task.name}: {day_text(t.finish)}", margin=0.04, wrap=False)
        link(shapes, diamond, tag, alt=f"{task.name}: label", colour=muted, width=0.75, begin_site=2, end_site=0,
             kind="straight")


def _phase_links(shapes, ctx, lanes, bars, colour: str) -> None:
    """A connector from each phase to each later phase whose tasks depend on it and
    that starts once it has finished (a hand-over)."""
    phase_of = {t.id: t.phase for t in ctx.plan.tasks}
    spans = {p.id: s for _, p, s in lanes}
    names = {p.id: p.name for _, p, _ in lanes}
    pairs: list[tuple[str, str]] = []
    for task in ctx.plan.tasks:
        for dep in task.depends_on:
            a, b = phase_of.get(dep.task), task.phase
            if a != b and a in bars and b in bars and (a, b) not in pairs and spans[b].start > spans[a].finish:
                pairs.append((a, b))
    order = {p.id: i for i, p in enumerate(ctx.plan.phases)}
    for a, b in sorted(pairs, key=lambda ab: (order[ab[0]], order[ab[1]])):
        link(shapes, bars[a], bars[b], alt=f"{names[a]} hands over to {names[b]}", colour=colour, width=1.25,
             begin_site=3, end_site=0, kind="corner")


def _legend(shapes, ctx, y: float, measure, colours) -> None:
    critical, ink, grid = colours
    x = LANES_LEFT
    items = [("diamond", ink, "Milestone"), ("diamond", critical, "Critical milestone")]
    if ctx.baseline is not None:
        items += [("bar", "#9a9a9a", "Baseline"), ("hollow", "#5f5f5f", "Baseline date")]
    if ctx.today is not None:
        items.append(("line", critical, "Status date"))
    for kind, colour, text in items:
        alt = f"Legend: {text}"
        if kind == "diamond":
            box(shapes, x, y + 0.1, 0.2, 0.2, kind="diamond", fill=colour, alt=alt)
        elif kind == "hollow":
            box(shapes, x, y + 0.1, 0.2, 0.2, kind="diamond", fill="FFFFFF", outline=colour, alt=alt)
        elif kind == "bar":
            box(shapes, x, y + 0.16, 0.3, 0.09, fill=colour, alt=alt)
        else:
            line(shapes, x + 0.1, y + 0.05, x + 0.1, y + 0.35, colour=colour, width=2.0, alt=alt)
        width = measure.width(text, 12) / 72 + 0.15
        text_box(shapes, x + 0.32, y + 0.04, width, 0.32, text, size=12, colour=ink, wrap=False, anchor="middle",
                 alt=alt)
        x += 0.32 + width + 0.25
