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
    box_w, box_h = 0.62, 0.5
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
    for task in plan.tasks:
        x, y = pos[task.id]
        t = times[task.id]
        colour = phase_colour(phase_index.get(task.phase, len(plan.phases)))
        ax.add_patch(FancyBboxPatch((x - box_w / 2, y - box_h / 2), box_w, box_h, boxstyle="round,pad=0.02",
                                    facecolor=CRITICAL if t.critical else tint(colour, 0.55),
                                    edgecolor=INK if t.critical else colour, lw=0.8 if t.critical else 0.5,
                                    hatch="////" if t.critical else None, zorder=3))
        ax.text(x, y, task.id, ha="center", va="center", fontsize=6, color=INK, zorder=4, clip_on=True,
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85})
        if names and measure is not None:
            ax.text(x, y + box_h / 2 + 0.06, measure.fit(task.name, 5.5, 80), ha="center", va="top",
                    fontsize=5.5, color=MUTED, zorder=4, clip_on=True)
    top = min(ys) - 0.75
    for phase in plan.phases:
        cols = [pos[t.id][0] for t in plan.tasks if t.phase == phase.id]
        if cols:
            ax.text((min(cols) + max(cols)) / 2, top, phase.name, ha="center", va="bottom", fontsize=8,
                    weight="bold", color=phase_colour(phase_index[phase.id]), clip_on=True)


def paint_load_panel(ax, name: str, periods, load, capacity, over) -> None:
    """One person's weekly load (bars) against capacity (step line)."""
    import numpy as np

    from matplotlib.collections import PolyCollection

    x = np.arange(len(periods))
    values = np.asarray(load, dtype=float)
    flags = np.asarray(over, dtype=bool)

    def bars(select):
        return [[(i - 0.42, 0), (i + 0.42, 0), (i + 0.42, v), (i - 0.42, v)] for i, v in zip(x[select], values[select])]

    ax.add_collection(PolyCollection(bars(~flags), facecolors=[tint("#0072B2", 0.3)], edgecolors="#0072B2", lw=0.4))
    if flags.any():
        ax.add_collection(PolyCollection(bars(flags), facecolors=CRITICAL, edgecolors=INK, lw=0.5, hatch="////"))
    ax.step(np.append(x, x[-1] + 1) - 0.5, np.append(capacity, capacity[-1]), where="post", color=INK, lw=0.9)
    ax.set_title(name, fontsize=8, loc="left", color=INK, weight="bold")
    ax.set_xlim(-0.6, len(periods) - 0.4)
    ax.set_ylim(0, max(float(np.max(values)), float(np.max(capacity)), 1.0) * 1.15)
    step = max(1, len(periods) // 8)
    ax.set_xticks(x[::step], [f"{d:%d %b %y}" for d in periods[::step]], fontsize=6)
    ax.tick_params(axis="y", labelsize=6)
    ax.set_ylabel("person-days / week", fontsize=6, color=MUTED)
    ax.grid(axis="y", color=GRID, lw=0.4)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def chart_figure(plan, schedule, chart: str, options):
    """A figure of the ``network``, ``load`` or ``risk`` chart (for PNG/SVG)."""
    from matplotlib.figure import Figure

    from aiplanner.render.style import TextMeasure

    if chart == "network":
        pos = network_layout(plan, schedule)
        cols = max((p[0] for p in pos.values()), default=0) + 1
        rows = max((p[1] for p in pos.values()), default=0) + 1
        fig = Figure(figsize=(min(max(cols * 0.9, 6), 60), min(max(rows * 0.6 + 1, 3), 60)))
        ax = fig.add_axes((0.02, 0.02, 0.96, 0.9))
        paint_network(ax, plan, schedule, TextMeasure())
        fig.suptitle(f"{plan.name}: dependency network (critical path highlighted)", fontsize=10, x=0.02, ha="left")
        return fig
    if chart == "load":
        from aiplanner.render.report_charts import load_table

        table = load_table(plan, schedule)
        if table is None:
            raise InvalidPlanError([Problem("$.people", "the load chart needs people assigned to roles")])
        n = len(table.ids)
        fig = Figure(figsize=(10, 1.9 * n + 0.6))
        names = {p.id: p.name for p in plan.people}
        for i, pid in enumerate(table.ids):
            ax = fig.add_axes((0.08, 1 - (i + 1) * (1.9 / (1.9 * n + 0.6)) + 0.02, 0.9, 1.35 / (1.9 * n + 0.6)))
            paint_load_panel(ax, names.get(pid, pid), table.periods, table.load[i], table.capacity[i], table.over[i])
        fig.suptitle(f"{plan.name}: weekly load per person", fontsize=10, x=0.02, ha="left")
        return fig
    from aiplanner.render.report_charts import risk_figure

    return risk_figure(plan, schedule, options)
