"""The report's coverage section: the source's four dimensions and twelve functions against the plan.

One group per dimension, one row per function: the work in the plan that
does it, the key roles that carry it and who holds them, what the
responsibility matrix says, and whether it is covered. Functions no work
covers are printed in the alert colour. The same reading as the window's
Coverage view (:func:`aiplanner.checks.coverage.plan_coverage`).
"""

from __future__ import annotations

from aiplanner.render.analyses import optional_module
from aiplanner.render.report.context import Page, ReportContext, table_pages
from aiplanner.render.tables import Col, TableSpec

__all__ = ["coverage_pages"]

_STATUS = {"covered": "covered", "gap": "GAP: no work", "assessed only": "GAP: only assessed",
           "optional": "optional (source: custom AI needs only)"}


def coverage_pages(ctx: ReportContext) -> list[Page]:
    coverage = optional_module("aiplanner.checks.coverage")
    if coverage is None or not ctx.plan.tasks:
        return []
    from aiplanner.catalog import load_catalog

    plan = ctx.plan
    catalog = load_catalog()
    rows_of = ctx.once("coverage", lambda: coverage.plan_coverage(plan, catalog=catalog))
    names = {t.id: t.name for t in plan.tasks}
    people = {p.id: p.name for p in plan.people}
    roles = {r.id: r.name for r in catalog.roles} | {r.id: r.name for r in plan.roles}
    rows, styles = [], []
    dimension = None
    for row in rows_of:
        if row.dimension != dimension:
            dimension = row.dimension
            members = [r for r in rows_of if r.dimension == dimension]
            covered = sum(1 for r in members if r.status == "covered")
            rows.append((row.dimension_name, f"{covered} of {len(members)} functions covered", "", "", ""))
            styles.append("group")
        work = "; ".join(names.get(t, t) for t in row.tasks) or (
            "Assessment only: " + "; ".join(names.get(t, t) for t in row.assessed) if row.assessed else "—")
        role_names = ", ".join(roles.get(r, r) for r in row.roles) or "—"
        holders = ", ".join(people.get(p, p) for p in row.holders)
        if row.roles and plan.people:
            role_names += f": {holders}" if holders else ": nobody holds it"
        matrix = "; ".join(f"{fn}: {cells}" for fn, cells in row.matrix) or "—"
        rows.append((row.name, work, role_names, matrix, _STATUS[row.status]))
        styles.append("alert" if row.flagged else "")
    flagged = sum(1 for r in rows_of if r.flagged)
    timeline = catalog.timeline
    subtitle = (f"{sum(1 for r in rows_of if r.status == 'covered')} of {len(rows_of)} functions have work"
                f"{f', {flagged} uncovered (alert colour)' if flagged else ''} · functions and dimensions are the "
                "source's; which work, roles and matrix rows count for each is derived · full maturity: "
                f"{timeline.maturity_months.min}-{timeline.maturity_months.max} months")
    spec = TableSpec([Col("Function", wrap=True, max_width=120), Col("Work in the plan", wrap=True, max_width=300),
                      Col("Key roles", wrap=True, max_width=170), Col("Responsibility matrix", wrap=True, max_width=200),
                      Col("Status", wrap=True, max_width=110)], rows, styles)
    return table_pages(ctx, "coverage", "Coverage of the operating model", spec, subtitle)
