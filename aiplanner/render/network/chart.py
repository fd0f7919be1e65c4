"""The dependency network painted with matplotlib (PNG/SVG chart and report pages).

The drawing comes from :func:`aiplanner.render.network.layered.layered_layout`:
phases as tinted column blocks left to right, tasks as boxes (critical ones
in the critical colour, hatched and outlined for grayscale print), links as
curves routed between the boxes, critical links drawn last, thicker and in
the critical colour. Everything is a handful of collections plus one text
batch, whatever the size of the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiplanner.checks.findings import plural
from aiplanner.render.style import CRITICAL, INK, MUTED, phase_colour, tint



__all__ = ["NetworkGeometry", "network_geometry", "paint_network", "network_figure", "bezier_points", "wrap_two",
           "plural"]

ID_FONT = 6.0
NAME_FONT = 5.5
PHASE_FONT = 8.0
HEADER = 0.32  # inches above the layers for the phase names


@dataclass(frozen=True)
class NetworkGeometry:
    """Inches per layer and per row, and whether boxes carry task names."""

    layer_in: float
    row_in: float
    names: bool


def network_geometry(task_count: int) -> NetworkGeometry:
    """Readable sizes: small networks show names in taller boxes."""
    if task_count <= 60:
        return NetworkGeometry(1.5, 0.2, True)
    return NetworkGeometry(1.3, 0.2, False)


def bezier_points(p0, c1, c2, p1, steps: int = 8) -> list[tuple[float, float]]:
    """Points along a cubic Bézier curve, ``p0`` excluded, ``p1`` included.

    >>> bezier_points((0, 0), (1, 0), (1, 1), (2, 1), steps=2)
    [(1.0, 0.5), (2.0, 1.0)]
    """
    out = []
    for k in range(1, steps + 1):
        t = k / steps
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
        out.append((a * p0[0] + b * c1[0] + c * c2[0] + d * p1[0], a * p0[1] + b * c1[1] + c * c2[1] + d * p1[1]))
    return out


def wrap_two(text: str, size: float, room: float, measure) -> list[str]:
    """``text`` on at most two lines of ``room`` points (the second cut with an ellipsis)."""
    if measure.width(text, size) <= room:
        return [text]
    words = text.split()
    first = ""
    for k in range(len(words), 0, -1):
        first = " ".join(words[:k])
        if measure.width(first, size) <= room:
            return [first, measure.fit(" ".join(words[k:]), size, room)]
    return [measure.fit(text, size, room)]


def _polyline(points, straight: bool = False) -> list[tuple[float, float]]:
    from aiplanner.render.network.layered import edge_path

    line: list[tuple[float, float]] = []
    for op, pts in edge_path(points, straight):
        if op == "M":
            line.append(pts[0])
        elif op == "L":
            line.append(pts[0])
        else:
            line.extend(bezier_points(line[-1], *pts))
    return line


def paint_network(fig, rect: tuple[float, float, float, float], plan, layout, texts, measure,
                  names: bool = False, title_room: bool = True, labels: bool = True,
                  window: tuple[float, float] | None = None, dates=None) -> None:
    """Draw ``layout`` (a :class:`~aiplanner.render.network.layered.NetworkLayout`) into
    ``rect`` (inches); its strings go into ``texts`` (a TextBatch).

    ``names``: id and name in each box (the layout's boxes must be tall enough,
    ``node_h`` about 2.4), plus the dates when ``dates`` (a schedule) is given;
    else ids only, in a font that fits the box, when ``labels``. ``window``:
    the x range (layout units) to show, for drawings split into bands.
    """
    from matplotlib.collections import LineCollection, PolyCollection

    from aiplanner.render.canvas import Pane

    left, bottom, width, height = rect
    header = HEADER if title_room else 0.0
    x0, x1 = window if window is not None else (-0.5, max(layout.width, 1.0) - 0.5)
    y_top, y_bottom = -0.2, layout.height + 0.2
    pane = Pane(fig, (left, bottom, width, height - header), (x0, x1), (y_bottom, y_top), texts)
    sx = (width * 72) / (x1 - x0)  # points per layer
    sy = ((height - header) * 72) / (y_bottom - y_top)  # points per row
    phase_index = {p.id: i for i, p in enumerate(plan.phases)}

    # -- phase blocks and their names ---------------------------------------
    bands, colours = [], []
    for block in layout.phases:
        a, b = layout.layer_x[block.first] - 0.45, layout.layer_x[block.last] + 0.45
        bands.append([(a, y_top), (b, y_top), (b, y_bottom), (a, y_bottom)])
        colours.append(tint(phase_colour(phase_index.get(block.id, block.index)), 0.93))
        a, b = max(a, x0), min(b, x1)  # the part in view
        if b - a < 0.5:
            continue
        room = (b - a) * sx - 4
        pane.text((a + b) / 2, y_top, measure.fit(block.name, PHASE_FONT, room, "bold"),
                  fontsize=PHASE_FONT, weight="bold", ha="center", va="bottom", clip_on=False, dy=4,
                  color=phase_colour(phase_index.get(block.id, block.index)))
    pane.add_collection(PolyCollection(bands, facecolors=colours, edgecolors="none", zorder=0))

    # Only what reaches into the window (a band of a split drawing draws its part).
    nodes = [n for n in layout.nodes.values() if x0 - layout.node_w < n.x < x1 + layout.node_w]
    edges = [e for e in layout.edges if min(p[0] for p in e.points) < x1 and max(p[0] for p in e.points) > x0]

    # -- links: ordinary ones under the critical ones, arrowheads at the box --
    head_w, head_h = 4.0 / sx, 2.2 / sy  # in data units: 4 pt long, 4.4 pt wide
    for critical, colour, lw, z in ((False, MUTED, 0.45, 1), (True, CRITICAL, 1.4, 2)):
        lines, heads = [], []
        for edge in edges:
            if edge.critical != critical:
                continue
            line = _polyline(edge.points, edge.backward)
            end = line[-1]
            line[-1] = (end[0] - head_w * 0.8, end[1])
            lines.append(line)
            heads.append([(end[0], end[1]), (end[0] - head_w, end[1] - head_h), (end[0] - head_w, end[1] + head_h)])
        if lines:
            pane.add_collection(LineCollection(lines, colors=colour, lw=lw, zorder=z, capstyle="butt",
                                               joinstyle="round", alpha=1.0 if critical else 0.8))
            pane.add_collection(PolyCollection(heads, facecolors=colour, edgecolors="none", zorder=z))

    # -- boxes and labels ------------------------------------------------------
    w2, h2 = layout.node_w / 2, layout.node_h / 2 * 0.86
    tasks = plan.task_index()
    plain, plain_colours, plain_edges, crit = [], [], [], []
    for node in nodes:
        box = [(node.x - w2, node.y - h2), (node.x + w2, node.y - h2), (node.x + w2, node.y + h2),
               (node.x - w2, node.y + h2)]
        if node.critical:
            crit.append(box)
        else:
            colour = phase_colour(phase_index.get(node.phase, len(plan.phases)))
            plain.append(box)
            plain_colours.append(tint(colour, 0.6))
            plain_edges.append(colour)
        if not x0 < node.x < x1:
            continue
        room = layout.node_w * sx - 5 - (2 * min(0.12 * sx, 7.0) if node.critical else 0.0)  # clear of the strip
        if names:
            lines = [(measure.fit(node.id, ID_FONT, room, "bold"), ID_FONT, "bold")]
            lines += [(line, NAME_FONT, "normal") for line in wrap_two(tasks[node.id].name, NAME_FONT, room, measure)]
            if dates is not None:
                t = dates.tasks[node.id]
                lines.append((measure.fit(f"{t.start:%d %b} – {t.finish:%d %b %Y}", NAME_FONT, room),
                              NAME_FONT, "normal"))
            step = 2 * h2 / (len(lines) + 0.6)
            for k, (text, size, weight) in enumerate(lines):
                pane.text(node.x, node.y - h2 + step * (k + 0.8), text, fontsize=size, weight=weight,
                          ha="center", va="center", color=INK, clip_on=False)
        elif labels:
            size = min(ID_FONT, 2 * h2 * sy * 0.7)
            label = measure.fit(node.id, size, room) if size >= 2.5 else ""
            if label == node.id or len(label) >= 6:  # a stub of two letters tells nobody anything
                pane.text(node.x, node.y, label, fontsize=size, ha="center", va="center", color=INK, clip_on=False)
    pane.add_collection(PolyCollection(plain, facecolors=plain_colours, edgecolors=plain_edges, lw=0.6, zorder=3))
    if crit:
        # Critical: the critical colour, a dark outline and a hatched strip at
        # the left edge (grayscale print keeps the meaning; the label stays clear).
        pane.add_collection(PolyCollection(crit, facecolors=tint(CRITICAL, 0.45), edgecolors=INK, lw=1.0, zorder=3))
        strip = min(0.12, 7.0 / sx)  # layers: at most 7 points
        strips = [[b[0], (b[0][0] + strip, b[0][1]), (b[0][0] + strip, b[3][1]), b[3]] for b in crit]
        pane.add_collection(PolyCollection(strips, facecolors=CRITICAL, edgecolors=INK, lw=0.6, hatch="////",
                                           zorder=3.1))


def network_figure(plan, schedule, title: str | None = None):
    """The whole network on one figure sized to stay readable (for PNG/SVG)."""
    from matplotlib.figure import Figure

    from aiplanner.render.canvas import TextBatch
    from aiplanner.render.network.layered import layered_layout
    from aiplanner.render.page import fig_text
    from aiplanner.render.style import TextMeasure

    geometry = network_geometry(len(plan.tasks))
    layout = layered_layout(plan, schedule, node_h=2.4 if geometry.names else 1.0)
    margin = 0.3
    width = max(layout.width * geometry.layer_in, 5.0) + 2 * margin
    body = max(layout.height * geometry.row_in, 1.0) + HEADER + 0.4
    height = body + 0.5 + 2 * margin
    fig = Figure(figsize=(width, height))
    measure = TextMeasure()
    texts = TextBatch(measure)
    paint_network(fig, (margin, margin, width - 2 * margin, body), plan, layout, texts, measure, geometry.names)
    fig.add_artist(texts.artist())
    crit = sum(1 for n in layout.nodes.values() if n.critical)
    fig_text(fig, margin, height - margin - 0.2,
             measure.fit(title or f"{plan.name}: dependency network", 11, (width - 2 * margin) * 72, "bold"),
             fontsize=11, weight="bold", color=INK)
    facts = (f"{len(layout.nodes)} tasks and {plural(len(layout.edges), 'dependency', 'dependencies')}: each task "
             f"right of the work it waits for, phases left to right · the {crit} tasks that set the finish date "
             "(the critical path) hatched, the links between them thick in the critical colour")
    if layout.hidden_links:  # said first, so that it is never cut off
        note = layout.hidden_note()
        facts = f"{note[0].upper()}{note[1:]} · {facts}"
    fig_text(fig, margin, height - margin - 0.42, measure.fit(facts, 7.5, (width - 2 * margin) * 72),
             fontsize=7.5, color=MUTED)
    return fig
