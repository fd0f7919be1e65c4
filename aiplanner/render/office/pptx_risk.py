"""The finish-date risk slide, drawn in native shapes from the Monte Carlo result.

What :func:`aiplanner.render.risk.paint_risk` draws for the PDF, read from
the same :class:`~aiplanner.schedule.montecarlo.SimulationResult`: a bar per
finish date (share of runs finishing that day), the share finished by each
day as a step line (a freeform), dashed lines at P50, P80 and P95 and a
solid one at the planned finish with the share of runs that meet it, and
the tasks most often critical. Native shapes rather than a picture: sharp on
any projector, restyled in PowerPoint like the rest of the deck, and no
plotting library to load (the whole deck stays within its time budget).
"""

from __future__ import annotations

import datetime as dt

from aiplanner.checks.summary import percent
from aiplanner.render.office.context import OfficeContext, day_text
from aiplanner.render.office.package import hex_tint
from aiplanner.render.office.pptx_shapes import SLIDE_H, SLIDE_W, SlideWriter

__all__ = ["risk_slide", "risk_sentence"]

LEFT = 1.25
RIGHT = SLIDE_W - 1.2
BLUE = "#0072B2"


def risk_sentence(result, finish: dt.date) -> str:
    """The chart in one sentence (its alt text)."""
    if not result.estimated_tasks:
        return f"Finish date risk: no task has a three-point estimate, every run finishes on {day_text(finish)}"
    return (f"Finish date risk: 50% of runs finish by {day_text(result.percentile(50))}, 80% by "
            f"{day_text(result.percentile(80))}, 95% by {day_text(result.percentile(95))}; the planned finish "
            f"{day_text(finish)} is met in {percent(result.probability_by(finish))} of runs")


