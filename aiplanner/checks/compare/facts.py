"""The risk and findings facts of one side of a comparison.

Kept apart from :mod:`aiplanner.checks.compare.sides` because they lean on two
engines of their own: the Monte Carlo simulation
(:mod:`aiplanner.schedule.montecarlo`) and the plan checks
(:func:`aiplanner.checks.run_checks`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aiplanner.model.plan import Plan
from aiplanner.schedule.cpm import Schedule

__all__ = ["FindingFact", "p80_of", "finding_facts", "finding_key"]


@dataclass(frozen=True)
class FindingFact:
    """One open finding of a side, keyed so that the same finding matches across sides."""

    key: str
    message: str
    severity: str = ""


def p80_of(plan: Plan, schedule: Schedule, *, iterations: int, seed: int) -> dt.date:
    """The P80 finish date of ``plan``: 80 % of simulated runs finish by then."""
    from aiplanner.schedule.montecarlo import simulate  # numpy: late

    return simulate(plan, iterations=iterations, seed=seed).percentile(80)


def finding_key(finding) -> str:
    """A key that names the same finding on both sides of a comparison.

    The rule and what it is about (tasks, people, roles, phases), not the
    message: a message may quote numbers that differ between the sides.
    """
    parts = [str(getattr(finding, "rule", None) or type(finding).__name__)]
    for kind in ("tasks", "people", "roles", "phases"):
        ids = getattr(finding, kind, ()) or ()
        if ids:
            parts.append(f"{kind}={','.join(ids)}")
    return " ".join(parts)


def finding_facts(plan: Plan, schedule: Schedule) -> dict[str, FindingFact]:
    """The open findings of ``plan`` by :func:`finding_key`."""
    from aiplanner.checks.run import run_checks

    facts = {}
    for finding in run_checks(plan, schedule):
        key = finding_key(finding)
        facts[key] = FindingFact(key, finding.message, finding.severity)
    return facts
