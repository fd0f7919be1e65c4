"""The workbook's status sheets: Load, Findings, Metrics and Baseline vs current.

- **Load**: people × weeks of the date window, the load in person-days from
  :func:`~aiplanner.schedule.load.compute_load` (what ``aiplanner load``
  prints), tinted by the share of capacity and red (bold, white) in a week
  with a day over capacity — ``load``'s ``OVER``; below, each person's
  capacity in person-days, so the numbers can be checked and charted.
- **Findings**: every finding of the plan checks with its rule, severity,
  fix and the tasks, people, roles and phases it names; filterable.
- **Metrics**: targets and current values of the plan's metrics.
- **Baseline vs current**: every task's start, finish and duration in the
  chosen baseline and now, and the moves in working days (``aiplanner
  compare``'s figures).
"""

from __future__ import annotations

import datetime as dt

from aiplanner.render.office.context import OfficeContext, day_text
from aiplanner.render.office.package import hex_tint
from aiplanner.render.office.xlsx_cells import BOOLEAN, DAYS, fit_row, header_row, put, set_widths

__all__ = ["load_sheet", "findings_sheet", "metrics_sheet", "baseline_sheet"]

SEVERITY_COLOUR = {"error": hex_tint("#D55E00", 0.55), "warning": hex_tint("#E69F00", 0.6),
                   "info": hex_tint("#56B4E9", 0.65)}


def load_sheet(wb, ctx: OfficeContext):
    """People × weeks; None (no sheet) when the plan has no people."""
    import numpy as np

    from aiplanner.render.style import CRITICAL

    if ctx.load is None or not ctx.plan.people:
        return None
    table = ctx.load.table("person", "week")
    cols = [i for i, monday in enumerate(table.periods) if ctx.in_window(monday, monday + dt.timedelta(days=6))]
    if not table.ids or not cols:
        return None
    ws = wb.create_sheet("Load")
    names = {p.id: p.name for p in ctx.plan.people}
    capacity_fte = {p.id: p.capacity for p in ctx.plan.people}
    put(ws, 1, 1, "Load per person per week (person-days). Red: over capacity on a day of that week "
                  "(aiplanner load: OVER); blue: share of the week's capacity.", colour="5F5F5F")
    header_row(ws, 2, ["Person", "Capacity (FTE)"])
    for k, i in enumerate(cols):
        put(ws, 2, 3 + k, table.periods[i], number_format="d mmm", bold=True, background="F2F2F2")
    load, capacity, over = (np.asarray(a) for a in (table.load, table.capacity, table.over))
    n = len(table.ids)
    for r, pid in enumerate(table.ids):
        row = 3 + r
        put(ws, row, 1, names.get(pid, pid))
        put(ws, row, 2, capacity_fte.get(pid, 0.0), number_format="0.0#")
        for k, i in enumerate(cols):
            value = round(float(load[r, i]), 4)
            if bool(over[r, i]):
                put(ws, row, 3 + k, value, number_format="0.0", bold=True, colour="FFFFFF",
                    background=CRITICAL.lstrip("#"))
            elif value > 0:
                cap = float(capacity[r, i])
                share = round(min(value / cap, 1.0) * 20) / 20 if cap > 0 else 1.0  # 5% steps: 21 tints
                put(ws, row, 3 + k, value, number_format="0.0", background=hex_tint("#0072B2", 1 - 0.55 * share))
            else:
                put(ws, row, 3 + k, value, number_format="0.0")
    top = 3 + n + 1
    put(ws, top, 1, "Capacity per week (person-days)", bold=True)
    for r, pid in enumerate(table.ids):
        put(ws, top + 1 + r, 1, names.get(pid, pid))
        for k, i in enumerate(cols):
            put(ws, top + 1 + r, 3 + k, round(float(capacity[r, i]), 4), number_format="0.0")
    ws.freeze_panes = "C3"
    set_widths(ws, {1: 26, 2: 14, **{3 + k: 8 for k in range(len(cols))}})
    return ws


def findings_sheet(wb, ctx: OfficeContext):
    """Every finding of the plan checks."""
    ws = wb.create_sheet("Findings")
    header_row(ws, 1, ["Severity", "Rule", "Finding", "Suggested fix", "Tasks", "People", "Roles", "Phases"])
    row = 1
    for f in ctx.findings:
        row += 1
        put(ws, row, 1, f.severity, background=SEVERITY_COLOUR.get(f.severity))
        put(ws, row, 2, f.rule)
        put(ws, row, 3, f.message, wrap=True)
        put(ws, row, 4, f.fix, wrap=True)
        for k, items in enumerate((f.tasks, f.people, f.roles, f.phases)):
            put(ws, row, 5 + k, ", ".join(items), wrap=True)
        fit_row(ws, row, {3: 70, 4: 60, 5: 24, 6: 18, 7: 22, 8: 18})
    if row == 1:
        put(ws, 2, 3, "The checks found nothing to report.")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:H{max(row, 2)}"
    set_widths(ws, {1: 10, 2: 34, 3: 70, 4: 60, 5: 24, 6: 18, 7: 22, 8: 18})
    return ws


