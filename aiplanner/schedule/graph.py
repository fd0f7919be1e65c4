"""The plan as a ``networkx.DiGraph`` (for analyses that want graph algorithms).

Scheduling itself runs on :mod:`aiplanner.schedule.network`; this view is
for callers that want networkx (paths, drawing, exports). networkx loads
on first use so the CLI and the window start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiplanner.schedule.network import build_network

if TYPE_CHECKING:
    import networkx as nx

    from aiplanner.model.plan import Plan

__all__ = ["build_graph", "topological_order"]


def build_graph(plan: Plan) -> nx.DiGraph:
    """Predecessor -> successor graph; node data ``duration``, edge data ``type`` and ``lag``.

    Raises
    ------
    UnknownTaskError
        A link names a task that is not in the plan (both ids are named).
    DependencyCycleError
        The links form a loop.
    """
    import networkx as nx

    build_network(plan)  # the same checks (and errors) as scheduling
    graph = nx.DiGraph()
    for task in plan.tasks:
        graph.add_node(task.id, duration=task.duration)
    for task in plan.tasks:
        for dep in task.depends_on:
            graph.add_edge(dep.task, task.id, type=dep.type, lag=dep.lag)
    return graph


def topological_order(plan: Plan) -> list[str]:
    """Task ids in the canonical topological order the scheduler uses."""
    net = build_network(plan)
    return [net.ids[i] for i in net.order]
