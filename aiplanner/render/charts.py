"""Charts beside the Gantt: the dependency network and load per person.

``network``: the dependency graph laid out left to right, phase by phase
(each phase its own block of columns, columns by dependency depth inside
the phase), critical tasks and links in the critical colour.

``load``: per person, weekly load against weekly capacity (both in
person-days, from :mod:`aiplanner.schedule.load`); weeks with a day over
capacity are drawn in the critical colour and hatched.
"""

from __future__ import annotations

from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.render.style import CRITICAL, GRID, INK, MUTED, phase_colour, tint

__all__ = ["network_layout", "paint_network", "paint_load_panel", "chart_figure"]


def network_layout(plan, schedule) -> dict[str, tuple[float, float]]:
    """Position (column, row) of every task: phases left to right in plan
    order; inside a phase, column = longest chain of same-phase predecessors."""
    order = {tid: i for i, tid in enumerate(schedule.order)}
    phase_of = {t.id: t.phase for t in plan.tasks}
    phases = [p.id for p in plan.phases] + sorted({t.phase for t in plan.tasks} - {p.id for p in plan.phases})
    pos: dict[str, tuple[float, float]] = {}
    column0 = 0
    for phase in phases:
        members = sorted((t for t in plan.tasks if t.phase == phase), key=lambda t: order[t.id])
        depth: dict[str, int] = {}
        for task in members:  # topological order: predecessors first
            preds = [depth[d.task] + 1 for d in task.depends_on if phase_of.get(d.task) == phase and d.task in depth]
            depth[task.id] = max(preds, default=0)
        rows: dict[int, int] = {}
        for task in members:
            c = depth[task.id]
            pos[task.id] = (float(column0 + c), float(rows.get(c, 0)))
            rows[c] = rows.get(c, 0) + 1
        if members:
            column0 += max(depth.values()) + 2  # a blank column between phases
    return pos


def paint_network(ax, plan, schedule, measure=None) -> None:
    """Boxes for tasks (ids; names too when there is room), arrows for links."""
    from matplotlib.collections import LineCollection
    from matplotlib.patches import FancyBboxPatch

    pos = network_layout(plan, schedule)
    if not pos:
        return
    box_w, box_h = 0.8, 0.5
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)
    ax.set_ylim(max(ys) + 0.8, min(ys) - 0.9)
    ax.set_axis_off()
    phase_index = {p.id: i for i, p in enumerate(plan.phases)}
    times = schedule.tasks
    for critical, colour, lw in ((False, MUTED, 0.5), (True, CRITICAL, 1.3)):
        segs = []
        for task in plan.tasks:
            for dep in task.depends_on:
                if dep.task not in pos:
                    continue
                is_crit = times[dep.task].critical and times[task.id].critical
                if is_crit != critical:
                    continue
                (x0, y0), (x1, y1) = pos[dep.task], pos[task.id]
                segs.append([(x0 + box_w / 2, y0), (x1 - box_w / 2, y1)])
        if segs:
            ax.add_collection(LineCollection(segs, colors=colour, lw=lw, zorder=1 + critical))
            ax.plot([s[1][0] for s in segs], [s[1][1] for s in segs], ls="", marker=">", ms=3, color=colour,
                    mew=0, zorder=2 + critical)
    names = len(pos) <= 40
    fig_w = ax.get_figure().get_size_inches()[0] * ax.get_position().width * 72
    column_pt = fig_w / (ax.get_xlim()[1] - ax.get_xlim()[0])  # points per column
    for task in plan.tasks:
        x, y = pos[task.id]
        t = times[task.id]
        colour = phase_colour(phase_index.get(task.phase, len(plan.phases)))
        ax.add_patch(FancyBboxPatch((x - box_w / 2, y - box_h / 2), box_w, box_h, boxstyle="round,pad=0.02",
                                    facecolor=CRITICAL if t.critical else tint(colour, 0.55),
                                    edgecolor=INK if t.critical else colour, lw=0.8 if t.critical else 0.5,
                                    hatch="////" if t.critical else None, zorder=3))
        label = measure.fit(task.id, 6, column_pt * box_w - 4) if measure is not None else task.id
        ax.text(x, y, label, ha="center", va="center", fontsize=6, color=INK, zorder=4, clip_on=True,
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85})
        if names and measure is not None:
            ax.text(x, y + box_h / 2 + 0.06, measure.fit(task.name, 5.5, column_pt - 12), ha="center", va="top",
                    fontsize=5.5, color=MUTED, zorder=4, clip_on=True)
    top = min(ys) - 0.75
    for phase in plan.phases:
        cols = [pos[t.id][0] for t in plan.tasks if t.phase == phase.id]
        if cols:
            ax.text((min(cols) + max(cols)) / 2, top, phase.name, ha="center", va="bottom", fontsize=8,
                    weight="bold", color=phase_colour(phase_index[phase.id]), clip_on=True)


