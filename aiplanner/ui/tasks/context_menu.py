"""The task table's right-click menu: what can be done to the row under the pointer.

Right-clicking a row that is part of the selection acts on the whole
selection; right-clicking another row acts on that row and keeps the
selection, so the menu can link that row to the selected tasks (either way
round). Every item is an ordinary undoable edit through the table's session
(the plan, or the scenario shown).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from aiplanner.model.plan import Dependency
from aiplanner.ui.commands import AddDependencyCommand, MoveTaskCommand

if TYPE_CHECKING:  # pragma: no cover
    from aiplanner.ui.tasks.tree import TaskTreeView

__all__ = ["build_context_menu"]


def _name(plan, task_id: str) -> str:
    task = plan.task_index().get(task_id)
    text = task.name if task else task_id
    return text if len(text) <= 40 else text[:39] + "…"


def build_context_menu(tree: "TaskTreeView", task_id: str | None, phase_id: str | None) -> QMenu:
    """The menu for the row of ``task_id`` (or the phase row of ``phase_id``)."""
    session = tree.session
    plan = session.plan
    menu = QMenu(tree)
    selection = tree.selected_task_ids()
    acting = selection if task_id in selection else ([task_id] if task_id else [])
    if task_id is not None:
        menu.addAction(f"Open “{_name(plan, task_id)}”…", lambda: tree.openTaskEditor.emit(task_id))
        menu.addSeparator()
    insert = menu.addAction("Insert task below" if task_id else "Insert task in this phase",
                            lambda: (tree.select_task(task_id) if task_id else tree.select_phase(phase_id),
                                     tree.insert_task()))
    insert.setShortcut(tree.insert_action.shortcut())
    if acting:
        what = f"the {len(acting)} selected tasks" if len(acting) > 1 else f"“{_name(plan, acting[0])}”"
        delete = menu.addAction(f"Delete {what}", lambda: _delete(tree, acting))
        delete.setShortcut(tree.delete_action.shortcut())
        phases = menu.addMenu("Move to phase")
        here = {t.phase for t in plan.tasks if t.id in acting}
        for phase in plan.phases:
            action = phases.addAction(phase.name, lambda p=phase.id: _move(tree, acting, p))
            action.setEnabled(here != {phase.id})
        menu.addSeparator()
    if task_id is not None and task_id in selection and len(selection) >= 2:
        link = menu.addAction(f"Link the {len(selection)} selected tasks one after the other", tree.link_selected)
        link.setShortcut(tree.link_action.shortcut())
        unlink = menu.addAction("Remove the links between the selected tasks", tree.unlink_selected)
        unlink.setShortcut(tree.unlink_action.shortcut())
    elif task_id is not None and [t for t in selection if t != task_id]:
        others = [t for t in selection if t != task_id]
        label = f"the {len(others)} selected tasks" if len(others) > 1 else f"“{_name(plan, others[0])}”"
        menu.addAction(f"Link: “{_name(plan, task_id)}” after {label}", lambda: _link_to(tree, others, task_id))
        menu.addAction(f"Link: {label} after “{_name(plan, task_id)}”",
                       lambda: _link_from(tree, task_id, others))
    if phase_id is not None:
        menu.addSeparator()
        folded = phase_id in tree.folded_phases()
        menu.addAction("Expand the phase" if folded else "Collapse the phase",
                       lambda: tree.set_phase_expanded(phase_id, folded))
    return menu


def _delete(tree, task_ids: list[str]) -> None:
    tree.select_tasks(task_ids)
    tree.delete_selected()


def _move(tree, task_ids: list[str], phase_id: str) -> None:
    """Move tasks to the end of ``phase_id`` (one undo step), keeping their order."""
    session = tree.session
    stack = session.undo_stack
    stack.beginMacro(f"Move {len(task_ids)} task{'s' if len(task_ids) > 1 else ''} to {phase_id}")
    try:
        for task_id in task_ids:
            plan = session.plan
            rest = [t for t in plan.tasks if t.id != task_id]
            members = [i for i, t in enumerate(rest) if t.phase == phase_id]
            index = members[-1] + 1 if members else len(rest)
            if not session.try_push(MoveTaskCommand(session, task_id, index, phase=phase_id)):
                break
    finally:
        stack.endMacro()
    tree.select_tasks(task_ids)


def _links(tree, pairs: list[tuple[str, str]], text: str) -> None:
    """Add (predecessor, successor) finish-to-start links as one undo step; a loop is refused first."""
    from aiplanner.model.errors import DependencyCycleError
    from aiplanner.ui.session import describe_error
    from aiplanner.ui.tasks.linking import closing_cycle

    session = tree.session
    plan = session.plan
    index = plan.task_index()
    pairs = [(a, b) for a, b in pairs if not any(d.task == a for d in index[b].depends_on)]
    if not pairs:
        tree.message.emit("Those tasks are linked already")
        return
    cycle = closing_cycle(plan, pairs)
    if cycle:
        session.editRefused.emit(describe_error(DependencyCycleError(cycle), plan))
        return
    stack = session.undo_stack
    stack.beginMacro(text)
    try:
        for pred, succ in pairs:
            session.try_push(AddDependencyCommand(session, succ, Dependency(task=pred)))
    finally:
        stack.endMacro()


def _link_to(tree, predecessors: list[str], task_id: str) -> None:
    _links(tree, [(p, task_id) for p in predecessors], f"Link {task_id} after {len(predecessors)} tasks")


def _link_from(tree, task_id: str, successors: list[str]) -> None:
    _links(tree, [(task_id, s) for s in successors], f"Link {len(successors)} tasks after {task_id}")
