"""The slow numbers of presentation mode (P80, findings), computed once per plan state.

Switching scenarios back and forth in front of a room must not re-run the
Monte Carlo simulation each time: results are kept per (scenario, document
revision), and the view asks for them only after it has painted the new
chart.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass

from aiplanner.checks import run_checks
from aiplanner.checks.compare.facts import p80_of
from aiplanner.checks.summary import DEFAULT_ITERATIONS, DEFAULT_SEED
from aiplanner.model.errors import PlanError

__all__ = ["Facts", "FactsCache"]


@dataclass(frozen=True)
class Facts:
    p80: dt.date | None
    findings: int
    errors: int


class FactsCache:
    """Facts by key, the most recent ``size`` kept."""

    def __init__(self, size: int = 16) -> None:
        self.size = size
        self._items: OrderedDict[tuple, Facts] = OrderedDict()

    def get(self, key: tuple) -> Facts | None:
        facts = self._items.get(key)
        if facts is not None:
            self._items.move_to_end(key)
        return facts

    def compute(self, key: tuple, plan, schedule) -> Facts:
        known = self.get(key)
        if known is not None:
            return known
        try:
            # the summary's run (its first screen shows the same P80), the Risk view's and the report's
            p80 = p80_of(plan, schedule, iterations=DEFAULT_ITERATIONS, seed=DEFAULT_SEED)
        except PlanError:
            p80 = None
        found = run_checks(plan, schedule)
        facts = Facts(p80, len(found), sum(1 for f in found if f.severity == "error"))
        self._items[key] = facts
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return facts