def nice_step(top: float, ticks: int = 4) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``ticks`` ticks up to ``top``.

    >>> nice_step(9.0), nice_step(23.0), nice_step(0.8)
    (2.0, 5.0, 0.2)
    """
    import math

    raw = max(top, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    candidates = [factor * power for factor in (1, 2, 5, 10)]
    return float(min(candidates, key=lambda step: abs(top / step - ticks)))


def paint_load_panel(fig, rect: tuple[float, float, float, float], texts, name: str, periods, load, capacity,
                     over) -> None:
    """One person's weekly load (bars) against capacity (step line) in ``rect`` (inches).

    Drawn on a :class:`~aiplanner.render.canvas.Pane` (no Axes: a report may
    have dozens of these); labels go into ``texts``.
    """
    import numpy as np
    from matplotlib.collections import LineCollection, PolyCollection

    from aiplanner.render.canvas import Pane

    values = np.asarray(load, dtype=float)
    caps = np.asarray(capacity, dtype=float)
    flags = np.asarray(over, dtype=bool)
    n = len(periods)
    step = nice_step(max(float(values.max(initial=0)), float(caps.max(initial=0)), 1.0) * 1.1)
    top = step * (int(max(float(values.max(initial=0)), float(caps.max(initial=0)), 1.0) * 1.1 / step) + 1)
    pane = Pane(fig, rect, (-0.6, n - 0.4), (0, top), texts)
    levels = [step * k for k in range(int(top / step) + 1)]
    pane.add_collection(LineCollection([[(-0.6, y), (n - 0.4, y)] for y in levels], colors=GRID, lw=0.4, zorder=0.5))
    for y in levels:
        pane.text(-0.6, y, f"{y:g}", ha="right", va="center", fontsize=6, color=MUTED, clip_on=False, dx=-3)

    def bars(select):
        idx = np.nonzero(select)[0]
        return [[(i - 0.42, 0), (i + 0.42, 0), (i + 0.42, values[i]), (i - 0.42, values[i])] for i in idx]

    pane.add_collection(PolyCollection(bars(~flags), facecolors=[tint("#0072B2", 0.3)], edgecolors="#0072B2",
                                       lw=0.4, zorder=2))
    if flags.any():
        pane.add_collection(PolyCollection(bars(flags), facecolors=CRITICAL, edgecolors=INK, lw=0.5, hatch="////",
                                           zorder=2))
    xs = [x for i in range(n) for x in (i - 0.5, i + 0.5)]
    ys = [c for c in caps for _ in (0, 1)]
    pane.plot(xs, ys, color=INK, lw=0.9, zorder=3)
    pane.axhline(0, color=MUTED, lw=0.6, zorder=3)
    every = max(1, n // 8)
    for i in range(0, n, every):
        pane.text(i, 0, f"{periods[i]:%d %b %y}", ha="center", va="top", fontsize=6, color=MUTED, clip_on=False,
                  dy=-3)
    pane.text(-0.6, top, name, ha="left", va="bottom", fontsize=8, weight="bold", color=INK, clip_on=False, dy=3)


def chart_figure(plan, schedule, chart: str, options):
    """A figure of the ``network``, ``load`` or ``risk`` chart (for PNG/SVG)."""
    from matplotlib.figure import Figure

    from aiplanner.render.style import TextMeasure

    if chart == "network":
        pos = network_layout(plan, schedule)
        cols = max((p[0] for p in pos.values()), default=0) + 1
        rows = max((p[1] for p in pos.values()), default=0) + 1
        per_column = 1.25 if len(pos) <= 40 else 0.8  # inches: room for names under small networks
        fig = Figure(figsize=(min(max(cols * per_column, 6), 60), min(max(rows * 0.6 + 1, 3), 60)))
        ax = fig.add_axes((0.02, 0.02, 0.96, 0.9))
        paint_network(ax, plan, schedule, TextMeasure())
        fig.suptitle(f"{plan.name}: dependency network (critical path highlighted)", fontsize=10, x=0.02, ha="left")
        return fig
    if chart == "load":
        from aiplanner.render.canvas import TextBatch
        from aiplanner.render.report_charts import load_table

        table = load_table(plan, schedule)
        if table is None or not table.ids:
            raise InvalidPlanError([Problem("$.people", "the load chart needs people assigned to roles")])
        n = len(table.ids)
        slot = 1.9
        height = slot * n + 0.7
        fig = Figure(figsize=(10, height))
        texts = TextBatch(TextMeasure())
        names = {p.id: p.name for p in plan.people}
        for i, pid in enumerate(table.ids):
            bottom = height - 0.6 - (i + 1) * slot + 0.45
            paint_load_panel(fig, (0.6, bottom, 9.2, slot - 0.8), texts, names.get(pid, pid), table.periods,
                             table.load[i], table.capacity[i], table.over[i])
        fig.add_artist(texts.artist())
        fig.suptitle(f"{plan.name}: weekly load per person (person-days; line = capacity, hatched = over capacity)",
                     fontsize=10, x=0.02, ha="left")
        return fig
    from aiplanner.render.report_charts import risk_figure

    return risk_figure(plan, schedule, options)
