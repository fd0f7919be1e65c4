"""Keep the Gantt chart's rows the same as the task tree's.

The Gantt (:class:`aiplanner.ui.gantt.view.GanttView`) draws the render
scene of ``session.plan``: phases in plan order, each with its tasks. The
tree may sort tasks within their phases and filter them. :class:`RowAlignedSession`
is the session as the Gantt sees it: everything is the real session except
``plan``, which lists only the tree's tasks (filtered) in the tree's order,
and ``collapsed_phases``, the phases the tree shows collapsed (the Gantt
keeps their header rows, drops their task rows). Edits still go to the real
document (commands use ``session.document``).
"""

from __future__ import annotations

from typing import Any

from aiplanner.model.plan import Plan

__all__ = ["RowAlignedSession"]


class RowAlignedSession:
    """A read-only lens over a :class:`PlanSession` whose ``plan`` follows the tree's rows."""

    def __init__(self, session: Any) -> None:
        self._session = session
        self._order: list[str] | None = None
        self.collapsed_phases: frozenset[str] = frozenset()
        self._cache_key: tuple | None = None
        self._cache: Plan | None = None

    def __getattr__(self, name: str) -> Any:
        # Signals, schedule, selection, push, document ...: the real session's.
        return getattr(self._session, name)

    def set_rows(self, keys: list[tuple[str, str]], collapsed: frozenset[str] = frozenset()) -> bool:
        """Take the tree's row keys (with the tasks of collapsed phases) and its collapsed
        phases; True when either changed (the Gantt must rebuild its scene)."""
        order = [key for kind, key in keys if kind == "task"]
        collapsed = frozenset(collapsed)
        if order == self._order and collapsed == self.collapsed_phases:
            return False
        if order != self._order:
            self._order = order
            self._cache_key = None
        self.collapsed_phases = collapsed
        return True

    @property
    def plan(self) -> Plan:
        plan = self._session.plan
        if self._order is None:
            return plan
        # The plan object itself, not its id: a scenario's plan may reuse a freed one's id.
        key = (self._session.document.revision, id(self._order))
        if self._cache_key is None or self._cache_key[0] is not plan or self._cache_key[1:] != key:
            index = plan.task_index()
            tasks = [index[t] for t in self._order if t in index]
            same = len(tasks) == len(plan.tasks) and all(a is b for a, b in zip(tasks, plan.tasks))
            self._cache = plan if same else plan.model_copy(update={"tasks": tasks})
            self._cache_key = (plan, *key)
        return self._cache
