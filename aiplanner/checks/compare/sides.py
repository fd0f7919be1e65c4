"""The two things a comparison compares: the plan, a baseline or a scenario.

:func:`resolve_side` reads a name as the user types it (``current``,
``baseline:NAME`` or a baseline's name, ``scenario:NAME`` or a scenario's
name) and :func:`side_facts` gathers what the comparison needs about it:
each task's dates, the finish date, the P80 finish, each person's peak load
and over-allocated weeks, and the open findings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from aiplanner.checks.compare.facts import FindingFact, finding_facts, p80_of
from aiplanner.model.errors import EditError
from aiplanner.model.plan import Plan
from aiplanner.model.variants import Baseline
from aiplanner.model.scenarios.whatif import CURRENT, apply_scenario, find_scenario
from aiplanner.schedule.baseline import baseline_plan
from aiplanner.schedule.cpm import Schedule, schedule_plan

__all__ = [
    "SideKind",
    "SideRef",
    "TaskFact",
    "PersonFact",
    "FindingFact",
    "SideFacts",
    "resolve_side",
    "side_plan",
    "side_facts",
    "RISK_ITERATIONS",
    "RISK_SEED",
]

SideKind = Literal["current", "baseline", "scenario"]

#: Monte Carlo runs for a comparison's P80: enough for a stable percentile,
#: few enough to answer a room in well under a second.
RISK_ITERATIONS = 500
#: Fixed seed, so comparing the same two things twice gives the same P80s.
RISK_SEED = 20260504


@dataclass(frozen=True)
class SideRef:
    """A resolved name: what kind of thing, and which one."""

    kind: SideKind
    name: str

    @property
    def label(self) -> str:
        return CURRENT if self.kind == "current" else f"{self.kind}:{self.name}"


@dataclass(frozen=True)
class TaskFact:
    id: str
    name: str
    start: dt.date
    finish: dt.date
    duration: int
    milestone: bool = False
    critical: bool | None = None  # unknown for a baseline


@dataclass(frozen=True)
class PersonFact:
    id: str
    name: str
    peak: float  # highest load on one working day, in FTE
    capacity: float  # capacity in FTE
    over_weeks: int  # weeks with at least one over-allocated day


@dataclass
class SideFacts:
    """Everything a comparison reads about one side."""

    ref: SideRef
    start: dt.date
    finish: dt.date
    tasks: dict[str, TaskFact]
    p80: dt.date | None = None
    people: dict[str, PersonFact] = field(default_factory=dict)
    findings: dict[str, FindingFact] = field(default_factory=dict)
    findings_known: bool = True  # False for a baseline captured without findings


def resolve_side(plan: Plan, name: str) -> SideRef:
    """Read ``name`` as the user typed it.

    ``current`` is the plan itself; ``baseline:NAME`` and ``scenario:NAME``
    are explicit; a bare name is looked up among baselines and scenarios and
    must match exactly one.

    Raises
    ------
    EditError
        Unknown or ambiguous name (the message lists what there is).
    """
    baselines = {b.name for b in plan.baselines}
    scenarios = {s.name for s in plan.scenarios}
    if name == CURRENT:
        return SideRef("current", CURRENT)
    for kind, known in (("baseline", baselines), ("scenario", scenarios)):
        prefix = kind + ":"
        if name.startswith(prefix):
            wanted = name[len(prefix):]
            if wanted not in known:
                listed = ", ".join(repr(n) for n in sorted(known)) or "none"
                raise EditError(f"no {kind} named {wanted!r} ({kind}s: {listed})")
            return SideRef(kind, wanted)  # type: ignore[arg-type]
    if name in baselines and name in scenarios:
        raise EditError(f"{name!r} is both a baseline and a scenario; write baseline:{name} or scenario:{name}")
    if name in baselines:
        return SideRef("baseline", name)
    if name in scenarios:
        return SideRef("scenario", name)
    raise EditError(
        f"{name!r} is not 'current', a baseline or a scenario "
        f"(baselines: {', '.join(repr(n) for n in sorted(baselines)) or 'none'}; "
        f"scenarios: {', '.join(repr(n) for n in sorted(scenarios)) or 'none'})"
    )


def _baseline(plan: Plan, name: str) -> Baseline:
    for baseline in plan.baselines:
        if baseline.name == name:
            return baseline
    raise EditError(f"no baseline named {name!r}")


def side_plan(plan: Plan, ref: SideRef) -> Plan:
    """The plan a side stands for (for a baseline: its tasks pinned on the frozen dates)."""
    if ref.kind == "current":
        return plan
    if ref.kind == "scenario":
        return apply_scenario(plan, find_scenario(plan, ref.name))
    return baseline_plan(plan, _baseline(plan, ref.name))


def _plan_tasks(plan: Plan, schedule: Schedule) -> dict[str, TaskFact]:
    facts = {}
    for task in plan.tasks:
        t = schedule.tasks[task.id]
        facts[task.id] = TaskFact(task.id, task.name, t.start, t.finish, task.duration, t.milestone, t.critical)
    return facts


def _people(plan: Plan, schedule: Schedule) -> dict[str, PersonFact]:
    if not plan.people:
        return {}
    from aiplanner.schedule.load import compute_load  # numpy: late
    load = compute_load(plan, schedule)
    weekly = load.table("person", "week")
    over_weeks = weekly.over.sum(axis=1) if weekly.over.size else [0] * len(weekly.ids)
    names = {p.id: p.name for p in plan.people}
    facts = {}
    for row, person in enumerate(load.people):
        daily = load.person_load[row]
        capacity = load.capacity[row]
        facts[person] = PersonFact(
            id=person,
            name=names.get(person, person),
            peak=round(float(daily.max()), 6) if daily.size else 0.0,
            capacity=round(float(capacity.max()), 6) if capacity.size else 0.0,
            over_weeks=int(over_weeks[row]),
        )
    return facts


def side_facts(plan: Plan, ref: SideRef, *, risk: bool = True, findings: bool = True) -> SideFacts:
    """Gather the facts of one side of a comparison.

    ``risk=False`` skips the Monte Carlo P80 (the slow part);
    ``findings=False`` skips the plan checks.
    """

    if ref.kind == "baseline":
        baseline = _baseline(plan, ref.name)
        frozen = baseline_plan(plan, baseline)
        sched = schedule_plan(frozen)
        tasks = {
            t.id: TaskFact(t.id, t.name, t.start, t.finish, t.duration, t.milestone, None) for t in baseline.tasks
        }
        return SideFacts(
            ref=ref,
            start=baseline.start,
            finish=baseline.finish,
            tasks=tasks,
            p80=baseline.p80 if risk else None,
            people=_people(frozen, sched),
            findings={f.key: FindingFact(f.key, f.message, f.severity) for f in baseline.findings or ()},
            findings_known=findings and baseline.findings is not None,
        )
    target = side_plan(plan, ref)
    sched = schedule_plan(target)
    found = finding_facts(target, sched) if findings else None
    return SideFacts(
        ref=ref,
        start=sched.start,
        finish=sched.finish,
        tasks=_plan_tasks(target, sched),
        p80=p80_of(target, sched, iterations=RISK_ITERATIONS, seed=RISK_SEED) if risk else None,
        people=_people(target, sched),
        findings=found or {},
        findings_known=found is not None,
    )
