"""The export functions behind ``--to pdf|png|svg`` (see :mod:`aiplanner.io.exporters`).

Each takes an :class:`~aiplanner.io.exporters.ExportRequest` and returns the
file's bytes. The same bytes come out for the same plan, options and
``SOURCE_DATE_EPOCH`` (or fixed ``printed`` date).
"""

from __future__ import annotations

import io

from aiplanner.io.exporters import ExportRequest
from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.render.options import CHARTS, SECTIONS, ReportOptions

__all__ = ["report_options", "export_pdf", "export_png", "export_svg", "chart_figure", "gantt_figure",
           "MAX_PNG_PIXELS", "check_png_size"]

#: The largest PNG written: 50 megapixels, a 200 MB canvas (about 0.4 GB at the peak of
#: writing it). Larger charts are refused with the options that fit (PDF, SVG, --from/--to,
#: a lower --dpi): a 10,000-task Gantt at 150 dpi would be 5,602 x 270,285 pixels (6 GB).
MAX_PNG_PIXELS = 50_000_000
_CHART_NAMES = {"gantt": "Gantt chart", "network": "dependency network", "load": "load chart", "risk": "risk chart"}


def report_options(request: ExportRequest) -> ReportOptions:
    """Report options from the command's options (``None`` = default)."""
    opt = request.option
    try:
        return ReportOptions(
            paper=opt("paper", "a4"),
            orientation=opt("orientation", "landscape"),
            sections=tuple(opt("sections", SECTIONS)),
            date_from=opt("date_from"),
            date_to=opt("date_to"),
            fit=opt("fit", "split"),
            columns=tuple(opt("columns", ("start", "finish"))),
            today=opt("today"),
            scale=opt("scale", "auto"),
            baseline=opt("baseline", "latest"),
            seed=int(opt("seed", 1)),
            iterations=int(opt("iterations", 10_000)),
        )
    except ValueError as exc:
        raise InvalidPlanError([Problem("", str(exc))]) from None


def checked_options(request: ExportRequest) -> ReportOptions:
    """:func:`report_options`, with the baseline name checked against the plan."""
    from aiplanner.render.gantt.timeline import chosen_baseline

    options = report_options(request)
    try:
        chosen_baseline(request.plan, options.baseline)
    except ValueError as exc:
        raise InvalidPlanError([Problem("$.baselines", str(exc))], request.source or None) from None
    return options


def check_png_size(width: float, height: float, dpi: int, chart: str, plan, source=None) -> None:
    """Refuse a PNG of ``width`` x ``height`` inches at ``dpi`` above :data:`MAX_PNG_PIXELS`.

    Raises
    ------
    InvalidPlanError
        Naming the size it would have, and what to do instead: PDF (paginated)
        or SVG (vector), a narrower window, or the largest ``--dpi`` that fits.
    """
    wide, tall = round(width * dpi), round(height * dpi)
    if wide * tall <= MAX_PNG_PIXELS:
        return
    fits = int((MAX_PNG_PIXELS / (width * height)) ** 0.5)
    lower = f", or --dpi {fits} or lower" if fits >= 50 else ""  # below 50 dpi text is unreadable
    what = _CHART_NAMES.get(chart, chart)
    raise InvalidPlanError([Problem("", (
        f"the {what} of {len(plan.tasks):,} tasks would be a {wide:,} x {tall:,}-pixel PNG at {dpi} dpi "
        f"({wide * tall / 1e6:,.0f} megapixels; a PNG is limited to {MAX_PNG_PIXELS / 1e6:.0f}): export it as "
        f"PDF (--to pdf: the report, paginated) or SVG (--to svg: vector, any size), narrow it with "
        f"--from/--to{lower}"))], source or None)


