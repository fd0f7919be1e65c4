"""A small dialog to edit one person's absences (date ranges with a note)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton,
                               QVBoxLayout, QWidget)

from aiplanner.model.errors import EditError
from aiplanner.model.plan import Absence, Person
from aiplanner.ui.widgets.datefield import DateField

__all__ = ["AbsenceDialog"]


class AbsenceDialog(QDialog):
    """List of a person's absences with add/remove; :meth:`absences` gives the result."""

    def __init__(self, person: Person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Absences of {person.name}")
        self._items: list[Absence] = list(person.absences)
        self.list = QListWidget(self)
        today = dt.date.today()
        self.start = DateField(today, self)  # dates as typed, or from the calendar
        self.end = DateField(today, self)
        self.start.setAccessibleName("First day away")
        self.end.setAccessibleName("Last day away")
        self.note = QLineEdit(self, placeholderText="note (optional)")
        self.error = QLabel(self)
        add = QPushButton("Add", self)
        add.clicked.connect(self._add)
        remove = QPushButton("Remove selected", self)
        remove.clicked.connect(self._remove)
        row = QHBoxLayout()
        for w in (QLabel("From"), self.start, QLabel("to"), self.end, self.note, add):
            row.addWidget(w)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(remove)
        layout.addWidget(buttons)
        self._refill()

    def _refill(self) -> None:
        self.list.clear()
        for a in self._items:
            self.list.addItem(f"{a.start:%a %d %b %Y} – {a.end:%a %d %b %Y}" + (f"  ({a.note})" if a.note else ""))

    def _add(self) -> None:
        try:
            start, end = self.start.date(), self.end.date()
        except EditError as exc:
            self.error.setText(str(exc))
            return
        try:
            absence = Absence(start=start, end=end, note=self.note.text().strip())
        except ValueError:
            self.error.setText("The absence ends before it starts.")
            return
        self.error.setText("")
        self._items.append(absence)
        self._items.sort(key=lambda a: a.start)
        self._refill()

    def _remove(self) -> None:
        for row in sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True):
            del self._items[row]
        self._refill()

    def absences(self) -> list[Absence]:
        return list(self._items)
