"""A metric's measurements over time against its target: one small chart.

The report (metric trends) and the window's Metrics view draw the same
chart with :func:`paint_trend`: the measurements as a line with dots, the
target as a dashed line (a bound: "> 70" at 70, the side that meets it
lightly shaded) or, for a direction-only target, the fitted trend line with
the wanted direction in the title. The status (:mod:`aiplanner.checks.metrics`)
is written in the title in its colour, never by colour alone.
"""

from __future__ import annotations

from aiplanner.render.style import GRID, INK, MUTED, tint

__all__ = ["STATUS_COLOURS", "paint_trend"]

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


def paint_trend(ax, metric, judged, *, fontsize: float = 7.0, title: bool = True) -> None:
    """Draw ``metric``'s series and target into the matplotlib axes ``ax``.

    Parameters
    ----------
    ax
        Empty axes (from ``fig.add_axes`` or a Qt canvas' figure).
    metric : aiplanner.model.Metric
    judged : aiplanner.checks.metrics.MetricStatus
        The metric's status (its words go into the title).
    """
    import matplotlib.dates as mdates

    colour = STATUS_COLOURS.get(judged.status, MUTED)
    points = metric.measurements
    target = metric.target
    if title:
        ax.set_title(metric.name, fontsize=fontsize + 1, loc="left", color=INK, weight="bold", pad=12)
        ax.text(0.0, 1.01, f"{judged.words} · target {metric.target_text() or 'none'}"
                           + (" (derived)" if metric.derived and metric.target_text() else ""),
                transform=ax.transAxes, fontsize=fontsize, color=colour, va="bottom", ha="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(MUTED)
        ax.spines[side].set_linewidth(0.6)
    ax.tick_params(labelsize=fontsize - 0.5, colors=MUTED, length=2)
    ax.grid(axis="y", color=GRID, lw=0.4)
    ax.set_axisbelow(True)
    if not points:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.text(0.5, 0.5, "not measured yet", transform=ax.transAxes, ha="center", va="center",
                fontsize=fontsize, color=MUTED)
        return
    days = [mdates.date2num(m.date) for m in points]
    values = [m.value for m in points]
    lo, hi = min(values), max(values)
    if target is not None and target.value is not None:
        lo, hi = min(lo, target.value), max(hi, target.value)
    pad = (hi - lo) * 0.15 or max(abs(hi) * 0.1, 1.0)
    ax.set_ylim(lo - pad, hi + pad)
    left, right = min(days), max(days)
    span = max(right - left, 30.0)
    ax.set_xlim(left - span * 0.06, right + span * 0.06)
    if target is not None and target.value is not None:
        ax.axhline(target.value, color=INK, lw=0.9, ls=(0, (4, 2)))
        good_above = target.op in (">", ">=")
        y0, y1 = ax.get_ylim()
        ax.axhspan(target.value, y1 if good_above else y0, color=tint("#2E7D32", 0.9), lw=0, zorder=0)
        ax.text(1.0, target.value, f" {target.text(metric.unit)}", transform=ax.get_yaxis_transform(),
                fontsize=fontsize - 0.5, color=INK, va="bottom", ha="right")
    elif judged.slope is not None and len(points) >= 2:
        mean_x = sum(days) / len(days)
        mean_y = sum(values) / len(values)
        per_day = judged.slope / (365.25 / 12)
        xs = [left, right]
        ax.plot(xs, [mean_y + per_day * (x - mean_x) for x in xs], color=colour, lw=1.0, ls=(0, (3, 2)))
    ax.plot(days, values, color=LINE, lw=1.4, marker="o", markersize=3.2, zorder=3)
    last = points[-1]
    ax.annotate(f"{last.value:g}", (days[-1], last.value), xytext=(0, 5), textcoords="offset points",
                fontsize=fontsize, color=INK, ha="center", va="bottom", weight="bold")
    if len(points) == 1:
        ax.set_xticks(days)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))
    else:
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=2, maxticks=4))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    if metric.unit:
        ax.set_ylabel(metric.unit, fontsize=fontsize - 0.5, color=MUTED)
