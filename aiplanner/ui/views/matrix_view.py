"""The pattern's responsibility matrix: who owns, implements, uses each function.

Hosting: ``MatrixView(session, parent)`` in a dock or tab (connect
``message(str)`` to the status bar: refused edits are explained there); it listens to the
session and edits only through :class:`EditPlanCommand`, so every cell
change is one undo step. Right-click a party's header to rename or remove it.
Given the window's scenario lens, it shows the scenario's matrix (a pattern
switch rebuilds it) and edits become that scenario's matrix.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QInputDialog, QLabel, QTableView, QToolBar, QVBoxLayout, QWidget

from aiplanner.model.plan import ResponsibilityMatrix, ResponsibilityRow
from aiplanner.ui.views.plan_table import PlanTableModel
from aiplanner.ui.views.scenario_note import ScenarioNote, shown_scenario

__all__ = ["MatrixModel", "MatrixView"]


class MatrixModel(PlanTableModel):
    """Column 0 is the function; one column per party. Edits push commands."""

    def matrix(self) -> ResponsibilityMatrix:
        if self.session.document is None:
            return ResponsibilityMatrix()
        return self.session.plan.responsibilities

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.matrix().rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 1 + len(self.matrix().parties)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return "Function" if section == 0 else self.matrix().parties[section - 1]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole):
            return None
        row = self.matrix().rows[index.row()]
        if index.column() == 0:
            return row.function
        return row.cells.get(self.matrix().parties[index.column() - 1], "")

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsEditable

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid():
            return False
        matrix = self.matrix().model_copy(deep=True)
        row = matrix.rows[index.row()]
        text = str(value).strip()
        if index.column() == 0:
            if not text or text == row.function:
                return False
            row.function = text
            label = f"Rename function {text}"
        else:
            party = matrix.parties[index.column() - 1]
            if row.cells.get(party, "") == text:
                return False
            row.cells = {**row.cells, party: text} if text else {k: v for k, v in row.cells.items() if k != party}
            label = f"Edit {party} / {row.function}"
        return self.apply(matrix, label)

    def apply(self, matrix: ResponsibilityMatrix, label: str) -> bool:
        """Push ``matrix`` as one undoable edit; a refusal is kept in :attr:`error`."""
        return self.push(label, responsibilities=matrix)


class MatrixView(QWidget):
    """Editable responsibility matrix with actions to add functions and parties."""

    #: A refused edit, for the status bar.
    message = Signal(str)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = MatrixModel(session, self)
        self.model.refused.connect(self.message)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        # Right-click a party's column header to rename or remove it.
        self.table.horizontalHeader().setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._party_menu)
        bar = QToolBar(self)
        bar.addAction("Add function", self._ask_function)
        bar.addAction("Add party", self._ask_party)
        bar.addAction("Remove function", self.remove_selected)
        self.note = ScenarioNote(session, "", self)
        scenario_changed = getattr(session, "scenarioChanged", None)
        if scenario_changed is not None:
            scenario_changed.connect(self._scenario_shown)
            # A pattern switch of the shown scenario changes its pattern: name the new one.
            session.scheduleChanged.connect(lambda: self._scenario_shown(shown_scenario(session) or ""))
            self._scenario_shown(shown_scenario(session) or "")
        # Where the matrix comes from: the source's own table, or derived from its prose (and say so).
        self.origin = QLabel(self)
        self.origin.setWordWrap(True)
        self.origin.setStyleSheet("QLabel { color: #5f6368; }")
        self.model.modelReset.connect(self._show_origin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.origin)
        self._show_origin()

    def _show_origin(self) -> None:
        matrix = self.model.matrix()
        text = (f"[derived] Not the source's own table: {matrix.note}" if matrix.derived else matrix.note)
        self.origin.setText(text)
        self.origin.setVisible(bool(text))

    def _scenario_shown(self, name: str) -> None:
        """Name the scenario's pattern in the note: a pattern switch rebuilds the matrix."""
        pattern = self.session.plan.pattern if name and self.session.document is not None else None
        label = "its matrix"
        if pattern:  # the catalogue is imported only when a scenario is shown (not for the window's start)
            from aiplanner.catalog.switch import PATTERN_NAMES

            label = f"the {PATTERN_NAMES.get(pattern, pattern)} matrix"
        self.note.note = f"{label}; edits here change this scenario's matrix, not the plan's"
        self.note.show_scenario(name)

    def add_function(self, name: str) -> bool:
        matrix = self.model.matrix().model_copy(deep=True)
        matrix.rows.append(ResponsibilityRow(function=name))
        return self.model.apply(matrix, f"Add function {name}")

    def add_party(self, name: str) -> bool:
        matrix = self.model.matrix().model_copy(deep=True)
        if name in matrix.parties:
            self.model.error = f"party {name!r} is already in the matrix"
            self.message.emit(self.model.error)
            return False
        matrix.parties.append(name)
        return self.model.apply(matrix, f"Add party {name}")

    def rename_party(self, old: str, new: str) -> bool:
        """Rename a party; its cells follow it."""
        matrix = self.model.matrix().model_copy(deep=True)
        if old not in matrix.parties or not new.strip():
            return False
        if new in matrix.parties:
            self.model.error = f"party {new!r} is already in the matrix"
            self.message.emit(self.model.error)
            return False
        matrix.parties = [new if p == old else p for p in matrix.parties]
        for row in matrix.rows:
            row.cells = {(new if k == old else k): v for k, v in row.cells.items()}
        return self.model.apply(matrix, f"Rename party {old} to {new}")

    def remove_party(self, name: str) -> bool:
        """Remove a party and its cells."""
        matrix = self.model.matrix().model_copy(deep=True)
        if name not in matrix.parties:
            return False
        matrix.parties = [p for p in matrix.parties if p != name]
        for row in matrix.rows:
            row.cells = {k: v for k, v in row.cells.items() if k != name}
        return self.model.apply(matrix, f"Remove party {name}")

    def _party_menu(self, pos) -> None:
        from PySide6.QtWidgets import QMenu

        section = self.table.horizontalHeader().logicalIndexAt(pos)
        if section < 1:
            return
        party = self.model.matrix().parties[section - 1]
        menu = QMenu(self)
        menu.addAction(f"Rename {party}…", lambda: self._ask_rename(party))
        menu.addAction(f"Remove {party}", lambda: self.remove_party(party))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def _ask_rename(self, party: str) -> None:
        name, ok = QInputDialog.getText(self, "Rename party", "Party:", text=party)
        if ok and name.strip() and name.strip() != party:
            self.rename_party(party, name.strip())

    def remove_selected(self) -> bool:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()}, reverse=True)
        if not rows:
            return False
        matrix = self.model.matrix().model_copy(deep=True)
        for r in rows:
            del matrix.rows[r]
        return self.model.apply(matrix, "Remove function" + ("s" if len(rows) > 1 else ""))

    def _ask_function(self) -> None:
        name, ok = QInputDialog.getText(self, "Add function", "Function:")
        if ok and name.strip():
            self.add_function(name.strip())

    def _ask_party(self) -> None:
        name, ok = QInputDialog.getText(self, "Add party", "Party (e.g. Central AI team):")
        if ok and name.strip():
            self.add_party(name.strip())
