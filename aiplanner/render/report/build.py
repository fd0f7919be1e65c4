"""The paginated PDF report a PMO hands to executives.

Sections (see :data:`aiplanner.render.options.SECTIONS`) each turn into
pages; the pages are planned first so every footer can say "n / N", then
drawn one by one into a :class:`~matplotlib.backends.backend_pdf.PdfPages`
(vector, TrueType text that can be selected and searched). A section whose
data the plan lacks (no people, no metrics ...) or whose computing module is
not part of this build is left out, never faked.

The bytes are the same for the same plan and options when the printed date
is fixed (``ReportOptions.printed`` or ``SOURCE_DATE_EPOCH``).
"""

from __future__ import annotations

import io

from aiplanner.render.options import ProgressCallback, ReportOptions, silent
from aiplanner.render.report.context import MARGIN, Page, ReportContext
from aiplanner.render.report.flows import flow_pages
from aiplanner.render.report.sections import BUILDERS, FLOWING
from aiplanner.render.style import INK, MUTED

__all__ = ["build_report", "plan_pages", "report_pages", "draw_page"]

#: Sections that need none of the analyses a helper process may be working out
#: (see :mod:`aiplanner.render.report.prefetch`): they are laid out while it works.
#: (Not the milestone page: it reads the executive summary, which the helper computes.)
WITHOUT_ANALYSES = frozenset({"timeline", "changes", "tasks", "responsibilities", "metrics"})


def plan_pages(ctx: ReportContext, progress: ProgressCallback = silent,
               done: dict[str, list[Page]] | None = None) -> list[Page]:
    """Every page of the report in order (nothing drawn yet); ``done`` holds the pages
    of sections laid out already (see :func:`_plan_sections`). Responsibilities, metrics
    and findings in a row share their pages (:mod:`aiplanner.render.report.flows`)."""
    sections = list(ctx.options.sections)
    runs: list[list[str]] = []  # the sections in order, a run of flowing ones as one item
    for section in sections:
        if section in FLOWING and runs and runs[-1][0] in FLOWING:
            runs[-1].append(section)
        else:
            runs.append([section])
    pages: list[Page] = []
    for n, run in enumerate(runs):
        if run[0] in FLOWING:
            progress(0.05 + 0.15 * sections.index(run[0]) / max(len(sections), 1), f"preparing {', '.join(run)}")
            pages.extend(flow_pages(ctx, run))
            continue
        section = run[0]
        if done and section in done:
            pages.extend(done[section])
        else:
            pages.extend(_plan_sections(ctx, [section], progress)[section])
    return pages


def _plan_sections(ctx: ReportContext, sections: list[str], progress: ProgressCallback) -> dict[str, list[Page]]:
    built: dict[str, list[Page]] = {}
    total = max(len(ctx.options.sections), 1)
    for section in sections:
        progress(0.05 + 0.15 * list(ctx.options.sections).index(section) / total, f"preparing {section}")
        built[section] = BUILDERS[section](ctx)
    return built


def _frame(fig, ctx: ReportContext, page: Page, number: int, total: int) -> None:
    from aiplanner.render.page import fig_text, paint_footer

    w, h = ctx.page_width, ctx.page_height
    if page.title:
        fig_text(fig, MARGIN, h - 0.42, page.title, fontsize=13, weight="bold", color=INK, va="baseline")
        if page.subtitle:
            # never past the page edge (a portrait page is narrow for a long subtitle)
            fig_text(fig, MARGIN, h - 0.57, ctx.measure.fit(page.subtitle, 7.5, (w - 2 * MARGIN) * 72), fontsize=7.5,
                     color=MUTED, va="baseline")
        fig_text(fig, w - MARGIN, h - 0.42, ctx.plan.name, fontsize=7.5, color=MUTED, va="baseline", ha="right")
        fig.add_artist(_hline(fig, MARGIN, w - MARGIN, h - 0.62))
    printed = ctx.options.printed_at
    paint_footer(fig, number, total, f"{ctx.plan.name} · printed {printed:%d %b %Y}", (MARGIN, 0.22))


def _hline(fig, x0: float, x1: float, y: float):
    from matplotlib.lines import Line2D

    fw, fh = fig.get_size_inches()
    return Line2D([x0 / fw, x1 / fw], [y / fh, y / fh], transform=fig.transFigure, color=MUTED, lw=0.6)


