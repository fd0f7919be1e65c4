"""The comparison as tables in the window: pick A and B, read the deltas sorted by impact.

Non-modal: it re-compares when the plan changes, so a facilitator can keep
it open beside the Gantt while editing. P80 is left out here to keep it
instant (the command line and the report have it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aiplanner.checks.compare.deltas import Comparison, compare
from aiplanner.model.errors import PlanError

__all__ = ["CompareDialog", "side_names"]

LATER = QColor("#b8392f")
EARLIER = QColor("#2f7d32")


def side_names(plan) -> list[str]:
    """Everything that can be compared: the plan, its baselines, its scenarios."""
    return ["current", *(f"baseline:{b.name}" for b in plan.baselines), *(f"scenario:{s.name}" for s in plan.scenarios)]


def _signed(value) -> str:
    if value is None:
        return ""
    return "±0" if value == 0 else (f"{value:+g}" if isinstance(value, float) else f"{value:+d}")


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CompareDialog(QDialog):
    """Compare two sides of the session's plan (default: latest baseline, else the first scenario, with now)."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare")
        self.resize(900, 560)
        self.session = session
        self.result: Comparison | None = None
        self.side_a, self.side_b = QComboBox(), QComboBox()
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.tasks = _table(["Task", "Status", "Start ±", "Finish ±", "Days ±", "Finish A", "Finish B"])
        self.people = _table(["Person", "Peak A", "Peak B", "Over weeks A", "Over weeks B"])
        self.findings = QListWidget()
        tabs = QTabWidget()
        tabs.addTab(self.tasks, "Tasks")
        tabs.addTab(self.people, "Load")
        tabs.addTab(self.findings, "Findings")
        pick = QFormLayout()
        pick.addRow("A (from)", self.side_a)
        pick.addRow("B (to)", self.side_b)
        top = QHBoxLayout()
        top.addLayout(pick)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(tabs, 1)
        self._fill_choices()
        self.side_a.currentIndexChanged.connect(self.refresh)
        self.side_b.currentIndexChanged.connect(self.refresh)
        session.scheduleChanged.connect(self.refresh)
        session.planChanged.connect(self._plan_changed)
        self.tasks.itemSelectionChanged.connect(self._select_in_views)
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()  # changes made while hidden were not compared

    def _select_in_views(self) -> None:
        ids = [self.tasks.item(i.row(), 0).data(Qt.UserRole) for i in self.tasks.selectionModel().selectedRows()]
        self.session.select_tasks([t for t in ids if t])

    def _fill_choices(self) -> None:
        names = side_names(self.session.plan) if self.session.document else ["current"]
        keep_a, keep_b = self.side_a.currentText(), self.side_b.currentText()
        default_a = next((n for n in reversed(names) if n.startswith("baseline:")), names[1] if len(names) > 1 else "current")
        for combo, keep, default in ((self.side_a, keep_a, default_a), (self.side_b, keep_b, "current")):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            combo.setCurrentText(keep if keep in names else default)
            combo.blockSignals(False)

    def _plan_changed(self, event) -> None:
        if event.kind.startswith(("baseline_", "scenario_")):
            self._fill_choices()
            self.refresh()

    def set_sides(self, a: str, b: str) -> None:
        self.side_a.setCurrentText(a)
        self.side_b.setCurrentText(b)
        self.refresh()

    def refresh(self) -> None:
        """Compare the chosen sides again and refill the tables."""
        if self.session.document is None or not self.isVisible() and self.result is not None:
            return
        try:
            self.result = compare(self.session.plan, self.side_a.currentText(), self.side_b.currentText(), risk=False)
        except PlanError as exc:
            self.result = None
            self.summary.setText(str(exc))
            return
        r = self.result
        counts = {s: sum(1 for t in r.tasks if t.status == s) for s in ("changed", "added", "removed")}
        self.summary.setText(
            f"Finish {r.finish_a:%d %b %Y} → {r.finish_b:%d %b %Y} ({_signed(r.finish_delta)} working days)\n"
            f"{counts['changed']} moved, {counts['added']} added, {counts['removed']} removed, {r.unchanged} unchanged"
            + (f"\n{len(r.appeared)} new findings, {len(r.disappeared)} resolved" if r.findings_compared else ""))
        self.tasks.setRowCount(len(r.tasks))
        for row, t in enumerate(r.tasks):
            cells = [t.name, t.status, _signed(t.start_delta), _signed(t.finish_delta), _signed(t.duration_delta),
                     f"{t.finish_a:%d %b %Y}" if t.finish_a else "", f"{t.finish_b:%d %b %Y}" if t.finish_b else ""]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, t.id)
                if col == 3 and t.finish_delta:
                    item.setForeground(LATER if t.finish_delta > 0 else EARLIER)
                self.tasks.setItem(row, col, item)
        self.people.setRowCount(len(r.people))
        for row, p in enumerate(r.people):
            cells = [p.name, "" if p.peak_a is None else f"{p.peak_a:g}", "" if p.peak_b is None else f"{p.peak_b:g}",
                     str(p.over_weeks_a), str(p.over_weeks_b)]
            for col, text in enumerate(cells):
                self.people.setItem(row, col, QTableWidgetItem(text))
        self.findings.clear()
        for f in r.findings:
            self.findings.addItem(f"{'+ new' if f.change == 'appeared' else '− resolved'}: {f.message}")
        self.tasks.resizeColumnsToContents()
