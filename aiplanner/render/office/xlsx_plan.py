"""The workbook's plan sheets: Tasks (the WBS with computed dates) and a live Timeline.

**Tasks**: one row per phase (its span, bold) followed by its tasks, grouped
under it (Data › Outline: click the − to fold a phase); real dates, working
days, % complete, total float, critical and milestone flags, predecessors in
the syntax the window and the CSV use (``a1, b2SS+2``), the roles each task
demands with their FTE and the people who hold those roles. Header frozen,
autofilter on.

**Timeline**: the same rows, one column per week. Start, finish and % done
are looked up from the Tasks sheet by task id (so sorting or filtering Tasks
breaks nothing) and the bars are conditional formats over the week columns:
edit a date on the Tasks sheet, or the status date at the top, and the bars
and the status-week column move with it.
"""

from __future__ import annotations

import datetime as dt

from aiplanner.render.office.context import OfficeContext
from aiplanner.render.office.package import hex_tint
from aiplanner.render.office.xlsx_cells import BOOLEAN, DAYS, PERCENT, fill, formula, header_row, put, set_widths

__all__ = ["tasks_sheet", "timeline_sheet", "TASK_COLUMNS", "timeline_weeks", "FIRST_WEEK_COLUMN"]

#: The Tasks sheet's columns, in order.
TASK_COLUMNS = ("WBS", "ID", "Name", "Phase", "Start", "Finish", "Duration (working days)", "% complete",
                "Total float (working days)", "Critical", "Milestone", "Predecessors", "Roles (FTE)", "People")
FIRST_WEEK_COLUMN = 9  # column I on the Timeline sheet


def _people_by_role(plan) -> dict[str, list[str]]:
    names = {p.id: p.name for p in plan.people}
    holders: dict[str, list[str]] = {}
    for a in plan.assignments:
        holders.setdefault(a.role, []).append(names.get(a.person, a.person))
    return holders


def _rows(ctx: OfficeContext):
    """(kind, wbs, phase, task) in outline order: each phase, then its tasks; tasks of no phase last."""
    plan = ctx.plan
    phase_ids = {p.id for p in plan.phases}
    out = []
    for n, phase in enumerate(plan.phases, start=1):
        members = [t for t in plan.tasks if t.phase == phase.id]
        if not members or phase.id not in ctx.schedule.phases:
            continue
        out.append(("phase", str(n), phase, None))
        out.extend(("task", f"{n}.{k}", phase, t) for k, t in enumerate(members, start=1))
    orphans = [t for t in plan.tasks if t.phase not in phase_ids]
    n = len(plan.phases) + 1
    out.extend(("task", f"{n}.{k}", None, t) for k, t in enumerate(orphans, start=1))
    return out


def tasks_sheet(wb, ctx: OfficeContext):
    """The Tasks sheet (every task, whatever the date window)."""
    from aiplanner.io.links import format_links

    ws = wb.create_sheet("Tasks")
    plan, sched = ctx.plan, ctx.schedule
    roles = {r.id: r.name for r in plan.roles}
    holders = _people_by_role(plan)
    header_row(ws, 1, list(TASK_COLUMNS))
    row = 1
    for kind, wbs, phase, task in _rows(ctx):
        row += 1
        put(ws, row, 1, wbs, bold=kind == "phase")
        if kind == "phase":
            span = sched.phases[phase.id]
            put(ws, row, 3, phase.name, bold=True)
            put(ws, row, 4, phase.name, bold=True)
            put(ws, row, 5, span.start, bold=True)
            put(ws, row, 6, span.finish, bold=True)
            put(ws, row, 7, span.duration, number_format=DAYS, bold=True)
            continue
        t = sched.tasks[task.id]
        put(ws, row, 2, task.id)
        put(ws, row, 3, task.name, colour="D55E00" if t.critical else None)
        put(ws, row, 4, phase.name if phase is not None else task.phase)
        put(ws, row, 5, t.start)
        put(ws, row, 6, t.finish)
        put(ws, row, 7, t.duration, number_format=DAYS)
        put(ws, row, 8, task.progress / 100.0, number_format=PERCENT)
        put(ws, row, 9, t.total_float, number_format=DAYS)
        put(ws, row, 10, bool(t.critical), number_format=BOOLEAN)
        put(ws, row, 11, bool(t.milestone), number_format=BOOLEAN)
        put(ws, row, 12, format_links(task.depends_on))
        put(ws, row, 13, ", ".join(f"{roles.get(d.role, d.role)} {d.fte:g}" for d in task.demands))
        people = []
        for d in task.demands:
            people += [p for p in holders.get(d.role, []) if p not in people]
        put(ws, row, 14, ", ".join(people))
        ws.row_dimensions[row].outline_level = 1
    ws.sheet_properties.outlinePr.summaryBelow = False
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = f"A1:N{max(row, 2)}"
    set_widths(ws, {1: 7, 2: 14, 3: 46, 4: 20, 5: 12, 6: 12, 7: 12, 8: 11, 9: 12, 10: 9, 11: 10, 12: 22, 13: 40,
                    14: 30})
    return ws


