"""People and roles: who is on the team, which roles they hold, and their load.

Hosting: ``PeopleView(session, parent)`` in a dock or tab. One row of
actions (add, remove, absences, level, load per person or per role), then
side by side: people (name and capacity editable), people x roles with each
person's share of a role (type "60" or "60%"; blank unassigns), and load
per person per week as a heat map, red where a person is over capacity
(hover for the tasks causing it). "Level…" previews
moving tasks to remove over-allocation and applies them as one undoable edit.
Every edit is an :class:`EditPlanCommand` / :class:`ReplacePlanCommand`.
Given the window's scenario lens, it shows the scenario's people, shares
and load, and its edits (people, shares, absences, levelling) become that
scenario's staffing and not-before overrides: the plan stays as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QSizePolicy, QSplitter, QTableView, QToolBar, QVBoxLayout, QWidget)

from aiplanner.model.plan import Absence, Person
from aiplanner.ui.first_paint import after_first_paint, waiting_for_paint
from aiplanner.ui.views.people_models import AssignmentModel, LoadModel, PeopleModel
from aiplanner.ui.views.scenario_note import ScenarioNote

__all__ = ["PeopleView"]


class PeopleView(QWidget):
    """People, role shares and the weekly load heat map of the session's plan."""

    #: A refused edit or another note for the status bar.
    message = Signal(str)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.people_model = PeopleModel(session, self)
        self.assign_model = AssignmentModel(session, self)
        self.load_model = LoadModel(self)
        self.load = None

        self.people_table = self._table(self.people_model)
        self.people_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.people_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.people_table.horizontalHeader().setStretchLastSection(True)
        self.assign_table = self._table(self.assign_model)
        self.assign_table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.assign_table.horizontalHeader().setMinimumSectionSize(56)
        self.assign_table.verticalHeader().hide()  # the people table beside it names the rows
        self.assign_table.horizontalHeader().setTextElideMode(Qt.ElideRight)  # "Governance L…", not "overnance L"
        self.load_table = self._table(self.load_model)
        self.load_table.horizontalHeader().setDefaultSectionSize(44)
        self.load_table.horizontalHeader().setMinimumSectionSize(30)
        self.load_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.summary = QLabel(self)
        # A long summary is cut, never widens the dock; the whole text is its tooltip.
        self.summary.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.load_by = QComboBox(self)
        self.load_by.addItem("Load per person", "person")
        self.load_by.addItem("Demand per role", "role")
        self.load_by.currentIndexChanged.connect(lambda _i: self.refresh_load())

        bar = QToolBar(self)
        bar.setIconSize(QSize(16, 16))
        bar.addAction("Add person", self._ask_person)
        bar.addAction("Remove person", self.remove_selected_people)
        bar.addAction("Absences…", self._edit_absences)
        bar.addSeparator()
        self.level_action = bar.addAction("Level…", self.open_level_dialog)
        self.level_action.setToolTip("Preview moving tasks so nobody is over capacity, then apply as one edit")
        import importlib.util

        # Levelling comes with aiplanner.schedule.level; without it the action stays off.
        self.level_action.setEnabled(importlib.util.find_spec("aiplanner.schedule.level") is not None)
        bar.addSeparator()
        bar.addWidget(self.load_by)

        # One row of actions, then people | their role shares | their weekly load side by side:
        # every person stays on screen with their load even when the dock is low.
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(self.people_table)
        split.addWidget(self.assign_table)
        split.addWidget(self.load_table)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 0)
        split.setStretchFactor(2, 1)
        split.setSizes([320, 400, 560])
        split.splitterMoved.connect(lambda *_args: setattr(self, "_user_split", True))
        self.split = split
        self.note = ScenarioNote(session, "people, role shares, absences and levelling edited here change this "
                                          "scenario's staffing and dates, not the plan", self)
        scenario_changed = getattr(session, "scenarioChanged", None)
        if scenario_changed is not None:
            scenario_changed.connect(self._scenario_shown)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 4, 0)
        head.addWidget(bar)
        head.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.note)
        layout.addLayout(head)
        layout.addWidget(split, 1)

        for model in (self.people_model, self.assign_model):
            model.refused.connect(self.message)
        # Load is the expensive part: recompute after edits settle, and only while shown.
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh_load)
        self._load_stale = True
        self._load_waits = False  # a refresh is held back until the window has painted
        session.scheduleChanged.connect(self._schedule_changed)
        session.planChanged.connect(lambda e: self._schedule_changed() if e.kind == "staffing_changed" else None)
        session.documentReplaced.connect(self._schedule_changed)

    def _scenario_shown(self, name: str) -> None:
        self.level_action.setToolTip(
            f"Preview moving tasks of scenario {name} so nobody is over capacity, then record the moves as the "
            "scenario's not-before dates (the plan does not move)" if name else
            "Preview moving tasks so nobody is over capacity, then apply as one edit")

    def _table(self, model) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setAlternatingRowColors(False)
        rows = table.fontMetrics().height() + 6
        table.verticalHeader().setDefaultSectionSize(rows)
        table.verticalHeader().setMinimumSectionSize(rows)
        table.horizontalHeader().setFixedHeight(rows + 2)
        return table

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Split the width: people and shares as narrow as they read, the load the rest.
        width = self.split.width()
        if width > 0 and not getattr(self, "_user_split", False):
            people, shares = min(340, round(width * 0.27)), min(440, round(width * 0.3))
            self.split.setSizes([people, shares, max(width - people - shares, 200)])

    # -- load heat map ------------------------------------------------------
    def _schedule_changed(self) -> None:
        self._load_stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._load_stale:
            if waiting_for_paint(self):  # the window opens on the table and the Gantt; the load a moment later
                if not self._load_waits:
                    self._load_waits = True
                    after_first_paint(self, self._painted)
            else:
                self.refresh_load()

    def _painted(self) -> None:
        self._load_waits = False
        if self._load_stale and self.isVisible():
            self.refresh_load()

    def refresh_load(self) -> None:
        """Recompute the load heat map from the session's plan and schedule."""
        from aiplanner.schedule.load import compute_load

        self._load_stale = False
        session = self.session
        if session.document is None or session.schedule is None:
            self.load = None
            self.load_model.set_load(None, {})
            return
        self.load = compute_load(session.plan, session.schedule)
        by = self.load_by.currentData()
        names = ({p.id: p.name for p in session.plan.people} if by == "person"
                 else {r.id: r.name for r in session.plan.roles})
        self.load_model.set_load(self.load, names, by)
        runs = self.load.over_allocations()
        unstaffed = self.load.unstaffed_roles()
        parts = []
        if runs:
            names = {p.id: p.name for p in session.plan.people}
            days: dict[str, int] = {}
            for run in runs:
                days[run.person] = days.get(run.person, 0) + run.days
            parts.append("Over capacity: " + ", ".join(f"{names.get(p, p)} ({n} working days)"
                                                       for p, n in days.items()))
        else:
            parts.append("Nobody is over capacity.")
        if unstaffed:
            roles = {r.id: r.name for r in session.plan.roles}
            parts.append("Nobody holds: " + ", ".join(roles.get(u.role, u.role) for u in unstaffed))
        self.summary.setText("  ·  ".join(parts))
        self.summary.setToolTip("\n".join(parts))

    # -- people edits ---------------------------------------------------------
    def add_person(self, person_id: str, name: str, capacity: float = 1.0) -> bool:
        people = list(self.session.plan.people)
        if any(p.id == person_id for p in people):
            self.message.emit(f"a person with id {person_id!r} already exists")
            return False
        try:
            people.append(Person(id=person_id, name=name, capacity=capacity))
        except ValueError as exc:
            self.message.emit(str(exc).splitlines()[0])
            return False
        return self.people_model.push(f"Add person {name}", people=people)

    def remove_people(self, ids: list[str]) -> bool:
        """Remove people and their role assignments in one edit."""
        plan = self.session.plan
        if not ids:
            return False
        people = [p for p in plan.people if p.id not in ids]
        assignments = [a for a in plan.assignments if a.person not in ids]
        return self.people_model.push("Remove " + ", ".join(ids), people=people, assignments=assignments)

    def remove_selected_people(self) -> bool:
        rows = {i.row() for i in self.people_table.selectionModel().selectedIndexes()}
        return self.remove_people([self.session.plan.people[r].id for r in sorted(rows)])

    def set_absences(self, person_id: str, absences: list[Absence]) -> bool:
        people = [p.model_copy(update={"absences": list(absences)}) if p.id == person_id else p
                  for p in self.session.plan.people]
        return self.people_model.push(f"Set absences of {person_id}", people=people)

    def select_people(self, ids: list[str]) -> None:
        """Select these people in the table (e.g. from a finding)."""
        table = self.people_table
        table.clearSelection()
        rows = [i for i, p in enumerate(self.session.plan.people) if p.id in ids]
        mode = table.selectionMode()
        table.setSelectionMode(QAbstractItemView.MultiSelection)
        for r in rows:
            table.selectRow(r)
        table.setSelectionMode(mode)
        if rows:
            table.scrollTo(self.people_model.index(rows[0], 0))

    def _ask_person(self) -> None:
        name, ok = QInputDialog.getText(self, "Add person", "Name:")
        if ok and name.strip():
            base = "".join(c if c.isalnum() else "-" for c in name.strip().lower()).strip("-") or "person"
            pid, n = base, 2
            while any(p.id == pid for p in self.session.plan.people):
                pid, n = f"{base}-{n}", n + 1
            self.add_person(pid[:64], name.strip())

    def _edit_absences(self) -> None:
        from aiplanner.ui.views.absence_dialog import AbsenceDialog

        rows = sorted({i.row() for i in self.people_table.selectionModel().selectedIndexes()})
        if not rows:
            self.message.emit("select a person first")
            return
        person = self.session.plan.people[rows[0]]
        dialog = AbsenceDialog(person, self)
        if dialog.exec():
            self.set_absences(person.id, dialog.absences())

    # -- levelling ---------------------------------------------------------------
    def open_level_dialog(self) -> None:
        from aiplanner.ui.views.level_dialog import LevelDialog

        LevelDialog(self.session, self).exec()
