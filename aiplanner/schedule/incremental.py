"""Incremental rescheduling: after an edit, recompute only what depends on it.

The window reschedules on every keystroke. :class:`IncrementalScheduler`
keeps the last computed state; :meth:`IncrementalScheduler.update` takes the
ids of the tasks whose inputs changed (what document events carry) and

- re-reads those tasks' inputs (duration, not-before, deadline, phase, link
  types and lags);
- runs the forward pass from them through their descendants only, in
  topological order, stopping wherever early dates do not change;
- moves every late date by the change of the project finish (late dates are
  all "finish minus something", so a moved finish shifts them exactly), then
  runs the backward pass from the changed tasks through their ancestors only.

Structural edits (tasks added, removed, renamed or moved; predecessors added
or removed; the plan start or calendar changed) rebuild everything, which
also re-checks for cycles. Every result equals what :func:`schedule_plan`
computes from scratch (the tests check this on random edits).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from aiplanner.model.events import Event
from aiplanner.model.plan import Plan
from aiplanner.schedule.calendar import WorkCalendar
from aiplanner.schedule.cpm import Schedule, ScheduleState, assemble, phase_members, prepare_state, run_passes
from aiplanner.schedule.network import KIND_CODE, Edge
from aiplanner.schedule.passes import backward_node, forward_node

__all__ = ["IncrementalScheduler"]

#: Document events that cannot change dates.
_NO_SCHEDULE_CHANGE = frozenset({"saved", "staffing_changed"})


def _inputs(task) -> tuple:
    return (task.duration, task.milestone, task.not_before, task.deadline, task.phase)


class IncrementalScheduler:
    """Keeps a plan's schedule up to date edit by edit.

    Parameters
    ----------
    plan
        The plan to schedule (edited in place by a :class:`Document`).

    Examples
    --------
    >>> import datetime as dt
    >>> from aiplanner.model import Phase, Plan, Task, Dependency
    >>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")], tasks=[
    ...     Task(id="a", name="A", phase="p", duration=5),
    ...     Task(id="b", name="B", phase="p", duration=2, depends_on=[Dependency(task="a")])])
    >>> inc = IncrementalScheduler(plan)
    >>> inc.schedule.finish
    datetime.date(2026, 5, 12)
    >>> plan.tasks[0] = plan.tasks[0].model_copy(update={"duration": 6})
    >>> inc.update(["a"]).finish
    datetime.date(2026, 5, 13)
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.full_rebuilds = 0
        self._rebuild()

    @property
    def schedule(self) -> Schedule:
        """The latest schedule."""
        return self._schedule

    # -- full ---------------------------------------------------------------
    def _rebuild(self) -> Schedule:
        plan = self.plan
        self._stale = True  # stays set if scheduling fails, so the next update rebuilds
        cal = WorkCalendar(plan.calendar, plan.start)
        state = prepare_state(plan, cal)
        run_passes(state)
        self._members = phase_members(plan)
        self._schedule = assemble(plan, state, self._members)
        self._state = state
        self._start = plan.start
        self._calendar = plan.calendar.model_copy(deep=True)
        self._phase_ids = [p.id for p in plan.phases]
        self._links = [tuple((d.task, d.type, d.lag) for d in t.depends_on) for t in plan.tasks]
        self._inputs = [_inputs(t) for t in plan.tasks]
        self._stale = False
        self.full_rebuilds += 1
        return self._schedule

    def rebuild(self, plan: Plan | None = None) -> Schedule:
        """Schedule from scratch (optionally a different plan object)."""
        if plan is not None:
            self.plan = plan
        return self._rebuild()

    # -- incremental --------------------------------------------------------
    def update(self, changed: Iterable[str] = (), plan: Plan | None = None) -> Schedule:
        """Reschedule after the tasks ``changed`` were edited; return the new schedule.

        Parameters
        ----------
        changed
            Ids of the tasks whose scheduling inputs changed (an event's ``tasks``).
        plan
            The plan, when the document now holds a different plan object.

        Raises
        ------
        DependencyCycleError, UnknownTaskError, CalendarError
            As :func:`schedule_plan`; the previous schedule stays available
            and the next update starts from scratch.
        """
        if plan is not None and plan is not self.plan:
            self.plan = plan
            return self._rebuild()
        plan = self.plan
        old = self._state
        net = old.net
        if (self._stale or plan.start != self._start or plan.calendar != self._calendar
                or len(plan.tasks) != len(net.ids)):
            return self._rebuild()
        tasks = plan.tasks
        changed_idx: list[int] = []
        link_changes: dict[int, list[Edge]] = {}
        for tid in dict.fromkeys(changed):
            i = net.index.get(tid)
            if i is None or tasks[i].id != tid:
                return self._rebuild()  # added, removed, renamed or moved
            task = tasks[i]
            key = tuple((d.task, d.type, d.lag) for d in task.depends_on)
            if key != self._links[i]:
                if [k[0] for k in key] != [k[0] for k in self._links[i]] or len({k[0] for k in key}) != len(key):
                    return self._rebuild()  # predecessors added or removed
                link_changes[i] = [(net.index[p], KIND_CODE[kind], lag) for p, kind, lag in key]
            changed_idx.append(i)
        phase_ids = [p.id for p in plan.phases]
        members = self._members
        self._stale = True  # until this update completes
        state = old.copy()
        if link_changes:
            state.net = net.with_link_values(link_changes)
        cal = state.cal
        for i in changed_idx:
            task = tasks[i]
            inputs = _inputs(task)
            if inputs[4] != self._inputs[i][4]:
                members = None
            self._inputs[i] = inputs
            state.dur[i] = task.duration
            state.milestone[i] = task.milestone or task.duration == 0
            state.low[i] = max(0, cal.index_on_or_after(task.not_before)) if task.not_before is not None else 0
            if task.deadline is not None:
                state.deadline[i] = cal.index_on_or_before(task.deadline)
            else:
                state.deadline.pop(i, None)
        for i, edges in link_changes.items():
            self._links[i] = tuple((net.ids[p], kind, lag) for p, kind, lag in edges)
        if phase_ids != self._phase_ids:
            members = None
        if members is None:
            members = phase_members(plan)
        self._forward(state, changed_idx)
        delta = state.finish_point - old.finish_point
        if delta:
            # Every late date is the finish minus a fixed amount: a moved finish shifts them all.
            state.ls = [x + delta for x in state.ls]
            state.lf = [x + delta for x in state.lf]
        self._backward(state, changed_idx, list(link_changes))
        self._members = members
        self._phase_ids = phase_ids
        self._state = state
        self._stale = False
        self._schedule = assemble(plan, state, members, self._schedule.order)
        return self._schedule

    def handle_event(self, event: Event, plan: Plan | None = None) -> Schedule:
        """Reschedule for a document event (``plan``: the document's current plan)."""
        if event.kind in _NO_SCHEDULE_CHANGE:
            return self._schedule
        if event.kind in ("plan_replaced", "task_added", "task_removed", "task_moved"):
            if plan is not None:
                self.plan = plan
            return self._rebuild()
        return self.update(event.tasks, plan)

    @staticmethod
    def _forward(state: ScheduleState, seeds: list[int]) -> None:
        net = state.net
        pos, order, preds, succs = net.pos, net.order, net.preds, net.succs
        dur, low, es, ef, rep = state.dur, state.low, state.es, state.ef, state.rep
        heap = [pos[i] for i in seeds]
        heapq.heapify(heap)
        queued = set(seeds)
        push, pop = heapq.heappush, heapq.heappop
        while heap:
            i = order[pop(heap)]
            d = dur[i]
            start, r = forward_node(d, low[i], preds[i], dur, es, ef, rep)
            if start == es[i] and start + d == ef[i] and r == rep[i]:
                continue
            es[i] = start
            ef[i] = start + d
            rep[i] = r
            for s, _, _ in succs[i]:
                if s not in queued:
                    queued.add(s)
                    push(heap, pos[s])
        state.finish_point = max(ef, default=0)

    @staticmethod
    def _backward(state: ScheduleState, changed: list[int], link_sources: list[int]) -> None:
        net = state.net
        pos, order, preds, succs = net.pos, net.order, net.preds, net.succs
        dur, ls, lf = state.dur, state.ls, state.lf
        finish = state.finish_point
        seeds = set(changed)
        for i in link_sources:  # a changed link moves its predecessors' late dates
            seeds.update(p for p, _, _ in preds[i])
        heap = [-pos[i] for i in seeds]
        heapq.heapify(heap)
        push, pop = heapq.heappush, heapq.heappop
        queued = seeds
        while heap:
            i = order[-pop(heap)]
            d = dur[i]
            late = backward_node(d, succs[i], finish, ls, lf)
            if late == lf[i] and late - d == ls[i]:
                continue
            lf[i] = late
            ls[i] = late - d
            for p, _, _ in preds[i]:
                if p not in queued:
                    queued.add(p)
                    push(heap, -pos[p])
