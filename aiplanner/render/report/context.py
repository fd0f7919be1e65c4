"""The report's core: a planned :class:`Page`, the :class:`ReportContext` the sections share,
the page geometry, and the helpers every section uses (table pages, the load and
risk computed once per report).

Sections import this module; this module imports no section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aiplanner.render.analyses import optional_module
from aiplanner.render.options import ReportOptions
from aiplanner.render.style import TextMeasure
from aiplanner.render.tables import TableSpec

__all__ = ["Page", "ReportContext", "MARGIN", "HEAD", "FOOT", "table_pages", "stacked_pages", "report_load",
           "risk_summary", "report_findings", "report_summary"]

MARGIN = 0.45  # inches, left/right
HEAD = 0.62  # inches for the section title band
FOOT = 0.38  # inches for the footer


@dataclass(frozen=True)
class Page:
    """One planned page: its section title and the function that draws its body.

    ``draw(fig, rect)`` gets the body rectangle ``(left, bottom, width, height)``
    in inches. ``title`` empty: the page draws everything itself (the cover).
    """

    section: str
    title: str
    draw: Callable
    subtitle: str = ""


class ReportContext:
    """What the section builders share: plan, schedule, options, page geometry,
    text measurement, and the optional analyses computed once."""

    def __init__(self, plan, schedule, options: ReportOptions) -> None:
        self.plan = plan
        self.schedule = schedule
        self.options = options
        self.measure = TextMeasure()
        self.page_width, self.page_height = options.page_size
        self.body = (MARGIN, FOOT + 0.1, self.page_width - 2 * MARGIN, self.page_height - HEAD - FOOT - 0.1)
        self._cache: dict[str, object] = {}

    def once(self, key: str, compute: Callable[[], object]) -> object:
        """``compute()`` the first time ``key`` is asked for, then the same value."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]


def table_pages(ctx: ReportContext, section: str, title: str, spec: TableSpec, subtitle: str = "") -> list[Page]:
    """Pages showing ``spec``, header repeated, "(continued)" after the first."""
    return stacked_pages(ctx, section, title, [("", spec)], subtitle)


def stacked_pages(ctx: ReportContext, section: str, title: str, specs: list[tuple[str, TableSpec]],
                  subtitle: str = "") -> list[Page]:
    """Pages with several captioned tables flowing one after the other."""
    from aiplanner.render.tables import TOP_GAP, paint_stacked_page, stack_tables

    _, _, width, height = ctx.body
    pages = stack_tables(specs, width * 72, height * 72 - TOP_GAP, ctx.measure)

    def drawer(items) -> Callable:
        return lambda fig, rect: paint_stacked_page(fig, items, rect, ctx.measure)

    return [Page(section, title if i == 0 else f"{title} (continued)", drawer(items), subtitle)
            for i, items in enumerate(pages)]


def report_load(ctx: ReportContext):
    """The plan's load (computed once per report), or None without a load module or tasks."""
    load_module = optional_module("aiplanner.schedule.load")
    if load_module is None or not ctx.plan.tasks:
        return None
    return ctx.once("load", lambda: load_module.compute_load(ctx.plan, ctx.schedule))


def report_findings(ctx: ReportContext):
    """The plan-health findings (computed once per report), or None without the checks."""
    checks = optional_module("aiplanner.checks")
    if checks is None or not hasattr(checks, "run_checks"):
        return None
    return ctx.once("findings", lambda: checks.run_checks(ctx.plan, ctx.schedule))


def risk_summary(ctx: ReportContext):
    """The Monte Carlo result (cached), or None when this build cannot simulate
    or the plan has nothing to simulate."""
    montecarlo = optional_module("aiplanner.schedule.montecarlo")
    if montecarlo is None or not hasattr(montecarlo, "simulate") or not ctx.plan.tasks:
        return None
    opts = ctx.options
    return ctx.once("risk", lambda: montecarlo.simulate(ctx.plan, iterations=opts.iterations, seed=opts.seed))


def report_summary(ctx: ReportContext):
    """The executive summary (:mod:`aiplanner.checks.summary`) of the report's plan, computed once,
    from the same simulation, load and findings as the other pages; None without that module."""
    module = optional_module("aiplanner.checks.summary")
    if module is None or not ctx.plan.tasks:
        return None
    opts = ctx.options

    def compute():
        load = report_load(ctx) if ctx.plan.people or any(t.demands for t in ctx.plan.tasks) else None
        return module.executive_summary(ctx.plan, baseline=opts.baseline, today=opts.today, seed=opts.seed,
                                        iterations=opts.iterations, schedule=ctx.schedule,
                                        findings=report_findings(ctx), simulation=risk_summary(ctx), load=load)
    return ctx.once("summary", compute)
