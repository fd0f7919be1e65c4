"""The pieces :func:`aiplanner.render.gantt.painter.paint_gantt` draws, one function each.

Every function takes the axes and the already-filtered primitives; data
coordinates are the scene's chart units (x in days, y in rows).
"""

from __future__ import annotations

from aiplanner.render.gantt.table import FONT, PAD, SLACK, TableLayout
from aiplanner.render.gantt.scene import GanttScene
from aiplanner.render.style import (
    CRITICAL, GRID, HOLIDAY, INK, MUTED, WEEKEND, TextMeasure, phase_colour, tint,
)

BAR_H = 0.56


def _rects(spans, height: float):
    """Rectangles ``(x0, x1, y)`` as polygon vertices, ``height`` rows tall."""
    half = height / 2
    return [[(x0, y - half), (x1, y - half), (x1, y + half), (x0, y + half)] for x0, x1, y in spans]


def paint_rows(chart, tab, scene: GanttScene, r0: int, r1: int, xlim, table: TableLayout) -> None:
    """Phase header rows tinted in their phase colour; faint zebra on task rows."""
    from matplotlib.collections import PolyCollection

    spans, colours = [], []
    for row in scene.rows[r0:r1]:
        if row.kind == "phase":
            band = next(b for b in scene.bands if b.row0 == row.index)
            colours.append(tint(phase_colour(band.index), 0.85))
        elif row.index % 2:
            colours.append("#f7f7f7")
        else:
            continue
        spans.append(row.index)
    for ax, (a, b) in ((chart, xlim), (tab, (0, table.width))):
        ax.add_collection(PolyCollection(_rects([(a, b, y) for y in spans], 1.0), facecolors=colours,
                                         edgecolors="none", zorder=0))


def paint_shading_and_grid(chart, scene: GanttScene, xlim, ylim) -> None:
    """Non-working days and the vertical grid of the lower header tier."""
    from matplotlib.collections import LineCollection, PolyCollection

    lo, hi = ylim[1], ylim[0]
    shades = [s for s in scene.shades if s.x1 > xlim[0] and s.x0 < xlim[1]]
    if shades:
        verts = [[(s.x0, lo), (s.x1, lo), (s.x1, hi), (s.x0, hi)] for s in shades]
        faces = [HOLIDAY if s.kind == "holiday" else WEEKEND for s in shades]
        chart.add_collection(PolyCollection(verts, facecolors=faces, edgecolors="none", zorder=0.5))
    for tier, colour, lw in ((1, GRID, 0.4), (0, "#b0b0b0", 0.6)):
        xs = [t.x for t in scene.ticks if t.tier == tier and xlim[0] < t.x < xlim[1]]
        chart.add_collection(LineCollection([[(x, lo), (x, hi)] for x in xs], colors=colour, lw=lw, zorder=0.7))


def paint_header(ax, scene: GanttScene, xlim, measure: TextMeasure, per_point: float) -> None:
    """Two tiers of cells; text shortened (``May 2026`` -> ``May``) or dropped to fit."""
    from matplotlib.collections import LineCollection

    lines = []
    for tick in scene.ticks:
        a, b = max(tick.x, xlim[0]), min(tick.x_end, xlim[1])
        if b <= a:
            continue
        y0 = 1 - tick.tier  # tier 0 on top (1..2), tier 1 below (0..1)
        if tick.x > xlim[0]:
            lines.append([(tick.x, y0), (tick.x, y0 + 1)])
        room = (b - a) / per_point - 2
        for text in (tick.text, tick.text.split(" ")[0]):
            if measure.width(text, FONT - 0.5) <= room:
                ax.text((a + b) / 2, y0 + 0.5, text, ha="center", va="center", fontsize=FONT - 0.5,
                        color=INK, clip_on=True)
                break
    ax.add_collection(LineCollection(lines, colors="#9a9a9a", lw=0.5))
    ax.axhline(1, color="#9a9a9a", lw=0.5)


