"""A metric's measurements over time against its target: one small chart.

The report (metric trends) and the window's Metrics view draw the same
chart with :func:`paint_trend`: the measurements as a line with dots, the
target as a dashed line (a bound: "> 70" at 70, the side that meets it
lightly shaded) or, for a direction-only target, the fitted trend line. The
status (:mod:`aiplanner.checks.metrics`) is written above the chart in its
colour, never by colour alone.

Drawn on a :class:`~aiplanner.render.canvas.Pane` (no matplotlib Axes: a
report page holds several, and an Axes with date ticks costs a tenth of a
second); the text goes into a :class:`~aiplanner.render.canvas.TextBatch`.
"""

from __future__ import annotations

import datetime as dt

from aiplanner.render.canvas import Pane, nice_step
from aiplanner.render.style import GRID, INK, MUTED, tint

__all__ = ["STATUS_COLOURS", "paint_trend", "month_ticks"]

#: Colour of each metric status: good news green, bad news red, the rest grey.
STATUS_COLOURS = {
    "on-target": "#2E7D32",
    "trend-right": "#2E7D32",
    "off-target": "#C62828",
    "trend-wrong": "#C62828",
    "no-data": MUTED,
    "no-target": MUTED,
}
LINE = "#0072B2"
_MONTH = 365.25 / 12


def month_ticks(first: dt.date, last: dt.date, most: int = 4) -> list[dt.date]:
    """First days of months between ``first`` and ``last``, every k-th so at most ``most`` remain.

    >>> [f"{d:%b %Y}" for d in month_ticks(dt.date(2026, 1, 30), dt.date(2026, 5, 29))]
    ['Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026']
    """
    months = []
    day = dt.date(first.year, first.month, 1)
    if day < first:
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    while day <= last:
        months.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    step = max(1, -(-len(months) // most))
    return months[::step]


def paint_trend(fig, rect: tuple[float, float, float, float], texts, metric, judged, *,
                fontsize: float = 7.0, title: bool = True) -> None:
    """Draw ``metric``'s series and target into ``rect`` (inches: left, bottom, width, height).

    Parameters
    ----------
    fig
        The matplotlib figure (a report page, or a Qt canvas' figure).
    texts : aiplanner.render.canvas.TextBatch
        Where the labels go (the caller adds ``texts.artist()`` to ``fig``).
    metric : aiplanner.model.Metric
    judged : aiplanner.checks.metrics.MetricStatus
    title
        Print the metric's name and status above the chart (the window shows them itself).
    """
    from matplotlib.collections import LineCollection
    from matplotlib.patches import Rectangle

    left, bottom, width, height = rect
    colour = STATUS_COLOURS.get(judged.status, MUTED)
    target = metric.target
    points = metric.measurements
    line_h = fontsize * 1.35 / 72
    top = bottom + height
    inches = fig.dpi_scale_trans
    if title:
        texts.add(inches, left, top - line_h, texts.measure.fit(metric.name, fontsize + 1, width * 72, "bold"),
                  size=fontsize + 1, weight="bold", color=INK, va="baseline")
        status = f"{judged.words} · target {metric.target_text() or 'none'}" + (
            " (derived)" if metric.derived and metric.target_text() else "")
        texts.add(inches, left, top - 2.1 * line_h, texts.measure.fit(status, fontsize, width * 72), size=fontsize,
                  color=colour, va="baseline")
        top -= 2.6 * line_h
    if metric.unit:
        texts.add(inches, left, top - line_h * 0.2, metric.unit, size=fontsize - 0.5, color=MUTED,
                  va="top")
        top -= line_h
    axis_w = 0.38  # inches for the value labels
    plot = (left + axis_w, bottom + 0.22, max(width - axis_w - 0.1, 0.2), max(top - bottom - 0.3, 0.2))
    if not points:
        texts.add(inches, plot[0] + plot[2] / 2, plot[1] + plot[3] / 2, "not measured yet",
                  size=fontsize, color=MUTED, ha="center")
        return
    days = [m.date.toordinal() for m in points]
    values = [m.value for m in points]
    lo, hi = min(values), max(values)
    if target is not None and target.value is not None:
        lo, hi = min(lo, target.value), max(hi, target.value)
    pad = (hi - lo) * 0.15 or max(abs(hi) * 0.1, 1.0)
    step = nice_step(hi + pad - (lo - pad))
    y0 = step * ((lo - pad) // step)
    y1 = step * -(-(hi + pad) // step)
    span = max(days[-1] - days[0], 30)
    x0, x1 = days[0] - span * 0.06, days[-1] + span * 0.06
    pane = Pane(fig, plot, (x0, x1), (y0, y1), texts)
    levels = [y0 + k * step for k in range(int(round((y1 - y0) / step)) + 1)]
    pane.add_collection(LineCollection([[(x0, y), (x1, y)] for y in levels], colors=GRID, lw=0.4, zorder=0.5))
    for y in levels:
        pane.text(x0, y, f"{y:g}", ha="right", va="center", fontsize=fontsize - 0.5, color=MUTED, clip_on=False,
                  dx=-3)
    pane.plot([x0, x0, x1], [y1, y0, y0], color=MUTED, lw=0.6, clip_on=False)
    if len(points) == 1:
        ticks = [points[0].date]
        labels = [f"{points[0].date:%d %b %Y}"]
    else:
        ticks = month_ticks(points[0].date, points[-1].date)
        labels = [f"{d:%b %Y}" for d in ticks]
    for day, label in zip(ticks, labels):
        x = day.toordinal()
        pane.plot([x, x], [y0, y0 - (y1 - y0) * 0.03], color=MUTED, lw=0.6, clip_on=False)
        pane.text(x, y0, label, ha="center", va="top", fontsize=fontsize - 0.5, color=MUTED, clip_on=False, dy=-4)
    if target is not None and target.value is not None:
        good_above = target.op in (">", ">=")
        edge = y1 if good_above else y0
        pane.add_patch(Rectangle((x0, min(target.value, edge)), x1 - x0, abs(edge - target.value),
                                 facecolor=tint("#2E7D32", 0.9), edgecolor="none", zorder=0.2))
        pane.plot([x0, x1], [target.value, target.value], color=INK, lw=0.9, ls=(0, (4, 2)), zorder=2)
        pane.text(x1, target.value, target.text(metric.unit), ha="right", va="bottom", fontsize=fontsize - 0.5,
                  color=INK, dy=2)
    elif judged.slope is not None and len(points) >= 2:
        mean_x = sum(days) / len(days)
        mean_y = sum(values) / len(values)
        per_day = judged.slope / _MONTH
        ends = [days[0], days[-1]]
        pane.plot(ends, [mean_y + per_day * (x - mean_x) for x in ends], color=colour, lw=1.0, ls=(0, (3, 2)),
                  zorder=2)
    pane.plot(days, values, color=LINE, lw=1.4, marker="o", markersize=3.2, zorder=3)
    pane.text(days[-1], values[-1], f"{values[-1]:g}", ha="center", va="bottom", fontsize=fontsize, weight="bold",
              color=INK, clip_on=False, dy=4)
