"""Dependency-graph questions the document asks before an edit happens."""

from __future__ import annotations

from collections import deque

from aiplanner.model.errors import DependencyCycleError, UnknownTaskError
from aiplanner.model.plan import Plan

__all__ = ["successors_map", "path_between", "check_add_dependency", "find_cycle"]


def successors_map(plan: Plan) -> dict[str, list[str]]:
    """Task id -> ids of the tasks that depend on it (document order)."""
    succ: dict[str, list[str]] = {t.id: [] for t in plan.tasks}
    for task in plan.tasks:
        for dep in task.depends_on:
            if dep.task in succ:
                succ[dep.task].append(task.id)
    return succ


def path_between(succ: dict[str, list[str]], source: str, target: str) -> list[str] | None:
    """Shortest chain of successor links from ``source`` to ``target``, or None."""
    if source == target:
        return [source]
    parent: dict[str, str] = {source: source}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        for nxt in succ.get(node, ()):
            if nxt in parent:
                continue
            parent[nxt] = node
            if nxt == target:
                path = [nxt]
                while path[-1] != source:
                    path.append(parent[path[-1]])
                return path[::-1]
            queue.append(nxt)
    return None


def check_add_dependency(plan: Plan, successor: str, predecessor: str) -> None:
    """Raise if making ``successor`` depend on ``predecessor`` is impossible.

    Raises
    ------
    UnknownTaskError
        Either task does not exist.
    DependencyCycleError
        The link would close a loop; the error lists the loop in link order.
    """
    ids = {t.id for t in plan.tasks}
    if successor not in ids:
        raise UnknownTaskError(successor)
    if predecessor not in ids:
        raise UnknownTaskError(predecessor, referenced_by=successor)
    if successor == predecessor:
        raise DependencyCycleError([successor])
    chain = path_between(successors_map(plan), successor, predecessor)
    if chain is not None:
        # predecessor -> successor (the new link) -> ... -> predecessor
        raise DependencyCycleError([predecessor] + chain[:-1])


def find_cycle(plan: Plan) -> list[str] | None:
    """One dependency cycle of ``plan`` in link order, or None if acyclic."""
    succ = successors_map(plan)
    state: dict[str, int] = {}
    for root in succ:
        if root in state:
            continue
        stack = [(root, iter(succ[root]))]
        trail = [root]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            for child in children:
                if state.get(child) == 1:
                    return trail[trail.index(child):]
                if child not in state:
                    state[child] = 1
                    trail.append(child)
                    stack.append((child, iter(succ[child])))
                    break
            else:
                state[node] = 2
                trail.pop()
                stack.pop()
    return None
