"""The report's first page: the sponsor's answer, readable at arm's length.

It renders the :class:`~aiplanner.checks.summary.ExecutiveSummary` (the same
object the window's Summary view and presentation mode show): four
red/amber/green tiles (schedule, staffing, risk, health), then when the
plan finishes and how sure that is, whether it slips against the baseline
and why, who is over capacity, which of the source's pitfalls are open and
how the metrics stand. The rules behind the colours are printed at the foot.
Without the summary module (or tasks) the page falls back to the plan's
dates alone.
"""

from __future__ import annotations

from aiplanner.checks.findings import plural
from aiplanner.render.report.context import MARGIN, Page, ReportContext, report_summary
from aiplanner.render.style import INK, MUTED, RAG_COLOURS, TextMeasure

__all__ = ["cover_page", "cover_facts", "pattern_name", "summary_lines", "SECTION_AREAS"]

HEADING = 10.0
BODY = 12.0
SMALL = 9.0
#: Text colour of each status (amber text darker than the tile's amber, to stay readable on white).
TEXT_COLOURS = {**RAG_COLOURS, "amber": "#9A6700"}
LIST_LIMIT = 5  # people, pitfalls shown before "and N more"
#: The area whose red/amber/green colours each question of :func:`summary_lines` (None: ink).
SECTION_AREAS = {"When do we finish? How sure are we?": "risk", "Are we slipping?": "schedule",
                 "Who is overloaded?": "staffing", "What is going wrong?": "health", "How do the metrics stand?": None}


def pattern_name(pattern_id: str | None) -> str:
    """The catalogue's name of a pattern when the catalogue has it, else the id."""
    if not pattern_id:
        return ""
    try:
        from aiplanner.catalog import load_catalog  # type: ignore[attr-defined]

        return load_catalog().pattern(pattern_id).name
    except (ImportError, AttributeError, KeyError, LookupError, ValueError):
        return pattern_id


def _day(day) -> str:
    return f"{day:%d %b %Y}"


