"""The task editor dialog: every field of one task, applied as one undo step.

Opened by double-click or Enter on a task's name in the table, and by the
Gantt (``MainWindow.open_task_editor(task_id)``). Typed fields use the same
syntax as the table's cells (:mod:`aiplanner.ui.tasks.cells`). A refused edit
keeps the dialog open with the reason shown; the plan is unchanged.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from aiplanner.model.errors import PlanError
from aiplanner.ui.tasks import cells
from aiplanner.ui.commands import EditTaskCommand
from aiplanner.ui.session import PlanSession, describe_error
from aiplanner.ui.widgets.datefield import DateField

__all__ = ["TaskEditorDialog"]


class TaskEditorDialog(QDialog):
    """Edit one task; :meth:`apply` pushes the changes (OK calls it)."""

    def __init__(self, session: PlanSession, task_id: str, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.task_id = task_id
        task = session.plan.task(task_id)
        self.setWindowTitle(f"Task {task.id} — {task.name}")
        self.setMinimumWidth(480)
        per_week = len(session.plan.calendar.workdays)
        self._per_week = per_week

        self.name = QLineEdit(task.name)
        self.phase = QComboBox()
        for phase in session.plan.phases:
            self.phase.addItem(phase.name, phase.id)
        self.phase.setCurrentIndex(max(0, self.phase.findData(task.phase)))
        self.duration = QLineEdit(cells.format_duration(task.duration))
        self.duration.setToolTip("Working days: 10, 10d, or 3w (weeks of the plan's calendar); 0 = milestone")
        self.milestone = QCheckBox("Milestone (drawn as a diamond)")
        self.milestone.setChecked(task.milestone)
        self._estimate_shown = cells.format_estimate(task.estimate)  # rounded: kept exact unless retyped
        self.estimate = QLineEdit(self._estimate_shown)
        if cells.estimate_tip(task.estimate):
            self.estimate.setToolTip(cells.estimate_tip(task.estimate))
        self.estimate.setPlaceholderText("optimistic/likely/pessimistic, e.g. 10/15/25")
        self.predecessors = QLineEdit(cells.format_links(task.depends_on))
        self.predecessors.setPlaceholderText("e.g. a1, b2SS+2, c3FF-1")
        roles = ", ".join(r.id for r in session.plan.roles)
        self.demands = QLineEdit(cells.format_demands(task.demands))
        self.demands.setPlaceholderText("e.g. ai-product-manager:0.5, mlops-engineer")
        self.demands.setToolTip(f"Roles of this plan: {roles or 'none'}")
        self.not_before = DateField(task.not_before, optional=True)  # typed, or picked from a calendar
        self.deadline = DateField(task.deadline, optional=True)
        self.progress = QDoubleSpinBox()
        self.progress.setRange(0, 100)
        self.progress.setSuffix(" %")
        self.progress.setValue(task.progress)
        self.priority = QSpinBox()
        self.priority.setRange(0, 1000)
        self.priority.setValue(task.priority)
        self.priority.setToolTip("Levelling keeps higher priorities in place (0..1000, default 500)")
        self.tags = QLineEdit(", ".join(task.tags))
        self.notes = QPlainTextEdit(task.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.error.hide()

        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("P&hase", self.phase)
        form.addRow("&Duration", self.duration)
        form.addRow("", self.milestone)
        form.addRow("&Estimate", self.estimate)
        form.addRow("&Predecessors", self.predecessors)
        form.addRow("&Roles", self.demands)
        form.addRow("Not &before", self.not_before)
        form.addRow("Dead&line", self.deadline)
        form.addRow("Pro&gress", self.progress)
        form.addRow("Pr&iority", self.priority)
        form.addRow("&Tags", self.tags)
        form.addRow("N&otes", self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the task (raises :class:`EditError` on bad text)."""
        plan = self.session.plan
        task = plan.task(self.task_id)
        candidate = {
            "name": self.name.text().strip(),
            "phase": self.phase.currentData(),
            "duration": cells.parse_duration(self.duration.text(), self._per_week),
            "milestone": self.milestone.isChecked(),
            "estimate": (task.estimate if self.estimate.text() == self._estimate_shown
                         else cells.parse_estimate(self.estimate.text(), self._per_week)),
            "depends_on": cells.parse_links(self.predecessors.text(), plan.task_index().keys()),
            "demands": cells.parse_demands(self.demands.text(), roles=[r.id for r in plan.roles]),
            "not_before": cells.parse_date(self.not_before.text()),
            "deadline": cells.parse_date(self.deadline.text()),
            "progress": self.progress.value(),
            "priority": self.priority.value(),
            "tags": [t.strip() for t in self.tags.text().split(",") if t.strip()],
            "notes": self.notes.toPlainText(),
        }
        return {k: v for k, v in candidate.items() if getattr(task, k) != v}

    def apply(self) -> bool:
        """Push the changes as one undo step; False (and the reason shown) when refused."""
        try:
            fields = self.changes()
            if not fields:
                return True
            task = self.session.plan.task(self.task_id)
            self.session.push(EditTaskCommand(self.session, self.task_id, f"Edit task {task.name}", **fields))
        except PlanError as exc:
            self.error.setText(describe_error(exc, self.session.plan))
            self.error.show()
            return False
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()
