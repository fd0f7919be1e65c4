"""Preview of resource levelling: which tasks move, how the finish moves; apply as one edit.

Opened by :class:`~aiplanner.ui.views.people_view.PeopleView` ("Level…").
:func:`aiplanner.schedule.level.level_plan` proposes a levelled copy of the
plan; *Apply* pushes it as one :class:`ReplacePlanCommand`, so a single
undo puts every task back. On a scenario (the window's scenario lens) it
levels the scenario's plan and *Apply to scenario* records the moves as
that scenario's not-before overrides: the plan itself does not move.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from aiplanner.model.errors import PlanError
from aiplanner.ui.commands import ReplacePlanCommand

__all__ = ["LevelDialog"]


class LevelDialog(QDialog):
    """Shows the moves levelling proposes for ``session``'s plan."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from aiplanner.schedule.level import level_plan

        self.session = session
        self.scenario = getattr(session, "scenario", None)
        self.setWindowTitle(f"Level resources — scenario {self.scenario}" if self.scenario else "Level resources")
        self.resize(760, 460)
        self.result = level_plan(session.plan, session.schedule)
        self.error = ""
        names = {t.id: t.name for t in session.plan.tasks}
        people = {p.id: p.name for p in session.plan.people}
        res = self.result

        moves = [m for m in res.moves if m.new_start != m.old_start]
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        if not moves:
            text = "Nothing to move: levelling finds no task to delay."
        else:
            delayed = sum(1 for m in moves if m.levelled)
            finish = (f"the finish moves from {res.old_finish:%a %d %b %Y} to {res.new_finish:%a %d %b %Y} "
                      f"(+{res.finish_delay} working days)" if res.finish_delay
                      else f"the finish stays on {res.new_finish:%a %d %b %Y}")
            text = (f"{delayed} task(s) delayed to clear over-allocation, {len(moves) - delayed} follow their "
                    f"predecessors; {finish}.")
        if res.unresolved:
            text += "\nCannot be helped by delay (a task alone needs more than someone has): " + "; ".join(
                f"{names.get(u.task, u.task)} ({', '.join(people.get(p, p) for p in u.people)})"
                for u in res.unresolved)
        if res.remaining:
            text += f"\n{len(res.remaining)} over-allocation run(s) remain after levelling."
        if self.scenario:
            text = (f"Scenario {self.scenario}: the moves become the scenario's not-before dates; "
                    f"the plan itself does not move.\n") + text
        self.summary.setText(text)

        self.table = QTableWidget(len(moves), 5, self)
        self.table.setHorizontalHeaderLabels(["Task", "Now starts", "Would start", "Delay (working days)", "Why"])
        for row, move in enumerate(moves):
            cells = [f"{names.get(move.task, move.task)} ({move.task})", f"{move.old_start:%a %d %b %Y}",
                     f"{move.new_start:%a %d %b %Y}", str(move.delay),
                     "levelled (over capacity)" if move.levelled else "follows a predecessor"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
                if col == 3:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for col in (1, 2, 3, 4):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeToContents)
        self.table.setWordWrap(False)
        self.moves = moves

        buttons = QDialogButtonBox(QDialogButtonBox.Cancel, parent=self)
        self.apply_button = buttons.addButton(f"Apply to scenario {self.scenario}" if self.scenario else "Apply",
                                              QDialogButtonBox.AcceptRole)
        self.apply_button.setEnabled(bool(moves))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def apply(self) -> bool:
        """Apply the levelled plan as one undoable edit and close."""
        if not self.moves:
            self.reject()
            return False
        try:
            self.session.push(ReplacePlanCommand(self.session, f"Level resources ({len(self.moves)} tasks moved)",
                                                 self.result.plan))
        except PlanError as exc:
            self.error = str(exc)
            self.summary.setText(f"Cannot apply: {exc}")
            return False
        self.accept()
        return True