def timeline_weeks(ctx: OfficeContext) -> list[dt.date]:
    """Mondays of the Timeline's week columns: the date window, else the plan's span
    and four weeks more (room to see a slip)."""
    sched = ctx.schedule
    first = ctx.options.date_from or min([sched.start, *(t.start for t in sched.tasks.values())])
    last = ctx.options.date_to or (sched.finish + dt.timedelta(weeks=4))
    monday = first - dt.timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append(monday)
        monday += dt.timedelta(weeks=1)
    return weeks


def timeline_sheet(wb, ctx: OfficeContext):
    """The Timeline sheet: rows in the window, one column per week, bars as conditional formats."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.utils import get_column_letter

    from aiplanner.render.style import CRITICAL, INK, phase_colour

    ws = wb.create_sheet("Timeline")
    sched = ctx.schedule
    weeks = timeline_weeks(ctx)
    last_col = FIRST_WEEK_COLUMN + len(weeks) - 1
    put(ws, 1, 1, "Status date", bold=True)
    status = put(ws, 1, 2, ctx.today) if ctx.today is not None else ws.cell(row=1, column=2)
    status.number_format = "yyyy-mm-dd"
    put(ws, 1, 3, "Bars follow the Start and Finish of the Tasks sheet; the status week is shaded yellow. "
                  "Edit a date there, or the status date here, and the bars move.", colour="5F5F5F")
    header_row(ws, 3, ["WBS", "ID", "Task", "Start", "Finish", "Done", "Critical", "Type"])
    for k, monday in enumerate(weeks):
        column = FIRST_WEEK_COLUMN + k
        if k == 0 or monday.month != weeks[k - 1].month:
            put(ws, 2, column, f"{monday:%b %Y}", bold=True)  # text: it runs on over the next columns
        put(ws, 3, column, monday, number_format="d", bold=True, background="F2F2F2", align="center")
        ws.column_dimensions[get_column_letter(column)].width = 3.6
    row = 3
    phase_rows: list[tuple[int, int]] = []
    for kind, wbs, phase, task in _rows(ctx):
        if kind == "task":
            t = sched.tasks[task.id]
            if not ctx.in_window(t.start, t.finish):
                continue
        row += 1
        put(ws, row, 1, wbs, bold=kind == "phase")
        if kind == "phase":
            put(ws, row, 3, phase.name, bold=True)
            put(ws, row, 8, "phase")
            phase_rows.append((row, row))
            continue
        if phase_rows and phase is not None:
            phase_rows[-1] = (phase_rows[-1][0], row)
        put(ws, row, 2, task.id)
        put(ws, row, 3, task.name)
        lookup = "INDEX(Tasks!${c}:${c},MATCH($B{r},Tasks!$B:$B,0))"
        formula(ws, row, 4, "=" + lookup.format(c="E", r=row), number_format="yyyy-mm-dd")
        formula(ws, row, 5, "=" + lookup.format(c="F", r=row), number_format="yyyy-mm-dd")
        formula(ws, row, 6, "=" + lookup.format(c="H", r=row), number_format="0%")
        put(ws, row, 7, bool(t.critical), number_format=BOOLEAN)
        put(ws, row, 8, "milestone" if t.milestone else "task")
        ws.row_dimensions[row].outline_level = 1
    for head, end in phase_rows:  # a phase spans its tasks shown here
        if end > head:
            formula(ws, head, 4, f"=MIN(D{head + 1}:D{end})", number_format="yyyy-mm-dd")
            formula(ws, head, 5, f"=MAX(E{head + 1}:E{end})", number_format="yyyy-mm-dd")
    ws.sheet_properties.outlinePr.summaryBelow = False
    ws.freeze_panes = ws.cell(row=4, column=FIRST_WEEK_COLUMN)
    set_widths(ws, {1: 6, 2: 12, 3: 40, 4: 11, 5: 11, 6: 6, 7: 8, 8: 9})
    if row > 3 and weeks:
        top_left = f"{get_column_letter(FIRST_WEEK_COLUMN)}4"
        area = f"{top_left}:{get_column_letter(last_col)}{row}"
        week = f"{get_column_letter(FIRST_WEEK_COLUMN)}$3"  # the Monday of the cell's column
        runs = f"{week}<=$E4,{week}+6>=$D4"  # the bar's dates touch that week
        rules = [
            (f'AND($H4="milestone",$D4>={week},$D4<{week}+7)', INK),
            (f'AND($H4="phase",{runs})', "5F5F5F"),
            (f'AND($H4="task",{runs},{week}<$D4+($E4-$D4+1)*$F4)', hex_tint(phase_colour(0), 0.0)),
            (f'AND($H4="task",$G4,{runs})', hex_tint(CRITICAL, 0.35)),
            (f'AND($H4="task",{runs})', hex_tint(phase_colour(0), 0.55)),
            (f'AND(ISNUMBER($B$1),$B$1>={week},$B$1<{week}+7)', "FFF2A8"),
        ]
        for text, colour in rules:
            ws.conditional_formatting.add(area, FormulaRule(formula=[text], fill=fill(colour), stopIfTrue=True))
    return ws
