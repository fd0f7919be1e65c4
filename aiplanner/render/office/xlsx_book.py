"""``aiplanner export FILE --to xlsx``: the status pack as an Excel workbook.

Sheets: Summary, Tasks and Timeline (:mod:`~aiplanner.render.office.xlsx_plan`),
Load, Findings, Metrics and Baseline vs current
(:mod:`~aiplanner.render.office.xlsx_status`). Text is always stored as text
(:mod:`~aiplanner.render.office.xlsx_cells`), dates as dates. A scenario's
workbook has yellow sheet tabs and says so on its Summary. The same plan and
options give the same bytes under ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import io

from aiplanner.io.exporters import ExportRequest
from aiplanner.render.office.context import OfficeContext
from aiplanner.render.office.package import fixed_zip, xml_text
from aiplanner.render.office.xlsx_cells import fit_row, font, header_row, put, set_widths

__all__ = ["export_xlsx", "build_workbook", "summary_sheet"]


def _properties(wb, ctx: OfficeContext) -> None:
    props = wb.properties
    props.title = xml_text(ctx.plan.name)[:255]
    props.creator = xml_text(ctx.plan.organisation or "aiplanner")[:255]
    props.subject = xml_text(ctx.shown)[:255]
    props.keywords = "AI operating model; rollout plan; status pack"
    props.lastModifiedBy = "aiplanner"
    props.created = ctx.printed_utc
    props.modified = ctx.printed_utc


def summary_sheet(wb, ctx: OfficeContext):
    """The executive summary (:class:`~aiplanner.checks.summary.ExecutiveSummary`): the status of
    each area, the key figures as dates and numbers, and the cover's sentences."""
    from aiplanner.checks.domain import pattern_name
    from aiplanner.render.style import RAG_COLOURS

    ws = wb.create_sheet("Summary")
    sched = ctx.schedule
    put(ws, 1, 1, ctx.plan.name, bold=True).font = font(bold=True, size=16)
    meta = " · ".join(m for m in (ctx.plan.organisation, pattern_name(ctx.plan.pattern) if ctx.plan.pattern else "",
                                  ctx.shown) if m)
    put(ws, 2, 1, meta, colour="5F5F5F")
    row = 2
    if ctx.scenario_tag:
        row += 1
        put(ws, row, 1, ctx.scenario_tag, bold=True, background="F0E442")
    summary = ctx.summary
    figures: list[tuple[str, object, str | None]] = [("Start", sched.start, None), ("Finish (planned)", sched.finish, None),
                                                     ("Duration (working days)", sched.duration, "0")]
    if summary is not None:
        row += 2
        header_row(ws, row, ["Area", "Status", "Why", "How the colour is set"])
        for area in summary.areas:
            row += 1
            put(ws, row, 1, area.area.capitalize(), bold=True)
            put(ws, row, 2, {"grey": "not judged"}.get(area.rag, area.rag), bold=True, colour="FFFFFF",
                background=RAG_COLOURS[area.rag].lstrip("#"))
            put(ws, row, 3, area.why, wrap=True)
            put(ws, row, 4, area.rule, wrap=True)
            fit_row(ws, row, {3: 60, 4: 90})
        figures += _figures(summary)
    row += 2
    header_row(ws, row, ["Figure", "Value"])
    for label, value, number_format in figures:
        if value is None:
            continue
        row += 1
        put(ws, row, 1, label, bold=True)
        put(ws, row, 2, value, number_format=number_format, align="left")
    if summary is not None:
        from aiplanner.render.report.cover import summary_lines

        for heading, lines in summary_lines(summary).items():
            row += 2
            put(ws, row, 1, heading, bold=True)
            for style, text in lines:
                row += 1
                put(ws, row, 1, ("• " if style == "item" else "") + text, bold=style in ("strong", "big"),
                    colour="5F5F5F" if style == "note" else None)
    row += 2
    put(ws, row, 1, "Printed", bold=True)
    put(ws, row, 2, ctx.printed_utc.date(), align="left")
    set_widths(ws, {1: 34, 2: 16, 3: 60, 4: 90})
    return ws


def _figures(summary) -> list[tuple[str, object, str | None]]:
    """The summary's figures as (label, value, number format): real dates and numbers."""
    out: list[tuple[str, object, str | None]] = []
    if summary.risk is not None:
        risk = summary.risk
        out += [("Finish, 50% likely by (P50)", risk.p50, None), ("Finish, 80% likely by (P80)", risk.p80, None),
                ("Chance of finishing by the planned date", risk.chance, "0.00%"),
                ("Monte Carlo runs (seed)", f"{risk.iterations} (seed {risk.seed})", None)]
    progress = summary.progress
    out += [("Status date", progress.status_date, None),
            ("Complete (earned)", progress.complete / 100.0, "0.0%"),
            ("Planned by the status date", progress.planned / 100.0 if progress.planned is not None else None, "0.0%")]
    if summary.slip is not None:
        out += [(f"Baseline '{summary.slip.baseline}' finish", summary.slip.baseline_finish, None),
                ("Slip against the baseline (working days)", summary.slip.days, "+0;-0;0")]
    out += [("People over capacity", len(summary.overloaded), "0"),
            ("Open pitfalls", len(summary.pitfalls), "0")]
    out += [(f"Findings: {severity}s", count, "0") for severity, count in summary.findings.items()]
    return out


def build_workbook(ctx: OfficeContext) -> bytes:
    """The workbook of ``ctx`` as .xlsx bytes."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    from aiplanner.render.office.xlsx_plan import tasks_sheet, timeline_sheet
    from aiplanner.render.office.xlsx_status import baseline_sheet, findings_sheet, load_sheet, metrics_sheet

    wb = Workbook()
    wb.remove(wb.active)
    _properties(wb, ctx)
    steps = (("summary", summary_sheet), ("tasks", tasks_sheet), ("timeline", timeline_sheet), ("load", load_sheet),
             ("findings", findings_sheet), ("metrics", metrics_sheet), ("baseline", baseline_sheet))
    for n, (name, make) in enumerate(steps):
        ctx.progress(0.1 + 0.8 * n / len(steps), f"sheets: {name}")
        make(wb, ctx)
    for ws in wb.worksheets:  # printed: landscape, one page wide, header rows on every page
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        if ws.freeze_panes:
            ws.print_title_rows = f"1:{ws[ws.freeze_panes].row - 1}"
        if ctx.scenario:
            ws.sheet_properties.tabColor = "F0E442"
    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which stamps "modified" with the clock.
    with ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()
    return fixed_zip(buffer.getvalue(), ctx.printed_utc)


def export_xlsx(request: ExportRequest) -> bytes:
    """The Excel workbook (``--to xlsx``)."""
    request.progress(0.0, "scheduling")
    ctx = OfficeContext(request)
    data = build_workbook(ctx)
    request.progress(1.0, "done")
    return data

