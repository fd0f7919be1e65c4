"""The plan's dependency network as integer-indexed arrays.

Scheduling hot loops work on plain lists indexed by task position (document
order) instead of dicts of ids or graph objects: that keeps a 10,000-task
plan well under a second. The topological order is canonical (Kahn's
algorithm, ties broken by document order), so a full and an incremental
schedule agree on it exactly.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

from aiplanner.model.errors import DependencyCycleError, DuplicateIdError, UnknownTaskError

if TYPE_CHECKING:
    from aiplanner.model.plan import Plan

__all__ = ["FS", "SS", "FF", "SF", "KIND_CODE", "Network", "build_network", "canonical_order"]

FS, SS, FF, SF = 0, 1, 2, 3
KIND_CODE = {"FS": FS, "SS": SS, "FF": FF, "SF": SF}

#: An edge as stored per node: (other task index, kind code, lag).
Edge = tuple[int, int, int]


class Network:
    """Tasks and links of a plan, by task index.

    Attributes
    ----------
    ids
        Task ids in document order; a task's index is its position here.
    index
        Task id -> index.
    preds, succs
        Per task, the links into / out of it as ``(other, kind, lag)``.
    order
        Task indices in canonical topological order; ``pos[i]`` is the
        position of task ``i`` in it.
    """

    __slots__ = ("ids", "index", "preds", "succs", "order", "pos")

    def __init__(self, ids: list[str], index: dict[str, int], preds: list[list[Edge]], succs: list[list[Edge]],
                 order: list[int] | None = None, pos: list[int] | None = None):
        self.ids = ids
        self.index = index
        self.preds = preds
        self.succs = succs
        if order is None or pos is None:
            order = canonical_order(ids, preds, succs)
            pos = [0] * len(ids)
            for p, i in enumerate(order):
                pos[i] = p
        self.order = order
        self.pos = pos

    def with_link_values(self, changes: dict[int, list[Edge]]) -> Network:
        """A network whose tasks ``changes`` have new link types/lags but the same predecessors.

        The predecessor sets (and so the topological order) are unchanged; the
        original network is left as it was (schedules built on it stay valid).
        """
        preds = list(self.preds)
        succs = list(self.succs)
        copied: set[int] = set()
        for i, edges in changes.items():
            preds[i] = list(edges)
            for p, kind, lag in edges:
                if p not in copied:
                    succs[p] = list(succs[p])
                    copied.add(p)
                succs[p] = [(s, kind, lag) if s == i else (s, k, g) for s, k, g in succs[p]]
        return Network(self.ids, self.index, preds, succs, self.order, self.pos)


def link_key(plan_task) -> tuple:
    """What of a task's links the network depends on (for change detection)."""
    return tuple((d.task, d.type, d.lag) for d in plan_task.depends_on)


def build_network(plan: Plan) -> Network:
    """Index the plan's tasks and links.

    Raises
    ------
    DuplicateIdError
        Two tasks share an id.
    UnknownTaskError
        A link names a task that is not in the plan (both ids are named).
    DependencyCycleError
        The links form a loop; the error names the tasks of one loop in link order.
    """
    tasks = plan.tasks
    ids = [t.id for t in tasks]
    index = {tid: i for i, tid in enumerate(ids)}
    if len(index) != len(ids):
        seen: set[str] = set()
        for tid in ids:
            if tid in seen:
                raise DuplicateIdError(f"two tasks have the id {tid!r}")
            seen.add(tid)
    n = len(ids)
    preds: list[list[Edge]] = [[] for _ in range(n)]
    succs: list[list[Edge]] = [[] for _ in range(n)]
    code = KIND_CODE
    for i, task in enumerate(tasks):
        mine = preds[i]
        for dep in task.depends_on:
            p = index.get(dep.task)
            if p is None:
                raise UnknownTaskError(dep.task, referenced_by=task.id)
            if p == i:
                raise DependencyCycleError([task.id])
            kind = code[dep.type]
            mine.append((p, kind, dep.lag))
            succs[p].append((i, kind, dep.lag))
    return Network(ids, index, preds, succs)


def canonical_order(ids: list[str], preds: list[list[Edge]], succs: list[list[Edge]]) -> list[int]:
    """Topological order, earliest document position first among ready tasks.

    Raises
    ------
    DependencyCycleError
        Naming the tasks of one cycle, in link order (predecessor first).
    """
    n = len(ids)
    indegree = [len(p) for p in preds]
    ready = [i for i in range(n) if indegree[i] == 0]
    heapq.heapify(ready)
    order: list[int] = []
    push, pop = heapq.heappush, heapq.heappop
    while ready:
        i = pop(ready)
        order.append(i)
        for s, _, _ in succs[i]:
            indegree[s] -= 1
            if indegree[s] == 0:
                push(ready, s)
    if len(order) < n:
        raise DependencyCycleError([ids[i] for i in _one_cycle(indegree, preds)])
    return order


def _one_cycle(indegree: list[int], preds: list[list[Edge]]) -> list[int]:
    """One cycle among the tasks Kahn's algorithm could not order.

    Every such task still has an unordered predecessor, so walking from one
    unordered predecessor to the next must revisit a task: the walk between
    the two visits is a cycle (in reverse link order).
    """
    start = min(i for i, d in enumerate(indegree) if d > 0)
    seen: dict[int, int] = {}
    walk: list[int] = []
    node = start
    while node not in seen:
        seen[node] = len(walk)
        walk.append(node)
        node = next(p for p, _, _ in preds[node] if indegree[p] > 0)
    cycle = walk[seen[node]:][::-1]
    first = cycle.index(min(cycle))
    return cycle[first:] + cycle[:first]
