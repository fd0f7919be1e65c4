"""Edits of baselines and scenarios, mixed into :class:`~aiplanner.model.document.Document`.

Like every document edit, each method checks first, changes the plan only
when the edit is possible, announces what happened, and returns what its
inverse needs. Events: ``baseline_added``, ``baseline_removed``,
``baseline_changed``, ``scenario_added``, ``scenario_removed`` and
``scenario_changed``, each with ``details["name"]`` (and ``old_name`` on a
rename). None of them moves the plan's own dates, so the window does not
reschedule the plan for them.

The mixin also keeps scenarios consistent when the plan's tasks change
under them: deleting a task takes it out of every scenario (and undoing
the deletion puts it back), renaming a task renames it there too.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from aiplanner.model.errors import DuplicateIdError, EditError, InvalidPlanError
from aiplanner.model.variants import Baseline, Scenario, TaskOverride
from aiplanner.model.validate import check_scenario as _check_against_plan
from aiplanner.model.validate import pydantic_problems
from aiplanner.model.scenarios.whatif import _plain, apply_scenario

__all__ = ["ScenarioEditsMixin"]


class ScenarioEditsMixin:
    """Baseline and scenario edits of a document (needs ``plan`` and ``_emit``)."""

    # -- look-ups -----------------------------------------------------------
    def _baseline_position(self, name: str) -> int:
        for i, baseline in enumerate(self.plan.baselines):
            if baseline.name == name:
                return i
        raise EditError(f"no baseline named {name!r}")

    def _scenario_position(self, name: str) -> int:
        for i, scenario in enumerate(self.plan.scenarios):
            if scenario.name == name:
                return i
        raise EditError(f"no scenario named {name!r}")

    # -- baselines ----------------------------------------------------------
    def add_baseline(self, baseline: Baseline, index: int | None = None) -> int:
        """Store a captured baseline (see ``aiplanner.checks.compare.baseline.capture_baseline``)."""
        if any(b.name == baseline.name for b in self.plan.baselines):
            raise DuplicateIdError(f"a baseline named {baseline.name!r} already exists")
        index = len(self.plan.baselines) if index is None else index
        self.plan.baselines.insert(index, baseline)
        self._emit("baseline_added", (), name=baseline.name, index=index)
        return index

    def remove_baseline(self, name: str) -> tuple[Baseline, int]:
        """Delete a baseline; return it and its index (for undo)."""
        index = self._baseline_position(name)
        baseline = self.plan.baselines.pop(index)
        self._emit("baseline_removed", (), name=name, index=index)
        return baseline, index

    def rename_baseline(self, old: str, new: str) -> None:
        """Give a baseline another name."""
        index = self._baseline_position(old)
        if old == new:
            return
        if any(b.name == new for b in self.plan.baselines):
            raise DuplicateIdError(f"a baseline named {new!r} already exists")
        self.plan.baselines[index] = self.plan.baselines[index].model_copy(update={"name": new})
        self._emit("baseline_changed", (), name=new, old_name=old)

    # -- scenarios ----------------------------------------------------------
    def add_scenario(self, scenario: Scenario, index: int | None = None) -> int:
        """Add a scenario (checked against the plan first); return its index."""
        if any(s.name == scenario.name for s in self.plan.scenarios):
            raise DuplicateIdError(f"a scenario named {scenario.name!r} already exists")
        check_scenario(self.plan, scenario)
        index = len(self.plan.scenarios) if index is None else index
        self.plan.scenarios.insert(index, scenario)
        self._emit("scenario_added", (), name=scenario.name, index=index)
        return index

    def remove_scenario(self, name: str) -> tuple[Scenario, int]:
        """Delete a scenario; return it and its index (for undo)."""
        index = self._scenario_position(name)
        scenario = self.plan.scenarios.pop(index)
        self._emit("scenario_removed", (), name=name, index=index)
        return scenario, index

    def rename_scenario(self, old: str, new: str) -> None:
        """Give a scenario another name."""
        index = self._scenario_position(old)
        if old == new:
            return
        if any(s.name == new for s in self.plan.scenarios):
            raise DuplicateIdError(f"a scenario named {new!r} already exists")
        try:
            renamed = Scenario.model_validate({**self.plan.scenarios[index].model_dump(), "name": new})
        except ValidationError as exc:
            raise EditError("; ".join(str(p) for p in pydantic_problems(exc))) from None
        self.plan.scenarios[index] = renamed
        self._emit("scenario_changed", (), name=new, old_name=old)

    def replace_scenario(self, name: str, scenario: Scenario) -> Scenario:
        """Swap a scenario for a changed one of the same name (bulk edits); return the old one."""
        index = self._scenario_position(name)
        if scenario.name != name and any(s.name == scenario.name for s in self.plan.scenarios):
            raise DuplicateIdError(f"a scenario named {scenario.name!r} already exists")
        check_scenario(self.plan, scenario)
        old = self.plan.scenarios[index]
        self.plan.scenarios[index] = scenario
        self._emit("scenario_changed", (), name=scenario.name, old_name=name)
        return old

    def update_scenario(self, name: str, **fields: Any) -> dict[str, Any]:
        """Change fields of a scenario (description, pattern, staffing ...); return the old values."""
        if "name" in fields:
            raise EditError("rename a scenario with rename_scenario")
        index = self._scenario_position(name)
        current = self.plan.scenarios[index]
        data = current.model_dump()
        data.update({k: _plain(v) for k, v in fields.items()})
        try:
            candidate = Scenario.model_validate(data)
        except ValidationError as exc:
            raise EditError(f"scenario {name!r}: " + "; ".join(str(p) for p in pydantic_problems(exc))) from None
        old = {k: getattr(current, k) for k in fields}
        self.replace_scenario(name, candidate)
        return old

    def set_task_override(self, name: str, task_id: str, **fields: Any) -> TaskOverride | None:
        """Override fields of one task in a scenario; return the previous override (or None).

        ``fields`` are :class:`TaskOverride` fields (``duration``,
        ``estimate``, ``depends_on``, ``not_before``, ``demands``, ``clear``);
        they are merged into the task's existing override. Passing
        ``override=None`` (or an override with nothing set) removes it.
        As in :meth:`update_task`, a new duration without an estimate
        takes the task's estimate (as the scenario shows it) with it.
        """
        index = self._scenario_position(name)
        scenario = self.plan.scenarios[index]
        previous = scenario.override_for(task_id)
        if "override" in fields:
            replacement = fields.pop("override")
            if fields:
                raise EditError("pass either override= or fields, not both")
        else:
            if fields.get("duration") is not None and "estimate" not in fields:
                fields.update(_estimate_following(self.plan, scenario, task_id, fields["duration"]))
            data = previous.model_dump() if previous is not None else {"task": task_id}
            data.update({k: _plain(v) for k, v in fields.items()})
            if "clear" not in fields:  # setting a field again stops clearing it
                data["clear"] = [c for c in data.get("clear", []) if fields.get(c) is None]
            try:
                replacement = TaskOverride.model_validate(data)
            except ValidationError as exc:
                raise EditError(
                    f"scenario {name!r}, task {task_id!r}: " + "; ".join(str(p) for p in pydantic_problems(exc))
                ) from None
        overrides = [o for o in scenario.overrides if o.task != task_id]
        if replacement is not None and not replacement.is_empty:
            position = next((i for i, o in enumerate(scenario.overrides) if o.task == task_id), len(overrides))
            overrides.insert(position, replacement)
        candidate = scenario.model_copy(update={"overrides": overrides})
        check_scenario(self.plan, candidate)
        self._check_scenario_cycle(candidate)
        self.plan.scenarios[index] = candidate
        self._emit("scenario_changed", (task_id,), name=name)
        return previous

    def _check_scenario_cycle(self, scenario: Scenario) -> None:
        apply_scenario(self.plan, scenario)  # raises DependencyCycleError naming the loop

    # -- keeping scenarios consistent with the plan's tasks -----------------------
    def _forget_task_in_scenarios(self, task_id: str) -> None:
        """Called when a plan task is deleted: drop every scenario reference to it."""
        stash: list[tuple[int, Scenario]] = []
        for i, scenario in enumerate(self.plan.scenarios):
            data = scenario.model_dump()
            data["removed_tasks"] = [t for t in data["removed_tasks"] if t != task_id]
            data["overrides"] = [o for o in data["overrides"] if o["task"] != task_id]
            for override in data["overrides"]:
                if override["depends_on"] is not None:
                    override["depends_on"] = [d for d in override["depends_on"] if d["task"] != task_id]
            for task in data["added_tasks"]:
                task["depends_on"] = [d for d in task["depends_on"] if d["task"] != task_id]
            changed = Scenario.model_validate(data)
            if changed != scenario:
                stash.append((i, scenario))
                self.plan.scenarios[i] = changed
        self.__dict__.setdefault("_scenario_stash", {}).setdefault(task_id, []).append(stash)

    def _recall_task_in_scenarios(self, task_id: str) -> None:
        """Called when a deleted task is restored (undo): put the scenario references back."""
        stacks = self.__dict__.get("_scenario_stash", {}).get(task_id)
        if not stacks:
            return
        for i, scenario in stacks.pop():
            if i < len(self.plan.scenarios) and self.plan.scenarios[i].name == scenario.name:
                self.plan.scenarios[i] = scenario

    def _rename_task_in_scenarios(self, old_id: str, new_id: str) -> None:
        """Called when a plan task is renamed: follow the new id in every scenario."""
        for i, scenario in enumerate(self.plan.scenarios):
            data = scenario.model_dump()
            data["removed_tasks"] = [new_id if t == old_id else t for t in data["removed_tasks"]]
            for override in data["overrides"]:
                if override["task"] == old_id:
                    override["task"] = new_id
                for dep in override["depends_on"] or ():
                    if dep["task"] == old_id:
                        dep["task"] = new_id
            for task in data["added_tasks"]:
                for dep in task["depends_on"]:
                    if dep["task"] == old_id:
                        dep["task"] = new_id
            self.plan.scenarios[i] = Scenario.model_validate(data)

    def _check_task_id_free_in_scenarios(self, task_id: str) -> None:
        """Refuse a new plan task whose id a scenario already uses for a task it adds."""
        for scenario in self.plan.scenarios:
            if any(t.id == task_id for t in scenario.added_tasks):
                raise DuplicateIdError(f"scenario {scenario.name!r} already adds a task with id {task_id!r}")

    def _check_phase_unused_by_scenarios(self, phase_id: str) -> None:
        for scenario in self.plan.scenarios:
            if any(t.phase == phase_id for t in scenario.added_tasks):
                raise EditError(f"scenario {scenario.name!r} still has tasks in phase {phase_id!r}")


def _estimate_following(plan, scenario: Scenario, task_id: str, duration: object) -> dict[str, Any]:
    """Override fields that move the task's estimate, as the scenario shows it, to a new duration.

    Nothing when the task has no estimate there or the duration is not a
    number (validation reports that); the estimate is left to the plan when
    scaling lands on the plan's own one.
    """
    reference = next((t for t in scenario.added_tasks if t.id == task_id), None)
    if reference is None:
        reference = next((t for t in plan.tasks if t.id == task_id), None)
    if reference is None or isinstance(duration, bool) or not isinstance(duration, int):
        return {}
    shown = scenario.override_for(task_id)
    old_duration = reference.duration
    estimate = reference.estimate
    if shown is not None:
        old_duration = shown.duration if shown.duration is not None else old_duration
        estimate = None if "estimate" in shown.clear else (shown.estimate or estimate)
    if estimate is None or duration == old_duration or duration < 0:
        return {}
    moved = estimate.rescaled(old_duration, duration)
    if moved is None:
        return {"estimate": None, "clear": sorted({*(shown.clear if shown else ()), "estimate"})}
    return {"estimate": None if moved == reference.estimate else moved}


def check_scenario(plan, scenario: Scenario) -> None:
    """Refuse a scenario that does not fit the plan, as an edit error (one line per problem)."""
    try:
        _check_against_plan(plan, scenario)
    except InvalidPlanError as exc:
        raise EditError("\n".join(p.message for p in exc.problems)) from None
