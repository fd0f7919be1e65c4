"""Monte Carlo schedule risk: finish-date distribution and criticality.

Method
------
Each task with a three-point estimate (optimistic, likely, pessimistic) gets
a duration drawn per iteration from a triangular distribution or a
PERT-beta distribution (``alpha = 1 + 4 (m - o) / (p - o)``,
``beta = 1 + 4 (p - m) / (p - o)``, scaled to ``o .. p``). Tasks without an
estimate and milestones keep their planned duration. A drawn duration is
rounded to the nearest whole working day (halves up), and a task that has
a duration never drops below one day, so it never turns into a milestone.

Each iteration is then scheduled with exactly the CPM semantics of
:mod:`aiplanner.schedule.passes` (four link types, lags, not-before, plan
start, milestone dating), vectorised with numpy over the iterations: the
passes walk the tasks in topological order once per block of iterations,
each step working on a whole row of iterations. A task is critical in an
iteration when its total float there is zero; its criticality index is the
share of iterations in which it is critical.

Draws come from ``numpy.random.default_rng(seed)`` in fixed blocks, so a
seed reproduces a run exactly whatever progress reporting is attached.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from aiplanner.model.errors import PlanError
from aiplanner.model.plan import Plan
from aiplanner.schedule.calendar import WorkCalendar
from aiplanner.schedule.cpm import prepare_state, run_passes
from aiplanner.schedule.mc_engine import SimulationModel, run_block

__all__ = ["SimulationResult", "SimulationCancelled", "simulate", "DEFAULT_PERCENTILES", "BLOCK"]

DEFAULT_PERCENTILES = (10, 50, 80, 95)
BLOCK = 2048  # iterations per block: fixed so that a seed gives the same draws every time
Method = Literal["triangular", "pert"]


class SimulationCancelled(PlanError):
    """The caller cancelled the simulation before it finished."""


@dataclass
class SimulationResult:
    """Outcome of :func:`simulate`.

    ``finish_days`` holds, per iteration, the working-day number (from the
    plan start) of the day the project finishes: the data of a histogram.
    """

    iterations: int
    seed: int
    method: str
    calendar: WorkCalendar = field(repr=False)
    finish_days: Any = field(repr=False)  # numpy int array, one per iteration
    criticality: dict[str, float]
    deterministic_finish: dt.date
    deterministic_day: int
    estimated_tasks: list[str] = field(default_factory=list)
    percentiles: dict[float, dt.date] = field(default_factory=dict)

    def percentile(self, p: float) -> dt.date:
        """The earliest date by which at least ``p`` % of iterations have finished."""
        if not 0 <= p <= 100:
            raise ValueError(f"percentile {p} is not between 0 and 100")
        import numpy as np

        ordered = np.sort(self.finish_days)
        k = min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))
        return self.calendar.date_of(int(ordered[k]))

    def percentile_date(self, p: float) -> dt.date:
        """Same as :meth:`percentile` (the name some callers use)."""
        return self.percentile(p)

    def probability_by(self, day: dt.date) -> float:
        """Share of iterations (0..1) that finish on or before ``day``."""
        limit = self.calendar.index_on_or_before(day)
        return float((self.finish_days <= limit).mean())

    @property
    def deterministic_percentile(self) -> float:
        """Percent of iterations finishing on or before the deterministic finish."""
        return 100.0 * float((self.finish_days <= self.deterministic_day).mean())

    def finish_dates(self) -> list[dt.date]:
        """The finish date of every iteration (in iteration order)."""
        return [self.calendar.date_of(int(d)) for d in self.finish_days]

    def histogram(self) -> list[tuple[dt.date, int]]:
        """(finish date, number of iterations finishing that day), by date."""
        import numpy as np

        days, counts = np.unique(self.finish_days, return_counts=True)
        return [(self.calendar.date_of(int(d)), int(c)) for d, c in zip(days, counts)]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: ISO dates, probabilities 0..1."""
        return {
            "iterations": self.iterations,
            "seed": self.seed,
            "method": self.method,
            "deterministic_finish": self.deterministic_finish.isoformat(),
            "deterministic_percentile": round(self.deterministic_percentile, 2),
            "percentiles": {_label(p): d.isoformat() for p, d in self.percentiles.items()},
            "mean_finish": self.calendar.date_of(round(float(self.finish_days.mean()))).isoformat(),
            "criticality": {t: round(v, 4) for t, v in self.criticality.items()},
            "estimated_tasks": self.estimated_tasks,
            "histogram": [{"date": d.isoformat(), "count": c} for d, c in self.histogram()],
        }


