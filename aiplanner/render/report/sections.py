"""The report's sections: each builder returns the :class:`Page` list of one section.

A builder returns ``[]`` when its data is absent (no people, no metrics) or
when the module that computes it is not part of this build; the report then
simply has no such section.
"""

from __future__ import annotations

from collections.abc import Callable

from aiplanner.render.report import changes, charts, cover, network
from aiplanner.render.report.context import (Page, ReportContext, report_findings, report_load, stacked_pages,
                                              table_pages)
from aiplanner.render.tables import Col, TableSpec

__all__ = ["BUILDERS"]


# -- timeline ------------------------------------------------------------------
def timeline(ctx: ReportContext) -> list[Page]:
    from aiplanner.render.page import paint_legend
    from aiplanner.render.gantt.timeline import plan_timeline_pages

    _, _, width, height = ctx.body
    legend_h = 0.4  # a first guess; planned again if the legend needs more rows
    while True:
        scene, table, pages, geometry = plan_timeline_pages(ctx.plan, ctx.schedule, ctx.options,
                                                  (width, height - legend_h - 0.3), ctx.measure)
        needed = paint_legend(None, scene, None, width, ctx.measure, dry_run=True)
        if needed <= legend_h:
            break
        legend_h = needed
    n_rows = len(scene.rows)
    out = []
    for page in pages:
        a, b = page.rows
        sub = f"Rows {a + 1}–{b} of {n_rows} · {scene.date_at(page.xlim[0]):%d %b %Y} – " \
              f"{scene.date_at(page.xlim[1] - 1):%d %b %Y}"
        if page.parts > 1:
            sub += f" · part {page.part} of {page.parts} in time"
        out.append(Page("timeline", "Timeline", _timeline_drawer(ctx, scene, table, page, geometry), sub))
    return out


def _timeline_drawer(ctx, scene, table, page, geometry) -> Callable:
    def draw(fig, rect):
        from aiplanner.render.gantt.painter import paint_gantt
        from aiplanner.render.page import paint_legend
        from aiplanner.render.gantt.parts import mark_overlaps

        left, bottom, width, height = rect
        a, b = page.rows
        body = geometry.header_height + (b - a) * geometry.row_height
        axes = paint_gantt(fig, scene, (left, bottom + height - body - 0.12, width, body), page.rows, page.xlim,
                           table, ctx.measure, geometry)
        mark_overlaps(axes, page)
        paint_legend(fig, scene, (left, bottom), width, ctx.measure)
    return draw


# -- tables --------------------------------------------------------------------
def tasks(ctx: ReportContext) -> list[Page]:
    plan, sched = ctx.plan, ctx.schedule
    roles = {r.id: r.name for r in plan.roles}
    phases = {p.id: p.name for p in plan.phases}
    rows, styles = [], []
    for phase in plan.phases + [None]:
        members = [t for t in plan.tasks if (t.phase == phase.id if phase else t.phase not in phases)]
        if not members:
            continue
        if phase is not None and phase.id in sched.phases:
            span = sched.phases[phase.id]
            rows.append(("", phase.name, span.start.isoformat(), span.finish.isoformat(), str(span.duration), "", ""))
            styles.append("group")
        for task in members:
            t = sched.tasks[task.id]
            demand = ", ".join(f"{roles.get(d.role, d.role)} {d.fte:g}" for d in task.demands)
            rows.append((task.id, task.name + (" ◆" if t.milestone else ""),
                         t.start.isoformat(), t.finish.isoformat(), str(t.duration), str(t.total_float), demand))
            styles.append("alert" if t.critical else "")
    spec = TableSpec([Col("ID"), Col("Task", wrap=True, max_width=300),
                      Col("Start"), Col("Finish"), Col("Days", "right"), Col("Float", "right"),
                      Col("Roles (FTE)", wrap=True, max_width=200)], rows, styles)
    return table_pages(ctx, "tasks", "Tasks", spec,
                       "Grouped by phase · critical tasks (float 0) in the critical colour · days and float in working days · ◆ milestone")


