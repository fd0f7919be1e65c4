"""The report's "changes" section: the plan now against a saved baseline.

The comparison itself comes from :mod:`aiplanner.render.report.compare`
(the workshop's compare, laid out as rows); here it becomes stacked tables.
No baseline, no section.
"""

from __future__ import annotations

from aiplanner.render.analyses import optional_module
from aiplanner.render.report.context import Page, ReportContext, stacked_pages
from aiplanner.render.tables import Col, TableSpec

__all__ = ["changes_pages"]


def changes_pages(ctx: ReportContext) -> list[Page]:
    """Summary, moved tasks, people and findings since the chosen baseline."""
    from aiplanner.render.gantt.timeline import chosen_baseline

    baseline = chosen_baseline(ctx.plan, ctx.options.baseline)
    if baseline is None:  # no baseline: nothing to compare (and nothing to import for it)
        return []
    module = optional_module("aiplanner.render.report.compare")
    if module is None:
        return []
    section = module.compare_section(ctx.plan, a=f"baseline:{baseline.name}", risk=False)
    if section is None:
        return []
    wrap = {"Task", "Finding", "Person"}
    specs = [("Summary", TableSpec([Col("Measure"), Col("Change", wrap=True, max_width=600)],
                                   [tuple(row) for row in section.summary]))]
    if section.task_rows:
        caption = "Tasks that moved, most impact first"
        if section.more_tasks:
            caption += f" ({section.more_tasks} more not shown)"
        specs.append((caption, TableSpec(
            [Col(c, "right" if c.endswith("±") else "left", c in wrap, 260) for c in section.task_columns],
            section.task_rows, section.task_styles)))
    if section.people_rows:
        specs.append(("People", TableSpec([Col(c, "left", c in wrap, 200) for c in section.people_columns],
                                          section.people_rows)))
    if section.finding_rows:
        specs.append(("Findings", TableSpec([Col(c, "left", c in wrap, 600) for c in section.finding_columns],
                                            section.finding_rows)))
    return stacked_pages(ctx, "changes", section.title, specs, section.subtitle)
