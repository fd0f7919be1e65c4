"""The three staffed pattern samples: a pattern template plus an organisation's team.

Each sample is exactly what ``aiplanner new --pattern ...`` builds for its
start date, name and organisation, then staffed through the document's
edits: the company's holidays, its people (part-time, on leave), who holds
which of the five key roles, and a note about the team. The template part
follows the catalogue, so a change to ``resources/templates.json`` shows up
here when the samples are regenerated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aiplanner.catalog import Catalog, build_plan
from aiplanner.model import Absence, Assignment, Calendar, Document, Person, Plan

__all__ = ["Team", "TEAMS", "staffed_plan", "people_from", "assignments_from"]

#: (id, name, capacity FTE, [(first day, last day, note), ...])
PersonRow = tuple[str, str, float, list[tuple[str, str, str]]]
#: (person id, role id, share of the role's demand)
AssignmentRow = tuple[str, str, float]


@dataclass(frozen=True)
class Team:
    """One organisation running a pattern template."""

    pattern: str
    start: dt.date
    name: str
    organisation: str
    holidays: tuple[str, ...]
    people: tuple[PersonRow, ...]
    assignments: tuple[AssignmentRow, ...]
    note: str
    #: What the organisation measured before the start: (metric, ((date, value), ...), where from).
    measurements: tuple = ()


def people_from(rows: tuple[PersonRow, ...] | list[PersonRow]) -> list[Person]:
    """People from compact rows (dates as ISO text)."""
    return [
        Person(
            id=pid, name=name, capacity=capacity,
            absences=[Absence(start=dt.date.fromisoformat(a), end=dt.date.fromisoformat(b), note=note)
                      for a, b, note in leave],
        )
        for pid, name, capacity, leave in rows
    ]


def assignments_from(rows: tuple[AssignmentRow, ...] | list[AssignmentRow]) -> list[Assignment]:
    """Assignments from compact ``(person, role, share)`` rows."""
    return [Assignment(person=person, role=role, share=share) for person, role, share in rows]


def staffed_plan(team: Team, catalog: Catalog | None = None) -> Plan:
    """The template plan of ``team.pattern`` (from ``catalog``, default the shipped one), staffed with ``team``."""
    template = build_plan(team.pattern, team.start, name=team.name, organisation=team.organisation, catalog=catalog)
    doc = Document(template)
    from aiplanner.samples.midrollout import Series, with_measurements

    doc.update_plan(
        calendar=Calendar(holidays=[dt.date.fromisoformat(d) for d in team.holidays]),
        people=people_from(team.people),
        assignments=assignments_from(team.assignments),
        metrics=with_measurements(doc.plan.metrics, tuple(Series(*m) for m in team.measurements), team.start),
        notes=f"{doc.plan.notes}\n\nTeam: {team.note}",
    )
    return doc.plan


COE = Team(
    pattern="coe",
    start=dt.date(2026, 5, 11),
    name="Northwind Payments: AI Center of Excellence",
    organisation="Northwind Payments Ltd",
    # England and Wales bank holidays within the plan.
    holidays=("2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28", "2027-01-01"),
    people=(
        ("priya", "Priya Raman", 1.0, [("2026-08-17", "2026-08-21", "summer leave")]),
        ("tom", "Tom Becker", 1.0, []),
        ("aisha", "Aisha Okafor", 1.0, [("2026-12-29", "2026-12-31", "winter leave")]),
        ("marcus", "Marcus Hill", 0.8, []),
        ("sofia", "Sofia Lind", 1.0, []),
    ),
    assignments=(
        ("priya", "ai-product-manager", 1.0),
        ("aisha", "ai-platform-engineer", 0.8),
        ("tom", "ai-platform-engineer", 0.2),
        ("tom", "mlops-engineer", 1.0),
        ("marcus", "ai-governance-lead", 1.0),
        ("sofia", "ai-enablement-lead", 1.0),
    ),
    note=(
        "a small organisation, so roles are combined: Tom Becker is the MLOps engineer and backs up the "
        "platform work; Marcus Hill leads AI governance four days a week beside his risk-officer job; Sofia "
        "Lind runs enablement. UK bank holidays are in the calendar. What the checks flag is real for a team "
        "this size: the part-time governance lead is over-allocated in Design and Build, and nobody covers "
        "the AI product manager's leave."
    ),
)

FEDERATED = Team(
    pattern="federated",
    start=dt.date(2026, 5, 4),
    name="Kestrel Retail: federated AI teams",
    organisation="Kestrel Retail GmbH",
    # Berlin public holidays plus the company's closing days (Corpus Christi, 24 and 31 December).
    holidays=("2026-05-14", "2026-05-25", "2026-06-04", "2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01"),
    people=(
        ("jonas", "Jonas Weber", 1.0, [("2026-08-10", "2026-08-21", "summer leave")]),
        ("mira", "Mira Schulz", 1.0, []),
        ("lukas", "Lukas Brandt", 1.0, [("2026-07-27", "2026-08-07", "summer leave")]),
        ("ana", "Ana Petrović", 1.0, [("2026-10-05", "2026-10-09", "training course")]),
        ("helga", "Helga Vogt", 1.0, [("2026-09-07", "2026-09-11", "leave")]),
        ("sam", "Samir Haddad", 1.0, [("2026-12-21", "2026-12-30", "winter leave")]),
        ("eva", "Eva Krüger", 0.5, []),
    ),
    assignments=(
        ("jonas", "ai-product-manager", 1.0),
        ("mira", "ai-platform-engineer", 0.6),
        ("lukas", "ai-platform-engineer", 0.4),
        ("lukas", "mlops-engineer", 0.5),
        ("ana", "mlops-engineer", 0.5),
        ("helga", "ai-governance-lead", 1.0),
        ("sam", "ai-enablement-lead", 0.7),
        ("eva", "ai-enablement-lead", 0.3),
    ),
    note=(
        "the central AI team (product manager, two platform engineers, MLOps, governance and enablement "
        "leads); Lukas Brandt splits his time between platform and MLOps work, Eva Krüger (half time) helps "
        "with enablement. Berlin public holidays are in the calendar."
    ),
)

PRODUCT_TEAMS = Team(
    pattern="product-teams",
    start=dt.date(2026, 5, 18),
    name="Orbis Insurance: AI product teams",
    organisation="Orbis Insurance N.V.",
    # Dutch public holidays within the plan (Liberation Day included).
    holidays=("2026-05-05", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26", "2027-01-01"),
    people=(
        ("ruben", "Ruben de Vries", 1.0, [("2026-07-13", "2026-07-24", "summer leave")]),
        ("fleur", "Fleur Janssen", 1.0, []),
        ("daan", "Daan Bakker", 1.0, [("2026-08-03", "2026-08-14", "summer leave")]),
        ("noor", "Noor El Amrani", 1.0, []),
        ("kees", "Kees Visser", 0.8, []),
        ("lotte", "Lotte Smit", 1.0, [("2026-11-02", "2026-11-06", "leave")]),
        ("yara", "Yara Mulder", 1.0, []),
        ("bram", "Bram Hendriks", 1.0, [("2026-12-21", "2027-01-01", "winter leave")]),
        ("iris", "Iris de Boer", 1.0, []),
        ("timo", "Timo Peeters", 0.6, []),
    ),
    assignments=(
        ("ruben", "ai-product-manager", 0.6),
        ("fleur", "ai-product-manager", 0.4),
        ("daan", "ai-platform-engineer", 0.4),
        ("noor", "ai-platform-engineer", 0.4),
        ("kees", "ai-platform-engineer", 0.2),
        ("lotte", "mlops-engineer", 0.4),
        ("yara", "mlops-engineer", 0.4),
        ("kees", "mlops-engineer", 0.2),
        ("bram", "ai-governance-lead", 1.0),
        ("iris", "ai-enablement-lead", 0.7),
        ("timo", "ai-enablement-lead", 0.3),
    ),
    note=(
        "the AI Platform Team (Daan, Noor, Kees part time), the AI Services Team (Lotte, Yara, with Fleur as "
        "its product manager), the AI Enablement Team (Iris, Timo part time); Ruben leads AI product "
        "management, Bram governance; Kees splits his time between the platform and MLOps on-call. Dutch "
        "public holidays are in the calendar."
    ),
    measurements=(
        ("time-to-deploy", ((dt.date(2026, 1, 30), 9), (dt.date(2026, 4, 30), 8)),
         "Weeks from go-ahead to use, median of the quarter's AI capabilities."),
        ("model-reliability", ((dt.date(2026, 2, 27), 98.9), (dt.date(2026, 3, 31), 99.2), (dt.date(2026, 4, 30), 99.4)),
         "Monthly availability of the claims and underwriting models, from monitoring."),
        ("ai-roi", ((dt.date(2025, 12, 31), 1.1), (dt.date(2026, 3, 31), 1.3)),
         "Return per euro invested in AI, from the quarterly finance review."),
    ),
)

#: Sample file stem -> its team.
TEAMS: dict[str, Team] = {
    "coe-rollout": COE,
    "federated-rollout": FEDERATED,
    "product-teams-rollout": PRODUCT_TEAMS,
}
