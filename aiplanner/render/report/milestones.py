"""The one-page milestone summary: phases and milestones only, for any plan however large.

A row per phase (its bar from first start to last finish) followed by a
row per milestone of the phase (a diamond on its date, the date beside it;
a grey hollow diamond where the baseline had it, with the move in working
days). The status date is a vertical line. When a plan has more milestones
than the page holds, the ones a sponsor watches are kept (those on the
critical path, those that moved against the baseline, and the one closing
each phase) and the page says how many more the timeline has.

Reads the phases and milestones of the executive summary
(:class:`~aiplanner.checks.summary.ExecutiveSummary`), so the dates are the
ones the cover and the command line give.
"""

from __future__ import annotations

import datetime as dt

from aiplanner.render.report.context import Page, ReportContext, report_summary
from aiplanner.render.style import CRITICAL, GRID, INK, MUTED, phase_colour, tint

__all__ = ["milestone_pages", "choose_rows", "ROW_MAX", "ROW_MIN"]

ROW_MAX = 0.75  # inches per row when there is room (a small plan fills the page)
ROW_MIN = 0.16  # inches per row at the most; below this, fewer milestones are shown
HEADER = 0.45  # inches for the time axis


def choose_rows(phases, milestones, capacity: int):
    """Rows ``("phase", bar)`` / ``("milestone", mark)`` that fit ``capacity`` rows, and how many
    milestones were left out. Milestones are dropped least important first: not critical, not
    moved against the baseline, not closing their phase, latest first."""
    by_phase: dict[str, list] = {}
    for mark in milestones:
        by_phase.setdefault(mark.phase, []).append(mark)
    closing = {items[-1].id for items in by_phase.values() if items}
    kept = list(milestones)
    room = max(capacity - len(phases), 0)
    if len(kept) > room:
        def weight(mark):
            moved = mark.baseline_date is not None and mark.baseline_date != mark.date
            return (mark.id in closing, mark.critical, moved, -mark.date.toordinal())
        ranked = sorted(kept, key=weight, reverse=True)
        keep = {m.id for m in ranked[:room]}
        kept = [m for m in kept if m.id in keep]
    rows = []
    shown_phase_ids = {p.id for p in phases}
    for phase in phases:
        rows.append(("phase", phase))
        rows += [("milestone", m) for m in kept if m.phase == phase.id]
    rows += [("milestone", m) for m in kept if m.phase not in shown_phase_ids]
    return rows, len(milestones) - len(kept)


def milestone_pages(ctx: ReportContext) -> list[Page]:
    """One page, or none when the plan has no phases and no milestones."""
    summary = report_summary(ctx)
    if summary is None or not (summary.phases or summary.milestones):
        return []
    _, _, width, height = ctx.body
    capacity = int((height - HEADER - 0.2) / ROW_MIN)
    rows, hidden = choose_rows(summary.phases, summary.milestones, capacity)
    shown = sum(kind == "milestone" for kind, _ in rows)
    sub = f"{len(summary.phases)} phases and {shown} milestones · critical milestones in the critical colour"
    if hidden:
        sub += f" ({hidden} more milestones in the timeline: shown are those on the critical path, moved, or closing a phase)"
    if summary.slip is not None:
        sub += f" · grey diamonds: baseline {summary.slip.baseline}"
    if summary.progress.status_date is not None:
        sub += f" · line: status date {summary.progress.status_date:%d %b %Y}"

    def draw(fig, rect):
        _paint(fig, rect, ctx, summary, rows)
    return [Page("milestones", "Milestone summary", draw, sub)]


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months = []
    day = dt.date(first.year, first.month, 1)
    while day <= last:
        months.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return months


