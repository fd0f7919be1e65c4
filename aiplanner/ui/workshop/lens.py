"""A session seen through a scenario: the views' session, with a what-if applied.

:class:`ScenarioLens` looks like a :class:`~aiplanner.ui.session.PlanSession`
to a view (``plan``, ``schedule``, ``selection``, ``push`` and the same
signals), so the Gantt view can show a scenario unchanged. ``plan`` and
``schedule`` are the scenario's (or the session's own when no scenario is
shown). Edits pushed through the lens stay normal undoable edits of the
document: on the plan itself they pass straight to the session; on a
scenario, task edits become overrides of that scenario
(:class:`~aiplanner.ui.workshop.commands.SetTaskOverrideCommand`), and
plan-level edits of the scenario's plan (people, role shares, the matrix,
levelling) are folded into it
(:func:`~aiplanner.model.scenarios.fold.fold_into_scenario`, one
:class:`~aiplanner.ui.workshop.commands.ReplaceScenarioCommand`), so the
plan is never changed behind the facilitator's back. A Monte Carlo result
is kept per scenario and plan revision (:meth:`ScenarioLens.set_risk_result`).
"""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal

from aiplanner.model.errors import EditError, PlanError
from aiplanner.model.events import Event
from aiplanner.model.plan import Plan
from aiplanner.model.variants import OVERRIDE_FIELDS, Scenario
from aiplanner.model.scenarios.fold import FOLDABLE_FIELDS, fold_into_scenario
from aiplanner.model.validate import pydantic_problems
from aiplanner.model.scenarios.whatif import apply_scenario, find_scenario
from aiplanner.schedule import Schedule, schedule_plan
from aiplanner.ui.commands import (AddDependencyCommand, EditPlanCommand, EditTaskCommand, RemoveDependencyCommand,
                                   ReplacePlanCommand)
from aiplanner.ui.workshop.commands import ReplaceScenarioCommand, SetTaskOverrideCommand

__all__ = ["ScenarioLens"]

#: Plan edits the session does not reschedule for, but a shown scenario must follow
#: (its people, roles and phases are the plan's own plus its changes).
_UNSCHEDULED_KINDS = frozenset({"staffing_changed", "phase_added", "phase_changed", "phase_removed"})


