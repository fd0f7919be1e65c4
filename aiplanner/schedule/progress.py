"""How far the plan has come: percent complete (earned) against percent planned by the status date.

Both figures are weighted by duration, as a project's "% complete" is in
MS Project:

- **complete** (earned): ``sum(weight * progress) / sum(weight)`` over the
  tasks that take time (milestones weigh nothing);
- **planned**: the same sum with, instead of the progress, the share of each
  task's working days that the reference schedule put on or before the end
  of the status date. The reference is a baseline when one is given (the
  plan as agreed), else the plan's own schedule.

A task's weight is its duration in the reference: its baseline duration
when it is in the baseline, else its current one (work added since). The
status date is the plan's ``status_date``; without one nothing is
"planned by" any day and only the earned figure is given.

Examples
--------
>>> import datetime as dt
>>> from aiplanner.model import Dependency, Phase, Plan, Task
>>> plan = Plan(start=dt.date(2026, 5, 4), status_date=dt.date(2026, 5, 8),
...             phases=[Phase(id="p", name="P")],
...             tasks=[Task(id="a", name="A", phase="p", duration=5, progress=100),
...                    Task(id="b", name="B", phase="p", duration=15, progress=10,
...                         depends_on=[Dependency(task="a")])])
>>> earned_progress(plan)
Progress(status_date=datetime.date(2026, 5, 8), complete=32.5, planned=25.0, reference='plan')
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from aiplanner.model.values import Frozen, init_fields
from aiplanner.schedule.cpm import Schedule, schedule_plan

if TYPE_CHECKING:  # the command line's fast reader hands in plain records of the same shape
    from aiplanner.model.plan import Plan
    from aiplanner.model.variants import Baseline

__all__ = ["Progress", "earned_progress"]


class Progress(Frozen):
    """Percent complete and percent planned (0-100, one decimal) as of ``status_date``
    (``planned``: None without a status date; ``reference``: "plan" or "baseline NAME",
    where "planned" comes from)."""

    __slots__ = ("status_date", "complete", "planned", "reference")

    def __init__(self, status_date: dt.date | None, complete: float, planned: float | None, reference: str) -> None:
        init_fields(self, status_date=status_date, complete=complete, planned=planned, reference=reference)

    def to_dict(self) -> dict[str, object]:
        """The fields by name (dates as they are)."""
        return {name: getattr(self, name) for name in self.__slots__}

    @property
    def behind(self) -> float | None:
        """Percentage points the earned figure trails the planned one (negative: ahead)."""
        return None if self.planned is None else round(self.planned - self.complete, 1)


def earned_progress(plan: Plan, schedule: Schedule | None = None, baseline: Baseline | None = None,
                    status_date: dt.date | None = None) -> Progress:
    """Percent complete against percent planned by the status date (see the module docstring).

    Parameters
    ----------
    plan, schedule
        The plan and its schedule (computed when not given).
    baseline
        The plan as agreed; planned dates and weights come from it where it has the task.
    status_date
        Overrides the plan's ``status_date``.
    """
    sched = schedule if schedule is not None else schedule_plan(plan)
    status = status_date or plan.status_date
    frozen = {t.id: t for t in baseline.tasks} if baseline is not None else {}
    cal = sched.calendar
    end = cal.index_on_or_before(status) + 1 if status is not None else None  # time point ending the status day
    weight_sum = earned = planned = 0.0
    for task in plan.tasks:
        if task.is_milestone:
            continue
        old = frozen.get(task.id)
        if old is not None and not old.milestone and old.duration > 0:
            weight = float(old.duration)
            first = cal.index_on_or_after(old.start)
            last = cal.index_on_or_before(old.finish) + 1
        else:
            times = sched.tasks[task.id]
            weight = float(task.duration)
            first, last = times.es, times.ef
        weight_sum += weight
        earned += weight * task.progress / 100
        if end is not None and last > first:
            planned += weight * min(1.0, max(0.0, (end - first) / (last - first)))
    if weight_sum == 0:
        return Progress(status, 0.0, 0.0 if status else None, _reference(baseline))
    return Progress(status, round(100 * earned / weight_sum, 1),
                    round(100 * planned / weight_sum, 1) if status is not None else None, _reference(baseline))


def _reference(baseline: Baseline | None) -> str:
    return "plan" if baseline is None else f"baseline {baseline.name}"
