"""Plan health checks: the source's pitfalls, staffing gaps, overload, timeline.

>>> import datetime as dt
>>> from aiplanner.model import Phase, Plan, Task
>>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
...             tasks=[Task(id="a", name="Work", phase="p", duration=5)])
>>> [f.rule for f in run_checks(plan, rules=["pitfall.ignoring-change-management"])]
['pitfall.ignoring-change-management']
"""

from __future__ import annotations

from aiplanner.checks.findings import RULES, SEVERITIES, CheckContext, Finding, Rule, iter_rules, rule  # noqa: F401
from aiplanner.checks.run import run_checks

__all__ = ["Finding", "Rule", "RULES", "SEVERITIES", "CheckContext", "rule", "run_checks"]
