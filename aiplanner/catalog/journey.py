"""The maturity horizon: a pattern template followed by the journey's stages (``resources/journey.json``).

:func:`build_journey` takes the foundation plan of :func:`~aiplanner.catalog.build_plan`
and lays out what follows it up to full maturity:

- **the journey begins** (a milestone) when the initial scaling's own work is
  done; initiatives that wait on an approval gate keep running beside it and
  do not hold the journey up (or the gate would hold everything);
- **a phase per maturity stage** of the starting pattern's evolution (a CoE:
  doing -> enabling, then federated, then AI product teams), carrying the
  stage's exit targets on metrics and its responsibility matrix, with the
  stage's work, its checklist items (tagged ``exit-check``) and a milestone
  that closes it once all of them are done;
- **review cycles**: Scale & Optimize goes on as a recurring review (every
  13 weeks, a derived cadence), spaced evenly through each stage, the last
  one closing the stage; their lags from the stage start give the stage its
  length, so the whole plan lands inside the source's 18-24 months.
"""

from __future__ import annotations

import datetime as dt
import math

from aiplanner.catalog.catalog import Catalog
from aiplanner.catalog.journey_spec import JourneyStage
from aiplanner.catalog.loader import load_catalog
from aiplanner.catalog.template_spec import TaskSpec
from aiplanner.catalog.templates import DAYS_PER_WEEK, build_plan
from aiplanner.model.errors import CatalogError
from aiplanner.model.parts import EXIT_CHECK_TAG
from aiplanner.model.plan import Dependency, Estimate, Phase, Plan, RoleDemand, Task
from aiplanner.model.validate import plan_problems

__all__ = ["HORIZONS", "build_journey", "JOURNEY_START"]

#: What ``aiplanner new --horizon`` can lay out.
HORIZONS = ("foundation", "maturity")
#: The milestone at which the journey past the foundation begins.
JOURNEY_START = ("m-journey", "Journey past the foundation begins")


def _gated(plan: Plan) -> set[str]:
    """Tasks that wait, directly or not, on an approval gate (and the gates themselves)."""
    successors: dict[str, list[str]] = {}
    for task in plan.tasks:
        for dep in task.depends_on:
            successors.setdefault(dep.task, []).append(task.id)
    stack = [t.id for t in plan.tasks if "approval-gate" in t.tags]
    seen = set(stack)
    while stack:
        for succ in successors.get(stack.pop(), []):
            if succ not in seen:
                seen.add(succ)
                stack.append(succ)
    return seen


def _estimate(duration: int, cat: Catalog) -> Estimate:
    spread = cat.journey.estimate_spread
    return Estimate(optimistic=round(duration * spread.optimistic, 1), likely=float(duration),
                    pessimistic=round(duration * spread.pessimistic, 1))


def _task(spec: TaskSpec, phase: str, start: str, cat: Catalog, extra_tags: tuple[str, ...] = ()) -> Task:
    links = spec.dependencies() or [Dependency(task=start)]
    return Task(id=spec.id, name=spec.name or spec.id, phase=phase, duration=spec.duration,
                estimate=_estimate(spec.duration, cat), depends_on=links,
                demands=[RoleDemand(role=r, fte=f) for r, f in spec.demands.items()],
                tags=list(dict.fromkeys([*spec.tags, *extra_tags])), notes=spec.notes)


def _stage_notes(stage: JourneyStage, cat: Catalog, weeks: int) -> str:
    metrics = {m.id: m for m in cat.metrics}
    targets = "; ".join(
        f"{metrics[t.metric].name} {t.target.text(metrics[t.metric].unit)}" + (" (derived)" if t.derived else "")
        for t in stage.exit_targets)
    checks = "; ".join(c.name or c.id for c in stage.checklist)
    matrix = (stage.responsibilities.note if stage.responsibilities is not None
              else f"Responsibilities as in the {cat.pattern(stage.responsibilities_from).name} pattern.")
    return (f"{stage.goal}\n\nExit criteria. Metric targets: {targets}. Checklist: {checks}.\n\n{matrix}\n\n"
            f"Planned here: {weeks} weeks (derived; the source gives no stage lengths).")


