"""Chart pages of the report: load per person and the Monte Carlo finish risk."""

from __future__ import annotations

from aiplanner.render.report.context import Page, ReportContext, report_load, risk_summary

__all__ = ["load_pages", "risk_pages", "PANELS_PER_PAGE"]

PANELS_PER_PAGE = {"landscape": 4, "portrait": 6}


def load_pages(ctx: ReportContext) -> list[Page]:
    """Small multiples, a few people per page."""
    # The staffing section computed the load already: one computation per report.
    load = report_load(ctx) if ctx.plan.people else None
    table = ctx.once("load_table", lambda: load.table("person", "week") if load is not None else None)
    if table is None or not table.ids or not table.periods:
        return []
    names = {p.id: p.name for p in ctx.plan.people}
    per_page = PANELS_PER_PAGE[ctx.options.orientation]
    n = len(table.ids)
    if -(-n // (per_page + 1)) < -(-n // per_page):  # one panel more a page saves a page: take it
        per_page += 1
    pages = -(-n // per_page)
    sizes = [n // pages + (1 if k < n % pages else 0) for k in range(pages)]  # even: no page of one panel
    starts = [sum(sizes[:k]) for k in range(pages)]
    chunks = [list(range(a, a + size)) for a, size in zip(starts, sizes)]
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


def risk_pages(ctx: ReportContext) -> list[Page]:
    """The finish-date distribution, when this build can simulate."""
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
                 f"Monte Carlo simulation of the three-point estimates · {ctx.options.iterations:,} runs, seed {ctx.options.seed}")]