def gantt_figure(plan, schedule, options: ReportOptions, check_size=None):
    """The whole timeline on one figure sized to fit it (for PNG/SVG).

    ``check_size(width, height)`` (inches) is called once the size is known and
    before anything is drawn: it may refuse (see :func:`check_png_size`).
    """
    from matplotlib.figure import Figure

    from aiplanner.render.gantt.painter import paint_gantt
    from aiplanner.render.gantt.table import GanttGeometry, plan_table
    from aiplanner.render.page import paint_legend, paint_title
    from aiplanner.render.style import TextMeasure
    from aiplanner.render.gantt.timeline import CELL_DAYS, MIN_CELL, timeline_scene

    measure = TextMeasure()
    geometry = GanttGeometry()
    scene = timeline_scene(plan, schedule, options, options.scale)
    table = plan_table(scene, measure, max_width=4.0 * 72)
    span = scene.x_max - scene.x_min
    chart_w = min(max(span * MIN_CELL[scene.scale] / CELL_DAYS[scene.scale] * 1.4, 7.0), 40.0)
    margin = 0.3
    width = table.width / 72 + chart_w + 2 * margin
    body = geometry.header_height + max(len(scene.rows), 1) * geometry.row_height
    fig = Figure(figsize=(width, 1.0))
    legend_h = paint_legend(fig, scene, None, width - 2 * margin, measure, dry_run=True)
    height = margin + 0.45 + body + 0.12 + legend_h + margin
    if check_size is not None:
        check_size(width, height)
    fig.set_size_inches(width, height)
    paint_title(fig, plan, schedule, (margin, height - margin - 0.4, width - 2 * margin, 0.4))
    paint_gantt(fig, scene, (margin, height - margin - 0.45 - body, width - 2 * margin, body),
                (0, len(scene.rows)), (scene.x_min, scene.x_max), table, measure, geometry)
    paint_legend(fig, scene, (margin, margin), width - 2 * margin, measure)
    return fig


def chart_figure(plan, schedule, chart: str, options: ReportOptions, check_size=None):
    """One chart (``gantt``, ``network``, ``load`` or ``risk``) as a figure (``check_size``: as
    :func:`gantt_figure`; the other charts are checked once drawn, before any pixel is made)."""
    if chart not in CHARTS:
        raise InvalidPlanError([Problem("", f"unknown chart {chart!r}; choose from {', '.join(CHARTS)}")])
    if chart == "gantt":
        return gantt_figure(plan, schedule, options, check_size)
    from aiplanner.render import charts

    fig = charts.chart_figure(plan, schedule, chart, options)
    if check_size is not None:
        check_size(*fig.get_size_inches())
    return fig


def _image(request: ExportRequest, fmt: str) -> bytes:
    from aiplanner.render.canvas import plain_letters
    from aiplanner.render.style import mpl_context
    from aiplanner.schedule import schedule_plan

    options = checked_options(request)
    if request.option("one_shot", False):
        from aiplanner.render.style import skip_artist_docstrings

        skip_artist_docstrings()
    request.progress(0.0, "scheduling")
    plan = drawable(request.plan)
    schedule = schedule_plan(plan)
    chart = request.option("chart", "gantt")
    dpi = int(request.option("dpi", 150))
    request.progress(0.3, f"drawing the {chart} chart")
    check = None
    if fmt == "png":
        def check(width: float, height: float) -> None:
            check_png_size(width, height, dpi, chart, plan, request.source)
    with mpl_context():
        fig = chart_figure(plan, schedule, chart, options, check)
        plain_letters(fig)
        buffer = io.BytesIO()
        request.progress(0.7, f"writing {fmt.upper()}")
        if fmt == "png":
            fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None}, facecolor="white")
        else:
            fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, facecolor="white")
    request.progress(1.0, "done")
    return buffer.getvalue()


def export_png(request: ExportRequest) -> bytes:
    """A chart as PNG (``--chart``, default the Gantt)."""
    return _image(request, "png")


def export_svg(request: ExportRequest) -> bytes:
    """A chart as SVG (``--chart``, default the Gantt)."""
    return _image(request, "svg")


def export_pdf(request: ExportRequest) -> bytes:
    """The paginated PMO report (see :mod:`aiplanner.render.report.build`)."""
    from aiplanner.render.report.build import build_report

    return build_report(drawable(request.plan), checked_options(request), request.progress, source=request.source,
                        parallel=bool(request.option("one_shot", False)))


def drawable(plan):
    """``plan`` without U+FEFF (a stray byte-order mark pasted into a name): it is
    invisible, and matplotlib's PDF writer fails on it."""
    text = plan.model_dump_json()
    if "\ufeff" not in text:
        return plan
    return type(plan).model_validate_json(text.replace("\ufeff", ""))
