"""The report's dependency network pages.

What a PMO needs from the network on paper is the shape of the work and the
chain that sets the finish date; every task is already in the timeline and
the task table. So:

- **Overview** (always): the whole layered network (see
  :mod:`aiplanner.render.network.layered`) fitted to one page — phases as bands, the
  critical path hatched and thick. Labels are printed when the boxes are big
  enough for them (vector text: they stay sharp when zoomed).
- **In detail** (when the overview is too dense to read the names): for a
  plan of up to 60 tasks the whole network (instead of the overview), for a
  bigger one the critical tasks and the links between them, laid out the
  same way and wrapped into bands across the page (read like lines of
  text), each task with its id, name and dates. What does not fit on one
  page continues on the next, the layers shared evenly over the bands.
"""

from __future__ import annotations

from aiplanner.render.report.context import Page, ReportContext

__all__ = ["network_pages", "critical_subplan", "overview_layout", "detail_layout", "LEGIBLE_ROW_PT"]

#: Box heights (points) from which the overview prints task ids.
LEGIBLE_ROW_PT = 9.0
BAND_LAYERS = 7  # layers per band of the detail pages
BAND_GAP = 0.25  # inches between bands
ROW_IN = 0.16  # inches per layout row on the detail pages (and at most on the overview)
SMALL = 60  # tasks: up to this many, the detail pages show the whole network


def overview_layout(ctx: ReportContext):
    """The layout of the overview page (computed once per report)."""
    from aiplanner.render.network.layered import layered_layout

    small = len(ctx.plan.tasks) <= SMALL  # room for names in the boxes
    return ctx.once("network-overview", lambda: layered_layout(ctx.plan, ctx.schedule, node_h=2.4 if small else 1.0))


def detail_layout(ctx: ReportContext):
    """(plan shown, its layout) of the detail pages: the whole plan up to SMALL tasks, else
    its critical path; ``(plan, None)`` when there is nothing to show (computed once)."""
    from aiplanner.render.network.layered import layered_layout

    def compute():
        whole = len(ctx.plan.tasks) <= SMALL
        sub_plan = ctx.plan if whole else critical_subplan(ctx.plan, ctx.schedule)
        if not sub_plan.tasks:
            return sub_plan, None
        return sub_plan, layered_layout(sub_plan, ctx.schedule, node_w=0.8, node_h=3.2)

    return ctx.once("network-detail", compute)


def critical_subplan(plan, schedule):
    """``plan`` with only its critical tasks and the links between them."""
    critical = set(schedule.critical_tasks())
    tasks = [t.model_copy(update={"depends_on": [d for d in t.depends_on if d.task in critical]})
             for t in plan.tasks if t.id in critical]
    return plan.model_copy(update={"tasks": tasks})


def _overview(ctx: ReportContext, layout) -> tuple[Page, bool]:
    from aiplanner.render.canvas import TextBatch
    from aiplanner.render.network.chart import HEADER, paint_network, plural

    _, _, width, height = ctx.body
    row_pt = min((height - HEADER - 0.2) * 72 / max(layout.height + 0.4, 1.0), 0.2 * 72)
    layer_pt = width * 72 / max(layout.width, 1.0)
    readable = row_pt * layout.node_h >= LEGIBLE_ROW_PT and layer_pt * layout.node_w >= 40
    names = readable and layout.node_h >= 2.0 and row_pt * layout.node_h >= 22  # two lines of 6 pt

    def draw(fig, rect):
        left, bottom, w, h = rect
        texts = TextBatch(ctx.measure)
        used = min(h - 0.2, (layout.height + 0.4) * row_pt / 72 + HEADER)  # boxes never stretched tall
        paint_network(fig, (left, bottom + h - 0.1 - used, w, used), ctx.plan, layout, texts, ctx.measure,
                      names=names, labels=row_pt * layout.node_h >= 5.0)
        fig.add_artist(texts.artist())

    crit = sum(n.critical for n in layout.nodes.values())
    sub = (f"{len(layout.nodes)} tasks and {plural(len(layout.edges), 'dependency', 'dependencies')}, read left to "
           f"right (each task after the work it waits for) · critical path: the {crit} tasks that set the finish "
           "date, hatched")
    if not readable:
        sub += " · the critical path in detail on the next page"
    if layout.hidden_links:  # said first, so that it is never cut off
        note = layout.hidden_note()
        sub = f"{note[0].upper()}{note[1:]} · {sub}"
    return Page("network", "Dependency network", draw, sub), readable


def _detail_pages(ctx: ReportContext) -> list[Page]:
    whole = len(ctx.plan.tasks) <= SMALL
    sub_plan, layout = detail_layout(ctx)
    if layout is None:
        return []
    _, _, width, height = ctx.body
    band_h = (layout.height + 0.4) * ROW_IN + 0.35  # inches, with room for the phase names
    per_page = max(1, int((height + BAND_GAP) // (band_h + BAND_GAP)))
    xs = layout.layer_x
    # As few pages as bands of at most BAND_LAYERS need, the layers shared out evenly over all their bands.
    pages = -(-(-(-layout.layers // BAND_LAYERS)) // per_page)
    per_band = -(-layout.layers // (pages * per_page))
    starts = list(range(0, layout.layers, per_band))
    count = -(-len(starts) // per_page)
    return [_band_page(ctx, sub_plan, layout, [(xs[s] - 0.5, xs[min(s + per_band, layout.layers) - 1] + 0.5)
                                               for s in starts[p:p + per_page]], band_h, p // per_page, count, whole,
                       per_band)
            for p in range(0, len(starts), per_page)]


def _band_page(ctx: ReportContext, sub_plan, layout, windows, band_h: float, index: int, count: int,
               whole: bool, per_band: int) -> Page:
    from aiplanner.render.canvas import TextBatch
    from aiplanner.render.network.chart import paint_network

    span = per_band + 0.2  # the same scale on every band

    def draw(fig, rect):
        left, bottom, w, h = rect
        texts = TextBatch(ctx.measure)
        top = bottom + h
        for a, b in windows:
            band_w = w * (b - a) / span
            top -= band_h
            paint_network(fig, (left, top, band_w, band_h), sub_plan, layout, texts, ctx.measure, names=True,
                          window=(a, b), dates=ctx.schedule)
            top -= BAND_GAP
        fig.add_artist(texts.artist())

    title = "Dependency network" if whole else "Critical path"
    title += " (continued)" if index else ""
    what = "Every task" if whole else f"The {len(layout.nodes)} tasks with no float"
    sub = f"{what} in dependency order: read each band left to right, then the next band"
    if layout.hidden_links:
        note = layout.hidden_note()
        sub = f"{note[0].upper()}{note[1:]} · {sub}"
    if count > 1:
        sub += f" · part {index + 1} of {count}"
    return Page("network", title, draw, sub)


def network_pages(ctx: ReportContext) -> list[Page]:
    """The overview page, then the detail pages when the overview is too dense
    (a small plan's detail shows every task: then it replaces the overview)."""
    if not ctx.plan.tasks:
        return []
    small = len(ctx.plan.tasks) <= SMALL  # room for names in the boxes
    layout = overview_layout(ctx)
    overview, readable = _overview(ctx, layout)
    if readable:
        return [overview]
    return _detail_pages(ctx) if small else [overview] + _detail_pages(ctx)
