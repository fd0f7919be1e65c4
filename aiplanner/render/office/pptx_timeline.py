"""The phase-and-milestone timeline slide, in native shapes a PMO can move.

One lane per phase (plan order): the phase as a rectangle from its first
start to its last finish, its milestones as diamonds on the phase's bar,
each labelled with its name and date in a text box glued to the diamond by
a leader line, the baseline's phase span as a thin grey bar and its
milestone dates as hollow diamonds, connectors from a phase to the phases
that wait for it, and a dashed line on the status date. Labels are set at
12 points (readable when projected) and stacked in rows under their bar so
none overlaps another; a lane with more milestones gets more rows. When a
cluster of milestones still leaves no room, the labels of the critical ones
and of the phase's end go first, and the lane says how many more the
detailed Gantt slides show (every diamond keeps its name as alt text).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aiplanner.render.office.context import OfficeContext, day_text
from aiplanner.render.office.package import hex_tint
from aiplanner.render.office.pptx_shapes import SLIDE_H, SLIDE_W, Axis, SlideWriter

__all__ = ["timeline_slide", "LaneLabel", "stack_labels", "LABEL_PT"]

LABEL_PT = 12.0  # milestone labels
LANE_PT = 14.0  # lane titles
LANES_LEFT = 0.45
CHART_LEFT = 2.55
CHART_RIGHT = SLIDE_W - 0.45
LABEL_MAX_W = 2.3  # inches: a milestone's name wraps inside this width
LABEL_LINE = 0.21  # inches a 12-point line takes
BAR_H = 0.32
BAR_TOP = 0.08  # from the lane's top
LANE_HEAD = BAR_TOP + BAR_H + 0.12  # lane top to the first label row
LANE_MIN = 0.78  # the lane title and its dates
MAX_ROWS = 6
DIAMOND = 0.3


@dataclass
class LaneLabel:
    """A milestone label to place: its anchor x and width (inches), its priority (lower
    first); ``row`` and ``left`` once placed (``row == -1``: no room)."""

    x: float
    width: float
    priority: tuple = ()
    left: float = 0.0
    row: int = -1


def stack_labels(labels: list[LaneLabel], rows: int, left: float, right: float, gap: float = 0.08) -> None:
    """Place labels into ``rows`` rows, most important first: each centred on its anchor
    (inside ``left .. right``), else moved sideways by at most half its width (a
    leader line still joins it to its diamond), in the first row where it overlaps
    nothing. A label with no such place keeps ``row == -1``.

    >>> labels = [LaneLabel(x, 1.0) for x in (2.0, 2.2, 5.0, 3.0, 2.1)]
    >>> stack_labels(labels, 2, 0.0, 10.0)
    >>> [(lab.row, round(lab.left, 2)) for lab in labels]
    [(0, 1.5), (1, 1.7), (0, 4.5), (0, 2.58), (-1, 0.0)]
    """
    taken: list[list[tuple[float, float]]] = [[] for _ in range(max(rows, 0))]
    for label in sorted(labels, key=lambda lab: lab.priority):
        want = min(max(label.x - label.width / 2, left), right - label.width)
        for row, spans in enumerate(taken):
            options = [want] + [b + gap for _, b in spans] + [a - gap - label.width for a, _ in spans]
            options = [o for o in options if abs(o - want) <= label.width / 2 + 1e-9
                       and left - 1e-9 <= o <= right - label.width + 1e-9
                       and all(o + label.width + gap <= a or o >= b + gap for a, b in spans)]
            if options:
                label.left, label.row = min(options, key=lambda o: (abs(o - want), o)), row
                spans.append((label.left, label.left + label.width))
                break


def rows_needed(labels: list[LaneLabel], left: float, right: float) -> int:
    """How many label rows place every label (at most :data:`MAX_ROWS`)."""
    for rows in range(1, MAX_ROWS + 1):
        trial = [LaneLabel(lab.x, lab.width, lab.priority) for lab in labels]
        stack_labels(trial, rows, left, right)
        if all(lab.row >= 0 for lab in trial):
            return rows
    return MAX_ROWS


def lane_heights(needs: list[tuple[int, float]], room: float) -> list[float]:
    """Lane heights in inches for lanes needing (label rows, row height), within ``room``:
    rows are taken from the busiest lanes until all fit; what is left is shared.

    >>> [round(h, 2) for h in lane_heights([(1, 0.5), (1, 0.5), (1, 0.5), (4, 0.5)], 4.9)]
    [1.1, 1.1, 1.1, 1.6]
    """
    rows = [r for r, _ in needs]

    def height(k: int, r: int) -> float:
        return max(LANE_HEAD + r * needs[k][1] + 0.04, LANE_MIN)

    while sum(height(k, r) for k, r in enumerate(rows)) > room and max(rows) > 1:
        k = max(range(len(rows)), key=lambda i: (rows[i], -i))
        rows[k] -= 1
    heights = [height(k, r) for k, r in enumerate(rows)]
    spare = max(room - sum(heights), 0.0) / max(len(heights), 1)
    return [h + spare for h in heights]


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


@dataclass
class _Mark:
    """A milestone on the slide: where, what, and its label."""

    x: float
    task: object
    times: object
    lines: tuple[str, ...]
    label: LaneLabel


def _marks(ctx: OfficeContext, phase, span, axis: Axis, measure) -> list[_Mark]:
    """The phase's milestones in the window, with labels of at most two lines
    (the name, then the date); most important first: critical, the phase's end, by date."""
    from aiplanner.render.gantt.layout import milestone_x
    from aiplanner.render.tables import FONT, wrap_text

    plan, sched = ctx.plan, ctx.schedule
    room = (LABEL_MAX_W - 0.14) * 72
    marks = []
    for task in plan.tasks:
        t = sched.tasks.get(task.id)
        if task.phase != phase.id or t is None or not t.milestone or not ctx.in_window(t.start, t.finish):
            continue
        when = f"{t.finish.day}\u00a0{t.finish:%b}"  # a no-break space keeps the date on one line
        name = " ".join(task.name.split())
        lines = wrap_text(f"{name} · {when}", room * FONT / LABEL_PT, measure)
        if len(lines) > 2:  # two lines at most, the date kept; the alt text has the whole name
            first = lines[0]
            rest = name[len(first):].strip() if name.startswith(first) else " ".join(lines[1:])
            lines = (first, measure.fit(rest, LABEL_PT, room - measure.width(f" · {when}", LABEL_PT)) + f" · {when}")
        width = max(measure.width(line, LABEL_PT) for line in lines) / 72 + 0.14
        x = axis.at(milestone_x(t, sched.calendar, plan.start))
        priority = (not t.critical, t.finish != span.finish, t.finish, task.id)
        marks.append(_Mark(x, task, t, tuple(lines), LaneLabel(x, min(width, LABEL_MAX_W), priority)))
    marks.sort(key=lambda m: (m.x, m.task.id))
    return marks


