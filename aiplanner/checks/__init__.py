"""Plan health checks: the source's pitfalls, staffing gaps, overload, timeline.

>>> import datetime as dt
>>> from aiplanner.model import Phase, Plan, Task
>>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
...             tasks=[Task(id="a", name="Work", phase="p", duration=5)])
>>> [f.rule for f in run_checks(plan, rules=["pitfall.ignoring-change-management"])]
['pitfall.ignoring-change-management']
"""

from __future__ import annotations

from collections.abc import Iterable

from aiplanner.checks.findings import RULES, SEVERITIES, CheckContext, Finding, Rule, iter_rules, rule
from aiplanner.model.plan import Plan
from aiplanner.schedule.cpm import Schedule

# Importing the rule modules registers their rules; this order is the report order.
from aiplanner.checks import pitfalls  # noqa: E402,F401  isort: skip
from aiplanner.checks import staffing  # noqa: E402,F401  isort: skip
from aiplanner.checks import timeline  # noqa: E402,F401  isort: skip
from aiplanner.checks import patterns  # noqa: E402,F401  isort: skip

__all__ = ["Finding", "Rule", "RULES", "SEVERITIES", "CheckContext", "rule", "run_checks"]


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
        rule registration order.

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
        found.extend(registered.check(ctx))
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(found, key=lambda f: rank[f.severity])  # stable: keeps rule order within a severity
