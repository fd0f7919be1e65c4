"""Sections that share pages: responsibilities, metrics (with their trend charts) and findings.

Each is short on its own (a seven-row matrix, twelve metrics, a handful of
findings), so printed one per page they would leave pages nearly empty.
Instead each section gives a *flow*: captioned tables and chart rows
(:class:`~aiplanner.render.tables.Block`) that :func:`flow_pages` stacks
down as few pages as they need, the page title naming the sections it holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from aiplanner.render.report.context import Page, ReportContext, report_findings, report_summary
from aiplanner.render.tables import Block, Col, TableSpec

__all__ = ["Flow", "FLOWS", "flow_pages", "TREND_ROW"]

#: Points per row of trend charts.
TREND_ROW = 150.0


@dataclass
class Flow:
    """One section's share of the stacked pages."""

    section: str
    title: str
    items: list[tuple[str, object]] = field(default_factory=list)  # (caption, TableSpec | Block)


def responsibilities_flow(ctx: ReportContext) -> Flow:
    plan = ctx.plan
    flow = Flow("responsibilities", "Responsibilities")
    matrices = [("Responsibility matrix", plan.responsibilities)]
    matrices += [(f"{p.name}: who does what in this stage", p.responsibilities) for p in plan.phases
                 if p.responsibilities is not None and p.responsibilities.rows]
    for caption, matrix in matrices:
        if not matrix.rows:
            continue
        parties = list(matrix.parties) or sorted({p for r in matrix.rows for p in r.cells})
        cols = [Col("Function", wrap=True, max_width=200)] + [Col(p, wrap=True, max_width=220) for p in parties]
        rows = [tuple([r.function] + [r.cells.get(p, "") for p in parties]) for r in matrix.rows]
        flow.items.append((caption, TableSpec(cols, rows)))
    return flow


def metrics_flow(ctx: ReportContext) -> Flow:
    from aiplanner.checks.metrics import BAD, metric_status, value_text

    plan = ctx.plan
    flow = Flow("metrics", "Metrics")
    if not plan.metrics:
        return flow
    judged = [metric_status(m) for m in plan.metrics]
    rows, styles = [], []
    for metric, status in zip(plan.metrics, judged):
        latest = metric.latest
        target = metric.target_text() + (" (derived)" if metric.derived and metric.target_text() else "")
        rows.append((metric.category.capitalize(), metric.name, target or "—",
                     value_text(latest.value, metric.unit) if latest else "—",
                     f"{latest.date:%d %b %Y}" if latest else "", status.words, metric.how_measured))
        styles.append("alert" if status.status in BAD else "")
    flow.items.append(("Metrics against their targets", TableSpec(
        [Col("Category"), Col("Metric", wrap=True, max_width=180), Col("Target", wrap=True, max_width=150),
         Col("Latest", wrap=True, max_width=110), Col("Measured"), Col("Status"),
         Col("How measured", wrap=True, max_width=150)], rows, styles)))
    charted = [(m, s) for m, s in zip(plan.metrics, judged) if m.measurements]
    per_row = 3 if ctx.options.orientation == "landscape" else 2
    for start in range(0, len(charted), per_row):
        caption = "Trends against the targets" if start == 0 else ""
        flow.items.append((caption, Block(TREND_ROW, _trend_row(charted[start:start + per_row], per_row,
                                                                ctx.measure))))
    stages = _exit_rows(plan, judged)
    if stages:
        flow.items.append(("Exit criteria of the maturity stages", stages))
    return flow


def _trend_row(items, per_row: int, measure) -> Callable:
    def draw(fig, rect):
        from aiplanner.render.canvas import TextBatch
        from aiplanner.render.trend import paint_trend

        left, bottom, width, height = rect
        slot = width / per_row
        texts = TextBatch(measure)
        for k, (metric, judged) in enumerate(items):
            paint_trend(fig, (left + k * slot, bottom + 0.1, slot - 0.45, height - 0.15), texts, metric, judged)
        fig.add_artist(texts.artist())
    return draw


def _exit_rows(plan, judged) -> TableSpec | None:
    from aiplanner.checks.metrics import GOOD, metric_status
    from aiplanner.model.parts import EXIT_CHECK_TAG

    metrics = {m.id: m for m in plan.metrics}
    rows, styles = [], []
    for phase in plan.phases:
        if not phase.is_stage:
            continue
        for target in phase.exit_targets:
            metric = metrics.get(target.metric)
            if metric is None:
                continue
            status = metric_status(metric.model_copy(update={"target": target.target, "target_note": ""}))
            rows.append((phase.name, metric.name, target.target.text(metric.unit) + (" (derived)" if target.derived else ""),
                         status.words))
            styles.append("" if status.status in GOOD else "alert" if status.status != "no-data" else "")
        for task in plan.tasks:
            if task.phase == phase.id and EXIT_CHECK_TAG in task.tags:
                rows.append((phase.name, task.name, "done", f"{task.progress:g}% done"))
                styles.append("")
    if not rows:
        return None
    return TableSpec([Col("Stage", wrap=True, max_width=160), Col("Exit criterion", wrap=True, max_width=330),
                      Col("Target", wrap=True, max_width=160), Col("Now")], rows, styles)


def findings_flow(ctx: ReportContext) -> Flow:
    found = report_findings(ctx)
    flow = Flow("findings", "Findings")
    if found is None:
        return flow
    counts = {s: sum(f.severity == s for f in found) for s in ("error", "warning", "info")}
    caption = "Findings: " + " · ".join(f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in counts.items())
    summary = report_summary(ctx)
    pitfalls = {f"pitfall.{p.id}": p for p in summary.pitfalls} if summary is not None else {}
    rows, styles = [], []
    for f in found:
        what = f.message
        if f.rule in pitfalls:
            what = f"{pitfalls[f.rule].name} (a pitfall the source warns of): {f.message}"
        rows.append((f.severity.capitalize(), what, f.fix))
        styles.append("alert" if f.severity == "error" else "")
    if not rows:
        rows, styles = [("—", "The checks found nothing to report.", "")], [""]
    flow.items.append((caption, TableSpec(
        [Col("Severity"), Col("Finding", wrap=True, max_width=420), Col("Suggested fix", wrap=True, max_width=330)],
        rows, styles)))
    return flow


FLOWS: dict[str, Callable[[ReportContext], Flow]] = {
    "responsibilities": responsibilities_flow,
    "metrics": metrics_flow,
    "findings": findings_flow,
}


def flow_pages(ctx: ReportContext, sections: list[str]) -> list[Page]:
    """The stacked pages of consecutive flowing ``sections``."""
    from aiplanner.render.tables import TOP_GAP, paint_stacked_page, stack_tables

    flows = [f for f in (FLOWS[s](ctx) for s in sections) if f.items]
    if not flows:
        return []
    owner = {id(spec): flow for flow in flows for _, spec in flow.items}
    _, _, width, height = ctx.body
    stacked = stack_tables([item for flow in flows for item in flow.items], width * 72, height * 72 - TOP_GAP,
                           ctx.measure)
    pages, started = [], set()
    for items in stacked:
        present = list(dict.fromkeys(owner[id(spec)].title for _, spec, _, _ in items))
        first = owner[id(items[0][1])].title
        title = " · ".join(present)
        if first in started:
            title = title.replace(first, f"{first} (continued)", 1)
        started.update(present)
        section = owner[id(items[0][1])].section

        def draw(fig, rect, items=items):
            paint_stacked_page(fig, items, rect, ctx.measure)
        pages.append(Page(section, title, draw))
    return pages
