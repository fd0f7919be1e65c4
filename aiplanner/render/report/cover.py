"""The report's cover: what the plan is, when it finishes, and how sure that is."""

from __future__ import annotations

from aiplanner.render.report.context import MARGIN, Page, ReportContext, risk_summary
from aiplanner.render.style import INK, MUTED, phase_colour, tint

__all__ = ["cover_page", "cover_facts", "pattern_name"]


def pattern_name(pattern_id: str | None) -> str:
    """The catalogue's name of a pattern when the catalogue has it, else the id."""
    if not pattern_id:
        return ""
    try:
        from aiplanner.catalog import load_catalog  # type: ignore[attr-defined]

        return load_catalog().pattern(pattern_id).name
    except (ImportError, AttributeError, KeyError, LookupError, ValueError):
        return pattern_id


def cover_facts(ctx: ReportContext) -> list[tuple[str, str]]:
    """(label, value) lines of the cover, in order."""
    plan, sched = ctx.plan, ctx.schedule
    days_per_week = max(sched.calendar.days_per_week, 1)
    facts = []
    if plan.pattern:
        facts.append(("Operating model pattern", pattern_name(plan.pattern)))
    facts.append(("Start", f"{sched.start:%A %d %B %Y}"))
    facts.append(("Finish (planned)", f"{sched.finish:%A %d %B %Y}"))
    facts.append(("Duration", f"{sched.duration} working days (about {sched.duration / days_per_week:.0f} weeks)"))
    risk = risk_summary(ctx)
    if risk is not None:
        facts.append(("Finish, 50% likely by (P50)", f"{risk.percentile_date(50):%d %B %Y}"))
        facts.append(("Finish, 80% likely by (P80)", f"{risk.percentile_date(80):%d %B %Y}"))
    milestones = sum(1 for t in sched.tasks.values() if t.milestone)
    facts.append(("Tasks", f"{len(plan.tasks) - milestones} tasks, {milestones} milestones, "
                           f"{len(sched.critical_tasks())} on the critical path"))
    if plan.people:
        facts.append(("Team", f"{len(plan.people)} people in {len(plan.roles)} roles"))
    if sched.missed_deadlines:
        facts.append(("Missed deadlines", ", ".join(sched.missed_deadlines[:8])
                      + (" …" if len(sched.missed_deadlines) > 8 else "")))
    facts.append(("Printed", f"{ctx.options.printed_at:%d %B %Y}"))
    return facts


def cover_page(ctx: ReportContext) -> Page:
    """The first page (draws its own layout, no section title)."""
    return Page("cover", "", lambda fig, rect: _draw(fig, ctx))


def _draw(fig, ctx: ReportContext) -> None:
    from matplotlib.patches import Rectangle

    from aiplanner.render.page import fig_text
    from aiplanner.render.tables import wrap_text

    w, h = ctx.page_width, ctx.page_height
    plan, sched = ctx.plan, ctx.schedule
    fig.add_artist(Rectangle((0, 1 - 0.18 / h), 1, 0.18 / h, transform=fig.transFigure, color="#0072B2", lw=0))
    y = h - 0.85
    fig_text(fig, MARGIN, y, "ROLLOUT PLAN REPORT", fontsize=9, color=MUTED, weight="bold")
    y -= 0.55
    for line in wrap_text(plan.name, (w - 2 * MARGIN) * 72 * 7 / 24, ctx.measure, "bold")[:3]:
        fig_text(fig, MARGIN, y, line, fontsize=24, weight="bold", color=INK)
        y -= 0.42
    if plan.organisation:
        fig_text(fig, MARGIN, y, plan.organisation, fontsize=14, color=INK)
        y -= 0.35
    y -= 0.2
    label_w = 2.3
    for label, value in cover_facts(ctx):
        fig_text(fig, MARGIN, y, label, fontsize=9.5, color=MUTED)
        fig_text(fig, MARGIN + label_w, y, value, fontsize=9.5, color=INK, weight="bold")
        y -= 0.27
    # The phases at a glance, right under the facts (as much room as they need,
    # no more than is left above the footer).
    strip = min(0.35 * max(len(sched.phases), 1), y - 0.35 - 0.75)
    if strip >= 0.5:
        fig_text(fig, MARGIN, y - 0.15, "Phases", fontsize=9.5, color=MUTED)
        _phase_strip(fig, ctx, (MARGIN, y - 0.35 - strip, w - 2 * MARGIN, strip))


def _phase_strip(fig, ctx: ReportContext, rect) -> None:
    """Phases as bars on one time line: the plan at a glance."""
    from aiplanner.render.page import fig_text

    plan, sched = ctx.plan, ctx.schedule
    spans = [(i, p, sched.phases[p.id]) for i, p in enumerate(plan.phases) if p.id in sched.phases]
    if not spans:
        return
    left, bottom, width, height = rect
    fw, fh = fig.get_size_inches()
    label_w = 1.6
    ax = fig.add_axes(((left + label_w) / fw, bottom / fh, (width - label_w) / fw, height / fh))
    ax.set_axis_off()
    lo = min(s.start for _, _, s in spans)
    hi = max(s.finish for _, _, s in spans)
    total = max((hi - lo).days + 1, 1)
    ax.set_xlim(0, total)
    ax.set_ylim(len(spans) - 0.5, -0.5)
    row_h = height / len(spans)
    for row, (i, phase, span) in enumerate(spans):
        x0, x1 = (span.start - lo).days, (span.finish - lo).days + 1
        colour = phase_colour(i)
        ax.barh(row, x1 - x0, left=x0, height=0.55, color=tint(colour, 0.25), edgecolor=colour, lw=0.8)
        text = f"{span.start:%d %b} – {span.finish:%d %b %Y}"
        per_day = (width - label_w) * 72 / total  # points per day
        need = ctx.measure.width(text, 7.5) + 8
        pad = 4 / per_day
        if (x1 - x0) * per_day > need:
            x, ha = x0 + pad, "left"
        elif (total - x1) * per_day > need:
            x, ha = x1 + pad, "left"
        else:
            x, ha = x0 - pad, "right"
        ax.text(x, row, text, va="center", ha=ha, fontsize=7.5, color=INK, clip_on=False)
        fig_text(fig, left, bottom + height - (row + 0.5) * row_h, phase.name, fontsize=9, va="center",
                 color=INK, weight="bold")
    ax.axvline(0, color=MUTED, lw=0.5)
    ax.axvline(total, color=MUTED, lw=0.5)
