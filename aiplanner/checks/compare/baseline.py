"""Capturing a baseline: the schedule frozen, with its risk and open findings.

The dates and staffing come from :func:`aiplanner.schedule.baseline.freeze_schedule`;
here the P80 finish and the findings of the moment are added, so that a
later comparison can say whether the risk grew and which findings are new.
"""

from __future__ import annotations

import datetime as dt

from aiplanner.checks.compare.facts import finding_facts, p80_of
from aiplanner.checks.compare.sides import RISK_ITERATIONS, RISK_SEED
from aiplanner.model.plan import Plan
from aiplanner.model.variants import Baseline, FrozenFinding
from aiplanner.schedule.baseline import freeze_schedule
from aiplanner.schedule.cpm import schedule_plan

__all__ = ["capture_baseline"]


def capture_baseline(
    plan: Plan,
    name: str,
    *,
    created: dt.date | None = None,
    risk: bool = True,
    findings: bool = True,
) -> Baseline:
    """Freeze ``plan`` as it schedules now into a baseline called ``name``.

    ``risk=False`` skips the Monte Carlo P80; ``findings=False`` skips the
    checks (a comparison then says it cannot tell which findings changed).
    The baseline is returned, not stored: add it with
    :meth:`Document.add_baseline <aiplanner.model.document.Document.add_baseline>`.

    Examples
    --------
    >>> from aiplanner.model import Phase, Task
    >>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
    ...             tasks=[Task(id="a", name="A", phase="p", duration=10)])
    >>> capture_baseline(plan, "v1", created=dt.date(2026, 5, 1), risk=False).finish
    datetime.date(2026, 5, 15)
    """
    sched = schedule_plan(plan)
    p80 = p80_of(plan, sched, iterations=RISK_ITERATIONS, seed=RISK_SEED) if risk else None
    baseline = freeze_schedule(plan, name, created=created, schedule=sched, p80=p80)
    found = finding_facts(plan, sched) if findings else None
    if found is not None:
        baseline.findings = [FrozenFinding(key=f.key, message=f.message, severity=f.severity) for f in found.values()]
    return baseline