def summary_lines(summary) -> dict[str, list[tuple[str, str]]]:
    """The cover's text, question by question: ``{heading: [(style, text), ...]}``.

    Styles: ``big`` (the finish date), ``strong``, ``body``, ``item`` (a list
    entry), ``note`` (small, muted). Shared with the window's Summary view so
    both say the same words.
    """
    from aiplanner.checks.summary import percent

    out: dict[str, list[tuple[str, str]]] = {}
    when = [("note", summary.finish_title), ("big", f"{summary.finish:%A %d %B %Y}")]
    if summary.risk is not None:
        risk = summary.risk
        when.append(("body", f"50% likely by {_day(risk.p50)} (P50) · 80% likely by {_day(risk.p80)} (P80)"))
        when.append(("strong", f"{percent(risk.chance)} chance of finishing by the planned date"))
        when.append(("note", f"Monte Carlo over the three-point estimates: {risk.iterations:,} runs, seed {risk.seed}"))
    when.append(("note", f"Start {_day(summary.start)} · {plural(summary.duration, 'working day')}"))
    out["When do we finish? How sure are we?"] = when

    slipping = []
    progress = summary.progress
    if progress.status_date is not None:
        slipping.append(("body", f"Status {_day(progress.status_date)}: {progress.complete:g}% complete, "
                                 f"{progress.planned:g}% planned by then"))
    elif progress.complete:
        slipping.append(("body", f"{progress.complete:g}% complete (no status date set)"))
    slip = summary.slip
    if slip is None:
        slipping.append(("body", "No baseline saved: nothing to slip against"))
    elif slip.days == 0:
        slipping.append(("strong", f"On the baseline's finish ({slip.baseline}, {_day(slip.baseline_finish)})"))
    else:
        way = "later" if slip.days > 0 else "earlier"
        slipping.append(("strong", f"{plural(abs(slip.days), 'working day')} {way} than baseline {slip.baseline} "
                                   f"({_day(slip.baseline_finish)})"))
        for driver in slip.drivers:
            slipping.append(("item", f"{driver.name}: {driver.why}"))
    if summary.missed_deadlines:
        slipping.append(("strong", f"{plural(len(summary.missed_deadlines), 'deadline')} missed"))
    out["Are we slipping?"] = slipping

    people = []
    for person in summary.overloaded[:LIST_LIMIT]:
        people.append(("item", f"{person.name}: {plural(person.days_over, 'working day')} over capacity, "
                               f"peak {person.peak_text}"))
    if len(summary.overloaded) > LIST_LIMIT:
        people.append(("note", f"and {len(summary.overloaded) - LIST_LIMIT} more over capacity"))
    if summary.unstaffed:
        people.append(("strong", f"Nobody holds: {', '.join(summary.unstaffed)}"))
    if not people:
        people.append(("body", "Nobody is over capacity."))
    out["Who is overloaded?"] = people

    wrong = []
    for pitfall in summary.pitfalls[:LIST_LIMIT]:
        wrong.append(("item", f"{pitfall.name}: {pitfall.reason}"))
    if not summary.pitfalls:
        wrong.append(("body", "None of the source's five pitfalls is open."))
    counts = summary.findings
    others = summary.other_findings
    if others:
        wrong.append(("body", f"{plural(others, 'other finding')} ({plural(counts['error'], 'error')}, "
                              f"{plural(counts['warning'], 'warning')}, {plural(counts['info'], 'note')} in all): "
                              "see Findings"))
    out["What is going wrong?"] = wrong

    if summary.metrics:
        words = {"good": "on target or trending right", "bad": "off target or trending wrong", "unjudged": "not judged yet"}
        tally = summary.metric_counts()
        text = " · ".join(f"{tally[k]} {w}" for k, w in words.items() if tally[k])
        lines = [("body", text)]
        bad = [m.name for m in summary.metrics if m.status in ("off-target", "trend-wrong")]
        if bad:
            lines.append(("note", "Off track: " + ", ".join(bad)))
        for stage in summary.stages[:2]:
            if not stage.met:
                lines.append(("note", f"{stage.name} (ends {_day(stage.finish)}): exit targets {stage.targets_met} "
                                      f"of {stage.targets} met, checklist {stage.checks_done} of {stage.checks} done"))
                break
        out["How do the metrics stand?"] = lines
    return out


def cover_facts(ctx: ReportContext) -> list[tuple[str, str]]:
    """(label, value) lines of the plan alone (the page without a summary)."""
    plan, sched = ctx.plan, ctx.schedule
    days_per_week = max(sched.calendar.days_per_week, 1)
    facts = []
    if plan.pattern:
        facts.append(("Operating model pattern", pattern_name(plan.pattern)))
    facts.append(("Start", f"{sched.start:%A %d %B %Y}"))
    facts.append(("Finish (planned)", f"{sched.finish:%A %d %B %Y}"))
    facts.append(("Duration", f"{sched.duration} working days (about {sched.duration / days_per_week:.0f} weeks)"))
    facts.append(("Printed", f"{ctx.options.printed_at:%d %B %Y}"))
    return facts


def cover_page(ctx: ReportContext) -> Page:
    """The first page (draws its own layout, no section title)."""
    return Page("cover", "", lambda fig, rect: _draw(fig, ctx))


