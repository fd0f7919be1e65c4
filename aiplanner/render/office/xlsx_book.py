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
from aiplanner.render.office.xlsx_cells import put, set_widths

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
    """What the workbook is and what it shows."""
    ws = wb.create_sheet("Summary")
    sched = ctx.schedule
    put(ws, 1, 1, ctx.plan.name, bold=True)
    ws.cell(row=1, column=1).font = ws.cell(row=1, column=1).font.copy(size=16)
    rows = [("Organisation", ctx.plan.organisation), ("Shows", ctx.shown),
            ("Start", sched.start), ("Finish (planned)", sched.finish),
            ("Duration (working days)", sched.duration), ("Printed", ctx.printed_utc.date())]
    if ctx.scenario_tag:
        rows.insert(1, ("Scenario", ctx.scenario_tag))
    r = 2
    for label, value in rows:
        if value in ("", None):
            continue
        r += 1
        put(ws, r, 1, label, bold=True)
        put(ws, r, 2, value, background="F0E442" if label == "Scenario" else None)
    set_widths(ws, {1: 28, 2: 70})
    return ws


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

