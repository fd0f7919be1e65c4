"""Compare any two of: the current plan, a baseline, a scenario.

What a facilitator asks after a what-if: which tasks moved and by how much,
does the plan finish later, is the risk (P80) worse, who is now
over-allocated, and which findings appeared or went away. All moves are in
working days of the plan's calendar; task deltas are sorted by impact.

Examples
--------
>>> import datetime as dt
>>> from aiplanner.model import Dependency, Phase, Plan, Scenario, Task, TaskOverride
>>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
...     tasks=[Task(id="a", name="A", phase="p", duration=10),
...            Task(id="b", name="B", phase="p", duration=5, depends_on=[Dependency(task="a")])],
...     scenarios=[Scenario(name="fast", overrides=[TaskOverride(task="a", duration=6)])])
>>> result = compare(plan, "current", "fast", risk=False)
>>> result.finish_delta, [(t.id, t.start_delta, t.finish_delta) for t in result.tasks]
(-4, [('a', 0, -4), ('b', -4, -4)])
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from aiplanner.checks.compare.sides import SideFacts, resolve_side, side_facts
from aiplanner.model.plan import Plan
from aiplanner.schedule.calendar import WorkCalendar

__all__ = ["json_ready", "TaskDelta", "PersonDelta", "FindingChange", "Comparison", "compare", "compare_facts"]

TaskStatus = Literal["changed", "added", "removed"]


def json_ready(value: Any) -> Any:
    """``value`` with dates as ISO text and tuples as lists, for ``json.dump``.

    >>> json_ready({"on": dt.date(2026, 5, 4), "ids": ("a", "b")})
    {'on': '2026-05-04', 'ids': ['a', 'b']}
    """
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    return value


@dataclass(frozen=True)
class TaskDelta:
    """How one task differs from side A to side B (moves in working days, B minus A)."""

    id: str
    name: str
    status: TaskStatus
    start_a: dt.date | None
    start_b: dt.date | None
    finish_a: dt.date | None
    finish_b: dt.date | None
    duration_a: int | None
    duration_b: int | None
    start_delta: int | None
    finish_delta: int | None
    duration_delta: int | None
    critical_b: bool | None = None

    @property
    def impact(self) -> int:
        """Biggest move of the task; an added or removed task weighs its duration."""
        if self.status != "changed":
            return max(self.duration_a or 0, self.duration_b or 0)
        return max(abs(self.start_delta or 0), abs(self.finish_delta or 0), abs(self.duration_delta or 0))


@dataclass(frozen=True)
class PersonDelta:
    """One person's load on both sides."""

    id: str
    name: str
    peak_a: float | None  # highest daily load in FTE (None: not on that side)
    peak_b: float | None
    over_weeks_a: int
    over_weeks_b: int

    @property
    def over_weeks_delta(self) -> int:
        return self.over_weeks_b - self.over_weeks_a

    @property
    def peak_delta(self) -> float:
        return round((self.peak_b or 0.0) - (self.peak_a or 0.0), 6)


@dataclass(frozen=True)
class FindingChange:
    key: str
    message: str
    severity: str
    change: Literal["appeared", "disappeared"]


