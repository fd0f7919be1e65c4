"""Critical path method over the plan's dependency network.

Semantics (DESIGN.md "Scheduling semantics"): time points counted in
working days from the plan start; a task occupies ``S .. E`` with
``E = S + duration``; links FS/SS/FF/SF with lags (see
:mod:`aiplanner.schedule.passes`). Tasks start as soon as possible, never
before the plan start (time point 0) nor before their not-before date. The
backward pass runs from the project finish; total float = late start -
early start, critical = total float <= 0. Deadlines never move a task; a
missed one is reported with the working days it is missed by.

The passes run on integer-indexed lists; per-task :class:`TaskTimes` are
built on first access (``Schedule.tasks`` is a read-only mapping), so a
10,000-task schedule costs little more than its two passes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from aiplanner.model.values import Frozen
from aiplanner.schedule.calendar import WorkCalendar
from aiplanner.schedule.graph import build_graph, topological_order
from aiplanner.schedule.network import Network, build_network
from aiplanner.schedule.passes import backward_all, forward_all, free_float
from aiplanner.schedule.phases import PhaseSpan, phase_members, phase_spans, phase_spans_of

if TYPE_CHECKING:  # the plan is read by attribute: a validated record will do as well (model.fastread)
    from aiplanner.model.plan import Plan

__all__ = [
    "TaskTimes",
    "PhaseSpan",
    "Schedule",
    "ScheduleState",
    "TaskTable",
    "build_graph",
    "topological_order",
    "schedule_plan",
    "date_span",
    "phase_spans",
    "phase_members",
    "prepare_state",
    "run_passes",
    "assemble",
]


_set = object.__setattr__


class TaskTimes(Frozen):
    """Computed dates of one task (never stored in the document); ``deadline_late``:
    working days past the deadline, if missed."""

    __slots__ = ("id", "duration", "es", "ef", "ls", "lf", "start", "finish", "late_start", "late_finish",
                 "total_float", "free_float", "critical", "milestone", "deadline_late")

    def __init__(self, id: str, duration: int, es: int, ef: int, ls: int, lf: int, start: dt.date,
                 finish: dt.date, late_start: dt.date, late_finish: dt.date, total_float: int, free_float: int,
                 critical: bool, milestone: bool, deadline_late: int | None = None) -> None:
        # (one call each: a schedule makes thousands of these)
        _set(self, "id", id)
        _set(self, "duration", duration)
        _set(self, "es", es)
        _set(self, "ef", ef)
        _set(self, "ls", ls)
        _set(self, "lf", lf)
        _set(self, "start", start)
        _set(self, "finish", finish)
        _set(self, "late_start", late_start)
        _set(self, "late_finish", late_finish)
        _set(self, "total_float", total_float)
        _set(self, "free_float", free_float)
        _set(self, "critical", critical)
        _set(self, "milestone", milestone)
        _set(self, "deadline_late", deadline_late)


class ScheduleState:
    """The raw result of the passes: plain lists indexed like ``net.ids``.

    Shared between a :class:`Schedule` and the incremental scheduler; a
    schedule never sees its state change (the scheduler copies before it
    edits).
    """

    __slots__ = ("net", "cal", "dur", "low", "milestone", "deadline", "es", "ef", "ls", "lf", "rep",
                 "finish_point")

    def __init__(self, net: Network, cal: WorkCalendar, dur: list[int], low: list[int],
                 milestone: list[bool], deadline: dict[int, int]) -> None:
        self.net = net
        self.cal = cal
        self.dur = dur
        self.low = low
        self.milestone = milestone
        self.deadline = deadline  # task index -> last allowed working day
        self.es: list[int] = []
        self.ef: list[int] = []
        self.ls: list[int] = []
        self.lf: list[int] = []
        self.rep: list[bool] = []
        self.finish_point = 0

    def copy(self) -> ScheduleState:
        """A copy whose time lists can be edited without touching this one."""
        other = ScheduleState(self.net, self.cal, list(self.dur), list(self.low), list(self.milestone),
                              dict(self.deadline))
        other.es, other.ef, other.ls, other.lf = list(self.es), list(self.ef), list(self.ls), list(self.lf)
        other.rep = list(self.rep)
        other.finish_point = self.finish_point
        return other

    def first_day(self, i: int) -> int:
        """Working day on which task ``i`` starts (a milestone: the day it is dated on)."""
        return self.es[i] - 1 if self.rep[i] else self.es[i]

    def last_day(self, i: int) -> int:
        """Working day on which task ``i`` finishes (a milestone: the day it is dated on)."""
        if self.dur[i] > 0:
            return self.ef[i] - 1
        return self.es[i] - 1 if self.rep[i] else self.es[i]

    def days_late(self, i: int) -> int | None:
        """Working days past the deadline, or None when met or absent."""
        limit = self.deadline.get(i)
        if limit is None:
            return None
        late = self.last_day(i) - limit
        return late if late > 0 else None

    def times(self, i: int) -> TaskTimes:
        """The :class:`TaskTimes` of task ``i``."""
        cal = self.cal
        es, ef, ls, lf = self.es[i], self.ef[i], self.ls[i], self.lf[i]
        rep = self.rep[i]
        start, finish = date_span(cal, es, ef, rep)
        late_start, late_finish = date_span(cal, ls, lf, rep)
        total = ls - es
        return TaskTimes(
            id=self.net.ids[i],
            duration=self.dur[i],
            es=es,
            ef=ef,
            ls=ls,
            lf=lf,
            start=start,
            finish=finish,
            late_start=late_start,
            late_finish=late_finish,
            total_float=total,
            free_float=free_float(i, self.net, self.es, self.ef, self.finish_point),
            critical=total <= 0,
            milestone=self.milestone[i],
            deadline_late=self.days_late(i),
        )


class TaskTable(Mapping):
    """Task id -> :class:`TaskTimes`, in document order, built on first access."""

    __slots__ = ("_state", "_cache")

    def __init__(self, state: ScheduleState) -> None:
        self._state = state
        self._cache: dict[str, TaskTimes] = {}

    def __getitem__(self, task_id: str) -> TaskTimes:
        times = self._cache.get(task_id)
        if times is None:
            times = self._cache[task_id] = self._state.times(self._state.net.index[task_id])
        return times

    def __iter__(self) -> Iterator[str]:
        return iter(self._state.net.ids)

    def __len__(self) -> int:
        return len(self._state.net.ids)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._state.net.index

    def __repr__(self) -> str:
        return f"TaskTable({len(self)} tasks)"

    def changed_since(self, older: Mapping[str, TaskTimes]) -> list[str] | None:
        """Ids (document order) whose :class:`TaskTimes` differ from ``older``'s, or ``None``
        when the two cannot be compared from their raw lists (another network or calendar:
        compare the times themselves then).

        Read from the passes' lists without building a single :class:`TaskTimes`: what a
        table of 1,000 rows needs to repaint after one edit, in well under a millisecond.
        """
        if not isinstance(older, TaskTable):
            return None
        a, b = older._state, self._state
        if a is b:
            return []
        if a.net is not b.net or a.cal is not b.cal:
            return None
        changed = []
        for i, task_id in enumerate(b.net.ids):
            if (a.es[i] != b.es[i] or a.ef[i] != b.ef[i] or a.ls[i] != b.ls[i] or a.lf[i] != b.lf[i]
                    or a.rep[i] != b.rep[i] or a.dur[i] != b.dur[i] or a.milestone[i] != b.milestone[i]
                    or a.days_late(i) != b.days_late(i)
                    or free_float(i, a.net, a.es, a.ef, a.finish_point)
                    != free_float(i, b.net, b.es, b.ef, b.finish_point)):
                changed.append(task_id)
        return changed


class Schedule:
    """The result of scheduling a plan (``state``: the passes' raw lists, when kept)."""

    _FIELDS = ("plan_start", "calendar", "tasks", "phases", "order", "finish_point", "start", "finish",
               "missed_deadlines")  # compared and shown (not the state)

    def __init__(self, plan_start: dt.date, calendar: WorkCalendar, tasks: Mapping[str, TaskTimes],
                 phases: dict[str, PhaseSpan], order: list[str], finish_point: int, start: dt.date, finish: dt.date,
                 missed_deadlines: list[str] | None = None, state: ScheduleState | None = None) -> None:
        self.plan_start = plan_start
        self.calendar = calendar
        self.tasks = tasks
        self.phases = phases
        self.order = order
        self.finish_point = finish_point
        self.start = start
        self.finish = finish
        self.missed_deadlines = [] if missed_deadlines is None else missed_deadlines
        self.state = state

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._FIELDS)

    __hash__ = None  # mutable, as before

    def __repr__(self) -> str:
        return f"Schedule({', '.join(f'{name}={getattr(self, name)!r}' for name in self._FIELDS)})"

    @property
    def duration(self) -> int:
        """Working days from the plan start to the project finish."""
        return self.finish_point

    def critical_tasks(self) -> list[str]:
        """Ids of critical tasks in topological order."""
        if self.state is not None:
            st = self.state
            return [st.net.ids[i] for i in st.net.order if st.ls[i] <= st.es[i]]
        return [t for t in self.order if self.tasks[t].critical]

    def days_late(self) -> dict[str, int]:
        """Missed deadlines: task id -> working days late."""
        return {t: self.tasks[t].deadline_late or 0 for t in self.missed_deadlines}