def metrics_sheet(wb, ctx: OfficeContext):
    """The plan's metrics judged against their targets (``aiplanner metrics``), then every
    recorded measurement as dated numbers (ready to chart); None (no sheet) without metrics."""
    from aiplanner.checks.metrics import statuses

    metrics = ctx.plan.metrics
    if not metrics:
        return None
    ws = wb.create_sheet("Metrics")
    header_row(ws, 1, ["ID", "Category", "Metric", "Target", "Derived target", "Unit", "How measured",
                       "Latest date", "Latest value", "Status", "Why"])
    judged = {s.metric: s for s in statuses(metrics)}
    for r, m in enumerate(metrics, start=2):
        status = judged.get(m.id)
        values = (m.id, m.category, m.name, status.target if status else "", bool(m.derived), m.unit,
                  m.how_measured, status.latest_date if status else None, status.latest_value if status else None,
                  status.words if status else "", status.reason if status else "")
        for k, value in enumerate(values):
            if value is not None:
                put(ws, r, 1 + k, value, wrap=k in (2, 6, 10), number_format=BOOLEAN if k == 4 else None)
        fit_row(ws, r, {3: 40, 7: 40, 11: 50})
    top = len(metrics) + 3
    put(ws, top, 1, "Measurements", bold=True)
    header_row(ws, top + 1, ["ID", "Metric", "Date", "Value", "Unit", "Note"])
    row = top + 1
    for m in metrics:
        for point in m.measurements:
            row += 1
            for k, value in enumerate((m.id, m.name, point.date, point.value, m.unit, point.note)):
                put(ws, row, 1 + k, value)
    if row == top + 1:
        put(ws, row + 1, 1, "No measurements recorded yet (aiplanner metric FILE --record METRIC_ID=VALUE).")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:K{len(metrics) + 1}"
    set_widths(ws, {1: 24, 2: 11, 3: 40, 4: 20, 5: 9, 6: 10, 7: 40, 8: 12, 9: 12, 10: 18, 11: 50})
    return ws


def baseline_sheet(wb, ctx: OfficeContext):
    """Each task in the chosen baseline and now; a note when no baseline is saved."""
    ws = wb.create_sheet("Baseline vs current")
    baseline = ctx.baseline
    if baseline is None:
        put(ws, 1, 1, "The plan has no saved baseline to compare with. Save one with "
                      "'aiplanner baseline FILE --name NAME' (or View > Capture baseline in the window).")
        set_widths(ws, {1: 110})
        return ws
    from aiplanner.checks.compare.deltas import compare

    result = compare(ctx.plan, f"baseline:{baseline.name}", "current", risk=False, findings=False)
    moved = {t.id: t for t in result.tasks}
    put(ws, 1, 1, "Baseline", bold=True)
    put(ws, 1, 2, baseline.name)
    put(ws, 1, 4, "captured")
    put(ws, 1, 5, baseline.created)
    put(ws, 2, 1, "Finish", bold=True)
    put(ws, 2, 2, result.finish_a)
    put(ws, 2, 4, "now")
    put(ws, 2, 5, result.finish_b)
    put(ws, 2, 7, "moved (working days)")
    put(ws, 2, 8, result.finish_delta, number_format="+0;-0;0", bold=True)
    header_row(ws, 4, ["ID", "Task", "Status", "Baseline start", "Baseline finish", "Baseline days",
                       "Start", "Finish", "Days", "Start moved", "Finish moved", "Days changed"])
    frozen = baseline.task_index()
    row = 4
    sched = ctx.schedule
    for task in ctx.plan.tasks:
        row += 1
        t = sched.tasks[task.id]
        delta = moved.get(task.id)
        base = frozen.get(task.id)
        status = delta.status if delta is not None else "unchanged"
        if status == "changed":
            status = "moved"
        put(ws, row, 1, task.id)
        put(ws, row, 2, task.name)
        put(ws, row, 3, status)
        if base is not None:
            put(ws, row, 4, base.start)
            put(ws, row, 5, base.finish)
            put(ws, row, 6, base.duration, number_format=DAYS)
        put(ws, row, 7, t.start)
        put(ws, row, 8, t.finish)
        put(ws, row, 9, t.duration, number_format=DAYS)
        if base is not None:
            for k, value in enumerate((delta.start_delta, delta.finish_delta, delta.duration_delta)
                                      if delta is not None else (0, 0, 0)):
                put(ws, row, 10 + k, value or 0, number_format="+0;-0;0",
                    colour="D55E00" if (value or 0) > 0 and k < 2 else None)
    for delta in result.tasks:  # in the baseline, no longer in the plan
        if delta.status != "removed":
            continue
        row += 1
        base = frozen[delta.id]
        for k, value in enumerate((delta.id, delta.name, "removed", base.start, base.finish, base.duration)):
            put(ws, row, 1 + k, value, number_format=DAYS if k == 5 else None)
    ws.freeze_panes = "C5"
    ws.auto_filter.ref = f"A4:L{max(row, 5)}"
    set_widths(ws, {1: 14, 2: 44, 3: 11, 4: 14, 5: 14, 6: 12, 7: 12, 8: 12, 9: 8, 10: 11, 11: 12, 12: 12})
    put(ws, 3, 1, f"Moves in working days of the plan's calendar (as 'aiplanner compare'); "
                  f"{day_text(result.finish_a)} -> {day_text(result.finish_b)}.", colour="5F5F5F")
    return ws
