"""Pattern templates: a complete, schedulable plan for each organisational pattern.

The task network is data (``resources/templates.json``); this module turns
it into a :class:`~aiplanner.model.Plan`: the four phases, every source
task, the pattern's own tasks, a milestone closing each phase, three-point
estimates spread by the phase's duration range, the five key roles, the
pattern's responsibility matrix and every metric with its target.
"""

from __future__ import annotations

import datetime as dt
import heapq

from aiplanner.catalog.catalog import Catalog
from aiplanner.catalog.loader import load_catalog
from aiplanner.catalog.template_spec import MILESTONES, TaskSpec, parse_link
from aiplanner.model.errors import CatalogError, EditError
from aiplanner.model.plan import Dependency, Estimate, Phase, Plan, RoleDemand, Task
from aiplanner.model.validate import plan_problems

__all__ = ["build_plan", "estimate_for", "DAYS_PER_WEEK"]

#: Templates use the default Monday-Friday calendar.
DAYS_PER_WEEK = 5


def estimate_for(duration: int, planned_weeks: float, min_weeks: int, max_weeks: int) -> Estimate:
    """Three-point estimate of a task in a phase planned at ``planned_weeks``.

    The task stretches and shrinks with its phase: if the whole phase ran
    as short as the source's lower bound, the task would take
    ``duration * min / planned``; as long as the upper bound, ``duration *
    max / planned``.

    Examples
    --------
    >>> estimate_for(10, 5, 4, 6)
    Estimate(optimistic=8.0, likely=10.0, pessimistic=12.0)
    """
    low = round(duration * min_weeks / planned_weeks, 1)
    high = round(duration * max_weeks / planned_weeks, 1)
    return Estimate(optimistic=min(low, duration), likely=float(duration), pessimistic=max(high, duration))


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _spec_phase(cat: Catalog, spec: TaskSpec) -> str:
    """A template task's phase: its own, or the phase listing it in the source."""
    if spec.phase is not None:
        return spec.phase
    return next(p.id for p in cat.phases if any(t.id == spec.id for t in p.tasks))


def _task(cat: Catalog, spec: TaskSpec, *, duration: int, extra_links: list[str], weeks: float) -> Task:
    phase = _spec_phase(cat, spec)
    notes = spec.notes
    if spec.team is not None:  # sets up a team of the pattern's structure, named as patterns.json names it
        team = cat.team(spec.team)
        name, tags = f"Set up the {team.name}", _unique(spec.tags)
        notes = notes or f"The {team.name} {team.purpose[0].lower()}{team.purpose[1:]}"
    elif spec.name is None:  # a task from the source's lists
        source = cat.source_task(spec.id)
        name, tags = source.name, _unique([*source.tags, *spec.tags])
    else:
        name, tags = spec.name, _unique(spec.tags)
    rng = cat.phase(phase).planning_range
    return Task(
        id=spec.id,
        name=name,
        phase=phase,
        duration=duration,
        estimate=estimate_for(duration, weeks, rng.min_weeks, rng.max_weeks),  # type: ignore[arg-type]
        depends_on=[*spec.dependencies(), *(parse_link(text) for text in extra_links)],
        demands=[RoleDemand(role=role, fte=fte) for role, fte in spec.demands.items()],
        tags=tags,
        notes=notes,
    )


def _in_link_order(tasks: list[Task]) -> list[Task]:
    """Tasks of one phase, predecessors first, otherwise in template order,
    so a pattern's extra task sits next to the work it follows."""
    index = {t.id: i for i, t in enumerate(tasks)}
    waits = {t.id: {d.task for d in t.depends_on if d.task in index} for t in tasks}
    ready = [i for i, t in enumerate(tasks) if not waits[t.id]]
    heapq.heapify(ready)
    ordered: list[Task] = []
    while ready:
        task = tasks[heapq.heappop(ready)]
        ordered.append(task)
        for other in tasks:
            if task.id in waits[other.id]:
                waits[other.id].discard(task.id)
                if not waits[other.id]:
                    heapq.heappush(ready, index[other.id])
    # A loop inside a phase leaves tasks out; keep them so validation names it.
    return ordered + [t for t in tasks if t not in ordered]