@dataclass
class Comparison:
    """The answer to "what changed from A to B"."""

    a: str
    b: str
    finish_a: dt.date
    finish_b: dt.date
    finish_delta: int  # working days, B minus A (positive: B finishes later)
    p80_a: dt.date | None
    p80_b: dt.date | None
    p80_delta: int | None
    tasks: list[TaskDelta]  # tasks that differ, most impact first
    unchanged: int  # tasks on both sides with the same dates and duration
    people: list[PersonDelta]  # people whose load differs, most over-allocation change first
    findings: list[FindingChange] = field(default_factory=list)
    findings_compared: bool = True

    @property
    def appeared(self) -> list[FindingChange]:
        return [f for f in self.findings if f.change == "appeared"]

    @property
    def disappeared(self) -> list[FindingChange]:
        return [f for f in self.findings if f.change == "disappeared"]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (ISO dates), as ``aiplanner compare --format json`` prints it."""

        return json_ready(
            {
                "a": self.a,
                "b": self.b,
                "project": {
                    "finish_a": self.finish_a,
                    "finish_b": self.finish_b,
                    "finish_delta": self.finish_delta,
                    "p80_a": self.p80_a,
                    "p80_b": self.p80_b,
                    "p80_delta": self.p80_delta,
                },
                "tasks": [{**asdict(t), "impact": t.impact} for t in self.tasks],
                "unchanged_tasks": self.unchanged,
                "people": [
                    {**asdict(p), "peak_delta": p.peak_delta, "over_weeks_delta": p.over_weeks_delta}
                    for p in self.people
                ],
                "findings": {
                    "compared": self.findings_compared,
                    "appeared": [asdict(f) for f in self.appeared],
                    "disappeared": [asdict(f) for f in self.disappeared],
                },
            }
        )


def _days(cal: WorkCalendar, a: dt.date | None, b: dt.date | None) -> int | None:
    """Signed working days from ``a`` to ``b``."""
    if a is None or b is None:
        return None
    return cal.index_on_or_after(b) - cal.index_on_or_after(a)


def _task_deltas(cal: WorkCalendar, a: SideFacts, b: SideFacts) -> tuple[list[TaskDelta], int]:
    deltas: list[TaskDelta] = []
    unchanged = 0
    order = list(b.tasks) + [t for t in a.tasks if t not in b.tasks]
    for position, task_id in enumerate(order):
        ta, tb = a.tasks.get(task_id), b.tasks.get(task_id)
        if ta is not None and tb is not None:
            if (ta.start, ta.finish, ta.duration) == (tb.start, tb.finish, tb.duration):
                unchanged += 1
                continue
            status: TaskStatus = "changed"
        else:
            status = "added" if ta is None else "removed"
        deltas.append(
            TaskDelta(
                id=task_id,
                name=(tb or ta).name,
                status=status,
                start_a=ta.start if ta else None,
                start_b=tb.start if tb else None,
                finish_a=ta.finish if ta else None,
                finish_b=tb.finish if tb else None,
                duration_a=ta.duration if ta else None,
                duration_b=tb.duration if tb else None,
                start_delta=_days(cal, ta.start, tb.start) if ta and tb else None,
                finish_delta=_days(cal, ta.finish, tb.finish) if ta and tb else None,
                duration_delta=tb.duration - ta.duration if ta and tb else None,
                critical_b=tb.critical if tb else None,
            )
        )
    rank = {task_id: i for i, task_id in enumerate(order)}
    # Most impact first; among equals, a finish that moves weighs more, then plan order.
    deltas.sort(key=lambda d: (-d.impact, -abs(d.finish_delta or 0), rank[d.id]))
    return deltas, unchanged


def _people_deltas(a: SideFacts, b: SideFacts) -> list[PersonDelta]:
    deltas = []
    for person_id in list(b.people) + [p for p in a.people if p not in b.people]:
        pa, pb = a.people.get(person_id), b.people.get(person_id)
        delta = PersonDelta(
            id=person_id,
            name=(pb or pa).name,
            peak_a=pa.peak if pa else None,
            peak_b=pb.peak if pb else None,
            over_weeks_a=pa.over_weeks if pa else 0,
            over_weeks_b=pb.over_weeks if pb else 0,
        )
        if delta.peak_a != delta.peak_b or delta.over_weeks_delta:
            deltas.append(delta)
    deltas.sort(key=lambda d: (-abs(d.over_weeks_delta), -abs(d.peak_delta)))
    return deltas


def _finding_changes(a: SideFacts, b: SideFacts) -> list[FindingChange]:
    changes = [FindingChange(f.key, f.message, f.severity, "appeared") for k, f in b.findings.items() if k not in a.findings]
    changes += [FindingChange(f.key, f.message, f.severity, "disappeared") for k, f in a.findings.items() if k not in b.findings]
    return changes


def compare_facts(plan: Plan, a: SideFacts, b: SideFacts) -> Comparison:
    """Compare two gathered sides; moves are counted in ``plan``'s working days."""
    cal = WorkCalendar(plan.calendar, plan.start)
    tasks, unchanged = _task_deltas(cal, a, b)
    findings_compared = a.findings_known and b.findings_known
    return Comparison(
        a=a.ref.label,
        b=b.ref.label,
        finish_a=a.finish,
        finish_b=b.finish,
        finish_delta=_days(cal, a.finish, b.finish) or 0,
        p80_a=a.p80,
        p80_b=b.p80,
        p80_delta=_days(cal, a.p80, b.p80),
        tasks=tasks,
        unchanged=unchanged,
        people=_people_deltas(a, b),
        findings=_finding_changes(a, b) if findings_compared else [],
        findings_compared=findings_compared,
    )


def compare(plan: Plan, a: str, b: str, *, risk: bool = True, findings: bool = True) -> Comparison:
    """Compare side ``a`` with side ``b`` of ``plan`` (names as :func:`resolve_side` reads them).

    ``risk=False`` skips the Monte Carlo P80 (``p80_*`` are then None);
    ``findings=False`` skips the plan checks.
    """
    ref_a, ref_b = resolve_side(plan, a), resolve_side(plan, b)
    facts_a = side_facts(plan, ref_a, risk=risk, findings=findings)
    facts_b = side_facts(plan, ref_b, risk=risk, findings=findings)
    return compare_facts(plan, facts_a, facts_b)
