"""Link the selected tasks one after the other, or unlink them (Edit menu, tool bar, context menu).

As in MS Project's *Link Tasks*: the tasks selected in the table, in the
table's order, become a finish-to-start chain (each depends on the one
above it). The whole chain is one undo step, and a chain that would close a
loop with the links already there is refused before anything changes.
"""

from __future__ import annotations

from aiplanner.model.errors import DependencyCycleError, EditError
from aiplanner.model.graph import find_cycle
from aiplanner.model.plan import Dependency
from aiplanner.ui.commands import AddDependencyCommand, RemoveDependencyCommand

__all__ = ["chain_links", "closing_cycle", "link_tasks", "unlink_tasks"]


def chain_links(plan, task_ids: list[str]) -> list[tuple[str, str]]:
    """(predecessor, successor) pairs a chain of ``task_ids`` adds (pairs already linked left out).

    Raises
    ------
    EditError
        Fewer than two tasks.
    DependencyCycleError
        The chain would close a loop (the error names it).
    """
    if len(task_ids) < 2:
        raise EditError("select two or more tasks to link them one after the other")
    index = plan.task_index()
    pairs = [(a, b) for a, b in zip(task_ids, task_ids[1:])
             if not any(d.task == a for d in index[b].depends_on)]
    if not pairs:
        return []
    cycle = closing_cycle(plan, pairs)
    if cycle:
        raise DependencyCycleError(cycle)
    return pairs


def closing_cycle(plan, pairs: list[tuple[str, str]]) -> list[str] | None:
    """The loop that finish-to-start links ``(predecessor, successor)`` would close, if any."""
    trial = plan.model_copy(update={"tasks": [t.model_copy(update={"depends_on": [
        *t.depends_on, *(Dependency(task=a) for a, b in pairs if b == t.id)]}) for t in plan.tasks]})
    return find_cycle(trial)


def link_tasks(session, task_ids: list[str]) -> int:
    """Chain ``task_ids`` finish-to-start as one undo step; the number of links added.

    ``session`` is the window's (or its scenario lens): refused edits raise.
    """
    pairs = chain_links(session.plan, task_ids)
    if not pairs:
        raise EditError("the selected tasks are already linked one after the other")
    stack = session.undo_stack
    stack.beginMacro(f"Link {len(task_ids)} tasks")
    try:
        for pred, succ in pairs:
            session.push(AddDependencyCommand(session, succ, Dependency(task=pred)))
    finally:
        stack.endMacro()
    return len(pairs)


def unlink_tasks(session, task_ids: list[str]) -> int:
    """Remove every link between the selected tasks as one undo step; the number removed."""
    chosen = set(task_ids)
    index = session.plan.task_index()
    pairs = [(d.task, t) for t in task_ids for d in index[t].depends_on if d.task in chosen]
    if not pairs:
        raise EditError("no links between the selected tasks")
    stack = session.undo_stack
    stack.beginMacro(f"Unlink {len(chosen)} tasks")
    try:
        for pred, succ in pairs:
            session.push(RemoveDependencyCommand(session, succ, pred))
    finally:
        stack.endMacro()
    return len(pairs)
