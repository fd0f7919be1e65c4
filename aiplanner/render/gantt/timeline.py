"""Timeline layout: a Gantt on one image, or paginated over report pages.

Long plans paginate by rows (the time header repeats on every page). Wide
plans either continue over further pages in time — each slice overlaps the
previous one by one header cell, marked as such — or are squeezed to the
page width (``fit="width"``), at the finest time scale whose header cells
stay readable.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from aiplanner.render.gantt.table import GanttGeometry, plan_table
from aiplanner.render.options import ReportOptions
from aiplanner.render.gantt.layout import build_gantt_scene
from aiplanner.render.gantt.scene import GanttOptions, GanttScene
from aiplanner.render.style import TextMeasure
from aiplanner.render.gantt.timescale import SCALES

__all__ = ["MIN_CELL", "TimelinePage", "fit_scale", "timeline_scene", "plan_timeline_pages", "split_x"]

#: Narrowest readable lower-tier header cell per scale, in inches.
MIN_CELL = {"days": 0.16, "weeks": 0.24, "months": 0.32, "quarters": 0.4}
CELL_DAYS = {"days": 1, "weeks": 7, "months": 30.44, "quarters": 91.3}


@dataclass(frozen=True)
class TimelinePage:
    """One timeline page: rows ``rows[0]..rows[1]-1`` over x ``xlim``; slice ``part`` of ``parts`` in time."""

    rows: tuple[int, int]
    xlim: tuple[float, float]
    part: int
    parts: int
    overlap_left: float | None = None   # x where the previous slice ended (shown hatched)
    overlap_right: float | None = None  # x where the next slice begins


def fit_scale(span_days: float, chart_width: float) -> str:
    """The finest scale whose header cells are readable when ``span_days``
    fill ``chart_width`` inches."""
    for scale in SCALES:
        if chart_width / span_days * CELL_DAYS[scale] >= MIN_CELL[scale]:
            return scale
    return "quarters"


def chosen_baseline(plan, name: str):
    """The plan's baseline called ``name`` ("latest": the last saved; "none" or
    no baselines: None). An unknown name is an error naming the choices
    (:func:`aiplanner.checks.summary.chosen_baseline`, which the summary uses too)."""
    from aiplanner.checks.summary import chosen_baseline as choose

    return choose(plan, name)


def timeline_scene(plan, schedule, options: ReportOptions, scale: str = "auto") -> GanttScene:
    """The scene the report and images draw, from the report options
    (with the chosen baseline as ghost bars)."""
    baseline = chosen_baseline(plan, options.baseline)
    ghosts = {t.id: (t.start, t.finish) for t in baseline.tasks} if baseline is not None else {}
    if (options.date_from or options.date_to) and schedule.tasks and not any(
            (options.date_to is None or t.start <= options.date_to)
            and (options.date_from is None or t.finish >= options.date_from) for t in schedule.tasks.values()):
        from aiplanner.model.errors import InvalidPlanError, Problem

        window = f"between {options.date_from or 'the start'} and {options.date_to or 'the end'}"
        raise InvalidPlanError([Problem("", f"no task runs {window} (the plan runs {schedule.start} to "
                                            f"{schedule.finish}); choose --from/--to inside it")])
    return build_gantt_scene(plan, schedule, GanttOptions(
        date_from=options.date_from, date_to=options.date_to, columns=options.columns,
        today=options.today, scale=scale if scale != "auto" else options.scale, baseline=ghosts))


def split_x(x_min: float, x_max: float, ticks, fit_days: float) -> list[tuple[float, float]]:
    """Cut ``x_min .. x_max`` into slices at most ``fit_days`` wide, ending on
    lower-tier tick boundaries; each slice after the first starts one cell
    before the previous slice ended (the overlap)."""
    bounds = sorted({t.x for t in ticks if t.tier == 1} | {x_max})
    slices: list[tuple[float, float]] = []
    start = x_min
    while True:
        ends = [b for b in bounds if start < b <= start + fit_days]
        end = max(ends) if ends else min(x_max, start + fit_days)
        slices.append((start, end))
        if end >= x_max:
            return slices
        before = [b for b in bounds if start < b < end]
        start = before[-1] if before and before[-1] > start else end


def plan_timeline_pages(
    plan, schedule, options: ReportOptions, frame: tuple[float, float], measure: TextMeasure,
    geometry: GanttGeometry = GanttGeometry(),
) -> tuple[GanttScene, object, list[TimelinePage], GanttGeometry]:
    """The scene, its table layout, the pages that show it in a ``frame``
    of (width, height) inches, and the row geometry they use.
    """
    width, height = frame
    probe = timeline_scene(plan, schedule, options, options.scale)
    table = plan_table(probe, measure, max_width=0.5 * width * 72)
    chart_w = width - table.width / 72.0
    span = probe.x_max - probe.x_min

    def fits(scale: str) -> bool:
        return span * MIN_CELL[scale] / CELL_DAYS[scale] <= chart_w * 1.15  # a little squeeze beats a page

    scene = probe
    if options.scale == "auto" and (options.fit == "width" or not fits(probe.scale)):
        # The finest readable scale that fits the width; when splitting, only
        # one step coarser than the natural scale, else split at the natural one.
        finest = fit_scale(span, chart_w)
        step_up = SCALES[min(SCALES.index(probe.scale) + 1, len(SCALES) - 1)]
        if options.fit == "width" or finest in (probe.scale, step_up):
            scene = timeline_scene(plan, schedule, options, finest)
    if options.fit == "width" or fits(scene.scale):
        slices = [(scene.x_min, scene.x_max)]
    else:
        density = MIN_CELL[scene.scale] / CELL_DAYS[scene.scale]  # inches per day
        slices = split_x(scene.x_min, scene.x_max, scene.ticks, max(chart_w / density, CELL_DAYS[scene.scale] * 2))
    geometry = row_geometry(len(scene.rows), height, geometry)
    per_page = max(1, int((height - geometry.header_height) / geometry.row_height))
    n_rows = len(scene.rows)
    chunks = [(a, min(a + per_page, n_rows)) for a in range(0, max(n_rows, 1), per_page)] or [(0, 0)]
    pages = []
    for rows in chunks:
        for i, (a, b) in enumerate(slices):
            pages.append(TimelinePage(
                rows, (a, b), i + 1, len(slices),
                overlap_left=slices[i - 1][1] if i else None,
                overlap_right=slices[i + 1][0] if i + 1 < len(slices) else None))
    return scene, table, pages, geometry


def row_geometry(n_rows: int, height: float, geometry: GanttGeometry = GanttGeometry(),
                 smallest: float = 0.15) -> GanttGeometry:
    """Rows a little lower than usual (down to ``smallest`` inches) when that
    saves a page, e.g. 36 rows on one page instead of 34 + 2."""
    body = height - geometry.header_height
    normal = math.ceil(n_rows / max(1, int(body / geometry.row_height)))
    tight = math.ceil(n_rows / max(1, int(body / smallest)))
    if tight >= normal:
        return geometry
    per_page = math.ceil(n_rows / tight)
    return GanttGeometry(row_height=max(smallest, min(geometry.row_height, body / per_page)),
                         tier_height=geometry.tier_height)


def pages_needed(n_rows: int, height: float, geometry: GanttGeometry = GanttGeometry()) -> int:
    """How many row chunks ``n_rows`` take in ``height`` inches."""
    per_page = max(1, int((height - geometry.header_height) / geometry.row_height))
    return max(1, math.ceil(n_rows / per_page))
