"""Load per person and per role, over-allocation and unstaffed roles.

A task puts load on the roles it demands on each of its working days (a
milestone puts none); a role's demand is split among the people holding it
in proportion to their assignment ``share``, among those not absent that day
(see :mod:`aiplanner.schedule.staff` for the full rule). A person is
**over-allocated** on a working day when their load exceeds their capacity
that day (0 when absent). Per week, load and capacity are summed over the
working days of the calendar week (Monday to Sunday) and so are in
person-days; per day they are in FTE.

Examples
--------
>>> import datetime as dt
>>> from aiplanner.model import Assignment, Person, Phase, Plan, Role, RoleDemand, Task
>>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
...     roles=[Role(id="pm", name="PM")], people=[Person(id="ann", name="Ann")],
...     assignments=[Assignment(person="ann", role="pm")],
...     tasks=[Task(id="a", name="A", phase="p", duration=5, demands=[RoleDemand(role="pm", fte=0.5)]),
...            Task(id="b", name="B", phase="p", duration=2, demands=[RoleDemand(role="pm", fte=0.75)])])
>>> load = compute_load(plan)
>>> [float(x) for x in load.person_load[0]]
[1.25, 1.25, 0.5, 0.5, 0.5]
>>> [(o.person, o.days, o.tasks) for o in load.over_allocations()]
[('ann', 2, ('a', 'b'))]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from aiplanner.model.plan import Plan
from aiplanner.schedule.cpm import Schedule, schedule_plan
from aiplanner.schedule.staff import EPSILON, Staffing

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["OverAllocation", "UnstaffedRole", "LoadTable", "Load", "compute_load"]


@dataclass(frozen=True)
class OverAllocation:
    """A run of consecutive working days on which one person is over capacity."""

    person: str
    first: dt.date
    last: dt.date
    days: int  # working days in the run
    peak: float  # highest load on a day of the run (FTE)
    capacity: float  # the capacity on that peak day (FTE)
    excess: float  # load above capacity summed over the run (person-days)
    weeks: tuple[dt.date, ...]  # Mondays of the weeks the run touches
    tasks: tuple[str, ...]  # tasks whose demand lands on the person in the run (plan order)


@dataclass(frozen=True)
class UnstaffedRole:
    """A role that tasks demand but that nobody holds."""

    role: str
    tasks: tuple[str, ...]
    demand: float  # person-days of work nobody can do


@dataclass(frozen=True)
class LoadTable:
    """Load and capacity of people or roles per period (rows x periods)."""

    by: str  # "person" or "role"
    period: str  # "week" or "day"
    ids: list[str]
    periods: list[dt.date]  # Mondays for weeks, dates for days
    load: Any  # np.ndarray rows x periods
    capacity: Any  # np.ndarray rows x periods
    over: Any  # np.ndarray[bool] rows x periods: over capacity on at least one day of the period


class Load:
    """The load of a scheduled plan; build it with :func:`compute_load`."""

    def __init__(self, plan: Plan, schedule: Schedule, staffing: Staffing, demands: dict[str, Any],
                 person_load: "np.ndarray", role_demand: "np.ndarray") -> None:
        self.plan = plan
        self.schedule = schedule
        self.staffing = staffing
        self._demands = demands  # arrays: task (plan position), role (row), es, ef, fte
        #: FTE per person (rows in ``people``) and working day.
        self.person_load = person_load
        #: FTE demanded per role (rows in ``roles``) and working day.
        self.role_demand = role_demand

    people = property(lambda self: self.staffing.people)
    roles = property(lambda self: self.staffing.roles)
    capacity = property(lambda self: self.staffing.capacity)
    horizon = property(lambda self: self.staffing.horizon)

    @cached_property
    def days(self) -> list[dt.date]:
        """Dates of the working days the arrays cover."""
        return self.staffing.day_dates()

    @cached_property
    def _weeks(self) -> tuple[list[dt.date], "np.ndarray"]:
        import numpy as np

        mondays = [d - dt.timedelta(days=d.weekday()) for d in self.days]
        starts = [i for i, m in enumerate(mondays) if i == 0 or m != mondays[i - 1]]
        return [mondays[i] for i in starts], np.array(starts, dtype=np.intp)

    def table(self, by: Literal["person", "role"] = "person", period: Literal["week", "day"] = "week") -> LoadTable:
        """Load and capacity per person (or role) per week (or day).

        For roles, "capacity" is the summed capacity of the people holding
        the role (each counted fully in every role they hold).
        """
        import numpy as np

        if by == "person":
            ids, load, cap = list(self.people), self.person_load, self.capacity
        elif by == "role":
            ids, load, cap = list(self.roles), self.role_demand, self.staffing.role_capacity()
        else:
            raise ValueError(f"by must be 'person' or 'role', not {by!r}")
        over = load > cap + EPSILON
        if period == "day":
            return LoadTable(by, period, ids, list(self.days), load, cap, over)
        if period != "week":
            raise ValueError(f"period must be 'week' or 'day', not {period!r}")
        mondays, starts = self._weeks
        if self.horizon == 0 or not ids:
            shape = (len(ids), len(mondays))
            return LoadTable(by, period, ids, mondays, np.zeros(shape), np.zeros(shape), np.zeros(shape, bool))
        return LoadTable(by, period, ids, mondays, np.add.reduceat(load, starts, axis=1),
                         np.add.reduceat(cap, starts, axis=1), np.logical_or.reduceat(over, starts, axis=1))

    @cached_property
    def over_days(self) -> "np.ndarray":
        """Boolean people x days: load above capacity."""
        return self.person_load > self.capacity + EPSILON

    def over_allocated_people(self) -> list[str]:
        """Ids of people over capacity on at least one day (plan order)."""
        return [self.people[i] for i in self.over_days.any(axis=1).nonzero()[0]]

    def over_allocations(self) -> list[OverAllocation]:
        """Every run of over-allocated days, by person (plan order) then date."""
        return list(self._over_allocations)

    @cached_property
    def _over_allocations(self) -> list[OverAllocation]:
        import numpy as np

        over = self.over_days
        found: list[OverAllocation] = []
        mondays, week_starts = self._weeks
        week_of_day = np.searchsorted(week_starts, np.arange(self.horizon), side="right") - 1
        for row in over.any(axis=1).nonzero()[0]:
            flags = np.concatenate(([0], over[row].astype(np.int8), [0]))
            edges = np.diff(flags)
            starts, ends = (edges == 1).nonzero()[0], (edges == -1).nonzero()[0]
            hits = self._tasks_in_runs(row, over[row], starts, ends)
            load, cap = self.person_load[row], self.capacity[row]
            for run, (a, b) in enumerate(zip(starts, ends)):
                peak_at = a + int(np.argmax(load[a:b]))
                weeks = sorted({mondays[w] for w in week_of_day[a:b]})
                found.append(OverAllocation(
                    person=self.people[row],
                    first=self.days[a],
                    last=self.days[b - 1],
                    days=int(b - a),
                    peak=round(float(load[peak_at]), 9),
                    capacity=float(cap[peak_at]),
                    excess=round(float((load[a:b] - cap[a:b]).sum()), 9),
                    weeks=tuple(weeks),
                    tasks=hits[run],
                ))
        return found

    def _tasks_in_runs(self, row: int, over: "np.ndarray", starts: "np.ndarray", ends: "np.ndarray") -> list[tuple]:
        """Ids (plan order) of the tasks whose demand lands on person ``row``, per run."""
        import numpy as np

        dem = self._demands
        found_runs, found_tasks = [], []
        for role in self.staffing.roles_of_person[row]:
            holders = self.staffing.holders[role]
            k = int(np.nonzero(holders.people == row)[0][0])
            # Days of the runs on which this role's demand reaches the person.
            count = np.concatenate(([0], np.cumsum(over & (holders.weights[k] > 0))))
            sel = (dem["role"] == self.staffing.role_row[role]).nonzero()[0]
            es, ef = dem["es"][sel], dem["ef"][sel]
            touching = (count[ef] - count[es]) > 0
            sel, es, ef = sel[touching], es[touching], ef[touching]
            # Each entry against every run its span overlaps.
            first = np.searchsorted(ends, es, side="right")
            n = np.searchsorted(starts, ef, side="left") - first
            entry = np.repeat(np.arange(len(sel)), n)
            offset = np.arange(len(entry)) - np.repeat(np.cumsum(n) - n, n)
            run = np.repeat(first, n) + offset
            a = np.maximum(es[entry], starts[run])
            b = np.minimum(ef[entry], ends[run])
            real = (count[b] - count[a]) > 0
            found_runs.append(run[real])
            found_tasks.append(dem["task"][sel[entry[real]]])
        if not found_runs:
            return [() for _ in starts]
        n = len(self.plan.tasks)
        key = np.unique(np.concatenate(found_runs) * n + np.concatenate(found_tasks))  # sorted: run, then task
        cuts = np.searchsorted(key // n, np.arange(len(starts) + 1))
        ids = self._task_ids[key % n]
        return [tuple(ids[a:b].tolist()) for a, b in zip(cuts[:-1], cuts[1:])]

    @cached_property
    def _task_ids(self) -> "np.ndarray":
        import numpy as np

        return np.array([t.id for t in self.plan.tasks], dtype=object)

    def unstaffed_roles(self) -> list[UnstaffedRole]:
        """Roles with demand but nobody holding them (role list order)."""
        found = []
        dem = self._demands
        for role in self.roles:
            if self.staffing.is_staffed(role):
                continue
            sel = (dem["role"] == self.staffing.role_row[role]).nonzero()[0]
            if len(sel) == 0:
                continue
            tasks = sorted({int(t) for t in dem["task"][sel]})
            work = float((dem["fte"][sel] * (dem["ef"][sel] - dem["es"][sel])).sum())
            found.append(UnstaffedRole(role, tuple(self.plan.tasks[i].id for i in tasks), round(work, 9)))
        return found


def demand_entries(plan: Plan, schedule: Schedule, staffing: Staffing) -> dict[str, Any]:
    """One entry per (task, demanded role) of tasks that take time, as parallel arrays."""
    import numpy as np

    task, role, es, ef, fte = [], [], [], [], []
    times = schedule.tasks
    row_of = staffing.role_row
    for pos, t in enumerate(plan.tasks):
        if not t.demands:
            continue
        tt = times[t.id]
        if tt.ef <= tt.es:
            continue
        for demand in t.demands:
            task.append(pos)
            role.append(row_of[demand.role])
            es.append(tt.es)
            ef.append(tt.ef)
            fte.append(demand.fte)
    return {
        "task": np.array(task, dtype=np.intp),
        "role": np.array(role, dtype=np.intp),
        "es": np.array(es, dtype=np.intp),
        "ef": np.array(ef, dtype=np.intp),
        "fte": np.array(fte, dtype=float),
    }


def compute_load(plan: Plan, schedule: Schedule | None = None) -> Load:
    """Daily load of every person and role for ``plan`` as ``schedule`` places its tasks.

    Parameters
    ----------
    plan
        The plan (tasks with demands, people, assignments, absences).
    schedule
        Its schedule; computed with :func:`schedule_plan` when not given.
    """
    import numpy as np

    sched = schedule if schedule is not None else schedule_plan(plan)
    horizon = max((t.ef for t in sched.tasks.values()), default=0)
    staffing = Staffing(plan, sched.calendar, horizon)
    dem = demand_entries(plan, sched, staffing)
    n_roles = len(staffing.roles)
    diff = np.zeros((n_roles, horizon + 1))
    np.add.at(diff, (dem["role"], dem["es"]), dem["fte"])
    np.add.at(diff, (dem["role"], dem["ef"]), -dem["fte"])
    role_demand = np.cumsum(diff, axis=1)[:, :horizon]
    person_load = np.zeros((len(staffing.people), horizon))
    for role, holders in staffing.holders.items():
        r = staffing.role_row.get(role)
        if r is None:
            continue
        person_load[holders.people] += role_demand[r][None, :] * holders.weights
    return Load(plan, sched, staffing, dem, person_load, role_demand)
