"""The source's four dimensions and twelve functions against a plan: what covers each.

An AI operating model has four dimensions (capability building, governance,
operations, enablement), each with three functions (``resources/dimensions.json``).
:func:`plan_coverage` says, for each function, which work in the plan does
it (tasks of its tags, or named so, not assessment work), which assessment
work only looks at it, which key roles carry it and who holds them, and
who leads it in the responsibility matrix (owns, defines or executes it). A function that no work
covers is a gap, unless the source asks it only of some organisations (AI
research: "for organisations with custom AI needs"). The coverage view,
the report's coverage section and the ``coverage.uncovered-function``
check all read this.

Examples
--------
>>> import datetime as dt
>>> from aiplanner.catalog import build_plan
>>> rows = plan_coverage(build_plan("coe", dt.date(2026, 5, 4)))
>>> len(rows), sorted({r.status for r in rows})
(12, ['covered', 'optional'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiplanner.catalog import Catalog, load_catalog
from aiplanner.checks.kinds import TaskKinds
from aiplanner.model.plan import Plan

__all__ = ["FunctionCoverage", "plan_coverage", "STATUSES"]

#: What a function's row can say, in the order a reader worries about them.
STATUSES: dict[str, str] = {
    "gap": "no work covers it",
    "assessed only": "only assessment work looks at it",
    "covered": "covered",
    "optional": "not planned; the source asks it only of some organisations",
}


@dataclass(frozen=True)
class FunctionCoverage:
    """One function of one dimension, against one plan."""

    dimension: str
    dimension_name: str
    function: str
    name: str
    description: str
    tasks: tuple[str, ...]  # work that does it (plan order)
    assessed: tuple[str, ...]  # assessment work that only looks at it
    roles: tuple[str, ...]  # the key roles that carry it
    holders: tuple[str, ...]  # people (ids) holding one of those roles
    asked: bool  # some task asks for one of those roles
    matrix: tuple[tuple[str, str], ...]  # (matrix row, "Party: word" of the parties leading it)
    optional: bool
    when: str  # the source's condition, if it sets one

    @property
    def status(self) -> str:
        """``covered``, ``assessed only``, ``gap`` or ``optional`` (see :data:`STATUSES`)."""
        if self.tasks:
            return "covered"
        if self.optional:
            return "optional"
        return "assessed only" if self.assessed else "gap"

    @property
    def flagged(self) -> bool:
        """True when no work covers a function the plan should have."""
        return self.status in ("gap", "assessed only")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def plan_coverage(plan: Plan, kinds: TaskKinds | None = None, catalog: Catalog | None = None) -> list[FunctionCoverage]:
    """Every function of the four dimensions against ``plan``, in the source's order."""
    catalog = catalog or load_catalog()
    kinds = kinds or TaskKinds(plan, catalog)
    holders: dict[str, list[str]] = {}
    capacity = {p.id: p.capacity for p in plan.people}
    for a in plan.assignments:
        if capacity.get(a.person, 0) > 0 and a.person not in holders.setdefault(a.role, []):
            holders[a.role].append(a.person)
    asked_for = {d.role for t in plan.tasks for d in t.demands}
    rows = {_norm(r.function): r for r in plan.responsibilities.rows}
    parties = plan.responsibilities.parties
    lead = tuple(w.lower() for w in catalog.vocabulary.lead_words)
    found = []
    for dim in catalog.dimensions:
        for function in dim.functions:
            tags = tuple(function.tags)
            doing = kinds.ids(*tags)
            looking = [t for t in kinds.ids(*tags, assessment=True) if t not in doing]
            matrix = []
            for name in function.matrix:
                row = rows.get(_norm(name))
                if row is not None:  # who leads it (owns, defines, executes); everyone's part when nobody does
                    cells = [(p, row.cells[p]) for p in parties if row.cells.get(p)]
                    leading = [(p, w) for p, w in cells if any(w.strip().lower().startswith(x) for x in lead)]
                    matrix.append((row.function, ", ".join(f"{p}: {w}" for p, w in leading or cells)))
            found.append(FunctionCoverage(
                dimension=dim.id, dimension_name=dim.name, function=function.id, name=function.name,
                description=function.description, tasks=tuple(doing), assessed=tuple(looking),
                roles=tuple(function.roles),
                holders=tuple(dict.fromkeys(p for r in function.roles for p in holders.get(r, []))),
                asked=any(r in asked_for for r in function.roles),
                matrix=tuple(matrix), optional=function.optional, when=function.when,
            ))
    return found
