"""The open plan as the window sees it: document, undo stack, latest schedule.

The document knows nothing of Qt; this adapter subscribes to its events,
reschedules, and re-announces changes as Qt signals that every view
listens to. Views never edit the plan directly: they push undo commands
(:mod:`aiplanner.ui.commands`) with :meth:`PlanSession.push`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from aiplanner.model.document import Document
from aiplanner.model.errors import DependencyCycleError, PlanError, UnknownTaskError
from aiplanner.model.events import Event
from aiplanner.model.plan import Plan
from aiplanner.schedule import IncrementalScheduler, Schedule

__all__ = ["PlanSession", "describe_error"]


def describe_error(exc: Exception, plan: Plan | None) -> str:
    """A refused edit as a sentence for the user: task ids get their names.

    A cycle reads ``dependency cycle: Gap Analysis (a2) -> Current State
    Analysis (a1) -> Gap Analysis (a2)``.
    """
    if isinstance(exc, DependencyCycleError) and plan is not None:
        names = plan.task_index()

        def label(task_id: str) -> str:
            task = names.get(task_id)
            return f"{task.name} ({task_id})" if task else task_id

        loop = exc.cycle + exc.cycle[:1]
        return "This link would make a dependency cycle: " + " -> ".join(label(t) for t in loop)
    if isinstance(exc, UnknownTaskError) and plan is not None and exc.referenced_by:
        task = plan.task_index().get(exc.referenced_by)
        who = f"{task.name} ({task.id})" if task else exc.referenced_by
        return f"{who}: there is no task with id {exc.task_id!r}"
    return str(exc)


class PlanSession(QObject):
    """One open plan.

    Signals
    -------
    documentReplaced()
        A different document was opened (views reset entirely).
    planChanged(object)
        The document changed; the argument is the :class:`Event`.
    scheduleChanged()
        :attr:`schedule` (or :attr:`schedule_error`) was recomputed.
    selectionChanged(list)
        The selected task ids changed (any view may set them).
    dirtyChanged(bool)
        The plan became modified / saved.
    riskChanged()
        :attr:`risk_result` was set (a Monte Carlo run finished) or cleared.
    editRefused(str)
        A pushed edit was refused; the argument is the message (names the tasks).
    """

    documentReplaced = Signal()
    planChanged = Signal(object)
    scheduleChanged = Signal()
    selectionChanged = Signal(list)
    dirtyChanged = Signal(bool)
    riskChanged = Signal()
    editRefused = Signal(str)

    def __init__(self, document: Document | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.document: Document | None = None
        self.schedule: Schedule | None = None
        self._scheduler: IncrementalScheduler | None = None
        self.schedule_error: str | None = None
        self.selection: list[str] = []
        #: Latest Monte Carlo result (set by the risk view), or None.
        self.risk_result: object | None = None
        if document is not None:
            self.set_document(document)

    def _on_clean_changed(self, clean: bool) -> None:
        self.dirtyChanged.emit(not clean)

    # -- document ---------------------------------------------------------
    @property
    def plan(self) -> Plan:
        assert self.document is not None, "no document open"
        return self.document.plan

    def set_document(self, document: Document) -> None:
        """Show another document; its history starts empty (opening is not an edit).

        The document is scheduled first: one that cannot be (a dependency
        cycle, an unknown holiday region, dates outside the calendar's years)
        raises :class:`InvalidPlanError` naming its file and the place, and
        the session keeps the document it had, untouched.
        """
        from aiplanner.schedule.problems import as_invalid_plan

        try:
            scheduler = IncrementalScheduler(document.plan)
        except PlanError as exc:
            raise as_invalid_plan(exc, document.plan, document.path) from None
        if self.document is not None:
            self.document.events.disconnect(self._on_event)
        self.document = document
        document.events.connect(self._on_event)
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.selection = []
        self.set_risk_result(None)
        self._scheduler = scheduler
        self.schedule = scheduler.schedule
        self.schedule_error = None
        self.scheduleChanged.emit()
        self.documentReplaced.emit()
        self.dirtyChanged.emit(False)

    @property
    def path(self) -> Path | None:
        return self.document.path if self.document else None

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path | None = None) -> None:
        """Record that the plan on disk now equals the document."""
        if path is not None and self.document is not None:
            self.document.path = Path(path)
        self.undo_stack.setClean()

    def mark_unsaved(self) -> None:
        """Record that the document differs from any file (recovered or imported plans)."""
        self.undo_stack.resetClean()
        self.dirtyChanged.emit(True)

    # -- risk ---------------------------------------------------------------
    def set_risk_result(self, result: object | None) -> None:
        """Store the latest Monte Carlo result and announce it (``None`` clears it)."""
        if result is None and self.risk_result is None:
            return
        self.risk_result = result
        self.riskChanged.emit()

    # -- editing ----------------------------------------------------------
    def push(self, command: QUndoCommand) -> bool:
        """Run ``command`` and put it on the undo stack.

        Commands check their edit in ``redo``; a refused edit raises
        :class:`PlanError` there. We run the check before pushing so a
        refused edit never reaches the stack; the error propagates to the
        caller (which shows it) and the plan is unchanged.
        """
        check = getattr(command, "check", None)
        if check is not None:
            check()  # raises EditError naming the tasks; nothing changed
        self.undo_stack.push(command)
        return True

    def try_push(self, command: QUndoCommand) -> bool:
        """Like :meth:`push`, but a refused edit emits :attr:`editRefused` and returns False."""
        try:
            return self.push(command)
        except PlanError as exc:
            self.editRefused.emit(describe_error(exc, self.document.plan if self.document else None))
            return False

    # -- schedule ---------------------------------------------------------
    def _on_event(self, event: Event) -> None:
        if event.kind in ("task_changed", "task_added", "task_removed", "task_moved", "dependency_added",
                          "dependency_removed", "plan_changed", "plan_replaced"):
            self.reschedule(event)
        self.planChanged.emit(event)

    def reschedule(self, event: Event | None = None) -> None:
        """Recompute the schedule (incrementally when the engine offers it)."""
        if self.document is None:
            return
        plan = self.document.plan
        try:
            # An edit event reschedules only what depends on it; anything else starts afresh.
            if event is None or self._scheduler is None:
                self._scheduler = None
                self._scheduler = IncrementalScheduler(plan)
            else:
                self._scheduler.handle_event(event, plan)
            self.schedule = self._scheduler.schedule
            self.schedule_error = None
        except PlanError as exc:
            # Should not happen (edits are checked) but a view must never crash.
            self.schedule_error = str(exc)
        self.scheduleChanged.emit()

    # -- selection ----------------------------------------------------------
    def select_tasks(self, task_ids: list[str]) -> None:
        ids = [t for t in task_ids if self.document and t in self.document.plan.task_index()]
        if ids != self.selection:
            self.selection = ids
            self.selectionChanged.emit(list(ids))
