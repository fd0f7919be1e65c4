"""Undo commands: one small ``QUndoCommand`` per user edit.

Each command's ``redo``/``undo`` call :class:`~aiplanner.model.document.Document`
methods only. ``check()`` validates the edit before it reaches the stack
(:meth:`PlanSession.push` calls it), so a refused edit leaves no trace.
Bulk edits (import, apply template, level) snapshot the whole plan.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from aiplanner.model.errors import EditError
from aiplanner.model.graph import check_add_dependency
from aiplanner.model.plan import Dependency, Plan, Task

__all__ = [
    "EditTaskCommand",
    "AddTaskCommand",
    "RemoveTaskCommand",
    "AddDependencyCommand",
    "RemoveDependencyCommand",
    "MoveTaskCommand",
    "EditPlanCommand",
    "ReplacePlanCommand",
]


class _SessionCommand(QUndoCommand):
    def __init__(self, session, text: str) -> None:
        super().__init__(text)
        self.session = session

    @property
    def document(self):
        return self.session.document

    def check(self) -> None:  # pragma: no cover - overridden
        """Raise :class:`EditError` when the edit is impossible."""


class EditTaskCommand(_SessionCommand):
    """Change one or more fields of a task (merges successive edits of one cell? no: one edit, one step)."""

    def __init__(self, session, task_id: str, text: str | None = None, **fields: Any) -> None:
        names = ", ".join(fields)
        super().__init__(session, text or f"Edit {names} of {task_id}")
        self.task_id = task_id
        self.fields = fields
        self.old: dict[str, Any] | None = None

    def check(self) -> None:
        task = self.document.plan.task_index().get(self.task_id)
        if task is None:
            raise EditError(f"unknown task {self.task_id!r}")
        data = task.model_dump()
        data.update(self.fields)
        Task.model_validate(data)
        if "depends_on" in self.fields:
            self.document._check_links(self.task_id, [Dependency.model_validate(d) if isinstance(d, dict) else d
                                                      for d in self.fields["depends_on"]])

    def redo(self) -> None:
        self.old = self.document.update_task(self.task_id, **self.fields)

    def undo(self) -> None:
        assert self.old is not None
        self.document.update_task(self.task_id, **self.old)


class AddTaskCommand(_SessionCommand):
    def __init__(self, session, task: Task, index: int | None = None) -> None:
        super().__init__(session, f"Add task {task.name}")
        self.task = task
        self.index = index

    def check(self) -> None:
        if self.task.id in self.document.plan.task_index():
            raise EditError(f"a task with id {self.task.id!r} already exists")
        if self.task.phase not in {p.id for p in self.document.plan.phases}:
            raise EditError(f"unknown phase {self.task.phase!r}")

    def redo(self) -> None:
        self.index = self.document.add_task(self.task.model_copy(deep=True), self.index)

    def undo(self) -> None:
        self.document.remove_task(self.task.id)


class RemoveTaskCommand(_SessionCommand):
    def __init__(self, session, task_id: str) -> None:
        super().__init__(session, f"Delete task {task_id}")
        self.task_id = task_id
        self.saved = None

    def check(self) -> None:
        if self.task_id not in self.document.plan.task_index():
            raise EditError(f"unknown task {self.task_id!r}")

    def redo(self) -> None:
        self.saved = self.document.remove_task(self.task_id)

    def undo(self) -> None:
        task, index, links = self.saved
        self.document.restore_task(task, index, links)


class AddDependencyCommand(_SessionCommand):
    def __init__(self, session, successor: str, dependency: Dependency) -> None:
        super().__init__(session, f"Link {dependency.task} {dependency.type} {successor}")
        self.successor = successor
        self.dependency = dependency

    def check(self) -> None:
        check_add_dependency(self.document.plan, self.successor, self.dependency.task)
        if any(d.task == self.dependency.task for d in self.document.plan.task(self.successor).depends_on):
            raise EditError(f"{self.successor!r} already depends on {self.dependency.task!r}")

    def redo(self) -> None:
        self.document.add_dependency(self.successor, self.dependency)

    def undo(self) -> None:
        self.document.remove_dependency(self.successor, self.dependency.task)


class RemoveDependencyCommand(_SessionCommand):
    def __init__(self, session, successor: str, predecessor: str) -> None:
        super().__init__(session, f"Unlink {predecessor} -> {successor}")
        self.successor = successor
        self.predecessor = predecessor
        self.saved: tuple[int, Dependency] | None = None

    def check(self) -> None:
        if not any(d.task == self.predecessor for d in self.document.plan.task(self.successor).depends_on):
            raise EditError(f"{self.successor!r} does not depend on {self.predecessor!r}")

    def redo(self) -> None:
        self.saved = self.document.remove_dependency(self.successor, self.predecessor)

    def undo(self) -> None:
        position, dep = self.saved
        self.document.add_dependency(self.successor, dep, position)


class MoveTaskCommand(_SessionCommand):
    """Move a task in the list, optionally into another phase (indent/outdent, Ctrl+Up/Down)."""

    def __init__(self, session, task_id: str, new_index: int, phase: str | None = None) -> None:
        super().__init__(session, f"Move task {task_id}")
        self.task_id = task_id
        self.new_index = new_index
        self.phase = phase
        self.old: tuple[int, str] | None = None

    def check(self) -> None:
        if self.phase is not None and self.phase not in {p.id for p in self.document.plan.phases}:
            raise EditError(f"unknown phase {self.phase!r}")

    def redo(self) -> None:
        self.old = self.document.move_task(self.task_id, self.new_index, self.phase)

    def undo(self) -> None:
        index, phase = self.old
        self.document.move_task(self.task_id, index, phase)


class EditPlanCommand(_SessionCommand):
    """Change plan-level fields: name, start, calendar, people, roles, assignments, metrics ..."""

    def __init__(self, session, text: str, **fields: Any) -> None:
        super().__init__(session, text)
        self.fields = fields
        self.old: dict[str, Any] | None = None

    def check(self) -> None:
        data = self.document.plan.model_dump()
        data.update({k: (v.model_dump() if hasattr(v, "model_dump") else
                         [i.model_dump() if hasattr(i, "model_dump") else i for i in v] if isinstance(v, list) else v)
                     for k, v in self.fields.items()})
        candidate = Plan.model_validate(data)
        from aiplanner.model.validate import plan_problems

        problems = plan_problems(candidate)
        if problems:
            raise EditError("; ".join(str(p) for p in problems))

    def redo(self) -> None:
        self.old = self.document.update_plan(**self.fields)

    def undo(self) -> None:
        self.document.update_plan(**self.old)


class ReplacePlanCommand(_SessionCommand):
    """A bulk edit (import, level, apply template): swap the whole plan, undo swaps back."""

    def __init__(self, session, text: str, new_plan: Plan) -> None:
        super().__init__(session, text)
        self.new_plan = new_plan
        self.old_snapshot = session.document.snapshot()

    def check(self) -> None:
        from aiplanner.model.validate import plan_problems
        from aiplanner.model.graph import find_cycle

        problems = plan_problems(self.new_plan)
        if problems:
            raise EditError("; ".join(str(p) for p in problems))
        cycle = find_cycle(self.new_plan)
        if cycle:
            raise EditError("dependency cycle: " + " -> ".join(cycle + cycle[:1]))

    def redo(self) -> None:
        self.document.replace_plan(Plan.model_validate(self.new_plan.model_dump()))

    def undo(self) -> None:
        self.document.restore(self.old_snapshot)
