"""The editable document: a :class:`Plan` plus edit methods that announce events.

Every method checks its edit first and raises a typed :class:`EditError`
without touching the plan when the edit is impossible, so a caller (an undo
command, a CLI action) never has to roll back half an edit. Each method
returns what its inverse needs, so undo commands stay trivial.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from aiplanner.model.errors import DuplicateIdError, EditError, InvalidPlanError, UnknownTaskError
from aiplanner.model.events import Event, EventEmitter
from aiplanner.model.graph import check_add_dependency
from aiplanner.model.plan import Assignment, Dependency, Person, Phase, Plan, Role, Task
from aiplanner.model.scenarios.edits import ScenarioEditsMixin
from aiplanner.model.validate import plan_problems, pydantic_problems

__all__ = ["Document", "SCHEDULING_FIELDS"]

#: Task fields whose change moves dates (others only change labels).
SCHEDULING_FIELDS = frozenset({"duration", "depends_on", "milestone", "not_before", "estimate"})


class Document(ScenarioEditsMixin):
    """A plan being edited, with its file path and change events."""

    def __init__(self, plan: Plan, path: str | Path | None = None) -> None:
        self.plan = plan
        self.path = Path(path) if path is not None else None
        self.events = EventEmitter()
        self.revision = 0

    # -- plumbing ---------------------------------------------------------
    def _emit(self, kind: str, tasks: tuple[str, ...] = (), **details: Any) -> None:
        self.revision += 1
        self.events.emit(Event(kind, tasks, details))

    def _task_position(self, task_id: str) -> int:
        for i, task in enumerate(self.plan.tasks):
            if task.id == task_id:
                return i
        raise UnknownTaskError(task_id)

    def _phase_ids(self) -> set[str]:
        return {p.id for p in self.plan.phases}

    def _check_demands(self, task: Task) -> None:
        roles = {r.id for r in self.plan.roles}
        for demand in task.demands:
            if demand.role not in roles:
                raise EditError(f"task {task.id!r}: unknown role {demand.role!r}")

    # -- tasks ------------------------------------------------------------
    def add_task(self, task: Task, index: int | None = None) -> int:
        """Insert ``task`` (at ``index``, default the end of its phase); return its index."""
        if any(t.id == task.id for t in self.plan.tasks):
            raise DuplicateIdError(f"a task with id {task.id!r} already exists")
        self._check_task_id_free_in_scenarios(task.id)
        if task.phase not in self._phase_ids():
            raise EditError(f"task {task.id!r}: unknown phase {task.phase!r}")
        self._check_demands(task)
        for dep in task.depends_on:
            if dep.task not in {t.id for t in self.plan.tasks}:
                raise UnknownTaskError(dep.task, referenced_by=task.id)
        if index is None:
            index = len(self.plan.tasks)
            for i, other in enumerate(self.plan.tasks):
                if other.phase == task.phase:
                    index = i + 1
        self.plan.tasks.insert(index, task)
        self._emit("task_added", (task.id,), index=index)
        return index

    def remove_task(self, task_id: str) -> tuple[Task, int, list[tuple[str, int, Dependency]]]:
        """Remove a task and every link to it.

        Returns the task, its index, and the removed links as
        ``(successor id, position in its depends_on, dependency)`` for undo.
        """
        index = self._task_position(task_id)
        removed_links: list[tuple[str, int, Dependency]] = []
        for other in self.plan.tasks:
            for j, dep in enumerate(other.depends_on):
                if dep.task == task_id:
                    removed_links.append((other.id, j, dep))
        for succ_id, _, dep in removed_links:
            succ = self.plan.task(succ_id)
            succ.depends_on = [d for d in succ.depends_on if d is not dep]
        task = self.plan.tasks.pop(index)
        self._forget_task_in_scenarios(task_id)
        affected = tuple(dict.fromkeys([task_id] + [s for s, _, _ in removed_links]))
        self._emit("task_removed", affected, index=index, task=task_id)
        return task, index, removed_links

    def restore_task(self, task: Task, index: int, links: list[tuple[str, int, Dependency]]) -> None:
        """Undo :meth:`remove_task`."""
        self.plan.tasks.insert(index, task)
        for succ_id, position, dep in sorted(links, key=lambda item: item[1]):
            succ = self.plan.task(succ_id)
            deps = list(succ.depends_on)
            deps.insert(min(position, len(deps)), dep)
            succ.depends_on = deps
        self._recall_task_in_scenarios(task.id)
        affected = tuple(dict.fromkeys([task.id] + [s for s, _, _ in links]))
        self._emit("task_added", affected, index=index)

    def update_task(self, task_id: str, **fields: Any) -> dict[str, Any]:
        """Change fields of a task; return the old values (for undo).

        The change is checked on a copy first, so a refused edit leaves the
        task as it was. A new ``duration`` given without an ``estimate``
        takes the three-point estimate with it (:meth:`Estimate.rescaled`:
        scaled, keeping the spread), so the risk figures keep describing the
        task as planned; the old estimate is among the returned values.
        """
        task = self.plan.task(task_id) if task_id in {t.id for t in self.plan.tasks} else None
        if task is None:
            raise UnknownTaskError(task_id)
        if "id" in fields and fields["id"] != task_id:
            raise EditError("rename a task with rename_task")
        candidate_data = task.model_dump()
        candidate_data.update(
            {k: (v.model_dump() if hasattr(v, "model_dump") else v) for k, v in fields.items()}
        )
        if "depends_on" in fields:
            candidate_data["depends_on"] = [
                d.model_dump() if hasattr(d, "model_dump") else d for d in fields["depends_on"]
            ]
        try:
            candidate = Task.model_validate(candidate_data)
        except ValidationError as exc:
            raise EditError(
                f"task {task_id!r}: " + "; ".join(str(p) for p in pydantic_problems(exc))
            ) from None
        if candidate.phase not in self._phase_ids():
            raise EditError(f"task {task_id!r}: unknown phase {candidate.phase!r}")
        self._check_demands(candidate)
        if "depends_on" in fields:
            self._check_links(task_id, candidate.depends_on)
        if "duration" in fields and "estimate" not in fields and task.estimate is not None \
                and candidate.duration != task.duration:
            candidate.estimate = task.estimate.rescaled(task.duration, candidate.duration)
            fields = {**fields, "estimate": candidate.estimate}
        old = {name: getattr(task, name) for name in fields}
        index = self._task_position(task_id)
        self.plan.tasks[index] = candidate
        self._emit("task_changed", (task_id,), fields=tuple(fields))
        return old

    def _check_links(self, task_id: str, deps: list[Dependency]) -> None:
        seen = set()
        probe = self.plan.model_copy(deep=False)
        probe_tasks = []
        for t in self.plan.tasks:
            probe_tasks.append(t.model_copy(update={"depends_on": []}) if t.id == task_id else t)
        probe.__dict__["tasks"] = probe_tasks
        for dep in deps:
            if dep.task in seen:
                raise EditError(f"task {task_id!r} lists predecessor {dep.task!r} twice")
            seen.add(dep.task)
            check_add_dependency(probe, task_id, dep.task)

    def rename_task(self, old_id: str, new_id: str) -> None:
        """Change a task id and every link that names it."""
        if old_id == new_id:
            return
        if any(t.id == new_id for t in self.plan.tasks):
            raise DuplicateIdError(f"a task with id {new_id!r} already exists")
        index = self._task_position(old_id)
        Task.model_validate({**self.plan.tasks[index].model_dump(), "id": new_id})
        self.plan.tasks[index].id = new_id
        touched = [new_id]
        for task in self.plan.tasks:
            if any(d.task == old_id for d in task.depends_on):
                task.depends_on = [
                    d.model_copy(update={"task": new_id}) if d.task == old_id else d for d in task.depends_on
                ]
                touched.append(task.id)
        self._rename_task_in_scenarios(old_id, new_id)
        self._emit("task_changed", tuple(touched), fields=("id",), old_id=old_id)

    def move_task(self, task_id: str, new_index: int, phase: str | None = None) -> tuple[int, str]:
        """Move a task to ``new_index`` (and optionally another phase); return old (index, phase)."""
        index = self._task_position(task_id)
        task = self.plan.tasks[index]
        old_phase = task.phase
        if phase is not None and phase not in self._phase_ids():
            raise EditError(f"unknown phase {phase!r}")
        self.plan.tasks.pop(index)
        new_index = max(0, min(new_index, len(self.plan.tasks)))
        self.plan.tasks.insert(new_index, task)
        if phase is not None:
            task.phase = phase
        self._emit("task_moved", (task_id,), old_index=index, index=new_index)
        return index, old_phase

    # -- dependencies -----------------------------------------------------
    def add_dependency(self, successor: str, dependency: Dependency, position: int | None = None) -> None:
        """Make ``successor`` depend on ``dependency.task``; refuse cycles and unknown ids."""
        check_add_dependency(self.plan, successor, dependency.task)
        task = self.plan.task(successor)
        if any(d.task == dependency.task for d in task.depends_on):
            raise EditError(f"task {successor!r} already depends on {dependency.task!r}")
        deps = list(task.depends_on)
        deps.insert(len(deps) if position is None else position, dependency)
        task.depends_on = deps
        self._emit("dependency_added", (successor,), predecessor=dependency.task)

    def remove_dependency(self, successor: str, predecessor: str) -> tuple[int, Dependency]:
        """Remove one link; return its position and value (for undo)."""
        task = self.plan.task(successor)
        for j, dep in enumerate(task.depends_on):
            if dep.task == predecessor:
                task.depends_on = task.depends_on[:j] + task.depends_on[j + 1 :]
                self._emit("dependency_removed", (successor,), predecessor=predecessor)
                return j, dep
        raise EditError(f"task {successor!r} does not depend on {predecessor!r}")

    # -- phases -----------------------------------------------------------
    def add_phase(self, phase: Phase, index: int | None = None) -> int:
        if phase.id in self._phase_ids():
            raise DuplicateIdError(f"a phase with id {phase.id!r} already exists")
        index = len(self.plan.phases) if index is None else index
        self.plan.phases.insert(index, phase)
        self._emit("phase_added", (), phase=phase.id, index=index)
        return index

    def remove_phase(self, phase_id: str) -> tuple[Phase, int]:
        if any(t.phase == phase_id for t in self.plan.tasks):
            raise EditError(f"phase {phase_id!r} still has tasks; move or delete them first")
        self._check_phase_unused_by_scenarios(phase_id)
        for i, phase in enumerate(self.plan.phases):
            if phase.id == phase_id:
                self.plan.phases.pop(i)
                self._emit("phase_removed", (), phase=phase_id, index=i)
                return phase, i
        raise EditError(f"unknown phase {phase_id!r}")

    def update_phase(self, phase_id: str, **fields: Any) -> dict[str, Any]:
        for phase in self.plan.phases:
            if phase.id == phase_id:
                old = {k: getattr(phase, k) for k in fields}
                Phase.model_validate({**phase.model_dump(), **fields})
                for k, v in fields.items():
                    setattr(phase, k, v)
                self._emit("phase_changed", (), phase=phase_id)
                return old
        raise EditError(f"unknown phase {phase_id!r}")

    # -- plan-level fields --------------------------------------------------
    def update_plan(self, **fields: Any) -> dict[str, Any]:
        """Change top-level fields (name, start, calendar, pattern ...); return old values."""
        forbidden = {"tasks", "phases", "format", "version"} & set(fields)
        if forbidden:
            raise EditError(f"use the dedicated edits for {', '.join(sorted(forbidden))}")
        data = self.plan.model_dump()
        data.update({k: (v.model_dump() if hasattr(v, "model_dump") else v) for k, v in fields.items()})
        try:
            candidate = Plan.model_validate(data)
        except ValidationError as exc:
            raise EditError("; ".join(str(p) for p in pydantic_problems(exc))) from None
        problems = plan_problems(candidate)
        if problems:
            raise EditError("; ".join(str(p) for p in problems))
        old = {k: getattr(self.plan, k) for k in fields}
        for k in fields:
            setattr(self.plan, k, getattr(candidate, k))
        scheduling = bool({"start", "calendar"} & set(fields))
        staffing = bool({"people", "roles", "assignments"} & set(fields))
        tasks = tuple(t.id for t in self.plan.tasks) if scheduling else ()
        self._emit("staffing_changed" if staffing and not scheduling else "plan_changed", tasks, fields=tuple(fields))
        return old

    # -- staffing shortcuts -------------------------------------------------
    def set_people(self, people: list[Person]) -> list[Person]:
        return self.update_plan(people=people)["people"]

    def set_roles(self, roles: list[Role]) -> list[Role]:
        return self.update_plan(roles=roles)["roles"]

    def set_assignments(self, assignments: list[Assignment]) -> list[Assignment]:
        return self.update_plan(assignments=assignments)["assignments"]

    # -- whole plan -------------------------------------------------------
    def replace_plan(self, plan: Plan) -> Plan:
        """Swap in another plan (bulk edits: import, level, apply template); return the old one."""
        problems = plan_problems(plan)
        if problems:
            raise InvalidPlanError(problems)
        old = self.plan
        self.plan = plan
        self._emit("plan_replaced", tuple(t.id for t in plan.tasks))
        return old

    def snapshot(self) -> dict[str, Any]:
        """A deep copy of the plan as plain data (for bulk undo)."""
        return self.plan.model_dump()

    def restore(self, snapshot: dict[str, Any]) -> None:
        """Undo a bulk edit from :meth:`snapshot`."""
        self.replace_plan(Plan.model_validate(snapshot))