def paint_table(tab, head, scene: GanttScene, r0: int, r1: int, table: TableLayout, measure: TextMeasure) -> None:
    """Task names (phases bold, tasks indented) and the extra columns."""
    head.text(PAD, 0.5, "Task", ha="left", va="center", fontsize=FONT, weight="bold", color=INK)
    first = scene.rows[r0] if r0 < len(scene.rows) else None
    if first is not None and first.kind == "task":  # the page starts inside a phase: say which
        band = next((b for b in scene.bands if b.row0 < r0 <= b.row1), None)
        if band is not None:
            note = measure.fit(f"{band.title} (continued)", FONT - 1, table.name_width - 40)
            head.text(PAD + 26, 0.5, note, ha="left", va="center", fontsize=FONT - 1, color=MUTED)
    x = table.name_width
    edges = []
    for column, w in zip(scene.columns, table.column_widths):
        tx, ha = (x + PAD, "left") if column.align == "left" else (x + w - PAD, "right")
        head.text(tx, 0.5, column.title, ha=ha, va="center", fontsize=FONT, weight="bold", color=INK)
        edges.append(x)
        x += w
    for e in edges:
        tab.axvline(e, color=GRID, lw=0.5)
        head.axvline(e, color=GRID, lw=0.5)
    for row in scene.rows[r0:r1]:
        phase = row.kind == "phase"
        indent = 0 if phase else 8
        weight = "bold" if phase else "normal"
        room = table.name_width - 2 * PAD - indent - SLACK
        text = measure.fit(row.text, FONT, room, weight)
        tab.text(PAD + indent, row.index, text, ha="left", va="center", fontsize=FONT, weight=weight,
                 color=CRITICAL if row.critical and not phase else INK,
                 clip_on=True)
        x = table.name_width
        for column, w, cell in zip(scene.columns, table.column_widths, row.cells):
            if cell:
                cell = measure.fit(cell, FONT, w - 2 * PAD - SLACK, weight)
                tx, ha = (x + PAD, "left") if column.align == "left" else (x + w - PAD, "right")
                tab.text(tx, row.index, cell, ha=ha, va="center", fontsize=FONT, color=INK,
                         weight=weight, clip_on=True)
            x += w


def paint_ghosts(chart, ghosts) -> None:
    """Baseline bars: a thin grey bar under the current one."""
    from matplotlib.collections import PolyCollection

    if ghosts:
        verts = _rects([(g.x0, g.x1, g.row + 0.36) for g in ghosts], 0.14)
        chart.add_collection(PolyCollection(verts, facecolors="#a0a0a0", edgecolors="none", zorder=2))


def paint_bands(chart, bands, per_point: float) -> None:
    """A phase's summary bar on its header row, with end caps."""
    from matplotlib.collections import PolyCollection

    for band in bands:
        colour = phase_colour(band.index)
        y = band.row0
        h = 0.22
        verts = _rects([(band.x0, band.x1, y)], h)
        # end caps: small downward triangles, like a summary task in MS Project
        cap = min(5 * per_point, (band.x1 - band.x0) / 3)
        for x, sign in ((band.x0, 1), (band.x1, -1)):
            verts.append([(x, y + h / 2), (x + sign * cap, y + h / 2), (x, y + 0.42)])
        chart.add_collection(PolyCollection(verts, facecolors=colour, edgecolors=colour, lw=0.4, zorder=3))


def paint_links(chart, links, per_point: float) -> None:
    """Orthogonal arrows; critical links thicker and in the critical colour."""
    from matplotlib.collections import LineCollection

    for critical, colour, lw in ((False, MUTED, 0.55), (True, CRITICAL, 1.0)):
        chosen = [link for link in links if link.critical == critical]
        if not chosen:
            continue
        chart.add_collection(LineCollection([link.points for link in chosen], colors=colour, lw=lw,
                                            zorder=4 if critical else 3.5, capstyle="butt", joinstyle="miter"))
        for marker in (">", "<"):
            heads = [link.points[-1] for link in chosen
                     if (link.points[-1][0] >= link.points[-2][0]) == (marker == ">")]
            if heads:
                chart.plot([p[0] for p in heads], [p[1] for p in heads], ls="", marker=marker,
                           ms=3.2 if critical else 2.8, color=colour, mew=0, zorder=4.5)


