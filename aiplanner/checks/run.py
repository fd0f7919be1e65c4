"""Run the registered checks on a plan (every rule module is imported here, so registered)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from aiplanner.checks.findings import SEVERITIES, CheckContext, Finding, iter_rules
from aiplanner.model.plan import Plan
from aiplanner.schedule.cpm import Schedule

# Importing the rule modules registers their rules; this order is the report order.
from aiplanner.checks.rules import pitfalls  # noqa: E402,F401  isort: skip
from aiplanner.checks.rules import staffing  # noqa: E402,F401  isort: skip
from aiplanner.checks.rules import timeline  # noqa: E402,F401  isort: skip
from aiplanner.checks.rules import patterns  # noqa: E402,F401  isort: skip
from aiplanner.checks.rules import assessment  # noqa: E402,F401  isort: skip
from aiplanner.checks.rules import estimates  # noqa: E402,F401  isort: skip
from aiplanner.checks.rules import coverage  # noqa: E402,F401  isort: skip
from aiplanner.checks.answers import weigh  # noqa: E402  isort: skip

__all__ = ["run_checks"]


def run_checks(plan: Plan, schedule: Schedule | None = None, rules: Iterable[str] | None = None) -> list[Finding]:
    """Run the registered checks (all, or the ``rules`` ids) on ``plan``.

    Parameters
    ----------
    plan
        The plan to check.
    schedule
        Its schedule, when the caller has it; computed otherwise.
    rules
        Rule ids to run; all registered rules when None.

    Returns
    -------
    list[Finding]
        Errors first, then warnings, then information; within a severity in
        rule registration order. The plan's symptom checklist answers have
        raised or lowered the findings they bear on (:mod:`aiplanner.checks.answers`).

    Raises
    ------
    DependencyCycleError
        The plan cannot be scheduled.
    ValueError
        ``rules`` names an unknown rule.
    """
    ctx = CheckContext(plan, schedule)
    found: list[Finding] = []
    for registered in iter_rules(rules):
        found.extend(f if f.title else replace(f, title=registered.title) for f in registered.check(ctx))
    found = weigh(found, plan, ctx.kinds.catalog)  # the Assessment's symptom answers raise or lower them
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(found, key=lambda f: rank[f.severity])  # stable: keeps rule order within a severity