def _stage(stage: JourneyStage, pattern: str, start: str, review_from: int, cat: Catalog) -> tuple[Phase, list[Task]]:
    weeks = stage.weeks[pattern]
    cycle = cat.journey.review_cycle
    matrix = (stage.responsibilities.as_matrix() if stage.responsibilities is not None
              else cat.responsibility_matrix(stage.responsibilities_from))  # type: ignore[arg-type]
    phase = Phase(id=stage.id, name=stage.name, notes=_stage_notes(stage, cat, weeks),
                  exit_targets=[t.model_copy() for t in stage.exit_targets], responsibilities=matrix)
    tasks = [_task(spec, stage.id, start, cat) for spec in stage.work]
    tasks += [_task(spec, stage.id, start, cat, (EXIT_CHECK_TAG,)) for spec in stage.checklist]
    days = weeks * DAYS_PER_WEEK
    count = max(1, math.ceil(weeks / cycle.weeks))
    for k in range(1, count + 1):
        end = round(k * days / count)
        tasks.append(Task(
            id=f"{stage.id}-review-{k}", name=cycle.name.format(n=review_from + k - 1), phase=stage.id,
            duration=cycle.days, depends_on=[Dependency(task=start, lag=end - cycle.days)],
            demands=[RoleDemand(role=r, fte=f) for r, f in cycle.demands.items()], tags=list(cycle.tags),
            notes=(cycle.note if k < count else "The stage's exit review: are its exit criteria met?")))
    waited = {d.task for t in tasks for d in t.depends_on}
    exit_id = f"m-{stage.id}"
    tasks.append(Task(id=exit_id, name=f"{stage.name.removeprefix('Stage: ')}: exit criteria met", phase=stage.id,
                      duration=0, milestone=True, tags=["milestone"],
                      depends_on=[Dependency(task=t.id) for t in tasks if t.id not in waited]))
    return phase, tasks


def build_journey(pattern: str, start: dt.date, name: str | None = None, organisation: str = "",
                  catalog: Catalog | None = None) -> Plan:
    """The whole journey to maturity for ``pattern``: the foundation template and the stages after it.

    Examples
    --------
    >>> plan = build_journey("coe", dt.date(2026, 5, 4))
    >>> [p.id for p in plan.phases][4:]
    ['stage-enabling', 'stage-federated', 'stage-products']
    >>> from aiplanner.schedule import schedule_plan
    >>> round((schedule_plan(plan).finish - plan.start).days / 30.44)  # months: inside the source's 18-24
    20
    """
    cat = catalog or load_catalog()
    plan = build_plan(pattern, start, name=name, organisation=organisation, catalog=cat)
    stages = cat.journey.stages_from(pattern)
    gated = _gated(plan)
    scale = [p.id for p in cat.phases if p.ongoing]
    ready = [t.id for t in plan.tasks if t.phase in scale and not t.is_milestone and t.id not in gated]
    first = stages[0].id
    begin_id, begin_name = JOURNEY_START
    tasks = list(plan.tasks)
    tasks.append(Task(id=begin_id, name=begin_name, phase=first, duration=0, milestone=True, tags=["milestone"],
                      depends_on=[Dependency(task=t) for t in ready]))
    phases = list(plan.phases)
    at, review = begin_id, 1
    for stage in stages:
        phase, stage_tasks = _stage(stage, pattern, at, review, cat)
        review += sum(1 for t in stage_tasks if "-review-" in t.id)
        phases.append(phase)
        tasks += stage_tasks
        at = f"m-{stage.id}"
    timeline = cat.timeline
    notes = plan.notes.replace(
        "Scale & Optimize is ongoing; this plan covers its initial horizon.",
        f"This plan lays out the whole journey: after the initial scaling, "
        f"{', then '.join(s.name.removeprefix('Stage: ') for s in stages)}, with a review every "
        f"{cat.journey.review_cycle.weeks} weeks; stage lengths, the review cadence and most exit targets are "
        f"derived (the source gives {timeline.maturity_months.min}-{timeline.maturity_months.max} months in all).")
    result = plan.model_copy(update={"phases": phases, "tasks": tasks, "notes": notes,
                                     "name": name or f"{plan.name}: the journey to maturity"})
    problems = plan_problems(result)
    if problems:  # a fault in journey.json, not in the user's input
        raise CatalogError(problems, "journey.json")
    return Plan.model_validate(result.model_dump())
