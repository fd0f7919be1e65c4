"""The source's five pitfalls as measurable rules on a plan.

Each rule reads the kinds of work from task tags (names when the plan has no
tags, see :mod:`aiplanner.checks.kinds`) and times from the schedule, in
working-day time points (a task runs from its start point ``es`` to its
finish point ``ef``). The README's "Plan health checks" section states each
rule in words.
"""

from __future__ import annotations

from collections.abc import Iterator

from aiplanner.checks.domain import ENABLEMENT_ROLE, pitfall
from aiplanner.checks.findings import CheckContext, Finding, rule

__all__: list[str] = []

#: Over-centralisation needs at least this many later tasks to speak of "most".
MIN_LATER_TASKS = 3


def _rollout_start(ctx: CheckContext) -> tuple[int, str] | None:
    """Start point of the first rollout task and its id, or None when there is no rollout."""
    rollout = ctx.kinds.ids("rollout")
    if not rollout:
        return None
    times = ctx.schedule.tasks
    first = min(rollout, key=lambda t: (times[t].es, t))
    return times[first].es, first


@rule("pitfall.technology-first", pitfall("technology-first").name)
def technology_first(ctx: CheckContext) -> Iterator[Finding]:
    """Platform or tool-selection work starts before the operating-model design finishes."""
    kinds = ctx.kinds
    design = kinds.ids("design", "pattern-selection")
    tech = kinds.ids("platform", "tool-selection", exclude=("design", "pattern-selection"))
    if not tech:
        return
    times = ctx.schedule.tasks
    if not design:
        yield Finding(
            "pitfall.technology-first", "warning",
            f"The plan has platform or tool work ({ctx.quote(tech)}) but no operating-model design work, "
            f"so tools would be chosen before the structure is defined{kinds.note()}.",
            "Add the operating-model design (pattern selection, roles, governance processes) and make the "
            "platform and tool work follow it.",
            tasks=tuple(tech),
        )
        return
    design_end = max(times[t].ef for t in design)
    early = [t for t in tech if times[t].es < design_end]
    if early:
        yield Finding(
            "pitfall.technology-first", "warning",
            f"Platform or tool work ({ctx.quote(early)}) starts before the operating-model design finishes "
            f"on {ctx.day(design_end, True)}, "
            f"so tools would be chosen before the structure is defined{kinds.note()}.",
            "Link the platform and tool-selection work finish-to-start after the design work, "
            "so that structure drives tool selection.",
            tasks=tuple(early),
        )


@rule("pitfall.neglecting-governance", pitfall("neglecting-governance").name)
def governance_lagging(ctx: CheckContext) -> Iterator[Finding]:
    """Governance work finishes after the rollout starts (or there is none before a rollout)."""
    start = _rollout_start(ctx)
    if start is None:
        return
    kinds = ctx.kinds
    point, first = start
    governance = kinds.ids("governance", exclude=("rollout",))
    if not governance:
        yield Finding(
            "pitfall.neglecting-governance", "warning",
            f"The plan rolls out ({ctx.quote([first])}) but has no governance work, "
            f"so capabilities would move ahead of governance{kinds.note()}.",
            "Add governance work (policies and standards, risk assessment, a review board) that finishes "
            "before the rollout starts.",
            tasks=(first,),
        )
        return
    times = ctx.schedule.tasks
    late = [t for t in governance if times[t].ef > point]
    if late:
        yield Finding(
            "pitfall.neglecting-governance", "warning",
            f"Governance work ({ctx.quote(late)}) finishes after the rollout starts on {ctx.day(point)}, "
            f"so governance lags behind capabilities{kinds.note()}.",
            "Bring the governance work forward, or make the rollout wait for it (finish-to-start links).",
            tasks=tuple(late + [first]),
        )


@rule("pitfall.under-investment-in-enablement", pitfall("under-investment-in-enablement").name)
def under_investment_enablement(ctx: CheckContext) -> Iterator[Finding]:
    """No enablement lead staffed, or no training/enablement finishing before the rollout."""
    plan, kinds = ctx.plan, ctx.kinds
    if plan.people:
        staffed = any(a.role == ENABLEMENT_ROLE for a in plan.assignments)
        who = "nobody holds the role"
    else:  # not staffed yet: the plan at least has to ask for the role
        staffed = any(d.role == ENABLEMENT_ROLE for t in plan.tasks for d in t.demands)
        who = "no task asks for the role and nobody is assigned"
    training = kinds.ids("training", "enablement")
    start = _rollout_start(ctx)
    times = ctx.schedule.tasks
    if start is None:
        ready = bool(training)
        when = ""
    else:
        ready = any(times[t].ef <= start[0] for t in training)
        when = f" finishing before the rollout starts on {ctx.day(start[0])}"
    gaps = []
    if not staffed:
        gaps.append(f"no {ctx.role_name(ENABLEMENT_ROLE)} ({who})")
    if not ready:
        gaps.append(f"no training or enablement work{when}")
    if gaps:
        yield Finding(
            "pitfall.under-investment-in-enablement", "warning",
            f"The plan has {' and '.join(gaps)}, so teams are left to figure AI out on their own{kinds.note()}.",
            f"Staff an {ctx.role_name(ENABLEMENT_ROLE)} and launch training and enablement programmes in Build "
            "Foundation, before the rollout.",
            tasks=tuple(training),
            roles=(ENABLEMENT_ROLE,) if not staffed else (),
        )


@rule("pitfall.over-centralisation", pitfall("over-centralisation").name)
def over_centralisation(ctx: CheckContext) -> Iterator[Finding]:
    """One approval gate that most (more than half of) the tasks after it wait on."""
    import networkx as nx

    from aiplanner.schedule.cpm import build_graph

    gates = ctx.kinds.ids("approval-gate")
    if not gates:
        return
    graph = build_graph(ctx.plan)
    times = ctx.schedule.tasks
    for gate in gates:
        end = times[gate].ef
        later = [t.id for t in ctx.plan.tasks if t.id != gate and not t.is_milestone and times[t.id].es >= end]
        if len(later) < MIN_LATER_TASKS:
            continue
        waiting = nx.descendants(graph, gate)
        held = [t for t in later if t in waiting]
        if 2 * len(held) > len(later):
            yield Finding(
                "pitfall.over-centralisation", "warning",
                f"{len(held)} of the {len(later)} tasks after {ctx.quote([gate])} wait on that one approval, "
                f"so a central gate holds up most of the work{ctx.kinds.note()}.",
                "Match review to risk: let low-risk work go ahead with lightweight guardrails and send only "
                "high-risk initiatives through the central approval.",
                tasks=(gate,),
            )


@rule("pitfall.ignoring-change-management", pitfall("ignoring-change-management").name)
def ignoring_change_management(ctx: CheckContext) -> Iterator[Finding]:
    """The plan has no change-management work at all."""
    if ctx.plan.tasks and not ctx.kinds.ids("change-management"):
        yield Finding(
            "pitfall.ignoring-change-management", "warning",
            "The plan has no change-management work, treating the operating model as a structure rather "
            f"than a transformation{ctx.kinds.note()}.",
            "Add change-management tasks (sponsorship, communication, support for the people whose work "
            "changes) that run through Build Foundation and Scale.",
        )
