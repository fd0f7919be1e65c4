"""The matplotlib painter of a :class:`~aiplanner.render.gantt.scene.GanttScene`.

:func:`paint_gantt` draws one window of the scene (a range of rows, a range
of x) into a rectangle of a figure, measured in inches: the task table on the
left, the two-tier time header on top, the chart below it. The report calls
it once per page; PNG/SVG exports call it once on a figure sized to fit.

Text never leaves its area: names are cut with an ellipsis to their column,
header text that does not fit its cell is shortened or left out, bar labels
move to the other side of their bar or are dropped, and everything is
clipped to its axes as a last guard.
"""

from __future__ import annotations

from aiplanner.render.gantt.scene import GanttScene
from aiplanner.render.gantt.table import GanttGeometry, TableLayout
from aiplanner.render.style import (
    CRITICAL, GRID, HOLIDAY, INK, MUTED, WEEKEND, TextMeasure, phase_colour, tint,
)

__all__ = ["paint_gantt", "legend_handles"]

def paint_gantt(
    fig,
    scene: GanttScene,
    rect: tuple[float, float, float, float],
    rows: tuple[int, int],
    xlim: tuple[float, float],
    table: TableLayout,
    measure: TextMeasure,
    geometry: GanttGeometry = GanttGeometry(),
) -> dict:
    """Draw rows ``rows[0] .. rows[1]-1`` and x in ``xlim`` into ``rect``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    rect
        ``(left, bottom, width, height)`` in inches; the header takes the top
        :attr:`GanttGeometry.header_height`, the rows fill downwards from it.
    rows, xlim
        The window of the scene to draw.
    table
        Column widths from :func:`~aiplanner.render.gantt.table.plan_table` (shared by all pages of a report).

    Returns
    -------
    dict
        The :class:`~aiplanner.render.canvas.Pane` of each part ("chart",
        "header", "table", "table_header").
    """
    left, bottom, width, height = rect
    r0, r1 = rows
    table_w = table.width / 72.0
    chart_w = width - table_w
    shown = max(r1 - r0, 1)  # a plan without tasks still gets one (empty) row
    rows_h = shown * geometry.row_height
    top = bottom + height
    body_bottom = top - geometry.header_height - rows_h
    ylim = (r0 + shown - 0.5, r0 - 0.5)

    from aiplanner.render.canvas import Pane, TextBatch

    texts = TextBatch(measure)
    chart = Pane(fig, (left + table_w, body_bottom, chart_w, rows_h), xlim, ylim, texts)
    header = Pane(fig, (left + table_w, top - geometry.header_height, chart_w, geometry.header_height),
                  xlim, (0, 2), texts)
    tab = Pane(fig, (left, body_bottom, table_w, rows_h), (0, table.width), ylim, texts)
    tab_head = Pane(fig, (left, top - geometry.header_height, table_w, geometry.header_height),
                    (0, table.width), (0, 2), texts)

    from aiplanner.render.gantt import parts as parts

    per_point = (xlim[1] - xlim[0]) / (chart_w * 72.0)  # chart units per point
    parts.paint_rows(chart, tab, scene, r0, r1, xlim, table)
    parts.paint_shading_and_grid(chart, scene, xlim, ylim)
    parts.paint_header(header, scene, xlim, measure, per_point)
    parts.paint_table(tab, tab_head, scene, r0, r1, table, measure)
    visible = [b for b in scene.bars if r0 <= b.row < r1]
    parts.paint_ghosts(chart, [g for g in scene.ghosts if r0 <= g.row < r1])
    parts.paint_bands(chart, [b for b in scene.bands if r0 <= b.row0 < r1], per_point)
    lo, hi = r0 - 0.5, r1 - 0.5
    parts.paint_links(chart, [link for link in scene.links if _touches(link.points, lo, hi, xlim)], per_point)
    parts.paint_bars(chart, visible)
    parts.paint_milestones(chart, [m for m in scene.milestones if r0 <= m.row < r1])
    parts.paint_labels(chart, [lb for lb in scene.labels if r0 <= lb.row < r1], xlim, measure, per_point)
    if scene.today is not None and xlim[0] <= scene.today.x <= xlim[1]:
        chart.axvline(scene.today.x, color=CRITICAL, lw=1.0, ls=(0, (4, 2)), zorder=6)
        header.axvline(scene.today.x, color=CRITICAL, lw=1.0, ls=(0, (4, 2)))
    # frame lines
    for ax in (chart, tab):
        ax.axhline(r1 - 0.5, color=MUTED, lw=0.6, clip_on=False)
    for ax in (header, tab_head):
        ax.axhline(0, color=MUTED, lw=0.6)
        ax.axhline(2, color=MUTED, lw=0.6)
    tab.axvline(table.width, color=MUTED, lw=0.6)
    tab_head.axvline(table.width, color=MUTED, lw=0.6)
    fig.add_artist(texts.artist())
    return {"chart": chart, "header": header, "table": tab, "table_header": tab_head}


def _touches(points, lo: float, hi: float, xlim) -> bool:
    """Whether a polyline's bounding box meets rows ``lo..hi`` and ``xlim``."""
    ys = [p[1] for p in points]
    xs = [p[0] for p in points]
    return max(ys) >= lo and min(ys) <= hi and max(xs) >= xlim[0] and min(xs) <= xlim[1]


def legend_handles(scene: GanttScene) -> list:
    """Proxy artists for the legend: only what the scene actually shows."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = []
    for band in scene.bands:
        colour = phase_colour(band.index)
        handles.append(Patch(facecolor=tint(colour, 0.35), edgecolor=colour, lw=0.6, label=band.title))
    if any(b.critical for b in scene.bars):
        handles.append(Patch(facecolor=CRITICAL, edgecolor=INK, hatch="////", lw=0.6, label="Critical task"))
    if scene.milestones:
        handles.append(Line2D([], [], ls="", marker="D", ms=5, mfc="white", mec=INK, label="Milestone"))
    if any(m.critical for m in scene.milestones):
        handles.append(Line2D([], [], ls="", marker="D", ms=5, mfc=CRITICAL, mec=INK, label="Critical milestone"))
    if any(b.progress > 0 for b in scene.bars):
        handles.append(Patch(facecolor=INK, alpha=0.6, label="Progress"))
    if scene.links:
        handles.append(Line2D([], [], color=MUTED, lw=0.7, marker=">", ms=3, label="Dependency"))
        if any(link.critical for link in scene.links):
            handles.append(Line2D([], [], color=CRITICAL, lw=1.1, marker=">", ms=3, label="Critical link"))
    if scene.ghosts:
        handles.append(Patch(facecolor="#a0a0a0", label="Baseline"))
    if scene.shades:
        handles.append(Patch(facecolor=HOLIDAY if any(s.kind == "holiday" for s in scene.shades) else WEEKEND,
                             edgecolor=GRID, label="Non-working days"))
    if scene.today is not None:
        handles.append(Line2D([], [], color=CRITICAL, lw=1.0, ls=(0, (4, 2)), label=f"Today {scene.today.date}"))
    return handles
