"""The deck's native tables: the people-and-load heat map and the findings.

**Heat map.** One row per person, one column per week (per month when the
plan is too long for two slides of weeks), each cell the person's load as a
share of their capacity in that period, from
:func:`~aiplanner.schedule.load.compute_load` summed over the period's
working days (person-days over person-days). A period in which the person
is over capacity on any day is filled in the critical colour, as ``aiplanner
load`` flags it ``OVER``; other cells are tinted by the share. Long plans
continue on further slides in time, large teams in rows.

**Findings.** The plan checks' findings (severity, what is wrong, the fix),
as many rows per slide as fit at 12 points.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from aiplanner.render.office.context import OfficeContext, day_text
from aiplanner.render.office.package import hex_tint
from aiplanner.render.office.pptx_shapes import SLIDE_H, SLIDE_W, Cell, SlideWriter, line_count

__all__ = ["LoadGrid", "load_grid", "load_slides", "findings_slides", "WEEK_MIN_W"]

LEFT = 0.45
WIDTH = SLIDE_W - 0.9
NAME_W = 2.4
WEEK_MIN_W = 0.4  # inches: "120" at 11 points with room to spare
ROW_H = 0.3
SEVERITY_FILL = {"error": ("#D55E00", 0.55), "warning": ("#E69F00", 0.6), "info": ("#56B4E9", 0.65)}


@dataclass(frozen=True)
class LoadGrid:
    """Person-days of load and capacity per person (rows) and period (columns).

    ``periods`` are the first days of the periods (Mondays, or the 1st of each
    month when ``unit == "month"``); ``over`` marks periods with a day over capacity.
    """

    unit: str
    ids: list[str]
    periods: list[dt.date]
    load: object  # numpy array rows x periods
    capacity: object
    over: object

    def share(self, row: int, col: int) -> float | None:
        """Load / capacity (None when the person has no capacity in the period)."""
        capacity = float(self.capacity[row, col])
        return float(self.load[row, col]) / capacity if capacity > 0 else None


def load_grid(ctx: OfficeContext, max_weeks: int) -> LoadGrid | None:
    """The load by person and week inside the date window, by month when there are
    more than ``max_weeks`` weeks; None without people or load."""
    import numpy as np

    if ctx.load is None or not ctx.plan.people:
        return None
    daily = ctx.load.table("person", "day")
    keep = np.array([ctx.in_window(d, d) for d in daily.periods], dtype=bool)
    days = [d for d, k in zip(daily.periods, keep) if k]
    if not daily.ids or not days:
        return None
    load, capacity, over = (np.asarray(a)[:, keep] for a in (daily.load, daily.capacity, daily.over))
    weeks = {d - dt.timedelta(days=d.weekday()) for d in days}
    unit = "week" if len(weeks) <= max_weeks else "month"
    keys = [d - dt.timedelta(days=d.weekday()) if unit == "week" else d.replace(day=1) for d in days]
    starts = [i for i, k in enumerate(keys) if i == 0 or k != keys[i - 1]]
    idx = np.array(starts, dtype=np.intp)
    return LoadGrid(unit, list(daily.ids), [keys[i] for i in starts], np.add.reduceat(load, idx, axis=1),
                    np.add.reduceat(capacity, idx, axis=1), np.logical_or.reduceat(over, idx, axis=1))


def _chunks(n: int, per: int) -> list[tuple[int, int]]:
    """``n`` items in balanced runs of at most ``per``.

    >>> _chunks(80, 28)
    [(0, 27), (27, 54), (54, 80)]
    """
    parts = max(1, math.ceil(n / max(per, 1)))
    size = math.ceil(n / parts)
    return [(a, min(a + size, n)) for a in range(0, n, size)]


def load_slides(prs, ctx: OfficeContext, measure) -> None:
    """The heat map slides (none without people)."""
    from aiplanner.render.style import CRITICAL, INK, MUTED

    top = 1.3
    body_h = SLIDE_H - 0.45 - 0.4 - top
    per_cols = int((WIDTH - NAME_W) / WEEK_MIN_W)
    grid = load_grid(ctx, 2 * per_cols)
    if grid is None:
        return
    names = {p.id: p.name for p in ctx.plan.people}
    over_people = sum(bool(grid.over[i].any()) for i in range(len(grid.ids)))
    col_runs = _chunks(len(grid.periods), per_cols)
    row_runs = _chunks(len(grid.ids), int(body_h / ROW_H) - 2)
    total = len(col_runs) * len(row_runs)
    number = 0
    for c0, c1 in col_runs:
        for r0, r1 in row_runs:
            number += 1
            w = SlideWriter(prs.slides.add_slide(prs.slide_layouts[6]))
            first, last = grid.periods[c0], grid.periods[c1 - 1]
            end = last + dt.timedelta(days=6) if grid.unit == "week" else \
                (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            w.title_bar(f"People and load ({number} of {total})" if total > 1 else "People and load",
                        f"Load as % of capacity per {grid.unit} · red: over capacity on a day of that {grid.unit} · "
                        f"{over_people} of {len(grid.ids)} people over-allocated", tag=ctx.scenario_tag,
                        measure=measure)
            n = c1 - c0
            col_w = min((WIDTH - NAME_W) / n, 0.9)
            row_h = min(0.42, body_h / (r1 - r0 + 2)) if len(row_runs) == 1 else ROW_H
            rows = _header(grid, c0, c1, col_w, INK, MUTED)
            for row in range(r0, r1):
                rows.append([Cell(names.get(grid.ids[row], grid.ids[row]), size=12, align="left")]
                            + [_load_cell(grid, row, col, CRITICAL, INK) for col in range(c0, c1)])
            w.table(LEFT, top, [NAME_W] + [col_w] * n, [row_h] * len(rows), rows,
                    alt=f"Heat map: each person's load as a share of capacity per {grid.unit}, "
                        f"{day_text(first)} to {day_text(end)}; red cells are over capacity")
            w.flush()


def _header(grid: LoadGrid, c0: int, c1: int, col_w: float, ink: str, muted: str) -> list[list]:
    """Two header rows: months (years when by month) over their columns, then the periods."""
    from aiplanner.render.gantt.timescale import MONTHS

    periods = grid.periods[c0:c1]
    upper: list = [Cell("Person", bold=True, align="left", size=12, fill="F2F2F2", span=(2, 1))]
    keys = [(p.year, p.month) if grid.unit == "week" else (p.year, 0) for p in periods]
    start = 0
    for k in range(1, len(keys) + 1):
        if k < len(keys) and keys[k] == keys[start]:
            continue
        year, month = keys[start]
        span = (k - start) * col_w
        if grid.unit == "month":
            text = str(year)
        else:
            text = f"{MONTHS[month - 1]} {year}" if span >= 0.95 else (MONTHS[month - 1] if span >= 0.45 else "")
        upper.append(Cell(text, bold=True, fill="F2F2F2", colour=ink, span=(1, k - start)))
        upper.extend([None] * (k - start - 1))
        start = k
    lower: list = [None] + [Cell(str(p.day) if grid.unit == "week" else MONTHS[p.month - 1], fill="F2F2F2",
                                 colour=muted) for p in periods]
    return [upper, lower]


def _load_cell(grid: LoadGrid, row: int, col: int, critical: str, ink: str) -> Cell:
    share = grid.share(row, col)
    load = float(grid.load[row, col])
    if share is None:
        text = "away" if load > 0 else ""
    else:
        text = "" if load <= 0 else ("<1" if 100 * share < 0.5 else f"{100 * share:.0f}")
    if bool(grid.over[row, col]):
        return Cell(text, fill=critical, colour="FFFFFF", bold=True)
    if load > 0 and share is not None:
        return Cell(text, fill=hex_tint("#0072B2", 1 - 0.55 * min(share, 1.0)), colour=ink)
    return Cell(text, colour=ink)


def findings_slides(prs, ctx: OfficeContext, measure) -> None:
    """The findings, as many as fit per slide (one slide saying so when there are none)."""
    from aiplanner.render.style import INK

    found = ctx.findings
    widths = [1.3, 6.4, WIDTH - 1.3 - 6.4]
    size = 12.0
    line_h = 0.215
    top = 1.3
    body_h = SLIDE_H - 0.5 - top - 0.35
    rows = [(f.severity, f.message, f.fix) for f in found] or [("", "The checks found nothing to report.", "")]
    heights = [max(line_count(m, widths[1] - 0.12, size, measure), line_count(x, widths[2] - 0.12, size, measure))
               * line_h + 0.08 for _, m, x in rows]
    pages: list[list[int]] = [[]]
    used = 0.35
    for i, h in enumerate(heights):
        if pages[-1] and used + h > body_h:
            pages.append([])
            used = 0.35
        pages[-1].append(i)
        used += h
    counts = {s: sum(f.severity == s for f in found) for s in ("error", "warning", "info")}
    summary = " · ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
    for k, page in enumerate(pages):
        w = SlideWriter(prs.slides.add_slide(prs.slide_layouts[6]))
        w.title_bar("Findings" if len(pages) == 1 else f"Findings ({k + 1} of {len(pages)})", summary,
                    tag=ctx.scenario_tag, measure=measure)
        table = [[Cell(head, bold=True, size=size, align="left", fill="F2F2F2")
                  for head in ("Severity", "Finding", "Suggested fix")]]
        for i in page:
            severity, message, fix = rows[i]
            colour, amount = SEVERITY_FILL.get(severity, ("#FFFFFF", 0.0))
            table.append([Cell(severity.capitalize(), size=size, align="left", bold=True,
                               fill=hex_tint(colour, amount), colour=INK),
                          Cell(" ".join(message.split()), size=size, align="left"),
                          Cell(" ".join(fix.split()), size=size, align="left")])
        w.table(LEFT, top, widths, [0.35] + [heights[i] for i in page], table,
                alt=f"Findings of the plan checks: {summary}", border="D9D9D9")
        w.flush()