def timeline_slide(prs, ctx: OfficeContext, measure) -> None:
    """Add the phase-and-milestone slide to ``prs`` (nothing when no phase is in the window)."""
    from aiplanner.render.gantt.timescale import ticks_between
    from aiplanner.render.style import CRITICAL, GRID, INK, MUTED, phase_colour

    lanes = _lanes(ctx)
    if not lanes:
        return
    plan = ctx.plan
    spans, base_dates = _baseline_spans(ctx)
    first, last = _range(ctx, lanes, spans)
    origin = plan.start
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    scale = "months" if (CHART_RIGHT - CHART_LEFT) / months >= 0.42 else "quarters"
    axis = Axis(float((first - origin).days), float((last - origin).days + 1), CHART_LEFT, CHART_RIGHT - CHART_LEFT)

    w = SlideWriter(prs.slides.add_slide(prs.slide_layouts[6]))
    header_top = w.title_bar("Phases and milestones", ctx.against, tag=ctx.scenario_tag, measure=measure)
    tier = 0.28
    body_top = header_top + 2 * tier + 0.04
    body_bottom = SLIDE_H - 0.4 - 0.38
    w.time_header(ticks_between(origin, first, last, scale), axis, header_top, tier, body_bottom, measure, size=12)
    label_span = (axis.left - 0.2, axis.right)
    lane_marks = [_marks(ctx, phase, span, axis, measure) for _, phase, span in lanes]
    needs = [(rows_needed([m.label for m in marks], *label_span) if marks else 0,
              max((len(m.lines) for m in marks), default=1) * LABEL_LINE + 0.08) for marks in lane_marks]
    heights = lane_heights(needs, body_bottom - body_top)

    bars = {}
    y0 = body_top
    for (index, phase, span), marks, lane_h in zip(lanes, lane_marks, heights):
        colour = phase_colour(index)
        w.box(LANES_LEFT, y0 + 0.02, CHART_RIGHT - LANES_LEFT, lane_h - 0.04, fill=hex_tint(colour, 0.93),
              alt=f"Lane of the phase {phase.name}")
        dates = f"{day_text(span.start)} – {day_text(span.finish)}"
        title = measure.fit(" ".join(phase.name.split()), LANE_PT, (CHART_LEFT - LANES_LEFT - 0.2) * 72, "bold")
        w.text(LANES_LEFT + 0.05, y0 + 0.06, CHART_LEFT - LANES_LEFT - 0.1, 0.32, title, size=LANE_PT, bold=True,
               wrap=False, alt=phase.name)
        w.text(LANES_LEFT + 0.05, y0 + 0.38, CHART_LEFT - LANES_LEFT - 0.1, 0.28,
               f"{span.start.day} {span.start:%b} – {day_text(span.finish)}", size=11, colour=MUTED, wrap=False,
               alt=f"{phase.name}: {dates}")
        bar_y = y0 + BAR_TOP
        x0, x1 = axis.at((span.start - origin).days), axis.at((span.finish - origin).days + 1)
        if phase.id in spans:
            b0, b1 = spans[phase.id]
            w.box(axis.at((b0 - origin).days), bar_y + BAR_H + 0.02,
                  axis.at((b1 - origin).days + 1) - axis.at((b0 - origin).days), 0.08, fill="#9a9a9a",
                  alt=f"Baseline '{ctx.baseline.name}': {phase.name} {day_text(b0)} to {day_text(b1)}")
        inside = f"{span.start.day} {span.start:%b} – {span.finish.day} {span.finish:%b}"
        room = (measure.width(inside, 12) / 72 + 0.2) / 2
        clear = all(abs(m.x - (x0 + x1) / 2) > room + DIAMOND / 2 for m in marks)
        fits = clear and 2 * room + 0.1 <= x1 - x0
        bars[phase.id] = w.box(x0, bar_y, x1 - x0, BAR_H, fill=hex_tint(colour, 0.45), outline=colour,
                               outline_width=1.25, text=inside if fits else "", size=12, colour=INK,
                               alt=f"{phase.name}: {dates}")
        rows = max(0, int((lane_h - LANE_HEAD - 0.02) // needs[lanes.index((index, phase, span))][1]))
        _milestones(w, ctx, marks, rows, needs[lanes.index((index, phase, span))][1], bar_y, label_span,
                    base_dates, axis, (CRITICAL, INK, MUTED))
        unlabelled = sum(m.label.row < 0 for m in marks)
        if unlabelled:
            w.text(LANES_LEFT + 0.05, y0 + 0.64, CHART_LEFT - LANES_LEFT - 0.1, 0.5,
                   f"{unlabelled} more milestone{'s' if unlabelled != 1 else ''}\nnamed on its slides", size=11,
                   colour=MUTED, wrap=False, alt=f"{phase.name}: {unlabelled} milestones have no label here; "
                                                 f"the Gantt slides of the phase name them")
        y0 += lane_h

    _phase_links(w, ctx, lanes, bars, MUTED)
    if ctx.today is not None and first <= ctx.today <= last:
        x = axis.at((ctx.today - origin).days)
        w.line(x, body_top - 0.05, x, body_bottom, colour=CRITICAL, width=2.0, dash="dash",
               alt=f"Status date {day_text(ctx.today)}")
        w.text(x - 0.9, header_top - 0.3, 1.8, 0.3, f"Status {ctx.today.day} {ctx.today:%b}", size=12,
               colour=CRITICAL, bold=True, align="center", wrap=False, anchor="bottom",
               alt=f"Status date {day_text(ctx.today)}")
    _legend(w, ctx, body_bottom + 0.02, measure, (CRITICAL, INK, GRID))
    w.flush()


def _milestones(w: SlideWriter, ctx, marks: list[_Mark], rows: int, row_h: float, bar_y: float, span,
                base_dates, axis: Axis, colours) -> None:
    """Diamonds on the phase bar, labels stacked below it, each glued to its diamond by a leader."""
    critical, ink, muted = colours
    stack_labels([m.label for m in marks], rows, *span)
    label_top = bar_y + BAR_H + 0.12
    mid = bar_y + BAR_H / 2
    origin = ctx.plan.start
    for mark in marks:
        task, t = mark.task, mark.times
        base = base_dates.get(task.id)
        if base is not None and base != t.finish:
            bx = axis.at((base - origin).days + 1)
            w.box(bx - DIAMOND * 0.35, mid - DIAMOND * 0.35, DIAMOND * 0.7, DIAMOND * 0.7, kind="diamond",
                  fill="FFFFFF", outline=muted, outline_width=1.25, alt=f"{task.name}: baseline date {day_text(base)}")
        diamond = w.box(mark.x - DIAMOND / 2, mid - DIAMOND / 2, DIAMOND, DIAMOND, kind="diamond",
                        fill=critical if t.critical else ink, outline="FFFFFF", outline_width=1.0, alt=task.name)
        if mark.label.row < 0:
            continue
        tag = w.text(mark.label.left, label_top + mark.label.row * row_h, mark.label.width, row_h - 0.04,
                     "\n".join(mark.lines), size=LABEL_PT, align="center", colour=ink, margin=0.04, wrap=False,
                     alt=f"{task.name}: {day_text(t.finish)}")
        w.link(diamond, tag, alt=f"{task.name}: label", colour=muted, width=0.75, begin_site=2, end_site=0,
               kind="straight")


def _phase_links(w, ctx, lanes, bars, colour: str) -> None:
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
        w.link(bars[a], bars[b], alt=f"{names[a]} hands over to {names[b]}", colour=colour, width=1.25,
             begin_site=3, end_site=0, kind="corner")


def _legend(w, ctx, y: float, measure, colours) -> None:
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
            w.box(x, y + 0.1, 0.2, 0.2, kind="diamond", fill=colour, alt=alt)
        elif kind == "hollow":
            w.box(x, y + 0.1, 0.2, 0.2, kind="diamond", fill="FFFFFF", outline=colour, alt=alt)
        elif kind == "bar":
            w.box(x, y + 0.16, 0.3, 0.09, fill=colour, alt=alt)
        else:
            w.line(x + 0.1, y + 0.05, x + 0.1, y + 0.35, colour=colour, width=2.0, alt=alt)
        width = measure.width(text, 12) / 72 + 0.15
        w.text(x + 0.32, y + 0.04, width, 0.32, text, size=12, colour=ink, wrap=False, anchor="middle",
                 alt=alt)
        x += 0.32 + width + 0.25