def report_pages(plan, options: ReportOptions, progress: ProgressCallback = silent):
    """The report planned: its :class:`ReportContext` and every :class:`Page` (nothing drawn yet).

    Call inside :func:`aiplanner.render.style.mpl_context`. Raises
    :class:`InvalidPlanError` when the plan has nothing for the sections asked.
    """
    from aiplanner.schedule import schedule_plan

    progress(0.0, "scheduling")
    schedule = schedule_plan(plan)
    ctx = ReportContext(plan, schedule, options)
    pages = plan_pages(ctx, progress)
    if not pages:
        from aiplanner.model.errors import InvalidPlanError, Problem

        raise InvalidPlanError([Problem("", f"nothing to show: the plan has no data for the sections "
                                            f"{', '.join(options.sections)}")])
    return ctx, pages


def draw_page(ctx: ReportContext, page: Page, number: int, total: int):
    """Page ``number`` of ``total`` as a matplotlib figure, framed (title, footer): what the PDF
    prints, and what the window's print preview shows."""
    from aiplanner.render.canvas import plain_letters
    from aiplanner.render.pdf_paths import grouping_figure

    fig = grouping_figure((ctx.page_width, ctx.page_height))
    page.draw(fig, ctx.body)
    _frame(fig, ctx, page, number, total)
    plain_letters(fig)
    return fig


def build_report(plan, options: ReportOptions, progress: ProgressCallback = silent, source: str = "",
                 parallel: bool = False) -> bytes:
    """The PDF report of ``plan`` as bytes.

    Parameters
    ----------
    plan : aiplanner.model.Plan
    options : ReportOptions
    progress
        Called with (fraction, message) as pages are prepared and drawn.
    source
        The plan's file name (PDF subject metadata).
    parallel
        For a one-off process such as the command line: work out the analyses
        (checks, Monte Carlo, load, network layouts) in a forked helper while
        this process loads matplotlib (see :mod:`aiplanner.render.report.prefetch`),
        and let matplotlib skip its artists' help texts
        (:func:`~aiplanner.render.style.skip_artist_docstrings`). The report is
        the same either way.
    """
    from aiplanner.schedule import schedule_plan

    progress(0.0, "scheduling")
    schedule = schedule_plan(plan)
    ctx = ReportContext(plan, schedule, options)
    helper = None
    if parallel:
        from aiplanner.render.report import prefetch

        helper = prefetch.start(ctx)
    early: dict[str, list[Page]] = {}
    try:
        if parallel:  # a one-off command: matplotlib need not write its artists' help texts
            from aiplanner.render.style import skip_artist_docstrings

            skip_artist_docstrings()
        from matplotlib.backends.backend_pdf import PdfPages

        from aiplanner.render.style import lean_font_subsets, mpl_context

        if helper is not None:  # lay out what needs no analysis while the helper works
            with mpl_context():
                early = _plan_sections(ctx, [s for s in options.sections
                                             if s in WITHOUT_ANALYSES and s not in FLOWING], progress)
    finally:
        if helper is not None:
            helper.collect(ctx)  # whatever came is used; the sections compute the rest
    printed = options.printed_at
    buffer = io.BytesIO()
    with mpl_context():
        pages = plan_pages(ctx, progress, early)
        if not pages:
            from aiplanner.model.errors import InvalidPlanError, Problem

            raise InvalidPlanError([Problem("", f"nothing to show: the plan has no data for the sections "
                                                f"{', '.join(options.sections)}")])
        metadata = {
            "Title": plan.name,
            "Author": plan.organisation or options.author,
            "Subject": f"Rollout plan report{f' ({source})' if source else ''}",
            "Keywords": "AI operating model; rollout plan; Gantt",
            "Creator": "aiplanner",
            "CreationDate": printed,
            "ModDate": printed,
        }
        with lean_font_subsets(), PdfPages(buffer, metadata=metadata) as pdf:
            for number, page in enumerate(pages, start=1):
                progress(0.2 + 0.8 * (number - 1) / len(pages), f"page {number} / {len(pages)}: {page.section}")
                pdf.savefig(draw_page(ctx, page, number, len(pages)))
    progress(1.0, f"{len(pages)} pages")
    return buffer.getvalue()
