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

__all__ = ["report_options", "export_pdf", "export_png", "export_svg", "chart_figure", "gantt_figure"]


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


def gantt_figure(plan, schedule, options: ReportOptions):
    """The whole timeline on one figure sized to fit it (for PNG/SVG)."""
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
    fig.set_size_inches(width, height)
    paint_title(fig, plan, schedule, (margin, height - margin - 0.4, width - 2 * margin, 0.4))
    paint_gantt(fig, scene, (margin, height - margin - 0.45 - body, width - 2 * margin, body),
                (0, len(scene.rows)), (scene.x_min, scene.x_max), table, measure, geometry)
    paint_legend(fig, scene, (margin, margin), width - 2 * margin, measure)
    return fig


def chart_figure(plan, schedule, chart: str, options: ReportOptions):
    """One chart (``gantt``, ``network``, ``load`` or ``risk``) as a figure."""
    if chart not in CHARTS:
        raise InvalidPlanError([Problem("", f"unknown chart {chart!r}; choose from {', '.join(CHARTS)}")])
    if chart == "gantt":
        return gantt_figure(plan, schedule, options)
    from aiplanner.render import charts

    return charts.chart_figure(plan, schedule, chart, options)


def _image(request: ExportRequest, fmt: str) -> bytes:
    from aiplanner.render.canvas import plain_letters
    from aiplanner.render.style import mpl_context
    from aiplanner.schedule import schedule_plan

    options = checked_options(request)
    request.progress(0.0, "scheduling")
    plan = drawable(request.plan)
    schedule = schedule_plan(plan)
    request.progress(0.3, f"drawing the {request.option('chart', 'gantt')} chart")
    with mpl_context():
        fig = chart_figure(plan, schedule, request.option("chart", "gantt"), options)
        plain_letters(fig)
        buffer = io.BytesIO()
        request.progress(0.7, f"writing {fmt.upper()}")
        if fmt == "png":
            fig.savefig(buffer, format="png", dpi=int(request.option("dpi", 150)),
                        metadata={"Software": None}, facecolor="white")
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

    return build_report(drawable(request.plan), checked_options(request), request.progress, source=request.source)


def drawable(plan):
    """``plan`` without U+FEFF (a stray byte-order mark pasted into a name): it is
    invisible, and matplotlib's PDF writer fails on it."""
    text = plan.model_dump_json()
    if "\ufeff" not in text:
        return plan
    return type(plan).model_validate_json(text.replace("\ufeff", ""))