class _Column:
    """Text flowing down a column, wrapped to its width; stops (with "…") above ``bottom``."""

    def __init__(self, fig, measure: TextMeasure, x: float, top: float, width: float, bottom: float) -> None:
        self.fig, self.measure = fig, measure
        self.x, self.y, self.width, self.bottom = x, top, width, bottom
        self.full = False

    def lines(self, text: str, size: float, weight: str = "normal", color: str = INK, indent: float = 0.0,
              bullet: str = "", max_lines: int = 3, gap: float = 0.0) -> None:
        from aiplanner.render.page import fig_text
        from aiplanner.render.tables import wrap_text

        if self.full:
            return
        self.y -= gap
        if max_lines == 1:  # one line (the finish date): smaller type rather than cut
            natural = self.measure.width(text, size, weight)
            if natural > (self.width - indent) * 72:
                size = max(12.0, size * (self.width - indent) * 72 / natural)
        width_pt = (self.width - indent) * 72 * 7.0 / size  # wrap_text measures at 7 pt
        wrapped = list(wrap_text(text, width_pt, self.measure, weight))
        if len(wrapped) > max_lines:
            wrapped = wrapped[:max_lines]
            wrapped[-1] = self.measure.fit(wrapped[-1] + " …", size, (self.width - indent) * 72, weight)
        step = size * 1.3 / 72
        for k, line in enumerate(wrapped):
            if self.y - step < self.bottom:
                fig_text(self.fig, self.x + indent, self.y - step, "…", fontsize=size, color=MUTED)
                self.full = True
                return
            self.y -= step
            if bullet and k == 0:
                fig_text(self.fig, self.x + indent - 0.14, self.y, bullet, fontsize=size, color=color, weight="bold")
            fig_text(self.fig, self.x + indent, self.y, line, fontsize=size, color=color, weight=weight)


def _section(col: _Column, heading: str, lines: list[tuple[str, str]], colour: str) -> None:
    col.lines(heading.upper(), HEADING, "bold", MUTED, gap=0.22)
    col.y -= 0.04
    for style, text in lines:
        if style == "big":
            col.lines(text, 22, "bold", INK, max_lines=1, gap=0.04)
        elif style == "strong":
            col.lines(text, BODY, "bold", colour, gap=0.04)
        elif style == "item":
            col.lines(text, SMALL + 1.5, "normal", INK, indent=0.2, bullet="•", max_lines=2, gap=0.04)
        elif style == "note":
            col.lines(text, SMALL, "normal", MUTED, max_lines=2, gap=0.02)
        else:
            col.lines(text, BODY, "normal", INK, gap=0.04)


def _draw(fig, ctx: ReportContext) -> None:
    from matplotlib.patches import Rectangle

    from aiplanner.render.page import fig_text
    from aiplanner.render.tables import wrap_text

    w, h = ctx.page_width, ctx.page_height
    plan = ctx.plan
    summary = report_summary(ctx)
    fig.add_artist(Rectangle((0, 1 - 0.18 / h), 1, 0.18 / h, transform=fig.transFigure, color="#0072B2", lw=0))
    y = h - 0.62
    kicker = "ROLLOUT PLAN REPORT · EXECUTIVE SUMMARY" if summary is not None else "ROLLOUT PLAN REPORT"
    fig_text(fig, MARGIN, y, kicker, fontsize=9, color=MUTED, weight="bold")
    fig_text(fig, w - MARGIN, y, f"printed {ctx.options.printed_at:%d %B %Y}", fontsize=9, color=MUTED, ha="right")
    y -= 0.42
    for line in wrap_text(plan.name, (w - 2 * MARGIN) * 72 * 7 / 20, ctx.measure, "bold")[:2]:
        fig_text(fig, MARGIN, y, line, fontsize=20, weight="bold", color=INK)
        y -= 0.34
    meta = [plan.organisation, pattern_name(plan.pattern)]
    if summary is not None and summary.scenario:
        meta.append(f"scenario {summary.scenario}")
    meta = [m for m in meta if m]
    if meta:
        fig_text(fig, MARGIN, y + 0.02, " · ".join(meta), fontsize=11, color=MUTED)
        y -= 0.3
    if summary is None:
        y -= 0.2
        for label, value in cover_facts(ctx):
            fig_text(fig, MARGIN, y, label, fontsize=9.5, color=MUTED)
            fig_text(fig, MARGIN + 2.3, y, value, fontsize=9.5, color=INK, weight="bold")
            y -= 0.27
        return
    y = _tiles(fig, ctx, summary, y - 0.05)
    rules_h = _rules(fig, ctx, summary, dry_run=True)
    bottom = 0.45 + rules_h + 0.1
    gap = 0.4
    col_w = (w - 2 * MARGIN - gap) / 2
    sections = summary_lines(summary)
    colour = {name: TEXT_COLOURS[summary.area(area).rag] if area else INK for name, area in SECTION_AREAS.items()}
    names = list(sections)
    left = _Column(fig, ctx.measure, MARGIN, y, col_w, bottom)
    right = _Column(fig, ctx.measure, MARGIN + col_w + gap, y, col_w, bottom)
    for name in names[:2]:
        _section(left, name, sections[name], colour[name])
    for name in names[2:]:
        _section(right, name, sections[name], colour[name])
    _rules(fig, ctx, summary)


