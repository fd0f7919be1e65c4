"""Resource levelling: delay tasks until nobody is over capacity.

The rule (serial schedule generation)
-------------------------------------
1. Schedule the plan (CPM) to get each task's total float.
2. Place tasks one at a time. A task is *eligible* once all its predecessors
   are placed; among eligible tasks the next one placed is the one with the
   least total float, then the higher ``priority`` field (so among equals
   the lower-priority task is the one delayed), then the earlier early
   start, then the smaller id. Placing is deterministic.
3. A task's earliest start is what its links (FS, SS, FF, SF with lags, as
   placed so far), its not-before date and the plan start allow. It goes to
   the first working day from there on which, for every day it runs, no
   person it puts load on would exceed their capacity (load as in
   :mod:`aiplanner.schedule.load`: shares, absences, calendar). Searching
   from the earliest start means a task is delayed within its float when
   that suffices, and beyond it (moving the finish) only when it does not.
4. Tasks already under way (progress above 0) are placed before any other
   eligible task and, like milestones and tasks without staffed demands,
   never delayed for load; they only follow their links.
5. A task that on its own demands more of someone than their capacity (say
   1.5 FTE of a role held by one full-time person) cannot be helped by
   delay: it stays at its earliest start, is reported as unresolved, and
   other tasks placed after it that need that person are kept clear of it.

The result is a copy of the plan in which each task delayed by levelling
gets a ``not_before`` date at its new start, so the proposal is an ordinary
plan (scheduling it gives exactly the levelled dates) that can be applied,
and undone, as one edit.
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass

from aiplanner.model.plan import Plan
from aiplanner.schedule.cpm import Schedule, prepare_state, run_passes, schedule_plan
from aiplanner.schedule.load import OverAllocation, compute_load
from aiplanner.schedule.network import FF, FS, SS
from aiplanner.schedule.staff import EPSILON, Staffing

__all__ = ["Move", "Unresolved", "LevelResult", "level_plan"]


@dataclass(frozen=True)
class Move:
    """A task whose start changed: ``levelled`` when levelling delayed it, else it follows a predecessor."""

    task: str
    old_start: dt.date
    new_start: dt.date
    delay: int  # working days
    levelled: bool


@dataclass(frozen=True)
class Unresolved:
    """A task that alone demands more of some people than their capacity."""

    task: str
    people: tuple[str, ...]


@dataclass(frozen=True)
class LevelResult:
    """What levelling proposes."""

    plan: Plan  # the levelled copy (moved tasks carry not_before)
    schedule: Schedule  # its schedule
    moves: list[Move]  # in plan order
    old_finish: dt.date
    new_finish: dt.date
    finish_delay: int  # working days the finish moved
    unresolved: list[Unresolved]
    remaining: list[OverAllocation]  # over-allocations left in the levelled plan


def _bound(i: int, preds, dur: list[int], es: list[int], ef: list[int], low: int) -> int:
    """Earliest start of task ``i`` from its placed predecessors and its lower bound."""
    start = low
    d = dur[i]
    for p, kind, lag in preds:
        if kind == FS:
            c = ef[p] + lag
        elif kind == SS:
            c = es[p] + lag
        elif kind == FF:
            c = ef[p] + lag - d
        else:  # SF
            c = es[p] + lag - d
        if c > start:
            start = c
    return start


class _Leveller:
    """The state of one levelling run: staffing, the load placed so far."""

    def __init__(self, plan: Plan, sched: Schedule) -> None:
        import numpy as np

        self.np = np
        self.plan = plan
        state = sched.state
        if state is None:  # a schedule built without its raw state: recompute the passes
            state = prepare_state(plan, sched.calendar)
            run_passes(state)
        self.state = state
        self.staffing = Staffing(plan, sched.calendar, max(state.finish_point, 1) * 2)
        self.profile = np.zeros((len(self.staffing.people), self.staffing.horizon))
        self.frontier = 0  # end of the last placed load

    def _ensure(self, horizon: int) -> None:
        if horizon > self.staffing.horizon:
            old = self.staffing.horizon
            self.staffing.extend(max(horizon, 2 * old))
            pad = self.np.zeros((self.profile.shape[0], self.staffing.horizon - old))
            self.profile = self.np.concatenate([self.profile, pad], axis=1)

    def parts(self, i: int):
        """People row array and per demand (row positions, fte, role) for task ``i``."""
        np = self.np
        holders = self.staffing.holders
        demands = [(d.role, d.fte) for d in self.plan.tasks[i].demands if d.role in holders]
        rows = sorted({int(r) for role, _ in demands for r in holders[role].people})
        where = {r: k for k, r in enumerate(rows)}
        parts = [(np.array([where[int(r)] for r in holders[role].people], dtype=np.intp), fte, role)
                 for role, fte in demands]
        return np.array(rows, dtype=np.intp), parts

    def contribution(self, rows, parts, a: int, b: int):
        c = self.np.zeros((len(rows), b - a))
        for idx, fte, role in parts:
            c[idx] += fte * self.staffing.holders[role].weights[:, a:b]
        return c

    def too_big(self, rows, parts) -> list[int]:
        """Rows of people the task alone overloads on a day nobody is away."""
        steady = self.np.zeros(len(rows))
        for idx, fte, role in parts:
            share = self.staffing.steady_share(role)
            steady[idx] += [fte * share[int(r)] for r in self.staffing.holders[role].people]
        cap = self.staffing.base_capacity[rows]
        return [int(r) for r, s, c in zip(rows, steady, cap) if s > c + EPSILON]

    def place(self, i: int, bound: int, can_move: bool) -> tuple[int, list[int]]:
        """Start of task ``i`` (>= bound) and the people it overloads on its own."""
        np = self.np
        d = self.state.dur[i]
        rows, parts = self.parts(i)
        if d == 0 or not parts:
            return bound, []
        heavy = self.too_big(rows, parts)
        start = bound
        if can_move and not heavy:
            last = max(bound, self.frontier, self.staffing.absence_end)
            self._ensure(last + d)
            c = self.contribution(rows, parts, bound, last + d)
            room = self.staffing.capacity[rows, bound:last + d] + EPSILON - self.profile[rows, bound:last + d]
            bad = ((c > 0) & (c > room)).any(axis=0)
            count = np.concatenate(([0], np.cumsum(bad)))
            fits = (count[d:] - count[:-d]) == 0
            start = bound + int(np.argmax(fits))  # fits at ``last`` at the latest
        self._ensure(start + d)
        self.profile[rows, start:start + d] += self.contribution(rows, parts, start, start + d)
        self.frontier = max(self.frontier, start + d)
        return start, heavy


def level_plan(plan: Plan, schedule: Schedule | None = None) -> LevelResult:
    """Level ``plan``: delay tasks so that nobody is over capacity where delay can achieve it.

    Parameters
    ----------
    plan
        The plan to level (left unchanged).
    schedule
        Its CPM schedule, when the caller has it.

    Returns
    -------
    LevelResult
        The levelled copy, its schedule, the moves, old and new finish,
        unresolvable tasks and the over-allocations that remain.
    """
    sched = schedule if schedule is not None else schedule_plan(plan)
    lev = _Leveller(plan, sched)
    st = lev.state
    net, dur = st.net, st.dur
    n = len(dur)
    tasks = plan.tasks
    # Tasks under way are placed as soon as they are eligible: they hold their dates.
    key = [(tasks[i].progress == 0, st.ls[i] - st.es[i], -tasks[i].priority, st.es[i], net.ids[i], i)
           for i in range(n)]
    waiting = [len(net.preds[i]) for i in range(n)]
    ready = [key[i] for i in range(n) if waiting[i] == 0]
    heapq.heapify(ready)
    es, ef = [0] * n, [0] * n
    bounds = [0] * n
    unresolved: list[Unresolved] = []
    while ready:
        i = heapq.heappop(ready)[-1]
        bound = _bound(i, net.preds[i], dur, es, ef, st.low[i])
        start, heavy = lev.place(i, bound, can_move=tasks[i].progress == 0)
        bounds[i], es[i], ef[i] = bound, start, start + dur[i]
        if heavy:
            unresolved.append(Unresolved(net.ids[i], tuple(lev.staffing.people[r] for r in heavy)))
        for s, _, _ in net.succs[i]:
            waiting[s] -= 1
            if waiting[s] == 0:
                heapq.heappush(ready, key[s])

    cal = sched.calendar
    data = plan.model_copy(deep=True)
    levelled = {i for i in range(n) if es[i] > bounds[i]}
    for i in sorted(levelled):
        data.tasks[i].not_before = cal.date_of(es[i])
    new_sched = schedule_plan(data, cal)
    drift = [net.ids[i] for i in range(n) if new_sched.tasks[net.ids[i]].es != es[i]]
    if drift:  # pragma: no cover - the not-before dates reproduce the placement by construction
        raise RuntimeError(f"levelled plan does not reproduce the levelled dates for {drift[:5]}")
    moves = []
    for i in range(n):
        if es[i] != st.es[i]:
            tid = net.ids[i]
            moves.append(Move(tid, sched.tasks[tid].start, new_sched.tasks[tid].start, es[i] - st.es[i],
                              i in levelled))
    order = {t.id: k for k, t in enumerate(tasks)}
    unresolved.sort(key=lambda u: order[u.task])
    return LevelResult(
        plan=data,
        schedule=new_sched,
        moves=moves,
        old_finish=sched.finish,
        new_finish=new_sched.finish,
        finish_delay=new_sched.finish_point - sched.finish_point,
        unresolved=unresolved,
        remaining=compute_load(data, new_sched).over_allocations(),
    )
