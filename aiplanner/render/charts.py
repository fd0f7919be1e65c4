"""Charts beside the Gantt: the dependency network and load per person.

``network``: see :mod:`aiplanner.render.network.chart` (layout in
:mod:`aiplanner.render.network.layered`).

``load``: per person, weekly load against weekly capacity (both in
person-days, from :mod:`aiplanner.schedule.load`); weeks with a day over
capacity are drawn in the critical colour and hatched.
"""

from __future__ import annotations

from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.render.canvas import nice_step  # noqa: F401  re-exported: the load panels' ticks
from aiplanner.render.style import CRITICAL, GRID, INK, MUTED, phase_colour, tint

__all__ = ["paint_load_panel", "chart_figure", "risk_figure", "nice_step"]


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
        from aiplanner.render.network.chart import network_figure

        return network_figure(plan, schedule)
    if chart == "load":
        from aiplanner.render.canvas import TextBatch
        from aiplanner.render.analyses import load_table

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
    return risk_figure(plan, schedule, options)


def risk_figure(plan, schedule, options):
    """The risk chart alone (for PNG/SVG)."""
    from matplotlib.figure import Figure

    if not plan.tasks:
        raise InvalidPlanError([Problem("$.tasks", "the plan has no tasks to simulate")])
    from aiplanner.render.analyses import simulation

    result = simulation(plan, options)
    if result is None or not hasattr(result, "finish_dates"):
        raise InvalidPlanError([Problem("", "the risk chart needs the Monte Carlo simulation, "
                                            "which this build of aiplanner does not include yet")])
    from aiplanner.render.risk import paint_risk

    fig = Figure(figsize=(10, 5.5))
    paint_risk(fig, (0.07, 0.1, 0.88, 0.8), result, schedule)
    fig.suptitle(f"{plan.name}: finish date risk", fontsize=10, x=0.02, ha="left")
    return fig
