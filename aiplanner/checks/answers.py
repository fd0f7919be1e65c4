"""The Assessment's symptom checklist: the source's six symptoms, answered in the plan.

A plan records for each symptom whether the organisation shows it today
(``yes``, ``partly`` or ``no``, with a note: :class:`~aiplanner.model.SymptomAnswer`).
The answers weigh the findings they bear on (``bears_on`` in
``resources/symptoms.json``): a symptom found (``yes``) raises such a
finding one step (a note becomes a warning, a warning an error), a symptom
ruled out (``no``, by every symptom bearing on it) lowers it one step, and
``partly`` leaves the severity and says so. The finding's message says
which answer moved it. Unanswered symptoms change nothing.

Examples
--------
>>> import datetime as dt
>>> from aiplanner.checks.findings import Finding
>>> from aiplanner.model import Plan, SymptomAnswer
>>> plan = Plan(start=dt.date(2026, 5, 4), symptoms=[SymptomAnswer(symptom="compliance-gaps", answer="yes")])
>>> f = Finding("pitfall.neglecting-governance", "warning", "Neglecting governance: ...", "...")
>>> [(w.severity, w.message.split(". ", 1)[1]) for w in weigh([f], plan)]
[('error', 'The Assessment found security and compliance gaps (answer: yes).')]
"""

from __future__ import annotations

import dataclasses

from aiplanner.catalog import Catalog, load_catalog
from aiplanner.checks.findings import SEVERITIES, Finding
from aiplanner.model.plan import Plan, SymptomAnswer

__all__ = ["ANSWERS", "answered", "weigh"]

#: The answers a checklist item takes, as the checklist shows them.
ANSWERS: dict[str, str] = {"yes": "Yes", "partly": "Partly", "no": "No"}


def answered(plan: Plan, catalog: Catalog | None = None) -> list[tuple[object, SymptomAnswer]]:
    """(symptom, answer) for every symptom of the catalogue the plan answers, in the source's order."""
    catalog = catalog or load_catalog()
    given = {a.symptom: a for a in plan.symptoms}
    return [(s, given[s.id]) for s in catalog.symptoms if s.id in given]


def _step(severity: str, by: int) -> str:
    rank = SEVERITIES.index(severity) - by  # SEVERITIES runs from error to info
    return SEVERITIES[max(0, min(len(SEVERITIES) - 1, rank))]


def weigh(findings: list[Finding], plan: Plan, catalog: Catalog | None = None) -> list[Finding]:
    """``findings`` with the checklist's answers applied (see the module docstring)."""
    pairs = answered(plan, catalog)
    if not pairs:
        return findings
    out = []
    for finding in findings:
        bearing = [(s, a) for s, a in pairs if finding.rule in s.bears_on]
        if not bearing:
            out.append(finding)
            continue
        found = [(s, a) for s, a in bearing if a.answer == "yes"]
        partly = [(s, a) for s, a in bearing if a.answer == "partly"]
        if found:
            severity, said = _step(finding.severity, +1), found
            clause = "The Assessment found " + _list(found) + " (answer: yes)."
        elif partly:
            severity, said = finding.severity, partly
            clause = "The Assessment found " + _list(partly) + " in part (answer: partly)."
        else:
            severity, said = _step(finding.severity, -1), bearing
            clause = "The Assessment found no " + _list(bearing) + " (answer: no), so this weighs less."
        notes = " ".join(f"Note: {a.note.strip()}" for _, a in said if a.note.strip())
        message = f"{finding.message} {clause}" + (f" {notes}" if notes else "")
        out.append(dataclasses.replace(finding, severity=severity, message=message))
    return out


def _list(pairs) -> str:
    names = [s.name[0].lower() + s.name[1:] for s, _ in pairs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