def _tiles(fig, ctx: ReportContext, summary, top: float) -> float:
    """The four coloured tiles; returns the y below them."""
    from matplotlib.patches import FancyBboxPatch

    from aiplanner.render.page import fig_text
    from aiplanner.render.style import tint
    from aiplanner.render.tables import wrap_text

    w, h = ctx.page_width, ctx.page_height
    gap = 0.15
    n = len(summary.areas)
    tile_w = (w - 2 * MARGIN - gap * (n - 1)) / n
    size = 8.5
    step = size * 1.3 / 72
    texts = [wrap_text(area.why, (tile_w - 0.32) * 72 * 7 / size, ctx.measure) for area in summary.areas]
    tile_h = 0.5 + step * max(len(t) for t in texts) + 0.08
    bottom = top - tile_h
    for k, (area, lines) in enumerate(zip(summary.areas, texts)):
        x = MARGIN + k * (tile_w + gap)
        colour = RAG_COLOURS[area.rag]
        fig.add_artist(FancyBboxPatch((x / w, bottom / h), tile_w / w, tile_h / h, transform=fig.transFigure,
                                      boxstyle="round,pad=0,rounding_size=0.004", fc=tint(colour, 0.85), ec=colour,
                                      lw=1.2))
        fig.add_artist(FancyBboxPatch((x / w, bottom / h), 0.09 / w, tile_h / h, transform=fig.transFigure,
                                      boxstyle="square,pad=0", fc=colour, ec="none"))
        fig_text(fig, x + 0.2, top - 0.25, area.area.upper(), fontsize=8.5, weight="bold", color=MUTED)
        word = {"grey": "NOT JUDGED"}.get(area.rag, area.rag.upper())
        fig_text(fig, x + tile_w - 0.12, top - 0.25, word, fontsize=12, weight="bold", color=TEXT_COLOURS[area.rag],
                 ha="right")
        for i, line in enumerate(lines):
            fig_text(fig, x + 0.2, top - 0.5 - i * step, line, fontsize=size, color=INK)
    return bottom - 0.05


def _rules(fig, ctx: ReportContext, summary, dry_run: bool = False) -> float:
    """How the colours are set, small at the foot; returns the height it takes (inches)."""
    from aiplanner.render.page import fig_text
    from aiplanner.render.tables import wrap_text

    size = 6.3
    step = size * 1.3 / 72
    width_pt = (ctx.page_width - 2 * MARGIN) * 72 * 7 / size
    lines = []
    for area in summary.areas:
        lines += wrap_text(f"{area.area.capitalize()}: {area.rule}", width_pt, ctx.measure)
    height = step * (len(lines) + 1)
    if dry_run:
        return height
    y = 0.45 + height
    fig_text(fig, MARGIN, y, "HOW THE COLOURS ARE SET", fontsize=size, color=MUTED, weight="bold")
    for line in lines:
        y -= step
        fig_text(fig, MARGIN, y, line, fontsize=size, color=MUTED)
    return height
