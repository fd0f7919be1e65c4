"""The enterprise sample: a federated rollout across twelve business units in three waves.

The central team's plan is the federated template (``build_plan``) with its
long-running build and scale work stretched for a group of this size. Every
business unit adds the same 26 tasks (assess itself, fit the model, appoint
its AI lead, roll out, hand over), linked into the central plan: the unit's
assessment feeds the gap analysis, its priorities the roadmap, its build
work the foundation milestone, its handover the end of initial scaling.
Durations differ per unit (:data:`UNIT_DURATIONS`), so the units do not
finish in lock step. Waves start one after another: wave 1 right after the
foundation, each later wave a week after the review of the one before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aiplanner.catalog import Catalog, build_plan
from aiplanner.catalog.template_spec import MILESTONES, parse_link
from aiplanner.model import Calendar, Document, Estimate, Plan, Role, RoleDemand, Task
from aiplanner.samples.midrollout import Series, with_measurements
from aiplanner.samples.enterprise_data import (
    CENTRAL_DURATIONS,
    CENTRAL_TEAM,
    HOLIDAYS,
    MEASUREMENTS,
    NOTES,
    UNIT_DURATIONS,
    UNIT_TASKS,
    UNITS,
    Unit,
    people_and_assignments,
)

__all__ = ["enterprise_plan", "spread_estimate"]

START = dt.date(2026, 6, 1)
NAME = "Meridian Group: enterprise AI operating model rollout"
ORGANISATION = "Meridian Group plc"

#: Where the work of a unit that nothing in the unit waits for goes, per phase.
FEEDS = {"assessment": "a-findings", "design": "d-roadmap", "build": MILESTONES["build"][0],
         "scale": MILESTONES["scale"][0]}


def spread_estimate(duration: int) -> Estimate:
    """A wide three-point estimate for rollout work: 80% to 140% of ``duration``.

    Examples
    --------
    >>> spread_estimate(10)
    Estimate(optimistic=8.0, likely=10.0, pessimistic=14.0)
    """
    return Estimate(optimistic=round(duration * 0.8, 1), likely=float(duration),
                    pessimistic=round(duration * 1.4, 1))


@dataclass(frozen=True)
class _Built:
    tasks: dict[str, list[Task]]  # phase -> the unit tasks, unit by unit
    feeds: dict[str, list[str]]  # central task -> the unit tasks it now waits for


def _kickoff_link(unit: Unit) -> str:
    return MILESTONES["build"][0] if unit.wave == 1 else f"wave{unit.wave - 1}-review FS+5"


def _unit_tasks(unit: Unit, column: int) -> list[Task]:
    tasks = []
    for spec in UNIT_TASKS:
        links = spec.links.format(u=unit.id, stagger=unit.stagger, kickoff=_kickoff_link(unit))
        row = UNIT_DURATIONS.get(spec.kind)
        duration = spec.duration if row is None else row[column]
        name = spec.name.format(pilot=unit.pilot)
        tasks.append(Task(
            id=f"{unit.id}-{spec.kind}",
            name=f"{unit.name}: {name}",
            phase=spec.phase,
            duration=duration,
            estimate=None if spec.milestone else spread_estimate(duration),
            depends_on=[parse_link(text) for text in links.split(",") if text.strip()],
            milestone=spec.milestone,
            demands=[RoleDemand(role=f"lead-{unit.id}" if role == "lead" else role, fte=fte)
                     for role, fte in spec.demands],
            tags=list(spec.tags),
        ))
    return tasks


def _units() -> _Built:
    by_phase: dict[str, list[Task]] = {}
    feeds: dict[str, list[str]] = {}
    for column, unit in enumerate(UNITS):
        tasks = _unit_tasks(unit, column)
        waited_for = {d.task for t in tasks for d in t.depends_on}
        for task in tasks:
            by_phase.setdefault(task.phase, []).append(task)
            if task.id not in waited_for:
                feeds.setdefault(FEEDS[task.phase], []).append(task.id)
    return _Built(by_phase, feeds)


def _waves() -> list[Task]:
    """Each wave's review, and the milestone of the last unit going live."""
    waves = sorted({u.wave for u in UNITS})
    reviews = [
        Task(
            id=f"wave{wave}-review", name=f"Wave {wave} review: lessons for the next units", phase="scale",
            duration=3, estimate=spread_estimate(3),
            depends_on=[parse_link(f"{u.id}-live") for u in UNITS if u.wave == wave],
            demands=[RoleDemand(role="ai-product-manager", fte=0.5), RoleDemand(role="ai-enablement-lead", fte=0.25)],
            tags=["measurement"],
        )
        for wave in waves
    ]
    last = Task(id="m-enterprise-live", name="All business units live", phase="scale", duration=0,
                milestone=True, depends_on=[parse_link(reviews[-1].id)], tags=["milestone"])
    return [*reviews, last]


def _with_links(task: Task, extra: list[str]) -> Task:
    return task.model_copy(update={"depends_on": [*task.depends_on, *(parse_link(t) for t in extra)]})


def _tasks(template: Plan) -> list[Task]:
    units = _units()
    feeds = dict(units.feeds)
    waves = _waves()
    feeds[MILESTONES["scale"][0]] = [*feeds[MILESTONES["scale"][0]], waves[-1].id]
    tasks: list[Task] = []
    for phase in template.phases:
        central = []
        for task in template.tasks_in_phase(phase.id):
            if task.id in CENTRAL_DURATIONS:
                days = CENTRAL_DURATIONS[task.id]
                task = task.model_copy(update={"duration": days, "estimate": spread_estimate(days)})
            central.append(_with_links(task, feeds.get(task.id, [])))
        *work, milestone = central
        tail = waves if phase.id == "scale" else []
        tasks += [*work, *units.tasks.get(phase.id, []), *tail, milestone]
    return tasks


def enterprise_plan(catalog: Catalog | None = None) -> Plan:
    """The enterprise sample plan (351 tasks, 26 people, 17 roles) from ``catalog`` (default: the shipped one)."""
    template = build_plan("federated", START, name=NAME, organisation=ORGANISATION, catalog=catalog)
    doc = Document(template)
    people, assignments = people_and_assignments(CENTRAL_TEAM, UNITS)
    doc.update_plan(
        roles=[*doc.plan.roles, *(
            Role(id=f"lead-{u.id}", name=f"AI lead, {u.name}", description=f"Runs the AI operating model in {u.name}.")
            for u in UNITS
        )],
        calendar=Calendar(holidays=[dt.date.fromisoformat(d) for d in HOLIDAYS]),
        people=people,
        assignments=assignments,
        metrics=with_measurements(doc.plan.metrics, tuple(Series(*m) for m in MEASUREMENTS), START),
        notes=f"{NOTES}\n\n{template.notes}",
    )
    doc.replace_plan(Plan.model_validate({**doc.plan.model_dump(), "tasks": [
        t.model_dump() for t in _tasks(doc.plan)
    ]}))
    return doc.plan
