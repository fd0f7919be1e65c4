"""Plan health checks: the source's pitfalls, staffing gaps, overload, timeline.

>>> import datetime as dt
>>> from aiplanner.checks import run_checks
>>> from aiplanner.model import Phase, Plan, Task
>>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
...             tasks=[Task(id="a", name="Work", phase="p", duration=5)])
>>> [f.rule for f in run_checks(plan, rules=["pitfall.ignoring-change-management"])]
['pitfall.ignoring-change-management']

The names below are loaded on first use (PEP 562): importing one module of
the package (``aiplanner.checks.metrics`` for the Metrics view, say) does not
import every rule (and networkx) with it. Asking for any of them imports
:mod:`aiplanner.checks.run`, so the registry is complete when it is read.
"""

from __future__ import annotations

from aiplanner._lazy import lazy_names

_WHERE = {"Finding": "findings", "Rule": "findings", "RULES": "findings", "SEVERITIES": "findings",
          "CheckContext": "findings", "rule": "findings", "iter_rules": "findings", "run_checks": "run"}

__all__ = ["Finding", "Rule", "RULES", "SEVERITIES", "CheckContext", "rule", "run_checks"]


__getattr__, __dir__ = lazy_names(__name__, _WHERE, __all__, first="run")  # every rule registered
