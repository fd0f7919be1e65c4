"""Who can work when: people's daily capacity and how a role's demand is shared.

This is the staffing model that both :mod:`aiplanner.schedule.load` and
:mod:`aiplanner.schedule.level` read, so that the load a user sees and the
load levelling removes are the same numbers.

The rules
---------
- Time is working days of the plan calendar, numbered as in the schedule
  (day 0 is the first working day on or after the plan start). Weekends and
  holidays are not in the numbering, so they carry neither load nor capacity.
- A person's capacity on a working day is their ``capacity`` (FTE), or 0 on a
  day inside one of their absences.
- A task demanding ``fte`` of a role while it runs puts ``fte`` of load on
  that role on each of its working days. The role's demand on a day is split
  among the people holding the role in proportion to their assignment
  ``share``, counting only holders who are not absent that day. When every
  holder is absent, the demand stays with them in proportion to their shares
  (it cannot vanish; it shows up as over-allocation).

numpy is imported inside the functions so that importing the package stays
cheap for the command line and the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiplanner.model.plan import Plan
from aiplanner.schedule.calendar import WorkCalendar

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["EPSILON", "RoleHolders", "Staffing", "absence_spans"]

#: Loads are sums of floats: a person is over capacity only beyond this margin.
EPSILON = 1e-9


def absence_spans(plan: Plan, calendar: WorkCalendar) -> dict[str, list[tuple[int, int]]]:
    """Working-day spans ``[first, end)`` of each person's absences.

    Absences that fall entirely on non-working days give no span.

    Examples
    --------
    >>> import datetime as dt
    >>> from aiplanner.model import Absence, Person, Plan
    >>> plan = Plan(start=dt.date(2026, 5, 4), people=[Person(id="ann", name="Ann",
    ...     absences=[Absence(start=dt.date(2026, 5, 7), end=dt.date(2026, 5, 11))])])
    >>> absence_spans(plan, WorkCalendar(plan.calendar, plan.start))   # Thu, Fri, Mon
    {'ann': [(3, 6)]}
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    for person in plan.people:
        found = []
        for absence in person.absences:
            first = calendar.index_on_or_after(absence.start)
            last = calendar.index_on_or_before(absence.end)
            if last >= first:
                found.append((first, last + 1))
        spans[person.id] = sorted(found)
    return spans


@dataclass(frozen=True)
class RoleHolders:
    """The people holding one role: their row numbers and daily weights.

    ``weights[k, d]`` is the fraction of the role's demand on day ``d`` that
    falls on person ``people[k]``; each column sums to 1.
    """

    role: str
    people: Any  # np.ndarray[int] of person rows
    weights: Any  # np.ndarray[float], shape (len(people), horizon)


class Staffing:
    """Daily capacity of every person and the role-sharing weights, for days ``0 .. horizon-1``.

    Parameters
    ----------
    plan
        The plan (people, roles, assignments, absences).
    calendar
        The plan's working-day calendar (the schedule's own).
    horizon
        Number of working days to cover, from day 0.
    """

    def __init__(self, plan: Plan, calendar: WorkCalendar, horizon: int) -> None:
        import numpy as np

        self.plan = plan
        self.calendar = calendar
        self.horizon = max(int(horizon), 0)
        self.people: list[str] = [p.id for p in plan.people]
        self.person_row = {pid: i for i, pid in enumerate(self.people)}
        role_ids = [r.id for r in plan.roles]
        for task in plan.tasks:  # a demand for a role missing from the list still counts
            for demand in task.demands:
                if demand.role not in role_ids:
                    role_ids.append(demand.role)
        for assignment in plan.assignments:
            if assignment.role not in role_ids:
                role_ids.append(assignment.role)
        self.roles: list[str] = role_ids
        self.role_row = {rid: i for i, rid in enumerate(role_ids)}
        self.spans = absence_spans(plan, calendar)
        #: Last working day (exclusive) touched by any absence: beyond it nothing varies by day.
        self.absence_end = max((end for spans in self.spans.values() for _, end in spans), default=0)
        self.base_capacity = np.array([p.capacity for p in plan.people], dtype=float)
        shares: dict[str, dict[int, float]] = {}
        for a in plan.assignments:
            if a.person in self.person_row:
                row = self.person_row[a.person]
                # A person listed twice for a role counts once, with the larger share.
                held = shares.setdefault(a.role, {})
                held[row] = max(held.get(row, 0.0), a.share)
        self._shares = {role: sorted(held.items()) for role, held in shares.items()}
        self.roles_of_person: list[list[str]] = [[] for _ in self.people]
        for role, held in self._shares.items():
            for row, _ in held:
                self.roles_of_person[row].append(role)
        self._build(np)

    def _build(self, np) -> None:
        horizon = self.horizon
        present = np.ones((len(self.people), horizon), dtype=bool)
        for pid, spans in self.spans.items():
            row = self.person_row[pid]
            for first, end in spans:
                lo, hi = max(first, 0), min(end, horizon)
                if hi > lo:
                    present[row, lo:hi] = False
        self.present = present
        self.capacity = self.base_capacity[:, None] * present
        self.holders: dict[str, RoleHolders] = {}
        for role, held in self._shares.items():
            rows = np.array([r for r, _ in held], dtype=np.intp)
            share = np.array([s for _, s in held], dtype=float)
            raw = share[:, None] * present[rows]
            total = raw.sum(axis=0)
            fallback = share / share.sum()
            with np.errstate(invalid="ignore", divide="ignore"):
                weights = np.where(total > 0, raw / np.where(total > 0, total, 1.0), fallback[:, None])
            self.holders[role] = RoleHolders(role=role, people=rows, weights=weights)

    def extend(self, horizon: int) -> None:
        """Cover at least ``horizon`` days (used by levelling as tasks move later)."""
        import numpy as np

        if horizon > self.horizon:
            self.horizon = int(horizon)
            self._build(np)

    def steady_share(self, role: str) -> dict[int, float]:
        """Person row -> fraction of the role's demand on a day nobody is absent."""
        held = self._shares.get(role, [])
        total = sum(s for _, s in held)
        return {row: s / total for row, s in held}

    def is_staffed(self, role: str) -> bool:
        """Whether someone holds ``role``."""
        return role in self._shares

    def day_dates(self) -> list:
        """Dates of working days ``0 .. horizon-1``."""
        return [self.calendar.date_of(i) for i in range(self.horizon)]

    def role_capacity(self) -> "np.ndarray":
        """Per role and day: the summed capacity of the people holding it (roles x days).

        A person holding two roles counts fully in both, so this is what the
        role could get if its holders did nothing else.
        """
        import numpy as np

        out = np.zeros((len(self.roles), self.horizon))
        for role, holders in self.holders.items():
            out[self.role_row[role]] = self.capacity[holders.people].sum(axis=0)
        return out
