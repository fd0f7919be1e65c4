"""Critical path method over the plan's dependency graph.

Semantics (DESIGN.md "Scheduling semantics"): time points counted in
working days from the plan start; a task occupies ``S .. E`` with
``E = S + duration``; links constrain

- FS: ``S_succ >= E_pred + lag``
- SS: ``S_succ >= S_pred + lag``
- FF: ``E_succ >= E_pred + lag``
- SF: ``E_succ >= S_pred + lag``

Tasks start as soon as possible, never before the plan start (time point 0)
nor before their not-before date. The backward pass runs from the project
finish; total float = late start - early start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import networkx as nx

from aiplanner.model.errors import DependencyCycleError, UnknownTaskError
from aiplanner.model.plan import Plan
from aiplanner.schedule.calendar import WorkCalendar

__all__ = ["TaskTimes", "PhaseSpan", "Schedule", "build_graph", "schedule_plan", "date_span"]



@dataclass(frozen=True, slots=True)
class TaskTimes:
    """Computed dates of one task (never stored in the document)."""

    id: str
    duration: int
    es: int
    ef: int
    ls: int
    lf: int
    start: dt.date
    finish: dt.date
    late_start: dt.date
    late_finish: dt.date
    total_float: int
    free_float: int
    critical: bool
    milestone: bool
    deadline_late: int | None = None  # working days past the deadline, if missed


@dataclass(frozen=True, slots=True)
class PhaseSpan:
    """A phase spans from its first task's start to its last task's finish."""

    id: str
    es: int
    ef: int
    start: dt.date
    finish: dt.date
    duration: int  # working days from first start to last finish


@dataclass
class Schedule:
    """The result of scheduling a plan."""

    plan_start: dt.date
    calendar: WorkCalendar
    tasks: dict[str, TaskTimes]
    phases: dict[str, PhaseSpan]
    order: list[str]
    finish_point: int
    start: dt.date
    finish: dt.date
    missed_deadlines: list[str] = field(default_factory=list)

    @property
    def duration(self) -> int:
        """Working days from the plan start to the project finish."""
        return self.finish_point

    def critical_tasks(self) -> list[str]:
        """Ids of critical tasks in topological order."""
        return [t for t in self.order if self.tasks[t].critical]


def build_graph(plan: Plan) -> nx.DiGraph:
    """Predecessor -> successor graph; edge data ``type`` and ``lag``.

    Raises
    ------
    UnknownTaskError
        A link names a task that is not in the plan (both ids are named).
    """
    graph = nx.DiGraph()
    for task in plan.tasks:
        graph.add_node(task.id, duration=task.duration)
    for task in plan.tasks:
        for dep in task.depends_on:
            if dep.task not in graph:
                raise UnknownTaskError(dep.task, referenced_by=task.id)
            if dep.task == task.id:
                raise DependencyCycleError([task.id])
            graph.add_edge(dep.task, task.id, type=dep.type, lag=dep.lag)
    return graph


def topological_order(graph: nx.DiGraph) -> list[str]:
    """Topological order; a cycle raises :class:`DependencyCycleError` naming it."""
    try:
        return list(nx.topological_sort(graph))
    except nx.NetworkXUnfeasible:
        cycle = [u for u, _ in nx.find_cycle(graph)]
        raise DependencyCycleError(cycle) from None


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


def schedule_plan(plan: Plan, calendar: WorkCalendar | None = None) -> Schedule:
    """Compute early and late dates, floats and the critical path of ``plan``."""
    cal = calendar or WorkCalendar(plan.calendar, plan.start)
    graph = build_graph(plan)
    order = topological_order(graph)
    tasks = plan.task_index()
    dur = {t.id: t.duration for t in plan.tasks}

    es: dict[str, int] = {}
    ef: dict[str, int] = {}
    end_rep: dict[str, bool] = {}
    pred_adj = graph.pred
    for tid in order:
        d = dur[tid]
        task = tasks[tid]
        start = 0
        # Which reading of the time point binds: "end of the previous working
        # day" (True) or "start of this one" (False). Only milestones show
        # the difference; on a tie the later instant (start of day) wins.
        bound_by_end = False
        if task.not_before is not None:
            start = max(start, cal.index_on_or_after(task.not_before))
        for pid, link in pred_adj[tid].items():
            kind = link["type"]
            lag = link["lag"]
            if kind == "FS":
                candidate = ef[pid] + lag
                rep = end_rep[pid] if dur[pid] == 0 else True
            elif kind == "SS":
                candidate = es[pid] + lag
                rep = end_rep[pid] if dur[pid] == 0 else False
            elif kind == "FF":
                candidate = ef[pid] + lag - d
                rep = end_rep[pid] if dur[pid] == 0 else True
            else:  # SF
                candidate = es[pid] + lag - d
                rep = end_rep[pid] if dur[pid] == 0 else False
            if candidate > start:
                start = candidate
                bound_by_end = rep
            elif candidate == start and not rep:
                bound_by_end = False
        es[tid] = start
        ef[tid] = start + d
        end_rep[tid] = bound_by_end and d == 0

    finish_point = max(ef.values(), default=0)

    lf: dict[str, int] = {}
    ls: dict[str, int] = {}
    succ_adj = graph.succ
    for tid in reversed(order):
        d = dur[tid]
        late_finish = finish_point
        for sid, link in succ_adj[tid].items():
            kind = link["type"]
            lag = link["lag"]
            if kind == "FS":
                candidate = ls[sid] - lag
            elif kind == "SS":
                candidate = ls[sid] - lag + d
            elif kind == "FF":
                candidate = lf[sid] - lag
            else:  # SF
                candidate = lf[sid] - lag + d
            if candidate < late_finish:
                late_finish = candidate
        lf[tid] = late_finish
        ls[tid] = late_finish - d

    result: dict[str, TaskTimes] = {}
    missed: list[str] = []
    for task in plan.tasks:
        tid = task.id
        free = finish_point - ef[tid]
        for sid, link in succ_adj[tid].items():
            kind = link["type"]
            lag = link["lag"]
            if kind == "FS":
                slack = es[sid] - (ef[tid] + lag)
            elif kind == "SS":
                slack = es[sid] - (es[tid] + lag)
            elif kind == "FF":
                slack = ef[sid] - (ef[tid] + lag)
            else:
                slack = ef[sid] - (es[tid] + lag)
            if slack < free:
                free = slack
        total = ls[tid] - es[tid]
        start_date, finish_date = date_span(cal, es[tid], ef[tid], end_rep[tid])
        late_start_date, late_finish_date = date_span(cal, ls[tid], lf[tid], end_rep[tid])
        late_by = None
        if task.deadline is not None:
            limit = cal.index_on_or_before(task.deadline)
            last_day = ef[tid] - 1 if ef[tid] > es[tid] else (es[tid] - 1 if end_rep[tid] else es[tid])
            if last_day > limit:
                late_by = last_day - limit
                missed.append(tid)
        result[tid] = TaskTimes(
            id=tid,
            duration=dur[tid],
            es=es[tid],
            ef=ef[tid],
            ls=ls[tid],
            lf=lf[tid],
            start=start_date,
            finish=finish_date,
            late_start=late_start_date,
            late_finish=late_finish_date,
            total_float=total,
            free_float=max(free, 0),
            critical=total <= 0,
            milestone=task.is_milestone,
            deadline_late=late_by,
        )

    phases = phase_spans(plan, result, cal)
    if result:
        start_point = min(t.es for t in result.values())
        project_start = min(t.start for t in result.values())
        project_finish = max(t.finish for t in result.values())
    else:
        start_point = 0
        project_start = project_finish = cal.date_of(0)
    del start_point
    return Schedule(
        plan_start=plan.start,
        calendar=cal,
        tasks=result,
        phases=phases,
        order=order,
        finish_point=finish_point,
        start=project_start,
        finish=project_finish,
        missed_deadlines=missed,
    )


def phase_spans(plan: Plan, times: dict[str, TaskTimes], cal: WorkCalendar) -> dict[str, PhaseSpan]:
    """Each phase's span from its tasks (phases without tasks are left out)."""
    spans: dict[str, PhaseSpan] = {}
    for phase in plan.phases:
        members = [times[t.id] for t in plan.tasks if t.phase == phase.id and t.id in times]
        if not members:
            continue
        es = min(m.es for m in members)
        ef = max(m.ef for m in members)
        spans[phase.id] = PhaseSpan(
            id=phase.id,
            es=es,
            ef=ef,
            start=min(m.start for m in members),
            finish=max(m.finish for m in members),
            duration=ef - es,
        )
    return spans