def date_span(calendar: WorkCalendar, es: int, ef: int, end_bound: bool) -> tuple[dt.date, dt.date]:
    """Start and finish dates of a span of time points.

    A span with duration is dated by its first and last working days. A
    milestone (``es == ef``) is dated on the working day that ends at its
    time point when an end-type link binds it, else on the day that begins
    at it (as MS Project does).
    """
    if ef > es:
        return calendar.date_of(es), calendar.date_of(ef - 1)
    day = calendar.date_of(es - 1) if end_bound else calendar.date_of(es)
    return day, day


def prepare_state(plan: Plan, cal: WorkCalendar, net: Network | None = None) -> ScheduleState:
    """Index ``plan`` and read the per-task inputs of the passes."""
    net = net or build_network(plan)
    dur: list[int] = []
    low: list[int] = []
    milestone: list[bool] = []
    deadline: dict[int, int] = {}
    for i, task in enumerate(plan.tasks):
        dur.append(task.duration)
        milestone.append(task.milestone or task.duration == 0)
        low.append(max(0, cal.index_on_or_after(task.not_before)) if task.not_before is not None else 0)
        if task.deadline is not None:
            deadline[i] = cal.index_on_or_before(task.deadline)
    return ScheduleState(net, cal, dur, low, milestone, deadline)