class ScenarioLens(QObject):
    """The session's plan, or one of its scenarios, for a view to show and edit.

    Signals are those of :class:`PlanSession` plus ``scenarioChanged(str)``
    (the shown scenario's name, ``""`` for the plan itself).
    """

    documentReplaced = Signal()
    planChanged = Signal(object)
    scheduleChanged = Signal()
    selectionChanged = Signal(list)
    dirtyChanged = Signal(bool)
    scenarioChanged = Signal(str)
    riskChanged = Signal()

    def __init__(self, session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.scenario: str | None = None
        self._plan: Plan | None = None
        self._schedule: Schedule | None = None
        self.schedule_error: str | None = None
        self.selection: list[str] = list(session.selection)
        #: Monte Carlo results of scenarios by (name, plan revision): switching back shows them again.
        self._scenario_risk: dict[tuple[str, int], object] = {}
        session.scheduleChanged.connect(self._session_rescheduled)
        session.planChanged.connect(self._session_changed)
        session.documentReplaced.connect(self._document_replaced)
        session.selectionChanged.connect(self._session_selected)
        session.dirtyChanged.connect(self.dirtyChanged)
        session.riskChanged.connect(self._session_risk)

    # -- what the views read --------------------------------------------------
    @property
    def document(self):
        return self.session.document

    @property
    def undo_stack(self):
        return self.session.undo_stack

    @property
    def plan(self) -> Plan:
        return self.session.plan if self.scenario is None else self._plan

    @property
    def schedule(self) -> Schedule | None:
        return self.session.schedule if self.scenario is None else self._schedule

    @property
    def path(self):
        return self.session.path

    @property
    def editRefused(self):  # noqa: N802 - the session's Qt signal
        return self.session.editRefused

    @property
    def key(self) -> tuple[str | None, int]:
        """What is shown, exactly: the scenario (``None``: the plan) and the plan's revision."""
        return self.scenario, self.session.document.revision if self.session.document else -1

    @property
    def risk_result(self):
        """The latest Monte Carlo result of what is shown (a scenario's only if run on this revision)."""
        if self.scenario is None:
            return self.session.risk_result
        return self._scenario_risk.get(self.key)

    def set_risk_result(self, result: object | None) -> None:
        """Keep a Monte Carlo result of what is shown: the plan's in the session, a scenario's here."""
        if self.scenario is None:
            self.session.set_risk_result(result)  # the session announces it (riskChanged follows)
            return
        if len(self._scenario_risk) > 32:
            self._scenario_risk.clear()
        if result is None:
            self._scenario_risk.pop(self.key, None)
        else:
            self._scenario_risk[self.key] = result
        self.riskChanged.emit()

    @property
    def dirty(self) -> bool:
        return self.session.dirty

    def scenario_names(self) -> list[str]:
        return [s.name for s in self.session.plan.scenarios] if self.session.document else []

    # -- choosing what is shown ---------------------------------------------------
    def set_scenario(self, name: str | None) -> None:
        """Show scenario ``name`` (``None``: the plan itself)."""
        if name is not None and name not in self.scenario_names():
            raise EditError(f"no scenario named {name!r}")
        self.scenario = name
        self._recompute()
        self.scenarioChanged.emit(name or "")

    def cycle_scenario(self, step: int = 1) -> str | None:
        """Show the next (or previous) scenario; after the last comes the plan itself."""
        order: list[str | None] = [None, *self.scenario_names()]
        position = order.index(self.scenario) if self.scenario in order else 0
        self.set_scenario(order[(position + step) % len(order)])
        return self.scenario

    def _recompute(self) -> None:
        if self.scenario is not None and self.session.document is not None:
            try:
                self._plan = apply_scenario(self.session.plan, self.scenario)
                self._schedule = schedule_plan(self._plan)
                self.schedule_error = None
            except PlanError as exc:
                # A view must never crash: show the plan itself and say why.
                self.schedule_error = str(exc)
                self.scenario = None
        if self.scenario is None:
            self._plan = self._schedule = None
            self.schedule_error = self.session.schedule_error
        self.selection = [t for t in self.selection if t in self.plan.task_index()] if self.session.document else []
        self.scheduleChanged.emit()

    # -- following the session ------------------------------------------------------
    def _session_rescheduled(self) -> None:
        self._recompute()  # the plan moved: so does every scenario of it

    def _session_changed(self, event: Event) -> None:
        if self.scenario is not None and event.kind in _UNSCHEDULED_KINDS:
            self._recompute()  # people, roles or phases of the plan changed: every scenario sees them
        if event.kind.startswith("scenario_") and self.scenario is not None:
            if event.details.get("old_name") == self.scenario:
                self.scenario = event.details["name"]  # renamed: follow it
            if self.scenario not in self.scenario_names():
                self.scenario = None
                self.scenarioChanged.emit("")
            if event.details.get("name") == self.scenario or self.scenario is None:
                self._recompute()
        self.planChanged.emit(event)

    def _session_risk(self) -> None:
        if self.scenario is None:
            self.riskChanged.emit()

    def _document_replaced(self) -> None:
        self._scenario_risk.clear()
        self.scenario = None
        self._plan = self._schedule = None
        self.selection = []
        self.documentReplaced.emit()
        self.scenarioChanged.emit("")

    def _session_selected(self, ids: list[str]) -> None:
        if ids != self.selection:
            self.selection = list(ids)
            self.selectionChanged.emit(list(ids))

    # -- what the views do ------------------------------------------------------------
    def select_tasks(self, task_ids: list[str]) -> None:
        ids = [t for t in task_ids if self.session.document and t in self.plan.task_index()]
        if ids != self.selection:
            self.selection = ids
            self.selectionChanged.emit(list(ids))
            in_plan = [t for t in ids if t in self.session.plan.task_index()]
            if in_plan != self.session.selection:
                self.session.select_tasks(in_plan)

    def push(self, command) -> bool:
        """Push an edit: as it is on the plan, as a scenario override on a scenario."""
        if self.scenario is None:
            return self.session.push(command)
        return self.session.push(self._as_override(command))

    def try_push(self, command) -> bool:
        """Like :meth:`push`; a refused edit is announced with ``editRefused`` and gives False."""
        try:
            return self.push(command)
        except PlanError as exc:
            from aiplanner.ui.session import describe_error

            self.session.editRefused.emit(describe_error(exc, self.plan if self.session.document else None))
            return False

    def _as_override(self, command):
        if isinstance(command, EditTaskCommand):
            unknown = set(command.fields) - set(OVERRIDE_FIELDS)
            if unknown:
                raise EditError(f"in a scenario only durations, estimates, links, not-before dates and demands "
                                f"change (not {', '.join(sorted(unknown))}); edit the plan for that")
            return SetTaskOverrideCommand(self.session, self.scenario, command.task_id,
                                          text=f"{command.text()} in scenario {self.scenario}", **command.fields)
        if isinstance(command, (AddDependencyCommand, RemoveDependencyCommand)):
            task = self.plan.task(command.successor)
            if isinstance(command, AddDependencyCommand):
                if any(d.task == command.dependency.task for d in task.depends_on):
                    raise EditError(f"{command.successor!r} already depends on {command.dependency.task!r}")
                deps = [*task.depends_on, command.dependency]
            else:
                deps = [d for d in task.depends_on if d.task != command.predecessor]
            return SetTaskOverrideCommand(self.session, self.scenario, command.successor,
                                          text=f"{command.text()} in scenario {self.scenario}", depends_on=deps)
        if isinstance(command, (EditPlanCommand, ReplacePlanCommand)):
            return self._folded(command)
        raise EditError(f"{command.text()}: not possible in a scenario; show the plan itself for that")

    def _folded(self, command):
        """A plan-level edit (staffing, matrix, levelling) of the scenario's plan, as a change of the scenario."""
        if isinstance(command, EditPlanCommand):
            unknown = set(command.fields) - set(FOLDABLE_FIELDS)
            if unknown:
                raise EditError(f"a scenario cannot change the plan's {', '.join(sorted(unknown))}; "
                                "choose Plan in the Scenario box to edit the plan itself")
            variant = self.plan.model_copy(update=dict(command.fields))
        else:
            variant = command.new_plan
        plan = self.session.plan
        scenario = find_scenario(plan, self.scenario)
        folded = fold_into_scenario(plan, scenario, variant, shown=self._plan)
        if folded == scenario:
            raise EditError(f"{command.text()}: nothing changes in scenario {self.scenario}")
        try:
            folded = Scenario.model_validate(folded.model_dump())
        except ValidationError as exc:
            raise EditError("; ".join(str(p) for p in pydantic_problems(exc))) from None
        return ReplaceScenarioCommand(self.session, self.scenario, folded,
                                      text=f"{command.text()} in scenario {self.scenario}")