def _paint(fig, rect, ctx: ReportContext, summary, rows) -> None:
    from matplotlib.collections import LineCollection, PolyCollection

    from aiplanner.render.canvas import Pane, TextBatch

    left, bottom, width, height = rect
    measure = ctx.measure
    texts = TextBatch(measure)
    name_w = min(3.2, 0.32 * width)
    chart = (left + name_w, bottom, width - name_w - 0.25, height)
    dates = [p.start for p in summary.phases] + [p.finish for p in summary.phases]
    dates += [m.date for m in summary.milestones] + [m.baseline_date for m in summary.milestones if m.baseline_date]
    first, last = min(dates), max(dates)
    months = _months(first, last)
    x0 = months[0].toordinal()
    end = dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    # room on the right for the labels of the last milestones
    x1 = end.toordinal() + int((end.toordinal() - x0) * 0.12)
    row_h = min(ROW_MAX, (height - HEADER - 0.1) / max(len(rows), 1))
    n = len(rows)
    body_h = n * row_h
    top = bottom + height
    # data coordinates: x = date ordinal, y = row index (0 at the top), the axis band above row 0
    y_top = -HEADER / row_h
    pane = Pane(fig, (chart[0], top - HEADER - body_h, chart[2], HEADER + body_h), (x0, x1), (n, y_top), texts)
    names = Pane(fig, (left, top - HEADER - body_h, name_w, HEADER + body_h), (0, name_w * 72), (n, y_top), texts)
    # time axis: months (labelled when there is room, else quarters), year above
    per_month = chart[2] * 72 / max(len(months), 1)
    every = 1 if per_month >= 26 else 3 if per_month >= 9 else 6
    grid = []
    for k, month in enumerate(months):
        x = month.toordinal()
        grid.append([(x, y_top * 0.45), (x, n)])
        if k % every == 0 or month.month == 1:
            label = f"{month:%b}" if every == 1 else f"{month:%b %y}"
            pane.text(x + 2, y_top * 0.2, label, ha="left", va="center", fontsize=7, color=MUTED)
        if month.month == 1 or k == 0:
            pane.text(x + 2, y_top * 0.7, f"{month.year}", ha="left", va="center", fontsize=7.5, color=INK,
                      weight="bold")
    pane.add_collection(LineCollection(grid, colors=GRID, lw=0.4, zorder=0))
    pane.plot([x0, x1], [0, 0], color=MUTED, lw=0.6)
    # rows
    phase_index = {p.id: i for i, p in enumerate(summary.phases)}
    bars, shaded = [], []
    name_size = min(11.0, max(6.5, row_h * 72 * 0.45))
    for r, (kind, item) in enumerate(rows):
        y = r + 0.5
        if kind == "phase":
            colour = phase_colour(phase_index[item.id])
            a, b = item.start.toordinal(), item.finish.toordinal() + 1
            bars.append(([(a, y - 0.3), (b, y - 0.3), (b, y + 0.3), (a, y + 0.3)], tint(colour, 0.35), colour))
            shaded.append([(0, r), (name_w * 72, r), (name_w * 72, r + 1), (0, r + 1)])
            title = item.name if not item.stage or item.name.startswith("Stage") else f"Stage: {item.name}"
            names.text(4, y, measure.fit(title, name_size, name_w * 72 - 8, "bold"),
                       ha="left", va="center", fontsize=name_size, weight="bold", color=INK)
            label = f"{item.start:%d %b %Y} – {item.finish:%d %b %Y}"
            _beside(pane, texts, measure, (a, b), y, label, x0, x1, chart[2], fontsize=name_size - 1)
        else:
            x = item.date.toordinal() + 0.5
            names.text(14, y, measure.fit(item.name, name_size, name_w * 72 - 18), ha="left", va="center",
                       fontsize=name_size, color=INK)
            if item.baseline_date is not None and item.baseline_date != item.date:
                bx = item.baseline_date.toordinal() + 0.5
                pane.plot([bx, x], [y, y], color=MUTED, lw=0.6, ls=(0, (2, 2)))
                pane.plot([bx], [y], marker="D", markersize=5.5, linestyle="none", markerfacecolor="white",
                          markeredgecolor=MUTED, markeredgewidth=0.8, zorder=3)
            colour = CRITICAL if item.critical else INK
            pane.plot([x], [y], marker="D", markersize=min(10.0, 6.5 * row_h / 0.3 + 2), linestyle="none", color=colour if not item.done else MUTED,
                      zorder=4)
            label = f"{item.date:%a %d %b %Y}"
            if item.baseline_date is not None and item.baseline_date != item.date:
                moved = _working_days(ctx, item.baseline_date, item.date)
                label += f" ({moved:+d} working days)"
            if item.done:
                label += " · reached"
            reach = [x] + ([item.baseline_date.toordinal() + 0.5] if item.baseline_date else [])
            _beside(pane, texts, measure, (min(reach) - 2, max(reach) + 2), y, label, x0, x1, chart[2],
                    fontsize=name_size - 1, colour=colour)
    if bars:
        pane.add_collection(PolyCollection([b[0] for b in bars], facecolors=[b[1] for b in bars],
                                           edgecolors=[b[2] for b in bars], lw=0.8, zorder=2))
    names.add_collection(PolyCollection(shaded, facecolors=[tint("#0072B2", 0.92)], edgecolors="none", zorder=0))
    pane.add_collection(PolyCollection([[(x0, r), (x1, r), (x1, r + 1), (x0, r + 1)]
                                        for r, (kind, _) in enumerate(rows) if kind == "phase"],
                                       facecolors=[tint("#0072B2", 0.95)], edgecolors="none", zorder=0))
    status = summary.progress.status_date
    if status is not None and x0 <= status.toordinal() <= x1:
        sx = status.toordinal() + 1
        pane.plot([sx, sx], [y_top * 0.45, n], color=CRITICAL, lw=1.0, zorder=5)
        pane.text(sx, y_top * 0.7, f"status {status:%d %b %Y}", ha="left", va="center", fontsize=7, color=CRITICAL,
                  dx=3)
    fig.add_artist(texts.artist())


def _beside(pane, texts, measure, span, y, text, x0, x1, chart_w, *, fontsize: float, colour: str = INK) -> None:
    """A label right of ``span``, or left of it when it would leave the chart (never cut at the edge)."""
    per_day = chart_w * 72 / max(x1 - x0, 1)
    need = (measure.width(text, fontsize) + 8) / per_day
    a, b = span
    if b + need <= x1:
        pane.text(b, y, text, ha="left", va="center", fontsize=fontsize, color=colour, dx=4)
    else:
        pane.text(a, y, text, ha="right", va="center", fontsize=fontsize, color=colour, dx=-4)


def _working_days(ctx: ReportContext, a: dt.date, b: dt.date) -> int:
    cal = ctx.schedule.calendar
    return cal.index_on_or_after(b) - cal.index_on_or_after(a)
