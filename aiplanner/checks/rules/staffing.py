"""Staffing checks: key roles in place for Build Foundation, overload, work nobody can do."""

from __future__ import annotations

from collections.abc import Iterator

from aiplanner.checks.domain import BUILD_PHASE, key_roles
from aiplanner.checks.findings import ACTIONS, CheckContext, Finding, plural, rule
from aiplanner.schedule.availability import is_available

__all__: list[str] = []


def fte(value: float) -> str:
    """An FTE figure as ``aiplanner load`` prints it (three decimals at most).

    >>> fte(1.1001234), fte(0.5), fte(1.0)
    ('1.1', '0.5', '1')
    """
    return f"{round(value, 3):g}"


def _available_holders(ctx: CheckContext, role: str, day: int) -> list[str]:
    """People holding ``role`` with capacity who are at work on working day ``day``."""
    date = ctx.schedule.calendar.date_of(day)
    people = {p.id: p for p in ctx.plan.people}
    return [
        a.person
        for a in ctx.plan.assignments
        if a.role == role and a.person in people and people[a.person].capacity > 0
        and is_available(ctx.schedule.calendar, people[a.person], date)
    ]


@rule("staffing.key-roles", "Key roles staffed for Build Foundation")
def key_roles_staffed(ctx: CheckContext) -> Iterator[Finding]:
    """AI PM, platform and governance roles have someone available when Build Foundation starts."""
    span = ctx.schedule.phases.get(BUILD_PHASE)
    day = span.es if span is not None else 0
    when = f"when Build Foundation starts on {ctx.day(day)}" if span is not None else "at the start of the plan"
    missing = [r for r in key_roles() if not _available_holders(ctx, r, day)]
    if missing:
        names = ", ".join(ctx.role_name(r) for r in missing)
        yield Finding(
            "staffing.key-roles", "warning",
            f"Nobody is available in the key role{'s' if len(missing) > 1 else ''} {names} {when}.",
            "Assign people to these roles (with capacity, not away that day) before Build Foundation begins.",
            roles=tuple(missing),
            phases=(BUILD_PHASE,) if span is not None else (),
        )


@rule("staffing.over-allocated", "Over-allocated people")
def over_allocated(ctx: CheckContext) -> Iterator[Finding]:
    """People whose load exceeds their capacity on some working day."""
    if not ctx.plan.people:
        return
    runs_by_person: dict[str, list] = {}
    for run in ctx.load.over_allocations():
        runs_by_person.setdefault(run.person, []).append(run)
    order = {t.id: i for i, t in enumerate(ctx.plan.tasks)}
    for person, runs in runs_by_person.items():
        days = sum(r.days for r in runs)
        weeks = sorted({w for r in runs for w in r.weeks})
        worst = max(runs, key=lambda r: (r.peak - r.capacity, -r.days))
        no_capacity = next((p.capacity == 0 for p in ctx.plan.people if p.id == person), False)
        tasks = sorted({t for r in runs for t in r.tasks}, key=order.__getitem__)
        peak, capacity = fte(worst.peak), fte(worst.capacity)
        yield Finding(
            "staffing.over-allocated", "warning",
            f"{ctx.person_name(person)} is over capacity on {plural(days, 'working day')} in "
            f"{plural(len(weeks), 'week')} from {runs[0].first.isoformat()}, "
            + (f"peaking at {peak} FTE against a capacity of 0 FTE." if no_capacity
               else f"with {peak} FTE of work on days they are away." if worst.capacity == 0
               else f"peaking at {peak} FTE against {capacity}."),
            f"Level the plan ({ACTIONS['level']}), share the role with someone else, or lower the tasks' FTE.",
            tasks=tuple(tasks),
            people=(person,),
            actions=("level",),
        )


@rule("staffing.unstaffed-role", "Work nobody can do")
def unstaffed_role(ctx: CheckContext) -> Iterator[Finding]:
    """Tasks demand a role that no person holds (once the plan has people)."""
    if not ctx.plan.people:
        return
    for gap in ctx.load.unstaffed_roles():
        yield Finding(
            "staffing.unstaffed-role", "error",
            f"Nobody holds the role {ctx.role_name(gap.role)}, so {fte(gap.demand)} person-days of work in "
            f"{ctx.quote(gap.tasks)} cannot be done.",
            f"Assign someone to {ctx.role_name(gap.role)} or change the tasks' role demands.",
            tasks=gap.tasks,
            roles=(gap.role,),
        )
