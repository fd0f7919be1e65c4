"""The plan model's own rules and look-ups, as plain functions (no pydantic here).

The pydantic models of :mod:`aiplanner.model.parts`, :mod:`~aiplanner.model.variants`
and :mod:`~aiplanner.model.plan` use these as their validators, default
factories and methods. Being plain, they can also serve the same validation
run by pydantic-core alone (see :mod:`aiplanner.model.fastread`): one copy
of each rule, whichever way a file is read.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

__all__ = ["FORMAT", "CURRENT_VERSION", "WEEKDAYS", "DATE_MIN", "DATE_MAX", "MAX_DAYS", "supported_date", "target_fits_op", "finite_measurement", "dated_once", "default_workdays", "unique_workdays", "ordered_estimate",
           "ordered_absence", "set_or_clear", "PlanLookups", "TaskFacts"]

FORMAT = "aiplanner-plan"
#: 2: structured metric targets with dated measurements, the plan's status date,
#: maturity stages (a phase's exit criteria and responsibility matrix), the symptom
#: checklist (``symptoms``) and the ``derived`` marks of the matrix and metrics.
CURRENT_VERSION = 2
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: The years the working-day calendar covers: every date of a plan lies in them, so that
#: what ``validate`` accepts every command can schedule, load and simulate.
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2400, 12, 31)
#: The longest duration, estimate or lag a plan may hold, in working days.
MAX_DAYS = 100_000


def supported_date(value: dt.date) -> dt.date:
    """A date of a plan lies in the years the calendar covers (1900-2400)."""
    if not DATE_MIN <= value <= DATE_MAX:
        raise ValueError(f"outside the supported years {DATE_MIN.year}-{DATE_MAX.year}")
    return value


def target_fits_op(target: Any) -> Any:
    """A direction (rising, declining) has no value; a bound (<, >, ...) needs a finite number."""
    if target.op in ("rising", "declining"):
        if target.value is not None:
            raise ValueError(f"a {target.op!r} target has no value")
    elif target.value is None or not math.isfinite(target.value):
        raise ValueError(f"a {target.op!r} target needs a number")
    return target


def finite_measurement(value: float) -> float:
    """A measured value is a finite number."""
    if not math.isfinite(value):
        raise ValueError("a measurement must be a finite number")
    return value


def dated_once(value: list) -> list:
    """Measurements in date order, one per date."""
    ordered = sorted(value, key=lambda m: m.date)
    for before, after in zip(ordered, ordered[1:]):
        if before.date == after.date:
            raise ValueError(f"two measurements on {after.date.isoformat()} (one value per date)")
    return ordered


def default_workdays() -> list[str]:
    """Monday to Friday."""
    return ["mon", "tue", "wed", "thu", "fri"]


def unique_workdays(value: list[str]) -> list[str]:
    """Each weekday once, in week order (so files stay stable whatever order was typed)."""
    if len(set(value)) != len(value):
        raise ValueError("a weekday is listed twice")
    return sorted(value, key=WEEKDAYS.index)


def ordered_estimate(estimate: Any) -> Any:
    """optimistic <= likely <= pessimistic."""
    if not estimate.optimistic <= estimate.likely <= estimate.pessimistic:
        raise ValueError("estimate must satisfy optimistic <= likely <= pessimistic")
    return estimate


def ordered_absence(absence: Any) -> Any:
    """An absence ends on or after its first day."""
    if absence.end < absence.start:
        raise ValueError("absence ends before it starts")
    return absence


def set_or_clear(override: Any) -> Any:
    """A task override never both sets and clears one field."""
    both = [name for name in override.clear if getattr(override, name) is not None]
    if both:
        raise ValueError(f"{', '.join(both)} is both set and cleared")
    return override


class PlanLookups:
    """Look-ups of a plan's tasks (a mixin: ``self.tasks`` is the list of tasks)."""

    __slots__ = ()

    def task(self, task_id: str):
        """Return the task with ``task_id`` or raise ``KeyError``."""
        for task in self.tasks:
            if task.id == task_id:
                return task
        raise KeyError(task_id)

    def task_index(self) -> dict:
        """Tasks by id."""
        return {t.id: t for t in self.tasks}

    def tasks_in_phase(self, phase_id: str) -> list:
        """Tasks of one phase in document order."""
        return [t for t in self.tasks if t.phase == phase_id]


class TaskFacts:
    """What a task is, from its fields (a mixin)."""

    __slots__ = ()

    @property
    def is_milestone(self) -> bool:
        """A task is drawn and dated as a milestone when it takes no time."""
        return self.milestone or self.duration == 0
