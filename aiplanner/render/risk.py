"""The Monte Carlo finish-date chart: histogram, S-curve, P50/P80/P95 marked.

Reads a :class:`aiplanner.schedule.montecarlo.SimulationResult`: its
``histogram()`` (finish date -> iterations) and percentiles. The planned
(deterministic) finish is marked too, with the share of runs that meet it.
"""

from __future__ import annotations

from aiplanner.render.style import CRITICAL, GRID, INK, MUTED, tint

__all__ = ["paint_risk"]

MARKS = ((50, "P50", "#0072B2", (0, (5, 2))), (80, "P80", CRITICAL, (0, (5, 2))), (95, "P95", MUTED, (0, (2, 2))))


def paint_risk(fig, rect: tuple[float, float, float, float], result, schedule) -> None:
    """Draw the risk chart into ``rect`` (figure fractions: left, bottom, width, height)."""
    import matplotlib.dates as mdates

    ax = fig.add_axes(rect)
    if not result.estimated_tasks:
        ax.set_axis_off()
        lines = ("No task has a three-point estimate, so the finish date has no spread:",
                 f"every simulated run finishes on the planned date, {schedule.finish:%d %B %Y}.",
                 "Give uncertain tasks optimistic / likely / pessimistic durations to see the risk.")
        for k, line in enumerate(lines):  # one Text per line: single-line texts keep ligatures off
            ax.text(0.0, 0.9 - 0.06 * k, line, transform=ax.transAxes, fontsize=10, color=INK, va="top")
        return
    hist = result.histogram()
    dates = [d for d, _ in hist]
    counts = [c for _, c in hist]
    total = float(sum(counts))
    width = max(0.8, min(5.0, ((dates[-1] - dates[0]).days or 1) / 60))
    ax.bar(dates, [100 * c / total for c in counts], width=width, color=tint("#0072B2", 0.45),
           edgecolor="#0072B2", lw=0.4, label="Runs finishing that day (%)")
    ax.set_ylabel("runs finishing that day (%)", fontsize=8, color=MUTED)
    curve = ax.twinx()
    cumulative, running = [], 0
    for c in counts:
        running += c
        cumulative.append(100 * running / total)
    curve.step(dates, cumulative, where="post", color=INK, lw=1.4, label="Finished by that day (%)")
    curve.set_ylim(0, 102)
    curve.set_ylabel("finished by that day (%)", fontsize=8, color=MUTED)
    box = {"boxstyle": "round,pad=0.25", "fc": "white", "ec": "none", "alpha": 0.9}
    for k, (p, name, colour, style) in enumerate(MARKS):
        day = result.percentile(p)
        curve.axvline(day, color=colour, lw=1.2, ls=style)
        curve.annotate(f"{name} {day:%d %b %Y}", (day, 92 - 9 * k), xytext=(4, 0), textcoords="offset points",
                       fontsize=8, color=colour, weight="bold", va="center", bbox=box)
    planned = schedule.finish
    share = 100 * result.probability_by(planned)
    curve.axvline(planned, color=INK, lw=1.0)
    lo, hi = min(dates[0], planned), max(dates[-1], planned)
    # The label goes on the side of the line with room for it: right of a planned date in the
    # first half of the chart (an optimistic plan), left of one in the second half.
    early = (planned - lo).days <= (hi - lo).days / 2
    curve.annotate(f"planned {planned:%d %b %Y}: {round(share, 2):g}% of runs finish by then", (planned, 62),
                   xytext=(4 if early else -4, 0), textcoords="offset points", fontsize=8, color=INK,
                   ha="left" if early else "right", va="center", bbox=box)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))
    for a in (ax, curve):
        a.tick_params(labelsize=7)
        a.spines["top"].set_visible(False)
    ax.grid(axis="y", color=GRID, lw=0.4)
    ax.set_axisbelow(True)
    pad = max((hi - lo).days * 0.04, 2)
    ax.set_xlim(mdates.date2num(lo) - pad, mdates.date2num(hi) + pad)
    handles = ax.get_legend_handles_labels()[0] + curve.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper left", fontsize=7, frameon=False)
    top = sorted(result.criticality.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    if top:
        text = "Most often critical: " + ", ".join(f"{tid} {share:.0%}" for tid, share in top)
        ax.annotate(text, (0, 0), xycoords="axes fraction", xytext=(0, -22), textcoords="offset points",
                    fontsize=7.5, color=MUTED, va="top")
