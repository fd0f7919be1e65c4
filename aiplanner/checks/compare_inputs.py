"""The risk and findings facts of one side of a comparison.

Kept apart from :mod:`aiplanner.checks.sides` because they lean on two
engines built elsewhere: the Monte Carlo simulation
(:mod:`aiplanner.schedule.montecarlo`) and the plan checks
(:func:`aiplanner.checks.run_checks`). While either is missing from an
installation the comparison says so (``None``) instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import importlib

from aiplanner.model.plan import Plan
from aiplanner.schedule.cpm import Schedule

__all__ = ["p80_of", "finding_facts", "finding_key"]


def _optional(module: str):
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return None


def p80_of(plan: Plan, schedule: Schedule, *, iterations: int, seed: int) -> dt.date | None:
    """The P80 finish date of ``plan`` (None when the simulation is not available)."""
    montecarlo = _optional("aiplanner.schedule.montecarlo")
    if montecarlo is None or not hasattr(montecarlo, "simulate"):
        return None
    result = montecarlo.simulate(plan, iterations=iterations, seed=seed)
    return result.percentile_date(80)


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


def finding_facts(plan: Plan, schedule: Schedule) -> dict | None:
    """The open findings of ``plan`` by key (None when the checks are not available)."""
    from aiplanner.checks.sides import FindingFact

    checks = _optional("aiplanner.checks")
    run_checks = getattr(checks, "run_checks", None)
    if run_checks is None:
        return None
    facts = {}
    for finding in run_checks(plan, schedule):
        key = finding_key(finding)
        facts[key] = FindingFact(key, str(getattr(finding, "message", finding)), str(getattr(finding, "severity", "")))
    return facts