def run_passes(state: ScheduleState) -> None:
    """Both passes over the whole network (fills ``state`` in place)."""
    state.es, state.ef, state.rep = forward_all(state.net, state.dur, state.low)
    state.finish_point = max(state.ef, default=0)
    state.ls, state.lf = backward_all(state.net, state.dur, state.finish_point)


def assemble(plan: Plan, state: ScheduleState, members: dict[str, list[int]] | None = None,
             order_ids: list[str] | None = None) -> Schedule:
    """Wrap a computed state as a :class:`Schedule` (phases, project span, deadlines)."""
    cal = state.cal
    es, ef, rep, dur = state.es, state.ef, state.rep, state.dur
    if dur:
        first = min(e - 1 if r else e for e, r in zip(es, rep))
        last = max(f - 1 if d else (e - 1 if r else e) for e, f, r, d in zip(es, ef, rep, dur))
        start, finish = cal.date_of(first), cal.date_of(last)
    else:
        start = finish = cal.date_of(0)
    missed = [state.net.ids[i] for i in sorted(state.deadline) if state.days_late(i) is not None]
    if order_ids is None:
        ids = state.net.ids
        order_ids = [ids[i] for i in state.net.order]
    return Schedule(
        plan_start=plan.start,
        calendar=cal,
        tasks=TaskTable(state),
        phases=phase_spans_of(state, phase_members(plan) if members is None else members),
        order=order_ids,
        finish_point=state.finish_point,
        start=start,
        finish=finish,
        missed_deadlines=missed,
        state=state,
    )


def schedule_plan(plan: Plan, calendar: WorkCalendar | None = None) -> Schedule:
    """Compute early and late dates, floats and the critical path of ``plan``.

    Raises
    ------
    UnknownTaskError
        A link names a task that is not in the plan (both ids are named).
    DependencyCycleError
        The links form a loop (the tasks of one loop are named in order).
    CalendarError
        The calendar cannot be used (unknown holiday region, dates out of range).
    """
    cal = calendar or WorkCalendar(plan.calendar, plan.start)
    state = prepare_state(plan, cal)
    run_passes(state)
    return assemble(plan, state)
