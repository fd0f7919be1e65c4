"""Findings of the plan checks, live: errors, warnings and notes about the plan.

Hosting: ``FindingsView(session, parent)`` in a dock or tab. It runs
:func:`aiplanner.checks.run_checks` once the window has first been painted
(the window opens on the table and the Gantt; the checks and their imports
wait), then shortly after every schedule change. Until a pending run is
done the list is greyed out and says "Checking…", and ``countsChanged``
sends ``(-1, -1)``: what is shown is never the findings of an older plan.
Clicking a finding selects the tasks it names (and the tasks of the phases
it names) through ``session.select_tasks``; the people it names are sent
with ``peopleSelected(list)`` (connect it to ``PeopleView.select_people``).
``countsChanged(errors, warnings)`` feeds the status bar (``-1, -1``: checking;
``-2, -2``: the plan cannot be checked). Given the
window's scenario lens as its session, it checks the scenario shown (its
plan and schedule) and says so in a :class:`ScenarioNote`.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from aiplanner.ui.first_paint import after_first_paint, waiting_for_paint
from aiplanner.ui.views.scenario_note import ScenarioNote, shown_scenario

__all__ = ["FindingsModel", "FindingsView", "WINDOW_ACTIONS"]

#: Severity -> name of the QStyle standard icon (looked up on first use: touching QStyle
#: builds its many enums, which the window's first paint does without).
_ICONS = {"error": "SP_MessageBoxCritical", "warning": "SP_MessageBoxWarning", "info": "SP_MessageBoxInformation"}

#: Where in the window each action a fix names is (the command line names its command instead).
WINDOW_ACTIONS = {"level": "People and load ▸ Level…"}


class FindingsModel(QAbstractTableModel):
    """One row per finding: severity (icon), message, what to do, rule id."""

    HEADERS = ("", "Finding", "What to do", "Rule")

    def __init__(self, style=None, parent=None) -> None:
        super().__init__(parent)
        self.findings: list = []
        self._style = style
        self._icons: dict | None = None

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
            if self._icons is None:
                from PySide6.QtWidgets import QApplication, QStyle

                style = self._style or QApplication.style()
                self._icons = {k: style.standardIcon(getattr(QStyle, v)) for k, v in _ICONS.items()}
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
        self.model = FindingsModel(None, self)  # the application's style, once an icon is drawn
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
        #: A check is due (the list on show belongs to an older plan until it has run).
        self.pending = False
        self._first_due = False  # the first run is scheduled (after the window's first paint)
        self._ran = False
        session.scheduleChanged.connect(self._changed)
        scenario_changed = getattr(session, "scenarioChanged", None)
        if scenario_changed is not None:
            scenario_changed.connect(lambda _name: self._changed())
        session.planChanged.connect(lambda e: self._changed() if e.kind == "staffing_changed" else None)
        session.documentReplaced.connect(self._changed)  # opening a file is not slowed by the checks
        if session.document is not None:
            self._changed()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._rows_timer.start()

    def _changed(self) -> None:
        """The plan, its schedule or the scenario shown changed: check again soon.

        Until then the list is the older plan's: say so, grey it out and tell the
        status bar the counts are being worked out. The first run waits for the
        window's first paint (see :mod:`aiplanner.ui.first_paint`) and then starts
        at once; later ones wait for the edits to pause.
        """
        if not self.pending:
            self.pending = True
            self.table.setEnabled(False)
            scenario = shown_scenario(self.session)
            self.summary.setText(f"Checking scenario {scenario}…" if scenario else "Checking the plan…")
            self.countsChanged.emit(-1, -1)
        if self._ran and not waiting_for_paint(self):
            self._timer.start()
        elif not self._first_due:
            self._first_due = True
            after_first_paint(self, self._first_run)

    def _first_run(self) -> None:
        self._first_due = False
        if self.pending:
            self.refresh()

    def refresh(self) -> None:
        """Run the checks on the session's plan now."""
        session = self.session
        self._timer.stop()
        self.pending = False
        self._ran = True
        self.table.setEnabled(True)
        self.all_findings = []
        what = f"scenario {shown_scenario(session)}" if shown_scenario(session) else "the plan"
        if session.document is not None and (session.schedule_error or session.schedule is None):
            self._show()
            self.summary.setText(f"Cannot check {what}: {session.schedule_error}")
            self.countsChanged.emit(-2, -2)
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
                self.countsChanged.emit(-2, -2)
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
