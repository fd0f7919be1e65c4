"""Undo commands: one small ``QUndoCommand`` per user edit.

Each command's ``redo``/``undo`` call :class:`~aiplanner.model.document.Document`
methods only. ``check()`` validates the edit before it reaches the stack
(:meth:`PlanSession.push` calls it), so a refused edit leaves no trace.
Bulk edits (import, apply template, level) snapshot the whole plan.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtGui import QUndoCommand

from aiplanner.model.errors import EditError
from aiplanner.model.graph import check_add_dependency
from aiplanner.model.plan import Dependency, Plan, Task
from aiplanner.model.validate import pydantic_problems

__all__ = [
    "EditTaskCommand",
    "AddTaskCommand",
    "RemoveTaskCommand",
    "AddDependencyCommand",
    "RemoveDependencyCommand",
    "MoveTaskCommand",
    "EditPlanCommand",
    "ReplacePlanCommand",
    "RenameTaskCommand",
    "EditPhaseCommand",
]


def _plain(value: Any) -> Any:
    """Pydantic models (and lists of them) as plain data, for validating a candidate."""
    if hasattr(value, "model_dump"):
        return value.model_dump()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


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
    """Change one or more fields of a task (one edit, one undo step)."""

    def __init__(self, session, task_id: str, text: str | None = None, **fields: Any) -> None:
        names = ", ".join(fields)
        super().__init__(session, text or f"Edit {names} of {task_id}")
        self.task_id = task_id
        self.fields = fields
        self.old: dict[str, Any] | None = None

    def check(self) -> None:
        plan = self.document.plan
        task = plan.task_index().get(self.task_id)
        if task is None:
            raise EditError(f"unknown task {self.task_id!r}")
        data = task.model_dump()
        data.update({k: _plain(v) for k, v in self.fields.items()})
        try:
            candidate = Task.model_validate(data)
        except ValidationError as exc:
            raise EditError(
                f"task {task.name!r} ({self.task_id}): " + "; ".join(str(p) for p in pydantic_problems(exc))
            ) from None
        if candidate.phase not in {p.id for p in plan.phases}:
            raise EditError(f"task {task.name!r} ({self.task_id}): unknown phase {candidate.phase!r}")
        roles = {r.id for r in plan.roles}
        for demand in candidate.demands:
            if demand.role not in roles:
                raise EditError(f"task {task.name!r} ({self.task_id}): unknown role {demand.role!r}")
        if "depends_on" in self.fields:
            self.document._check_links(self.task_id, candidate.depends_on)

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


class RenameTaskCommand(_SessionCommand):
    """Change a task's id (and every link that names it)."""

    def __init__(self, session, old_id: str, new_id: str) -> None:
        super().__init__(session, f"Rename {old_id} to {new_id}")
        self.old_id = old_id
        self.new_id = new_id

    def check(self) -> None:
        ids = self.document.plan.task_index()
        if self.old_id not in ids:
            raise EditError(f"unknown task {self.old_id!r}")
        if self.new_id != self.old_id and self.new_id in ids:
            raise EditError(f"a task with id {self.new_id!r} already exists ({ids[self.new_id].name!r})")
        try:
            Task.model_validate({**ids[self.old_id].model_dump(), "id": self.new_id})
        except ValidationError:
            raise EditError(
                f"{self.new_id!r} is not a valid task id (letters, digits, '_', '.', '-'; at most 64)"
            ) from None

    def redo(self) -> None:
        self.document.rename_task(self.old_id, self.new_id)

    def undo(self) -> None:
        self.document.rename_task(self.new_id, self.old_id)


class EditPhaseCommand(_SessionCommand):
    """Change fields of a phase (its name, notes)."""

    def __init__(self, session, phase_id: str, **fields: Any) -> None:
        super().__init__(session, f"Edit phase {phase_id}")
        self.phase_id = phase_id
        self.fields = fields
        self.old: dict[str, Any] | None = None

    def check(self) -> None:
        from aiplanner.model.plan import Phase

        for phase in self.document.plan.phases:
            if phase.id == self.phase_id:
                try:
                    Phase.model_validate({**phase.model_dump(), **self.fields})
                except ValidationError as exc:
                    raise EditError(
                        f"phase {phase.name!r}: " + "; ".join(str(p) for p in pydantic_problems(exc))
                    ) from None
                return
        raise EditError(f"unknown phase {self.phase_id!r}")

    def redo(self) -> None:
        self.old = self.document.update_phase(self.phase_id, **self.fields)

    def undo(self) -> None:
        self.document.update_phase(self.phase_id, **self.old)