def _label(p: float) -> str:
    return f"P{int(p)}" if float(p).is_integer() else f"P{p}"


def _cancelled(cancel: Any) -> bool:
    if cancel is None:
        return False
    is_set = getattr(cancel, "is_set", None)
    return bool(is_set() if is_set is not None else cancel())


def simulate(
    plan: Plan,
    iterations: int = 10_000,
    seed: int | None = None,
    method: Method = "triangular",
    percentiles: Iterable[float] = (),
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | Any = None,
) -> SimulationResult:
    """Run ``iterations`` Monte Carlo iterations of ``plan``'s schedule.

    Parameters
    ----------
    plan
        The plan; tasks with an ``estimate`` vary, the others stay fixed.
    iterations
        Number of iterations (at least 1).
    seed
        Seed of the random generator; ``None`` picks one (and reports it, so
        the run can be repeated).
    method
        ``"triangular"`` or ``"pert"`` (PERT-beta).
    percentiles
        Extra percentiles to report besides P10, P50, P80 and P95.
    progress
        Called as ``progress(done, total)`` after each block of iterations.
    cancel
        A callable returning True, or an object with ``is_set()`` (such as
        ``threading.Event``), checked between blocks.

    Raises
    ------
    SimulationCancelled
        ``cancel`` asked to stop.
    ValueError
        Bad ``iterations``, ``method`` or percentile.
    """
    import numpy as np

    if iterations < 1:
        raise ValueError("iterations must be at least 1")
    if method not in ("triangular", "pert"):
        raise ValueError(f"unknown method {method!r} (triangular or pert)")
    wanted = sorted(set(DEFAULT_PERCENTILES) | {float(p) if not float(p).is_integer() else int(p) for p in percentiles})
    for p in wanted:
        if not 0 <= p <= 100:
            raise ValueError(f"percentile {p} is not between 0 and 100")
    cal = WorkCalendar(plan.calendar, plan.start)
    state = prepare_state(plan, cal)
    run_passes(state)
    det_day = max((state.last_day(i) for i in range(len(state.dur))), default=0)
    model = SimulationModel.from_state(state, plan)
    if seed is None:
        seed = int(np.random.SeedSequence().entropy % (2**63))
    rng = np.random.default_rng(seed)
    finish = np.empty(iterations, dtype=np.int64)
    critical = np.zeros(len(state.dur), dtype=np.int64)
    done = 0
    while done < iterations:
        if _cancelled(cancel):
            raise SimulationCancelled(f"simulation cancelled after {done} of {iterations} iterations")
        size = min(BLOCK, iterations - done)
        durations = model.draw(rng, BLOCK, method)[:, :size]
        block_finish, block_critical = run_block(model, durations)
        finish[done:done + size] = block_finish
        critical += block_critical
        done += size
        if progress is not None:
            progress(done, iterations)
    ids = state.net.ids
    result = SimulationResult(
        iterations=iterations,
        seed=seed,
        method=method,
        calendar=cal,
        finish_days=finish,
        criticality={ids[i]: float(critical[i]) / iterations for i in range(len(ids))},
        deterministic_finish=cal.date_of(det_day),
        deterministic_day=det_day,
        estimated_tasks=[ids[i] for i in model.estimated],
    )
    result.percentiles = {p: result.percentile(p) for p in wanted}
    return result


def percentile_labels(percentiles: Sequence[float]) -> list[str]:
    """``[10, 50.5]`` -> ``["P10", "P50.5"]``."""
    return [_label(p) for p in percentiles]
