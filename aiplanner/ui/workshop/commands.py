"""Undo commands for baselines and scenarios (one small command per edit).

Like :mod:`aiplanner.ui.commands`: ``check()`` refuses an impossible edit
before it reaches the stack, ``redo``/``undo`` call document methods only.
"""

from __future__ import annotations

from typing import Any

from aiplanner.model.errors import DuplicateIdError, EditError
from aiplanner.model.variants import Baseline, Scenario, TaskOverride
from aiplanner.model.scenarios.edits import check_scenario
from aiplanner.model.scenarios.whatif import apply_scenario, find_scenario
from aiplanner.ui.commands import _SessionCommand as _Command  # one base: session, document, check()

__all__ = [
    "AddBaselineCommand",
    "RemoveBaselineCommand",
    "AddScenarioCommand",
    "RemoveScenarioCommand",
    "RenameScenarioCommand",
    "ReplaceScenarioCommand",
    "SetTaskOverrideCommand",
]


class AddBaselineCommand(_Command):
    def __init__(self, session, baseline: Baseline) -> None:
        super().__init__(session, f"Capture baseline {baseline.name}")
        self.baseline = baseline

    def check(self) -> None:
        if any(b.name == self.baseline.name for b in self.document.plan.baselines):
            raise DuplicateIdError(f"a baseline named {self.baseline.name!r} already exists")

    def redo(self) -> None:
        self.document.add_baseline(self.baseline.model_copy(deep=True))

    def undo(self) -> None:
        self.document.remove_baseline(self.baseline.name)


class RemoveBaselineCommand(_Command):
    def __init__(self, session, name: str) -> None:
        super().__init__(session, f"Delete baseline {name}")
        self.name = name
        self.saved: tuple[Baseline, int] | None = None

    def check(self) -> None:
        self.document._baseline_position(self.name)

    def redo(self) -> None:
        self.saved = self.document.remove_baseline(self.name)

    def undo(self) -> None:
        baseline, index = self.saved
        self.document.add_baseline(baseline, index)


class AddScenarioCommand(_Command):
    def __init__(self, session, scenario: Scenario) -> None:
        super().__init__(session, f"Add scenario {scenario.name}")
        self.scenario = scenario

    def check(self) -> None:
        if any(s.name == self.scenario.name for s in self.document.plan.scenarios):
            raise DuplicateIdError(f"a scenario named {self.scenario.name!r} already exists")
        check_scenario(self.document.plan, self.scenario)

    def redo(self) -> None:
        self.document.add_scenario(self.scenario.model_copy(deep=True))

    def undo(self) -> None:
        self.document.remove_scenario(self.scenario.name)


class RemoveScenarioCommand(_Command):
    def __init__(self, session, name: str) -> None:
        super().__init__(session, f"Delete scenario {name}")
        self.name = name
        self.saved: tuple[Scenario, int] | None = None

    def check(self) -> None:
        find_scenario(self.document.plan, self.name)

    def redo(self) -> None:
        self.saved = self.document.remove_scenario(self.name)

    def undo(self) -> None:
        scenario, index = self.saved
        self.document.add_scenario(scenario, index)


class RenameScenarioCommand(_Command):
    def __init__(self, session, old: str, new: str) -> None:
        super().__init__(session, f"Rename scenario {old} to {new}")
        self.old, self.new = old, new

    def check(self) -> None:
        find_scenario(self.document.plan, self.old)
        if self.new != self.old and any(s.name == self.new for s in self.document.plan.scenarios):
            raise DuplicateIdError(f"a scenario named {self.new!r} already exists")

    def redo(self) -> None:
        self.document.rename_scenario(self.old, self.new)

    def undo(self) -> None:
        self.document.rename_scenario(self.new, self.old)


class ReplaceScenarioCommand(_Command):
    """A bulk change of one scenario (a pattern switch): swap it, undo swaps back."""

    def __init__(self, session, name: str, scenario: Scenario, text: str | None = None) -> None:
        super().__init__(session, text or f"Change scenario {name}")
        self.name = name
        self.scenario = scenario
        self.old: Scenario | None = None

    def check(self) -> None:
        find_scenario(self.document.plan, self.name)
        check_scenario(self.document.plan, self.scenario)
        apply_scenario(self.document.plan, self.scenario)  # cycles

    def redo(self) -> None:
        self.old = self.document.replace_scenario(self.name, self.scenario.model_copy(deep=True))

    def undo(self) -> None:
        self.document.replace_scenario(self.scenario.name, self.old)


class SetTaskOverrideCommand(_Command):
    """Change a task inside a scenario (duration, links, not-before ...), leaving the plan as it is."""

    def __init__(self, session, scenario: str, task_id: str, text: str | None = None, **fields: Any) -> None:
        names = ", ".join(fields)
        super().__init__(session, text or f"Edit {names} of {task_id} in scenario {scenario}")
        self.scenario = scenario
        self.task_id = task_id
        self.fields = fields
        self.previous: TaskOverride | None = None

    def check(self) -> None:
        plan = self.document.plan
        scenario = find_scenario(plan, self.scenario)
        unknown = set(self.fields) - set(TaskOverride.model_fields) - {"override"}
        if unknown:
            raise EditError(f"a scenario cannot change {', '.join(sorted(unknown))} of a task; "
                            "only durations, estimates, links, not-before dates and demands")
        # Try the edit on a copy of the document state: nothing changes if it fails.
        from aiplanner.model.document import Document

        probe = Document(plan.model_copy(update={"scenarios": [scenario.model_copy(deep=True)]}))
        probe.set_task_override(self.scenario, self.task_id, **dict(self.fields))

    def redo(self) -> None:
        self.previous = self.document.set_task_override(self.scenario, self.task_id, **dict(self.fields))

    def undo(self) -> None:
        self.document.set_task_override(self.scenario, self.task_id, override=self.previous)
