"""The base of the views' table models over plan-level lists.

Thin adapter (STYLE.md): ``data`` reads the session's plan, edits push one
:class:`EditPlanCommand`, a refused edit is kept in :attr:`error` and
announced with :attr:`refused` (views pass it on as their ``message``), and
the model resets whenever the plan changes (or, given the window's scenario
lens, another scenario is shown: the lens turns edits into that scenario's).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Signal

from aiplanner.model.errors import PlanError
from aiplanner.ui.commands import EditPlanCommand

__all__ = ["PlanTableModel"]


class PlanTableModel(QAbstractTableModel):
    """A table model that edits plan-level fields through undo commands."""

    #: A refused edit, explained (the view passes it on as ``message``).
    refused = Signal(str)

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.error = ""
        session.planChanged.connect(lambda _e: self.reset())
        session.documentReplaced.connect(self.reset)
        scenario_changed = getattr(session, "scenarioChanged", None)  # the window's scenario lens
        if scenario_changed is not None:
            scenario_changed.connect(lambda _name: self.reset())

    @property
    def plan(self):
        return self.session.plan

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def refuse(self, text: str) -> bool:
        """Keep and announce why an edit was refused; always False."""
        self.error = text
        self.refused.emit(text)
        return False

    def push(self, label: str, *, subject: str = "", **fields) -> bool:
        """Push one plan edit; a refusal (prefixed with ``subject``) changes nothing."""
        try:
            self.session.push(EditPlanCommand(self.session, label, **fields))
        except (PlanError, ValueError) as exc:
            text = str(exc).splitlines()[0] if subject else str(exc)
            return self.refuse(f"{subject}: {text}" if subject else text)
        self.error = ""
        return True
