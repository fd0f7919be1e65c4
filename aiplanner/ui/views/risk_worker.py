"""The risk view's background run and the plain facts it shows.

:class:`SimulationThread` runs :func:`aiplanner.schedule.montecarlo.simulate`
on a private copy of the plan (the document may change meanwhile) and
reports progress; :meth:`SimulationThread.cancel` stops it at the next
progress report. :func:`summary` turns a result into what the view draws.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QThread, Signal

__all__ = ["SimulationThread", "RiskFacts", "summary", "snapshot", "Cancelled"]

PERCENTILES = (50, 80, 95)


class Cancelled(Exception):
    """Raised inside the simulation's progress callback to stop a cancelled run."""


class SimulationThread(QThread):
    """One Monte Carlo run off the GUI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, plan, iterations: int, seed: int, parent=None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.iterations = iterations
        self.seed = seed
        self._cancel = threading.Event()
        #: The view has shown this run's result (cancelling it then changes nothing).
        self.delivered = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.progressed.emit(int(done), int(total))

    def run(self) -> None:
        from aiplanner.model.errors import PlanError
        from aiplanner.schedule.montecarlo import SimulationCancelled, simulate

        try:
            result = simulate(self.plan, iterations=self.iterations, seed=self.seed, progress=self._progress,
                              cancel=self._cancel)
        except (Cancelled, SimulationCancelled):
            return
        except (PlanError, ValueError) as exc:
            self.failed.emit(str(exc))
            return
        if self._cancel.is_set() or result is None:
            return
        self.succeeded.emit(result)


def snapshot(plan):
    """A copy of ``plan`` the worker may read while the document changes.

    The document replaces tasks and lists rather than changing their
    contents, except for attribute assignment on a task and in-place edits
    of the plan's top-level lists; copying the lists and each task (not
    their values) is enough, and six times cheaper than a deep copy
    (30 ms instead of 180 ms for 5,000 tasks, on the GUI thread).
    """
    lists = ("tasks", "phases", "roles", "people", "assignments", "metrics")
    update = {name: list(getattr(plan, name)) for name in lists}
    update["tasks"] = [task.model_copy() for task in plan.tasks]
    return plan.model_copy(update=update)


@dataclass
class RiskFacts:
    """What the risk view shows, in plain Python."""

    text: str
    percentiles: dict[int, dt.date]
    deterministic: dt.date | None
    finish_days: Any = None  # working-day number of each iteration's finish
    day_of: Callable[[dt.date], int] | None = None  # date -> working-day number
    date_of: Callable[[int], dt.date] | None = None  # working-day number -> date
    criticality: list[tuple[str, str, float, int | None]] = field(default_factory=list)


def summary(result, plan, schedule) -> RiskFacts:
    """Percentile dates, the finish sample and criticality rows (highest first) of ``result``."""
    percentiles = {p: result.percentile(p) for p in PERCENTILES}
    deterministic = result.deterministic_finish
    names = {t.id: t.name for t in plan.tasks}
    floats = {tid: t.total_float for tid, t in schedule.tasks.items()} if schedule is not None else {}
    rows = sorted(((tid, names.get(tid, tid), float(share), floats.get(tid))
                   for tid, share in result.criticality.items() if tid in names),
                  key=lambda r: (-r[2], r[0]))
    text = "  ·  ".join(f"P{p}: {d:%a %d %b %Y}" for p, d in percentiles.items())
    text += (f"  ·  planned finish {deterministic:%d %b %Y} is met in {result.deterministic_percentile:.0f}% "
             f"of {result.iterations:,} runs")
    if not result.estimated_tasks:
        text += "  ·  no task has a three-point estimate, so nothing varies"
    cal = result.calendar
    return RiskFacts(text, percentiles, deterministic, result.finish_days, cal.index_on_or_before, cal.date_of, rows)
