"""Chart pages of the report: load per person and the Monte Carlo finish risk."""

from __future__ import annotations

from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.render.report import Page, ReportContext

__all__ = ["load_table", "load_pages", "risk_pages", "risk_figure", "PANELS_PER_PAGE"]

PANELS_PER_PAGE = {"landscape": 4, "portrait": 6}


def load_table(plan, schedule):
    """Weekly load per person (``LoadTable``), or None without people or a load module."""
    from aiplanner.render.report_sections import optional_module

    load_module = optional_module("aiplanner.schedule.load")
    if load_module is None or not plan.people or not plan.tasks:
        return None
    return load_module.compute_load(plan, schedule).table("person", "week")


def load_pages(ctx: ReportContext) -> list[Page]:
    """Small multiples, a few people per page."""
    from aiplanner.render.report_sections import report_load

    # The staffing section computed the load already: one computation per report.
    load = report_load(ctx) if ctx.plan.people else None
    table = ctx.once("load_table", lambda: load.table("person", "week") if load is not None else None)
    if table is None or not table.ids or not table.periods:
        return []
    names = {p.id: p.name for p in ctx.plan.people}
    per_page = PANELS_PER_PAGE[ctx.options.orientation]
    chunks = [list(range(a, min(a + per_page, len(table.ids)))) for a in range(0, len(table.ids), per_page)]
    over = sum(bool(table.over[i].any()) for i in range(len(table.ids)))
    sub = (f"Bars: load per week (person-days); line: capacity · hatched: a day over capacity that week · "
           f"{over} of {len(table.ids)} people over-allocated at some point")

    def drawer(rows):
        def draw(fig, rect):
            from aiplanner.render.canvas import TextBatch
            from aiplanner.render.charts import paint_load_panel

            left, bottom, width, height = rect
            slot = height / per_page
            texts = TextBatch(ctx.measure)
            for k, i in enumerate(rows):
                y = bottom + height - (k + 1) * slot
                paint_load_panel(fig, (left + 0.35, y + 0.3, width - 0.4, slot - 0.6), texts,
                                 names.get(table.ids[i], table.ids[i]), table.periods,
                                 table.load[i], table.capacity[i], table.over[i])
            fig.add_artist(texts.artist())
        return draw

    return [Page("load", "Load per person" if n == 0 else "Load per person (continued)", drawer(rows), sub)
            for n, rows in enumerate(chunks)]


def _simulation(plan, options):
    from aiplanner.render.report_sections import optional_module

    montecarlo = optional_module("aiplanner.schedule.montecarlo")
    if montecarlo is None or not hasattr(montecarlo, "simulate") or not plan.tasks:
        return None
    return montecarlo.simulate(plan, iterations=options.iterations, seed=options.seed)


def risk_pages(ctx: ReportContext) -> list[Page]:
    """The finish-date distribution, when this build can simulate."""
    from aiplanner.render.report_cover import risk_summary

    result = risk_summary(ctx)
    if result is None or not hasattr(result, "finish_dates"):
        return []

    def draw(fig, rect):
        from aiplanner.render.risk import paint_risk

        left, bottom, width, height = rect
        fw, fh = fig.get_size_inches()
        paint_risk(fig, ((left + 0.45) / fw, (bottom + 0.45) / fh, (width - 0.95) / fw, (height - 0.6) / fh),
                   result, ctx.schedule)
    return [Page("risk", "Finish date risk", draw,
                 f"Monte Carlo simulation of the three-point estimates · {ctx.options.iterations} runs, seed {ctx.options.seed}")]


def risk_figure(plan, schedule, options):
    """The risk chart alone (for PNG/SVG)."""
    from matplotlib.figure import Figure

    if not plan.tasks:
        raise InvalidPlanError([Problem("$.tasks", "the plan has no tasks to simulate")])
    result = _simulation(plan, options)
    if result is None or not hasattr(result, "finish_dates"):
        raise InvalidPlanError([Problem("", "the risk chart needs the Monte Carlo simulation, "
                                            "which this build of aiplanner does not include yet")])
    from aiplanner.render.risk import paint_risk

    fig = Figure(figsize=(10, 5.5))
    paint_risk(fig, (0.07, 0.1, 0.88, 0.8), result, schedule)
    fig.suptitle(f"{plan.name}: finish date risk", fontsize=10, x=0.02, ha="left")
    return fig
