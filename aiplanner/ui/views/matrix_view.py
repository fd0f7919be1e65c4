"""The pattern's responsibility matrix: who owns, implements, uses each function.

Hosting: ``MatrixView(session, parent)`` in a dock or tab; it listens to the
session and edits only through :class:`EditPlanCommand`, so every cell
change is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QInputDialog, QTableView, QToolBar, QVBoxLayout, QWidget

from aiplanner.model.errors import PlanError
from aiplanner.model.plan import ResponsibilityMatrix, ResponsibilityRow
from aiplanner.ui.commands import EditPlanCommand

__all__ = ["MatrixModel", "MatrixView"]


class MatrixModel(QAbstractTableModel):
    """Column 0 is the function; one column per party. Edits push commands."""

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.error = ""
        session.planChanged.connect(lambda _e: self.reset())
        session.documentReplaced.connect(self.reset)

    def matrix(self) -> ResponsibilityMatrix:
        if self.session.document is None:
            return ResponsibilityMatrix()
        return self.session.plan.responsibilities

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

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
        try:
            self.session.push(EditPlanCommand(self.session, label, responsibilities=matrix))
        except PlanError as exc:
            self.error = str(exc)
            return False
        self.error = ""
        return True


class MatrixView(QWidget):
    """Editable responsibility matrix with actions to add functions and parties."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = MatrixModel(session, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        bar = QToolBar(self)
        bar.addAction("Add function", self._ask_function)
        bar.addAction("Add party", self._ask_party)
        bar.addAction("Remove function", self.remove_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.table)

    def add_function(self, name: str) -> bool:
        matrix = self.model.matrix().model_copy(deep=True)
        matrix.rows.append(ResponsibilityRow(function=name))
        return self.model.apply(matrix, f"Add function {name}")

    def add_party(self, name: str) -> bool:
        matrix = self.model.matrix().model_copy(deep=True)
        if name in matrix.parties:
            self.model.error = f"party {name!r} is already in the matrix"
            return False
        matrix.parties.append(name)
        return self.model.apply(matrix, f"Add party {name}")

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
