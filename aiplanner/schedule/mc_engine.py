"""The vectorised passes behind :mod:`aiplanner.schedule.montecarlo`.

A block of iterations is a matrix: one row per task, one column per
iteration. The forward and backward passes walk the tasks in topological
order once per block, exactly as :mod:`aiplanner.schedule.passes` does for
one schedule, but every step works on a whole row (numpy), so the Python
overhead is paid per task and link, not per iteration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiplanner.model.plan import Plan
from aiplanner.schedule.cpm import ScheduleState
from aiplanner.schedule.network import FF, FS, SS

__all__ = ["SimulationModel", "run_block"]

_NONE = -(2**30)  # "no bound" in int32 rows


@dataclass
class SimulationModel:
    """What the vectorised passes need, read once from a computed schedule state."""

    order: list[int]
    preds: list[list[tuple[int, int, int]]]
    succs: list[list[tuple[int, int, int]]]
    dur: list[int]
    low: list[int]
    milestone: list[bool]
    estimated: list[int]  # task indices drawn from their estimate
    three_point: Any  # float array (k, 3): optimistic, likely, pessimistic

    @classmethod
    def from_state(cls, state: ScheduleState, plan: Plan) -> SimulationModel:
        """Model of ``plan`` from its prepared (and scheduled) state."""
        import numpy as np

        milestone = [d == 0 for d in state.dur]  # what the passes treat as a milestone
        estimated = [i for i, t in enumerate(plan.tasks) if t.estimate is not None and not milestone[i]]
        points = np.array(
            [[plan.tasks[i].estimate.optimistic, plan.tasks[i].estimate.likely, plan.tasks[i].estimate.pessimistic]
             for i in estimated], dtype=float).reshape(len(estimated), 3)
        return cls(order=list(state.net.order), preds=state.net.preds, succs=state.net.succs, dur=list(state.dur),
                   low=list(state.low), milestone=milestone, estimated=estimated, three_point=points)

    def draw(self, rng: Any, size: int, method: str) -> Any:
        """Whole-day durations of the estimated tasks, shape ``(k, size)``."""
        import numpy as np

        o, m, p = (self.three_point[:, j:j + 1] for j in range(3))
        width = p - o
        safe = np.where(width > 0, width, 1.0)
        if method == "pert":
            alpha = 1 + 4 * (m - o) / safe
            beta = 1 + 4 * (p - m) / safe
            x = o + width * rng.beta(alpha, beta, size=(len(self.estimated), size))
        else:
            # Inverse CDF of the triangular distribution (also right when o == m or m == p):
            # o + sqrt(u w (m - o)) below the mode's share, else p - sqrt((1 - u) w (p - m)).
            # In place, one square root per draw, the same operations in the same order
            # (so the same bits) as the two-branch formula.
            u = rng.random((len(self.estimated), size))
            left = u < (m - o) / safe
            x = np.subtract(1.0, u)
            x *= width
            x *= p - m
            np.multiply(u, width, out=u)
            u *= m - o
            np.copyto(x, u, where=left)
            np.sqrt(x, out=x)
            np.add(o, x, out=u)
            np.subtract(p, x, out=x)
            np.copyto(x, u, where=left)
        x += 0.5
        np.floor(x, out=x)
        np.maximum(x, 1, out=x)
        return x.astype(np.int32)


def run_block(model: SimulationModel, drawn: Any) -> tuple[Any, Any]:
    """Schedule one block of iterations.

    Parameters
    ----------
    model
        The network.
    drawn
        Durations of ``model.estimated`` tasks, shape ``(k, iterations)``;
        the other tasks keep their planned duration.

    Returns
    -------
    finish_day, critical_count
        Per iteration, the working day on which the project finishes; per
        task, in how many of the iterations it is critical.
    """
    import numpy as np

    n = len(model.dur)
    size = drawn.shape[1]
    dur: list[Any] = list(model.dur)
    for row, i in enumerate(model.estimated):
        dur[i] = drawn[row]
    es = np.empty((n, size), dtype=np.int32)
    ef = np.empty((n, size), dtype=np.int32)
    rep: dict[int, Any] = {}  # milestone -> per iteration: dated on the day ending at its point
    finish_day = np.full(size, _NONE, dtype=np.int32)
    preds, milestone, low = model.preds, model.milestone, model.low
    maximum = np.maximum
    for i in model.order:
        d = dur[i]
        row = es[i]
        if milestone[i]:
            start = np.full(size, _NONE, dtype=np.int32)  # start-type links
            end = np.full(size, _NONE, dtype=np.int32)  # end-type links
            for p, kind, lag in preds[i]:
                c = (ef[p] if kind in (FS, FF) else es[p]) + lag
                if milestone[p]:
                    maximum(end, np.where(rep[p], c, _NONE), out=end)
                    maximum(start, np.where(rep[p], _NONE, c), out=start)
                elif kind in (FS, FF):
                    maximum(end, c, out=end)
                else:
                    maximum(start, c, out=start)
            # As passes.forward_node: an end-type link wins a tie with a start-type
            # link, the plan start or a not-before date wins a tie with it.
            bound_by_end = (end > low[i]) & (end >= start)
            maximum(start, end, out=row)
            maximum(row, low[i], out=row)
            rep[i] = bound_by_end
            ef[i] = row
            maximum(finish_day, row - bound_by_end, out=finish_day)
            continue
        row[...] = low[i]
        for p, kind, lag in preds[i]:
            if kind == FS:
                c = ef[p] + lag
            elif kind == SS:
                c = es[p] + lag
            elif kind == FF:
                c = ef[p] + (lag - d) if isinstance(d, int) else ef[p] + lag - d
            else:  # SF
                c = es[p] + (lag - d) if isinstance(d, int) else es[p] + lag - d
            maximum(row, c, out=row)
        np.add(row, d, out=ef[i])
        maximum(finish_day, ef[i] - 1, out=finish_day)
    finish_point = ef.max(axis=0) if n else np.zeros(size, dtype=np.int32)
    ls = np.empty_like(es)
    lf = np.empty_like(es)
    succs = model.succs
    minimum = np.minimum
    for i in reversed(model.order):
        d = dur[i]
        row = lf[i]
        row[...] = finish_point
        for s, kind, lag in succs[i]:
            if kind == FS:
                c = ls[s] - lag
            elif kind == SS:
                c = ls[s] + (d - lag) if isinstance(d, int) else ls[s] - lag + d
            elif kind == FF:
                c = lf[s] - lag
            else:  # SF
                c = lf[s] + (d - lag) if isinstance(d, int) else lf[s] - lag + d
            minimum(row, c, out=row)
        np.subtract(row, d, out=ls[i])
    critical = np.count_nonzero(ls <= es, axis=1) if n else np.zeros(0, dtype=np.int64)
    if not n:
        finish_day[...] = 0
    return finish_day, critical
