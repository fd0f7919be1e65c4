"""Findings of the plan checks, live: errors, warnings and notes about the plan.

Hosting: ``FindingsView(session, parent)`` in a dock or tab. It re-runs
:func:`aiplanner.checks.run_checks` shortly after every schedule change.
Clicking a finding selects the tasks it names (and the tasks of the phases
it names) through ``session.select_tasks``; the people it names are sent
with ``peopleSelected(list)`` (connect it to ``PeopleView.select_people``).
``countsChanged(errors, warnings)`` feeds the status bar. Given the
window's scenario lens as its session, it checks the scenario shown (its
plan and schedule) and says so in a :class:`ScenarioNote`.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QStyle, QTableView, QVBoxLayout, QWidget

from aiplanner.ui.views.scenario_note import ScenarioNote, shown_scenario

__all__ = ["FindingsModel", "FindingsView", "WINDOW_ACTIONS"]

_ICONS = {"error": QStyle.SP_MessageBoxCritical, "warning": QStyle.SP_MessageBoxWarning,
          "info": QStyle.SP_MessageBoxInformation}

#: Where in the window each action a fix names is (the command line names its command instead).
WINDOW_ACTIONS = {"level": "People and load ▸ Level…"}


class FindingsModel(QAbstractTableModel):
    """One row per finding: severity (icon), message, what to do, rule id."""

    HEADERS = ("", "Finding", "What to do", "Rule")

    def __init__(self, style, parent=None) -> None:
        super().__init__(parent)
        self.findings: list = []
        self._icons = {k: style.standardIcon(v) for k, v in _ICONS.items()}

    def set_findings(self, findings: list) -> None:
        self.beginResetModel()
        self.findings = list(findings)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        f = self.findings[index.row()]
        col = index.column()
        if role == Qt.DecorationRole and col == 0:
            return self._icons.get(f.severity)
        if role == Qt.DisplayRole:
            return ("", f.message, f.fix_for(WINDOW_ACTIONS), f.rule)[col]
        if role == Qt.ToolTipRole:
            names = [("Tasks", f.tasks), ("People", f.people), ("Roles", f.roles), ("Phases", f.phases)]
            extra = "\n".join(f"{label}: {', '.join(ids)}" for label, ids in names if ids)
            source = (f"\n\nThe source's reason: {f.reason}\nIts advice: {f.advice}" if f.reason else "")
            return (f"{f.severity.capitalize()}: {f.title + ' — ' if f.title else ''}{f.message}\n"
                    f"{f.fix_for(WINDOW_ACTIONS)}{source}" + (f"\n{extra}" if extra else ""))
        if role == Qt.ForegroundRole and col == 3:
            return QColor("#6b7280")
        if role == Qt.AccessibleTextRole and col == 0:
            return f.severity
        return None


class FindingsView(QWidget):
    """Live list of check findings; click one to select what it names."""

    peopleSelected = Signal(list)
    countsChanged = Signal(int, int)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = FindingsModel(self.style(), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Fixed)
        header.resizeSection(0, 28)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeToContents)
        # Wrapped rows must be re-measured once the columns have their real widths.
        self._rows_timer = QTimer(self, singleShot=True, interval=0)
        self._rows_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._rows_timer.start())
        self.table.clicked.connect(lambda index: self.activate(index.row()))
        self.table.activated.connect(lambda index: self.activate(index.row()))
        self.summary = QLabel(self)
        self.show_only = QComboBox(self)
        for label, severity in (("All findings", None), ("Errors", "error"), ("Warnings", "warning"),
                                ("Notes", "info")):
            self.show_only.addItem(label, severity)
        self.show_only.currentIndexChanged.connect(lambda _i: self._show())
        self.all_findings: list = []
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.show_only)
        self.note = ScenarioNote(session, "the checks run on this scenario's plan and schedule", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(head)
        layout.addWidget(self.table)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        session.scheduleChanged.connect(self._timer.start)
        scenario_changed = getattr(session, "scenarioChanged", None)
        if scenario_changed is not None:
            scenario_changed.connect(self._scenario_changed)
        session.planChanged.connect(lambda e: self._timer.start() if e.kind == "staffing_changed" else None)
        session.documentReplaced.connect(self._timer.start)  # opening a file is not slowed by the checks
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._rows_timer.start()

    def _scenario_changed(self, name: str) -> None:
        # Until the checks have run, the list is the other plan's: say so and grey it out.
        self.table.setEnabled(False)
        self.summary.setText(f"Checking scenario {name}…" if name else "Checking the plan…")
        self._timer.start()

    def refresh(self) -> None:
        """Run the checks on the session's plan now."""
        session = self.session
        self._timer.stop()
        self.table.setEnabled(True)
        self.all_findings = []
        what = f"scenario {shown_scenario(session)}" if shown_scenario(session) else "the plan"
        if session.document is not None and (session.schedule_error or session.schedule is None):
            self._show()
            self.summary.setText(f"Cannot check {what}: {session.schedule_error}")
            return
        if session.document is not None:
            # Imported with the first plan, not while the window starts: the checks read the catalogue.
            from aiplanner.checks import run_checks
            from aiplanner.model.errors import PlanError

            try:
                self.all_findings = run_checks(session.plan, session.schedule)
            except PlanError as exc:
                self._show()
                self.summary.setText(f"Cannot check {what}: {exc}")
                return
        self._show()
        counts = {s: sum(1 for f in self.all_findings if f.severity == s) for s in ("error", "warning", "info")}
        if self.all_findings:
            from aiplanner.checks.findings import plural

            self.summary.setText(f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
                                 f"{plural(counts['info'], 'note')}")
        else:
            self.summary.setText("No findings: the checks pass.")
        self.countsChanged.emit(counts["error"], counts["warning"])

    def _show(self) -> None:
        """List the findings of the chosen severity."""
        severity = self.show_only.currentData()
        self.model.set_findings([f for f in self.all_findings if severity is None or f.severity == severity])
        self.table.resizeRowsToContents()

    def activate(self, row: int) -> None:
        """Select the tasks (and phases' tasks) a finding names; announce its people."""
        if not 0 <= row < len(self.model.findings):
            return
        finding = self.model.findings[row]
        tasks = list(finding.tasks)
        if finding.phases:
            tasks += [t.id for t in self.session.plan.tasks if t.phase in finding.phases and t.id not in tasks]
        if tasks:
            self.session.select_tasks(tasks)
        if finding.people:
            self.peopleSelected.emit(list(finding.people))
