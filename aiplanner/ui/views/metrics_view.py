"""Metrics of the operating model with their targets and current values.

Hosting: ``MetricsView(session, parent)`` in a dock or tab (connect
``message(str)`` to the status bar: refused edits are explained there). Target and
current value are editable; each edit is one :class:`EditPlanCommand`.
A scenario cannot hold metrics of its own, so while the window shows one
the table is read-only (it shows the plan's metrics, which every scenario
shares) and a note says why.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from aiplanner.ui.views.plan_table import PlanTableModel
from aiplanner.ui.views.scenario_note import ScenarioNote, shown_scenario

__all__ = ["MetricsModel", "MetricsView", "COLUMNS"]

#: (field, header, editable)
COLUMNS = (
    ("category", "Category", False),
    ("name", "Metric", False),
    ("target", "Target", True),
    ("current", "Current", True),
    ("unit", "Unit", False),
    ("measurement", "How measured", False),
)

_CATEGORY_COLOURS = {"efficiency": QColor("#e8f0fe"), "quality": QColor("#e6f4ea"), "value": QColor("#fef7e0")}


class MetricsModel(PlanTableModel):
    """One row per metric; edits of target/current push an undoable command."""

    def metrics(self):
        return self.session.plan.metrics if self.session.document is not None else []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.metrics())

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section][1]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        metric = self.metrics()[index.row()]
        name = COLUMNS[index.column()][0]
        if role in (Qt.DisplayRole, Qt.EditRole):
            value = getattr(metric, name)
            return value.capitalize() if name == "category" and role == Qt.DisplayRole else value
        if role == Qt.BackgroundRole and name == "category":
            return _CATEGORY_COLOURS.get(metric.category)
        if role == Qt.ToolTipRole:
            return f"{metric.name}: target {metric.target or '—'}, now {metric.current or '—'}"
        return None

    def flags(self, index):
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.isValid() and COLUMNS[index.column()][2] and shown_scenario(self.session) is None:
            flags |= Qt.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid() or not COLUMNS[index.column()][2]:
            return False
        if shown_scenario(self.session) is not None:
            return self.refuse("metrics belong to the plan itself, not to a scenario; "
                               "choose Plan in the Scenario box to edit them")
        name = COLUMNS[index.column()][0]
        metrics = [m.model_copy() for m in self.metrics()]
        metric = metrics[index.row()]
        text = str(value).strip()
        if getattr(metric, name) == text:
            return False
        try:
            metrics[index.row()] = type(metric).model_validate({**metric.model_dump(), name: text})
        except ValueError as exc:
            return self.refuse(f"{metric.name}: " + str(exc).splitlines()[0])
        return self.push(f"Set {name} of {metric.name}", subject=metric.name, metrics=metrics)


class MetricsView(QWidget):
    """Table of the plan's metrics."""

    #: A refused edit, for the status bar.
    message = Signal(str)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = MetricsModel(session, self)
        self.model.refused.connect(self.message)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self._sized = False  # columns fit their contents from the first show (not for the window's start)
        self.note = ScenarioNote(session, "read-only: every scenario shares the plan's metrics; "
                                          "choose Plan to edit targets and current values", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table)

    def showEvent(self, event) -> None:
        if not self._sized:
            self._sized = True
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeToContents)
            header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.Stretch)
        super().showEvent(event)