def risk_slide(prs, ctx: OfficeContext, measure) -> None:
    """Add the risk slide (none without tasks)."""
    from aiplanner.render.charts import nice_step
    from aiplanner.render.style import CRITICAL, GRID, INK, MUTED

    result = ctx.risk
    if result is None or not hasattr(result, "finish_dates"):
        return
    w = SlideWriter(prs.slides.add_slide(prs.slide_layouts[6]))
    top = w.title_bar("Finish date risk", f"Monte Carlo simulation of the three-point estimates · "
                      f"{result.iterations:,} runs, seed {ctx.options.seed}", tag=ctx.scenario_tag, measure=measure)
    finish = ctx.schedule.finish
    sentence = risk_sentence(result, finish)
    if not result.estimated_tasks:
        w.text(LEFT, top + 0.4, RIGHT - LEFT, 1.6,
               "No task has a three-point estimate, so the finish date has no spread:\n"
               f"every simulated run finishes on the planned date, {day_text(finish)}.\n"
               "Give uncertain tasks optimistic / likely / pessimistic durations to see the risk.",
               size=16, colour=INK, alt=sentence)
        w.flush()
        return
    hist = result.histogram()
    total = float(sum(c for _, c in hist))
    shares = [(d, 100 * c / total) for d, c in hist]
    first = min(hist[0][0], finish)
    last = max(hist[-1][0], finish)
    pad = max(2, round((last - first).days * 0.04))
    lo, hi = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad + 1)
    bottom, chart_top = SLIDE_H - 1.55, top + 0.45
    height = bottom - chart_top

    def x_at(day: dt.date) -> float:
        return LEFT + (day - lo).days / max((hi - lo).days, 1) * (RIGHT - LEFT)

    peak = max(s for _, s in shares) * 1.45  # head room for the four labels at the top
    step = nice_step(peak)
    y_top = step * (int(peak / step) + 1)

    def y_share(value: float) -> float:
        return bottom - value / y_top * height

    w.box(LEFT, chart_top, RIGHT - LEFT, height, fill=None, outline=None, alt=sentence)
    for k in range(int(y_top / step) + 1):
        y = y_share(k * step)
        w.line(LEFT, y, RIGHT, y, colour=GRID, width=0.5, alt=f"Grid line at {k * step:g}%", decorative=True)
        w.text(LEFT - 0.6, y - 0.13, 0.52, 0.26, f"{k * step:g}", size=11, colour=MUTED, align="right", wrap=False,
               alt=f"{k * step:g}% of runs")
    for k in range(0, 101, 20):
        y = bottom - k / 100 * height
        w.text(RIGHT + 0.08, y - 0.13, 0.6, 0.26, f"{k}%", size=11, colour=MUTED, wrap=False,
               alt=f"{k}% of runs finished")
    w.text(0.3, chart_top - 0.4, 4.0, 0.3, "Runs finishing that day (%)", size=11, colour=MUTED, wrap=False)
    w.text(RIGHT - 3.5, chart_top - 0.4, 4.3, 0.3, "Finished by that day (line)", size=11, colour=MUTED,
           wrap=False, align="right")
    day_w = (RIGHT - LEFT) / max((hi - lo).days, 1)
    bar_w = max(day_w * 0.8, 0.02)
    for day, share in shares:
        x = x_at(day) + (day_w - bar_w) / 2
        w.box(x, y_share(share), bar_w, bottom - y_share(share), fill=hex_tint(BLUE, 0.45), outline=BLUE,
              outline_width=0.5, alt=f"{share:.1f}% of runs finish on {day_text(day)}")
    points, running = [(x_at(lo), bottom)], 0.0
    for day, share in shares:
        running += share
        points += [(x_at(day), points[-1][1]), (x_at(day), bottom - running / 100 * height)]
    points.append((x_at(hi), points[-1][1]))
    w.polyline(points, colour=INK, width=1.75, alt="Share of runs finished by each day, rising to 100%")
    w.line(LEFT, bottom, RIGHT, bottom, colour=MUTED, width=0.75, alt="Date axis", decorative=True)
    _date_ticks(w, lo, hi, x_at, bottom, MUTED)
    marks = ((50, "P50", BLUE, "dash"), (80, "P80", CRITICAL, "dash"), (95, "P95", MUTED, "sysDot"))
    for k, (p, name, colour, dash) in enumerate(marks):
        day = result.percentile(p)
        x = x_at(day) + day_w
        w.line(x, chart_top, x, bottom, colour=colour, width=1.75, dash=dash,
               alt=f"{name}: {p}% of runs finish by {day_text(day)}")
        w.text(x + 0.05, chart_top + 0.05 + 0.32 * k, 2.4, 0.3, f"{name} {day_text(day)}", size=12, bold=True,
               colour=colour, wrap=False, fill="FFFFFF", alt=f"{name}: {day_text(day)}")
    x = x_at(finish) + day_w
    w.line(x, chart_top, x, bottom, colour=INK, width=1.5, alt=f"Planned finish {day_text(finish)}")
    label = f"planned {day_text(finish)}: {percent(result.probability_by(finish))} of runs finish by then"
    width = measure.width(label, 12) / 72 + 0.2
    left = x - 0.05 - width if x - LEFT > width + 0.1 else x + 0.05
    w.text(left, chart_top + 0.05 + 0.32 * len(marks), width, 0.3, label, size=12, colour=INK, wrap=False,
           fill="FFFFFF", align="right" if left < x else "left")
    names = {t.id: t.name for t in ctx.plan.tasks}
    top_tasks = sorted(result.criticality.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    if top_tasks:
        text = "Most often critical: " + " · ".join(f"{names.get(t, t)} {v:.0%}" for t, v in top_tasks)
        w.text(LEFT, bottom + 0.42, RIGHT - LEFT, 0.5, measure.fit(text, 12, 2 * (RIGHT - LEFT) * 72 * 0.95),
               size=12, colour=MUTED, alt=text)
    w.flush()


def _date_ticks(w: SlideWriter, lo: dt.date, hi: dt.date, x_at, bottom: float, colour: str) -> None:
    """About eight date labels under the axis, on whole weeks (or months for long spreads)."""
    span = (hi - lo).days
    every = next((d for d in (1, 2, 7, 14, 28, 56, 91) if span / d <= 9), 182)
    day = lo + dt.timedelta(days=(-lo.weekday()) % 7 if every >= 7 else 0)
    while day <= hi:
        x = x_at(day)
        w.line(x, bottom, x, bottom + 0.06, colour=colour, width=0.75, alt=f"Tick {day.isoformat()}",
               decorative=True)
        w.text(x - 0.6, bottom + 0.08, 1.2, 0.28, f"{day.day} {day:%b}", size=11, colour=colour, align="center",
               wrap=False, alt=day_text(day))
        day += dt.timedelta(days=every)
