"""The facts of the enterprise sample's organisation: units, unit tasks, the team.

Meridian Group is made up: a financial group of twelve business units with
a central AI team of fourteen and an AI lead in every unit. Everything here
is data; :mod:`aiplanner.samples.enterprise` turns it into the plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aiplanner.model import Absence, Assignment, Person

__all__ = [
    "Unit", "UnitTask", "UNITS", "UNIT_TASKS", "UNIT_DURATIONS", "CENTRAL_DURATIONS",
    "CENTRAL_TEAM", "HOLIDAYS", "NOTES", "MEASUREMENTS", "people_and_assignments",
]

NOTES = (
    "A federated rollout across twelve business units of a financial group, for demos and performance "
    "work. The central team runs the four phases; every unit assesses itself, fits the model, appoints an "
    "AI lead and champions, then rolls out in one of three waves (each wave starts after the review of the "
    "one before). Scale covers the initial waves; the whole rollout runs past the 6-9 months the source "
    "gives a single organisation's foundation."
)

#: What the group measured before the rollout starts: (metric, ((date, value), ...), where it comes from).
MEASUREMENTS = (
    ("time-to-deploy", ((dt.date(2026, 1, 30), 16), (dt.date(2026, 4, 30), 14)),
     "Median weeks from approval to use of the AI capabilities delivered each quarter, from the portfolio tool."),
    ("tool-utilization", ((dt.date(2026, 1, 30), 44), (dt.date(2026, 2, 27), 46), (dt.date(2026, 3, 31), 45),
                          (dt.date(2026, 4, 30), 48), (dt.date(2026, 5, 29), 49)),
     "Monthly active seats over licensed seats across the group's AI tools."),
    ("duplicate-investments", ((dt.date(2026, 2, 27), 27), (dt.date(2026, 5, 29), 24)),
     "Group finance's review of AI spend by business unit."),
    ("support-tickets", ((dt.date(2026, 1, 30), 410), (dt.date(2026, 2, 27), 432), (dt.date(2026, 3, 31), 455),
                         (dt.date(2026, 4, 30), 470), (dt.date(2026, 5, 29), 468)),
     "AI-related tickets a month in the group service desk."),
    ("security-incidents", ((dt.date(2025, 12, 31), 4), (dt.date(2026, 3, 31), 3)),
     "AI-related security or privacy incidents a quarter, from the risk register."),
    ("governance-compliance", ((dt.date(2026, 3, 31), 22), (dt.date(2026, 4, 30), 25), (dt.date(2026, 5, 29), 31)),
     "AI initiatives registered with model risk, over those known to the units."),
)

#: England and Wales bank holidays from the plan start to the end of 2027.
HOLIDAYS = (
    "2026-08-31", "2026-12-25", "2026-12-28", "2027-01-01", "2027-03-26", "2027-03-29",
    "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
)


@dataclass(frozen=True)
class Unit:
    """A business unit: id prefix, name, its pilot use case, its AI lead, rollout wave.

    ``stagger`` is how many working days after the central inventory starts
    the unit starts its own, so twelve units do not all begin on one day.
    """

    id: str
    name: str
    pilot: str
    lead: str
    wave: int
    stagger: int


UNITS: tuple[Unit, ...] = (
    Unit("rb", "Retail Banking", "customer-service assistant", "Zara Bennett", 1, 1),
    Unit("pay", "Payments", "fraud-alert triage", "Jack Ito", 1, 3),
    Unit("ops", "Operations", "document processing", "Ivy Reid", 1, 0),
    Unit("it", "Technology", "code review assistant", "Theo Singh", 1, 1),
    Unit("cb", "Commercial Banking", "credit memo drafting", "Chloe Moreau", 2, 0),
    Unit("cards", "Cards", "dispute classification", "Ethan Doyle", 2, 3),
    Unit("mort", "Mortgages", "application checks", "Maya Kaur", 2, 0),
    Unit("risk", "Risk", "model validation support", "Samuel Novak", 2, 1),
    Unit("wm", "Wealth Management", "adviser meeting notes", "Nina Price", 3, 1),
    Unit("ins", "Insurance", "claims summarisation", "Adam Sato", 3, 1),
    Unit("hr", "People & HR", "policy Q&A assistant", "Hannah Quinn", 3, 2),
    Unit("mkt", "Marketing", "campaign copy review", "Kofi Mensah", 3, 1),
)


@dataclass(frozen=True)
class UnitTask:
    """One task every unit runs.

    ``links`` are ``parse_link`` texts separated by commas, with ``{u}`` for
    the unit's id, ``{stagger}`` and ``{kickoff}`` (the link that starts the
    unit's wave); ``"lead"`` in ``demands`` is the unit's own AI-lead role.
    """

    kind: str
    phase: str
    name: str
    links: str
    demands: tuple[tuple[str, float], ...]
    tags: tuple[str, ...]
    duration: int = 0  # used when UNIT_DURATIONS has no row for the kind
    milestone: bool = False


UNIT_TASKS: tuple[UnitTask, ...] = (
    UnitTask("inventory", "assessment", "inventory AI tools, models and spend", "a-inventory SS+{stagger}",
             (("lead", 0.5), ("ai-platform-engineer", 0.1)), ("assessment",)),
    UnitTask("skills", "assessment", "assess skills and training needs", "{u}-inventory SS+2",
             (("lead", 0.25), ("ai-enablement-lead", 0.1)), ("assessment", "training")),
    UnitTask("usecases", "assessment", "map AI use cases and what works today", "{u}-inventory",
             (("lead", 0.5),), ("assessment", "enablement")),
    UnitTask("local-gov", "assessment", "document local AI approvals, data and risk constraints",
             "{u}-inventory SS+3", (("lead", 0.2), ("ai-governance-lead", 0.05)), ("assessment", "governance")),
    UnitTask("fit", "design", "fit the target model to the unit", "d-roles SS+3",
             (("lead", 0.5), ("ai-product-manager", 0.05)), ("design",)),
    UnitTask("priorities", "design", "rank AI use cases by value and risk", "{u}-fit",
             (("lead", 0.5), ("ai-governance-lead", 0.05)), ("design",)),
    UnitTask("appoint", "build", "appoint the unit's AI lead and champions", "b-champions SS",
             (("lead", 0.25), ("ai-product-manager", 0.05)), ("staffing", "enablement")),
    UnitTask("train-leaders", "build", "AI literacy for leaders", "{u}-appoint, b-training SS+5",
             (("lead", 0.25), ("ai-enablement-lead", 0.1)), ("training",)),
    UnitTask("comms-plan", "build", "change and communication plan", "b-change SS+5",
             (("lead", 0.25), ("ai-enablement-lead", 0.05)), ("change-management",)),
    UnitTask("pilot-teams", "build", "choose the pilot teams and their use cases", "{u}-appoint",
             (("lead", 0.25), ("ai-product-manager", 0.05)), ("staffing",)),
    UnitTask("data-review", "build", "data access and security review for the pilots",
             "{u}-pilot-teams, b-governance SS+5", (("lead", 0.1), ("ai-governance-lead", 0.05)), ("governance",)),
    UnitTask("gov-prep", "build", "map local approvals to the governance process", "b-governance SS+10, {u}-appoint",
             (("lead", 0.25), ("ai-governance-lead", 0.1)), ("governance",)),
    UnitTask("kickoff", "scale", "rollout kick-off", "{kickoff}",
             (("lead", 0.5), ("ai-product-manager", 0.1)), ("rollout", "change-management"), duration=1),
    UnitTask("train-practitioners", "scale", "AI skills for practitioners", "{u}-kickoff",
             (("lead", 0.25), ("ai-enablement-lead", 0.15)), ("training", "rollout")),
    UnitTask("platform", "scale", "onboard teams onto the AI platform", "{u}-kickoff",
             (("lead", 0.25), ("ai-platform-engineer", 0.25)), ("rollout", "platform")),
    UnitTask("governance", "scale", "adopt the AI governance processes", "{u}-kickoff",
             (("lead", 0.25), ("ai-governance-lead", 0.15)), ("rollout",)),
    UnitTask("pilot", "scale", "pilot AI use case: {pilot}", "{u}-platform, {u}-governance SS+5",
             (("lead", 0.35), ("mlops-engineer", 0.2), ("ai-platform-engineer", 0.1)), ("rollout",)),
    UnitTask("migrate", "scale", "move existing AI initiatives onto shared services", "{u}-platform SS+5, {u}-pilot FF",
             (("lead", 0.15), ("mlops-engineer", 0.1)), ("consolidation", "rollout")),
    UnitTask("comms", "scale", "communicate and support the change", "{u}-kickoff SS",
             (("lead", 0.1), ("ai-enablement-lead", 0.05)), ("change-management",)),
    UnitTask("community", "scale", "join the community of practice", "{u}-train-practitioners",
             (("lead", 0.1), ("ai-enablement-lead", 0.1)), ("enablement",)),
    UnitTask("metrics", "scale", "baseline and track the operating-model metrics", "{u}-pilot SS+5",
             (("lead", 0.1), ("ai-product-manager", 0.05)), ("measurement",)),
    UnitTask("live", "scale", "operating model live",
             "{u}-pilot, {u}-migrate, {u}-governance, {u}-train-practitioners, {u}-community, {u}-metrics, {u}-comms",
             (), ("milestone",), milestone=True),
    UnitTask("review", "scale", "review after go-live and adjust", "{u}-live",
             (("lead", 0.25), ("ai-product-manager", 0.05)), ("measurement",)),
    UnitTask("retire", "scale", "retire duplicate AI tools and licences", "{u}-migrate",
             (("lead", 0.1), ("ai-platform-engineer", 0.05)), ("consolidation",)),
    UnitTask("second", "scale", "second AI use case through the standard path", "{u}-review",
             (("lead", 0.35), ("mlops-engineer", 0.1)), ("rollout",)),
    UnitTask("bau", "scale", "hand AI operations over to business as usual", "{u}-second, {u}-retire",
             (("lead", 0.25), ("mlops-engineer", 0.05)), ("handover",)),
)

#: Working days of each unit task, one column per unit in UNITS order.
UNIT_DURATIONS: dict[str, tuple[int, ...]] = {
    "inventory":            (6,  5,  7,  5,  6,  6,  7,  6,  7,  7,  7,  5),
    "skills":               (6,  6,  6,  6,  8,  5,  5,  6,  5,  8,  8,  6),
    "usecases":             (5,  5,  4,  4,  6,  6,  6,  7,  6,  4,  6,  7),
    "local-gov":            (5,  6,  5,  5,  4,  6,  4,  6,  4,  4,  5,  5),
    "fit":                  (9,  8,  9,  7,  8,  9,  9,  7,  8,  8,  7,  7),
    "priorities":           (7,  8,  6,  7,  6,  7,  7,  8,  5,  5,  5,  7),
    "appoint":              (8,  8, 10, 11,  9, 11,  9, 10, 11,  9,  8, 10),
    "train-leaders":        (7,  8,  8,  6,  6,  6,  6,  7,  6,  7,  6,  7),
    "comms-plan":           (6,  8,  8,  8,  6,  7,  6,  8,  6,  7,  7,  8),
    "pilot-teams":          (5,  8,  6,  7,  6,  8,  6,  6,  7,  6,  5,  6),
    "data-review":          (10, 7,  6,  7,  9, 10,  7,  6,  7,  5,  9,  7),
    "gov-prep":             (10, 8,  7, 10,  6, 10, 10, 10, 10,  8,  6,  9),
    "train-practitioners":  (11, 12, 10, 14, 13, 12, 11, 15, 14, 11, 11, 11),
    "platform":             (17, 19, 10, 20, 10, 19, 14, 12, 20, 15, 17, 16),
    "governance":           (8, 11, 13,  8, 15, 13,  9, 14, 13, 11, 10,  9),
    "pilot":                (24, 25, 23, 20, 24, 25, 20, 16, 16, 24, 20, 18),
    "migrate":              (16, 19, 15, 11, 18, 11, 11, 18, 17, 10, 14, 19),
    "comms":                (23, 30, 25, 25, 23, 27, 30, 23, 28, 25, 29, 24),
    "community":            (8,  8,  6,  9, 10,  6,  8,  8,  7,  5,  9,  6),
    "metrics":              (10, 6, 10,  8,  9, 10,  8,  7,  5,  7, 10,  7),
    "review":               (4,  3,  4,  5,  3,  3,  4,  5,  3,  5,  4,  3),
    "retire":               (5,  6,  5,  7,  7,  9,  5,  9, 10, 10,  6,  5),
    "second":               (11, 14, 13, 12, 14, 12, 10, 15, 11, 11, 12, 12),
    "bau":                  (7,  6,  8,  7,  7,  8,  5,  5,  5,  5,  5,  8),
}

#: Central template tasks that run longer when they serve twelve units (working days).
CENTRAL_DURATIONS: dict[str, int] = {
    "b-platform": 50, "b-change": 55, "b-training": 30,
    "s-rollout": 120, "s-measure": 110, "s-evolve": 90, "s-improve": 100,
    "s-adopt-governance": 100, "s-adopt-platform": 110, "s-coordinate": 110,
}

#: The central AI team: who shares each key role (equal shares).
CENTRAL_TEAM: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ai-product-manager", ("Amelia Patel", "Oliver Walsh")),
    ("ai-platform-engineer", ("Isla Nowak", "George Okoye", "Ava Fraser", "Noah Khan")),
    ("mlops-engineer", ("Mia Murphy", "Leo Chen", "Ruby Rossi")),
    ("ai-governance-lead", ("Arthur Evans", "Grace Adeyemi")),
    ("ai-enablement-lead", ("Oscar Lindqvist", "Freya Hughes", "Harry Costa")),
)

_SUMMER = (("2026-07-27", "2026-08-07"), ("2026-08-17", "2026-08-28"), None)
_CHRISTMAS = ("2026-12-21", "2026-12-24")
_NEW_YEAR = ("2026-12-28", "2027-01-08")


def _leave(span: tuple[str, str], note: str) -> Absence:
    return Absence(start=dt.date.fromisoformat(span[0]), end=dt.date.fromisoformat(span[1]), note=note)


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def people_and_assignments(
    central: tuple[tuple[str, tuple[str, ...]], ...], units: tuple[Unit, ...],
) -> tuple[list[Person], list[Assignment]]:
    """The people and who holds which role.

    The central team's summer leave alternates between two fortnights (every
    third person stays), so no role is ever wholly away; every fourth takes
    the days before Christmas off, every fifth works four days a week. Each
    unit's AI lead holds the unit's lead role; the leads of later waves take
    the new-year fortnight off, and the first unit of each wave lends a day
    a fortnight (0.1) to central enablement.
    """
    people: list[Person] = []
    assignments: list[Assignment] = []
    names = [(role, name, len(holders)) for role, holders in central for name in holders]
    for i, (role, name, holders) in enumerate(names):
        summer = _SUMMER[i % len(_SUMMER)]
        leave = ([_leave(summer, "summer leave")] if summer else []) + (
            [_leave(_CHRISTMAS, "winter leave")] if i % 4 == 0 else [])
        people.append(Person(id=_slug(name), name=name, capacity=0.8 if i % 5 == 4 else 1.0, absences=leave))
        assignments.append(Assignment(person=_slug(name), role=role, share=round(1 / holders, 3)))
    seen_waves: set[int] = set()
    for unit in units:
        leave = [_leave(_NEW_YEAR, "winter leave")] if unit.wave > 1 else []
        people.append(Person(id=_slug(unit.lead), name=unit.lead, absences=leave))
        assignments.append(Assignment(person=_slug(unit.lead), role=f"lead-{unit.id}"))
        if unit.wave not in seen_waves:
            seen_waves.add(unit.wave)
            assignments.append(Assignment(person=_slug(unit.lead), role="ai-enablement-lead", share=0.1))
    return people, assignments
