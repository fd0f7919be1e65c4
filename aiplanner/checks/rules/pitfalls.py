"""The source's five pitfalls as rules that judge a plan by evidence.

Each rule reads the kinds of work from task tags, or from a task's name
when it has no tags (:mod:`aiplanner.checks.kinds`), never counts
assessment work as evidence that work exists, and reads times from the
schedule in working-day time points (a task runs from ``es`` to ``ef``).
The rollout and governance set-up are read as :mod:`aiplanner.checks.evidence`
says. Each rule's docstring states its evidence; the README's "Plan health
checks" section states the same in words. The findings name the pitfall
and carry the source's reason and advice from ``resources/pitfalls.json``
(:func:`~aiplanner.checks.findings.pitfall_finding`); the rules add only
what this plan shows and what to change in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from aiplanner.checks.domain import BUILD_PHASE, ENABLEMENT_ROLE, ongoing_phase, phase_name, pitfall
from aiplanner.checks.evidence import governance_work, overlapping, rollout
from aiplanner.checks.findings import CheckContext, Finding, pitfall_finding, rule
from aiplanner.checks.kinds import name_kinds

__all__: list[str] = []

#: Words that make a tool task's name about the tools already in use (an inventory), not a choice.
_IN_PLACE = re.compile(r"\b(current|existing|in use|already|today'?s)\b", re.IGNORECASE)


@rule("pitfall.technology-first", pitfall("technology-first").name)
def technology_first(ctx: CheckContext) -> Iterator[Finding]:
    """Tools or platform before the structure is defined.

    Evidence: platform and tool-selection work (tags, or the name; a task
    named for selecting tools or vendors counts however it is tagged), not
    itself design work, that starts before the last operating-model design
    work (``design``, ``pattern-selection``) finishes, or any such work in a
    plan with no design work at all. Assessment work (an inventory of the
    tools in use) is not tool selection, but a task named for choosing tools
    or vendors is, however it is tagged, unless its name speaks of the tools
    already there (current, existing, in use).
    """
    kinds = ctx.kinds
    design = kinds.ids("design", "pattern-selection")
    tech = kinds.ids("platform", "tool-selection", exclude=("design", "pattern-selection"))
    # A task named for choosing tools or vendors is tool selection even when it is tagged as assessment
    # ("Evaluate AI vendors" put in the Assessment phase), unless its name is about what is there already.
    named = {t.id: t.name for t in ctx.plan.tasks}
    chosen = [t for t in kinds.ids("tool-selection", exclude=("design", "pattern-selection"), assessment=True)
              if t not in tech and "tool-selection" in name_kinds(named[t]) and not _IN_PLACE.search(named[t])]
    if chosen:
        order = {task_id: n for n, task_id in enumerate(named)}
        tech = sorted((*tech, *chosen), key=order.__getitem__)
    if not tech:
        return
    times = ctx.schedule.tasks
    if not design:
        yield pitfall_finding(
            "technology-first",
            f"the plan has platform or tool work ({ctx.quote(tech)}) but no operating-model design work, "
            f"so tools would be chosen before the structure is defined{kinds.note(tech)}.",
            "Add the operating-model design (pattern selection, roles, governance processes) and link the "
            "platform and tool work after it.",
            tasks=tuple(tech),
        )
        return
    design_end = max(times[t].ef for t in design)
    early = [t for t in tech if times[t].es < design_end]
    if early:
        yield pitfall_finding(
            "technology-first",
            f"platform or tool work ({ctx.quote(early)}) starts before the operating-model design finishes "
            f"on {ctx.day(design_end, True)}{kinds.note(early)}.",
            "Link the platform and tool-selection work finish-to-start after the design work.",
            tasks=tuple(early),
        )


@rule("pitfall.neglecting-governance", pitfall("neglecting-governance").name)
def governance_lagging(ctx: CheckContext) -> Iterator[Finding]:
    """Capabilities roll out while governance is still being set up (or never is).

    Evidence: the rollout (first rollout task, else the start of Scale &
    Optimize) and governance set-up work: governance work that is not
    assessment ("Document current governance" is not governance) and not the
    rollout itself, before Scale & Optimize or named for setting something
    up. It fires when set-up work finishes after the rollout starts, or
    when the plan rolls out with no set-up work finished before it.
    Governance running in Scale & Optimize (compliance monitoring, risk
    reviews of new initiatives) keeps pace with the rollout and never
    counts against it. No rollout, no finding.
    """
    start = rollout(ctx)
    if start is None:
        return
    setup, _running = governance_work(ctx)
    times = ctx.schedule.tasks
    late = [t for t in setup if times[t].ef > start.point]
    ready = [t for t in setup if times[t].ef <= start.point]
    marker = (start.task,) if start.task else ()
    if late:
        yield pitfall_finding(
            "neglecting-governance",
            f"governance set-up ({ctx.quote(late)}) finishes after {start.label}{ctx.kinds.note(late)}.",
            "Bring that work forward, or make the rollout wait for it (finish-to-start links).",
            tasks=tuple(late) + marker,
        )
    elif not ready:
        yield pitfall_finding(
            "neglecting-governance",
            f"{start.label} with no governance set up before it "
            f"(policies, risk assessment, review boards){ctx.kinds.note()}.",
            "Add governance set-up work (policies and standards, risk assessment, a review board) that "
            "finishes before the rollout starts.",
            tasks=marker,
        )


@rule("pitfall.under-investment-in-enablement", pitfall("under-investment-in-enablement").name)
def under_investment_enablement(ctx: CheckContext) -> Iterator[Finding]:
    """No dedicated enablement people, or no training before the rollout.

    Evidence: someone holds the AI Enablement Lead role with some capacity
    (in a plan without people yet: a task asks for the role); and training
    work (tag or name, not assessment: assessing training needs is not
    training) finishes by the time the rollout starts (no rollout: exists at
    all). Best-practice libraries and tool selection do not stand in for
    training.
    """
    plan = ctx.plan
    if plan.people:
        capacity = {p.id: p.capacity for p in plan.people}
        staffed = any(a.role == ENABLEMENT_ROLE and capacity.get(a.person, 0) > 0 for a in plan.assignments)
        who = "nobody with capacity holds the role"
    else:  # not staffed yet: the plan at least has to ask for the role
        staffed = any(d.role == ENABLEMENT_ROLE for t in plan.tasks for d in t.demands)
        who = "no task asks for the role and nobody is assigned"
    training = ctx.kinds.ids("training")
    start = rollout(ctx)
    times = ctx.schedule.tasks
    if start is None:
        ready = bool(training)
        when = ""
    else:
        ready = any(times[t].ef <= start.point for t in training)
        when = f" finishing before {start.label}"
    gaps, actions = [], []
    lead = ctx.role_name(ENABLEMENT_ROLE)
    if not staffed:
        gaps.append(f"no {lead} ({who})")
        actions.append(f"staff an {lead}" if plan.people else f"make the enablement work ask for an {lead}")
    if not ready:
        too_late = f" ({ctx.quote(training)} comes too late)" if training and start else ""
        gaps.append(f"no training{when}{too_late}")
        actions.append(f"launch training in {phase_name(BUILD_PHASE)}, finishing before the rollout starts")
    if gaps:
        action = " and ".join(actions)
        yield pitfall_finding(
            "under-investment-in-enablement",
            f"the plan has {' and '.join(gaps)}{ctx.kinds.note(training)}.",
            f"{action[0].upper()}{action[1:]}.",
            tasks=tuple(training),
            roles=(ENABLEMENT_ROLE,) if not staffed else (),
        )


def _initiatives(ctx: CheckContext) -> list[str]:
    """The AI initiatives of the plan: initiative work, else the rollout tasks stand for them."""
    index = ctx.plan.task_index()
    found = [t for t in ctx.kinds.ids("initiative") if not index[t].is_milestone]
    return found or [t for t in ctx.kinds.ids("rollout") if not index[t].is_milestone]


@rule("pitfall.over-centralisation", pitfall("over-centralisation").name)
def over_centralisation(ctx: CheckContext) -> Iterator[Finding]:
    """Most AI initiatives must pass one central approval gate.

    Evidence: approval-gate work (tag or name) that takes time, and the AI
    initiatives (``initiative`` work; a plan without any: its rollout
    tasks). An initiative passes a gate when it is linked to it directly or
    through milestones only, the way work queues at an intake. It fires
    when more than half of the initiatives pass the same gate. A one-off
    sign-off is not a queue: a milestone tagged as a gate (the design
    approved) is a decision taken once, and a sign-off task that later
    work follows through the plan's phases is not passed by initiatives.
    Linear in the plan's tasks and links.
    """
    index = ctx.plan.task_index()
    gates = {t for t in ctx.kinds.ids("approval-gate") if not index[t].is_milestone}
    if not gates:
        return
    initiatives = _initiatives(ctx)
    if not initiatives:
        return
    reached: dict[str, frozenset[str]] = {}  # gates a milestone stands in front of (memo: linear)

    def gates_before(task_id: str) -> frozenset[str]:
        found: set[str] = set()
        for dep in index[task_id].depends_on:
            pred = dep.task
            if pred in gates:
                found.add(pred)
            elif pred in index and index[pred].is_milestone:
                if pred not in reached:
                    reached[pred] = frozenset()  # a loop through milestones ends here
                    reached[pred] = gates_before(pred)
                found |= reached[pred]
        return frozenset(found)

    passing: dict[str, list[str]] = {}
    for task_id in initiatives:
        for gate in gates_before(task_id):
            passing.setdefault(gate, []).append(task_id)
    order = {t.id: i for i, t in enumerate(ctx.plan.tasks)}
    for gate in sorted(passing, key=order.__getitem__):
        held = passing[gate]
        if 2 * len(held) <= len(initiatives):
            continue
        yield pitfall_finding(
            "over-centralisation",
            f"{len(held)} of the {len(initiatives)} AI initiatives ({ctx.quote(held)}) must pass "
            f"{ctx.quote([gate])} before they start{ctx.kinds.note([gate, *held])}.",
            "Give low-risk initiatives a self-service path that does not wait on the gate, and send only "
            "high-risk ones through it.",
            tasks=(gate, *held),
        )


@rule("pitfall.ignoring-change-management", pitfall("ignoring-change-management").name)
def ignoring_change_management(ctx: CheckContext) -> Iterator[Finding]:
    """Change management missing, or not running through Build Foundation and Scale & Optimize.

    Evidence: change-management work (sponsorship, communication, support
    for people; tags or name, not assessment) that runs during Build
    Foundation and during Scale & Optimize, each by its scheduled dates. A
    plan without those phases needs it during the rollout instead. A
    sponsorship task at the start alone is not sustained attention.
    """
    if not ctx.plan.tasks:
        return
    work = ctx.kinds.ids("change-management")
    if not work:
        yield pitfall_finding(
            "ignoring-change-management",
            f"the plan has no change-management work{ctx.kinds.note()}.",
            "Add change-management work (sponsorship, communication, support for the people whose work "
            f"changes) that runs through {phase_name(BUILD_PHASE)} and {phase_name(ongoing_phase())}.",
        )
        return
    phases = ctx.schedule.phases
    windows = [(phase_name(p), phases[p].es, phases[p].ef, p) for p in (BUILD_PHASE, ongoing_phase()) if p in phases]
    if not windows:
        start = rollout(ctx)
        if start is None:
            return
        windows = [("the rollout", start.point, ctx.schedule.finish_point, None)]
    missing = [w for w in windows if not overlapping(ctx, work, w[1], max(w[2], w[1] + 1))]
    if missing:
        last = max(ctx.schedule.tasks[t].ef for t in work)
        yield pitfall_finding(
            "ignoring-change-management",
            f"change-management work ({ctx.quote(work)}) ends on {ctx.day(last, True)}, and nothing attends "
            f"to people and culture during {' or '.join(w[0] for w in missing)}{ctx.kinds.note(work)}.",
            f"Keep change-management work running through {' and '.join(w[0] for w in windows)}: "
            "communication, sponsorship and support while the new ways of working land.",
            tasks=tuple(work),
            phases=tuple(w[3] for w in missing if w[3]),
        )