def staffing(ctx: ReportContext) -> list[Page]:
    plan = ctx.plan
    if not plan.roles and not plan.people:
        return []
    load = report_load(ctx)
    people = {p.id: p for p in plan.people}
    holders: dict[str, list[str]] = {}
    for a in plan.assignments:
        name = people[a.person].name if a.person in people else a.person
        holders.setdefault(a.role, []).append(name if a.share == 1 else f"{name} ({a.share:.0%})")
    unstaffed = {u.role for u in load.unstaffed_roles()} if load else set()
    demand = {}
    if load is not None:
        for i, role in enumerate(load.roles):
            demand[role] = float(load.role_demand[i].sum())
    rows, styles = [], []
    for role in plan.roles:
        status = "nobody holds it" if role.id in unstaffed else ("" if holders.get(role.id) else "not staffed")
        rows.append((role.name, ", ".join(holders.get(role.id, [])) or "—", f"{demand.get(role.id, 0.0):.1f}", status))
        styles.append("alert" if status else "")
    specs = [("Roles", TableSpec([Col("Role", wrap=True, max_width=180), Col("Held by", wrap=True, max_width=360),
                                  Col("Demand (person-days)", "right"), Col("Status")], rows, styles))]
    if plan.people:
        over = {}
        if load is not None:
            for o in load.over_allocations():
                over[o.person] = over.get(o.person, 0) + o.days
        names = {r.id: r.name for r in plan.roles}
        prow, pstyle = [], []
        for person in plan.people:
            held = ", ".join(names.get(a.role, a.role) for a in plan.assignments if a.person == person.id)
            away = sum((ab.end - ab.start).days + 1 for ab in person.absences)
            days = over.get(person.id, 0)
            prow.append((person.name, held or "—", f"{person.capacity:g}", f"{away}" if away else "",
                         f"{days}" if days else ""))
            pstyle.append("alert" if days else "")
        specs.append(("People", TableSpec(
            [Col("Person", wrap=True, max_width=180), Col("Roles", wrap=True, max_width=360),
             Col("Capacity (FTE)", "right"), Col("Days absent", "right"), Col("Over-allocated days", "right")],
            prow, pstyle)))
    return stacked_pages(ctx, "staffing", "Roles and staffing", specs,
                         "Demand summed over the plan · share of a role in brackets · "
                         "over-allocated: working days above capacity")


def responsibilities(ctx: ReportContext) -> list[Page]:
    matrix = ctx.plan.responsibilities
    if not matrix.rows:
        return []
    parties = list(matrix.parties) or sorted({p for r in matrix.rows for p in r.cells})
    cols = [Col("Function", wrap=True, max_width=200)] + [Col(p, wrap=True, max_width=220) for p in parties]
    rows = [tuple([r.function] + [r.cells.get(p, "") for p in parties]) for r in matrix.rows]
    return table_pages(ctx, "responsibilities", "Responsibility matrix", TableSpec(cols, rows))


def metrics(ctx: ReportContext) -> list[Page]:
    items = ctx.plan.metrics
    if not items:
        return []
    rows = [(m.category.capitalize(), m.name, m.target, m.unit, m.measurement, m.current) for m in items]
    return table_pages(ctx, "metrics", "Metrics and targets", TableSpec(
        [Col("Category"), Col("Metric", wrap=True, max_width=200), Col("Target", wrap=True, max_width=150),
         Col("Unit"), Col("How measured", wrap=True, max_width=200), Col("Current", wrap=True, max_width=120)],
        rows))


def findings(ctx: ReportContext) -> list[Page]:
    found = report_findings(ctx)
    if found is None:
        return []
    rows = [(f.severity.capitalize(), f.message, f.fix) for f in found] or [("—", "The checks found nothing to report.", "")]
    styles = ["alert" if f.severity == "error" else "" for f in found]
    counts = {s: sum(f.severity == s for f in found) for s in ("error", "warning", "info")}
    sub = " · ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
    return table_pages(ctx, "findings", "Findings", TableSpec(
        [Col("Severity"), Col("Finding", wrap=True, max_width=420), Col("Suggested fix", wrap=True, max_width=330)],
        rows, styles), sub)


def _cover(ctx: ReportContext) -> list[Page]:
    return [cover.cover_page(ctx)]


BUILDERS: dict[str, Callable[[ReportContext], list[Page]]] = {
    "cover": _cover,
    "timeline": timeline,
    "changes": changes.changes_pages,
    "tasks": tasks,
    "network": network.network_pages,
    "staffing": staffing,
    "load": charts.load_pages,
    "responsibilities": responsibilities,
    "metrics": metrics,
    "findings": findings,
    "risk": charts.risk_pages,
}