def paint_bars(chart, bars) -> None:
    """Task bars (critical ones hatched with a dark edge) and their progress."""
    from matplotlib.collections import PolyCollection

    normal = [b for b in bars if not b.critical]
    critical = [b for b in bars if b.critical]
    if normal:
        chart.add_collection(PolyCollection(
            _rects([(b.x0, b.x1, b.row) for b in normal], BAR_H),
            facecolors=[tint(phase_colour(b.phase_index), 0.35) for b in normal],
            edgecolors=[phase_colour(b.phase_index) for b in normal], lw=0.6, zorder=5))
    if critical:
        chart.add_collection(PolyCollection(
            _rects([(b.x0, b.x1, b.row) for b in critical], BAR_H),
            facecolors=CRITICAL, edgecolors=INK, lw=0.7, hatch="////", zorder=5))
    done = [(b.x0, b.x0 + (b.x1 - b.x0) * b.progress, b.row) for b in bars if b.progress > 0]
    if done:
        chart.add_collection(PolyCollection(_rects(done, 0.2), facecolors=INK, alpha=0.65,
                                            edgecolors="none", zorder=5.5))


def paint_milestones(chart, milestones) -> None:
    """Diamonds: white with a dark edge, or filled in the critical colour."""
    for critical in (False, True):
        chosen = [m for m in milestones if m.critical == critical]
        if chosen:
            chart.plot([m.x for m in chosen], [m.row for m in chosen], ls="", marker="D", ms=5.5,
                       mfc=CRITICAL if critical else "white", mec=INK, mew=0.8, zorder=6)


def paint_labels(chart, labels, xlim, measure: TextMeasure, per_point: float) -> None:
    """Bar labels right of the bar, else left of it, else not at all (never off the chart)."""
    size = FONT - 0.5
    gap = 2.5 * per_point
    for label in labels:
        width = measure.width(label.text, size) * per_point
        if label.x >= xlim[0] and label.x + gap + width <= xlim[1]:
            chart.text(label.x + gap, label.row, label.text, ha="left", va="center", fontsize=size,
                       color=INK, clip_on=True, zorder=7)
        elif label.x_alt <= xlim[1] and label.x_alt - gap - width >= xlim[0]:
            chart.text(label.x_alt - gap, label.row, label.text, ha="right", va="center", fontsize=size,
                       color=INK, clip_on=True, zorder=7)


def mark_overlaps(axes: dict, page) -> None:
    """On a page that continues in time, hatch the days repeated from the
    previous part and those repeated on the next, and say so in the header."""
    from matplotlib.patches import Rectangle

    chart, header = axes["chart"], axes["header"]
    lo, hi = page.xlim
    marks = []
    if page.overlap_left is not None and page.overlap_left > lo:
        marks.append((lo, page.overlap_left, f"◀ overlaps part {page.part - 1}", "left"))
    if page.overlap_right is not None and page.overlap_right < hi:
        marks.append((page.overlap_right, hi, f"overlaps part {page.part + 1} ▶", "right"))
    for a, b, text, side in marks:
        for ax, (y0, y1) in ((chart, chart.get_ylim()), (header, (0, 2))):
            ax.add_patch(Rectangle((a, min(y0, y1)), b - a, abs(y1 - y0), facecolor="none", edgecolor="#8c8c8c",
                                   hatch="\\\\", lw=0, zorder=0.8))
        edge = b if side == "left" else a
        chart.axvline(edge, color=MUTED, lw=1.0, ls=(0, (1, 1.5)), zorder=6)
        header.text(lo if side == "left" else hi, 2.08, text, ha=side, va="bottom", fontsize=FONT - 1,
                    color=MUTED, clip_on=False)