def _milestone(phase_id: str, tasks: list[Task], successors: dict[str, list[tuple[str, str]]]) -> Task:
    """The milestone closing a phase.

    It waits for every task of the phase whose finish no later task of the
    phase already waits for (through a FS or FF link). A task whose only
    successors lie in a later phase, such as the CoE's intake gate, reaches
    them directly and does not hold up the phase end and all that follows.
    """
    ids = {t.id for t in tasks}
    ends = []
    for task in tasks:
        after = successors.get(task.id, [])
        inner = [kind for succ, kind in after if succ in ids]
        if any(kind in ("FS", "FF") for kind in inner) or (after and not inner):
            continue
        ends.append(task.id)
    milestone_id, name = MILESTONES[phase_id]
    return Task(
        id=milestone_id, name=name, phase=phase_id, duration=0, milestone=True,
        depends_on=[Dependency(task=t) for t in ends], tags=["milestone"],
    )


def _plan_notes(cat: Catalog, pattern_id: str, template_notes: str) -> str:
    info = cat.pattern(pattern_id)
    timeline = cat.timeline

    def mark(field: str) -> str:
        return " (derived, not the source's words)" if field in info.derived else ""

    return (
        f"{info.name}. {info.summary}\n\n{template_notes}\n\n"
        f"Risk{mark('risk')}: {info.risk}\nHow it evolves{mark('evolution')}: {info.evolution}\n\n"
        f"Timeline: a foundation takes {timeline.foundation_months.min}-{timeline.foundation_months.max} months "
        f"including initial scaling; full maturity {timeline.maturity_months.min}-{timeline.maturity_months.max} "
        "months. Scale & Optimize is ongoing; this plan covers its initial horizon."
    )


def build_plan(
    pattern: str,
    start: dt.date,
    name: str | None = None,
    organisation: str = "",
    catalog: Catalog | None = None,
) -> Plan:
    """A complete rollout plan for ``pattern`` starting on ``start``.

    Parameters
    ----------
    pattern
        ``coe``, ``federated`` or ``product-teams``.
    start
        The plan start date.
    name, organisation
        Plan meta; the name defaults to the template's.
    catalog
        The catalogue to build from (default: the shipped one).

    Raises
    ------
    EditError
        ``pattern`` is not one of the three patterns.

    Examples
    --------
    >>> plan = build_plan("coe", dt.date(2026, 5, 4))
    >>> [p.id for p in plan.phases], plan.pattern
    (['assessment', 'design', 'build', 'scale'], 'coe')
    """
    cat = catalog or load_catalog()
    if pattern not in cat.pattern_ids:
        raise EditError(f"unknown pattern {pattern!r} (choose from {', '.join(cat.pattern_ids)})")
    template = cat.templates.pattern(pattern)
    built = [
        _task(
            cat, spec,
            duration=template.durations.get(spec.id, spec.duration),
            extra_links=template.links.get(spec.id, []),
            weeks=template.phase_weeks[_spec_phase(cat, spec)],
        )
        for spec in (*cat.templates.base, *template.tasks)
    ]
    successors: dict[str, list[tuple[str, str]]] = {}
    for task in built:
        for dep in task.depends_on:
            successors.setdefault(dep.task, []).append((task.id, dep.type))
    tasks: list[Task] = []
    phases: list[Phase] = []
    months = cat.timeline.foundation_months
    for info in cat.phases:
        in_phase = _in_link_order([t for t in built if t.phase == info.id])
        tasks += [*in_phase, _milestone(info.id, in_phase, successors)]
        rng = info.planning_range
        weeks = template.phase_weeks[info.id]
        if info.ongoing:  # the source gives no length: the horizon is ours, and says so
            notes = (f"{info.goal} Ongoing in the source. Planned here: an initial horizon of {weeks:g} weeks, "
                     f"inside {rng.min_weeks}-{rng.max_weeks} weeks derived from the source's "
                     f"{months.min}-{months.max} months to a foundation (derived, not the source's words).")
        else:
            notes = f"{info.goal} Source range: {rng.min_weeks}-{rng.max_weeks} weeks; planned {weeks:g} weeks."
        phases.append(Phase(id=info.id, name=info.name, notes=notes))
    plan = Plan(
        name=name or template.name,
        organisation=organisation,
        start=start,
        pattern=pattern,  # type: ignore[arg-type]
        phases=phases,
        tasks=tasks,
        roles=cat.plan_roles(),
        responsibilities=cat.responsibility_matrix(pattern),
        metrics=cat.plan_metrics(),
        notes=_plan_notes(cat, pattern, template.notes),
    )
    problems = plan_problems(plan)
    if problems:  # a fault in templates.json, not in the user's input
        raise CatalogError(problems, "templates.json")
    return plan
