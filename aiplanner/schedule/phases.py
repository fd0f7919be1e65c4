"""Phase spans: a phase runs from its first task's start to its last task's finish."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from aiplanner.model.values import Frozen, init_fields
from aiplanner.schedule.calendar import WorkCalendar

if TYPE_CHECKING:
    from aiplanner.model.plan import Plan
    from aiplanner.schedule.cpm import ScheduleState

__all__ = ["PhaseSpan", "phase_members", "phase_spans_of", "phase_spans"]


class PhaseSpan(Frozen):
    """A phase spans from its first task's start to its last task's finish
    (``duration``: working days from the first start to the last finish)."""

    __slots__ = ("id", "es", "ef", "start", "finish", "duration")

    def __init__(self, id: str, es: int, ef: int, start: dt.date, finish: dt.date, duration: int) -> None:
        init_fields(self, id=id, es=es, ef=ef, start=start, finish=finish, duration=duration)


def phase_members(plan: Plan) -> dict[str, list[int]]:
    """Phase id -> indices of its tasks (document order), for every phase of the plan."""
    members: dict[str, list[int]] = {p.id: [] for p in plan.phases}
    for i, task in enumerate(plan.tasks):
        bucket = members.get(task.phase)
        if bucket is not None:
            bucket.append(i)
    return members


def phase_spans_of(state: ScheduleState, members: dict[str, list[int]]) -> dict[str, PhaseSpan]:
    """Each phase's span from its tasks (phases without tasks are left out)."""
    spans: dict[str, PhaseSpan] = {}
    cal = state.cal
    es, ef, rep, dur = state.es, state.ef, state.rep, state.dur
    for pid, idx in members.items():
        if not idx:
            continue
        first = min(es[i] - 1 if rep[i] else es[i] for i in idx)
        last = max(ef[i] - 1 if dur[i] else (es[i] - 1 if rep[i] else es[i]) for i in idx)
        lo = min(es[i] for i in idx)
        hi = max(ef[i] for i in idx)
        spans[pid] = PhaseSpan(id=pid, es=lo, ef=hi, start=cal.date_of(first), finish=cal.date_of(last),
                               duration=hi - lo)
    return spans


def phase_spans(plan: Plan, times: Mapping[str, Any], cal: WorkCalendar) -> dict[str, PhaseSpan]:
    """Each phase's span from per-task times (phases without tasks are left out)."""
    spans: dict[str, PhaseSpan] = {}
    for phase in plan.phases:
        members = [times[t.id] for t in plan.tasks if t.phase == phase.id and t.id in times]
        if not members:
            continue
        es = min(m.es for m in members)
        ef = max(m.ef for m in members)
        spans[phase.id] = PhaseSpan(
            id=phase.id, es=es, ef=ef, start=min(m.start for m in members),
            finish=max(m.finish for m in members), duration=ef - es,
        )
    return spans
