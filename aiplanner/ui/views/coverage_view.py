"""Coverage: the source's four dimensions and their twelve functions against the plan.

Hosting: ``CoverageView(session, parent)`` in a dock or tab. One row per
function, grouped under its dimension: the work in the plan that does it,
the key roles that carry it (and who holds them), what the responsibility
matrix says about it, and its status. A function that no work covers is
flagged (red: a gap; amber: only the Assessment looks at it); AI research,
which the source asks only of organisations with custom AI needs, is never
a gap. Clicking a function selects its tasks. It reads
:func:`aiplanner.checks.coverage.plan_coverage` shortly after every change
and, given the window's scenario lens, shows the scenario's plan.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from aiplanner.ui.views.scenario_note import ScenarioNote

__all__ = ["CoverageView", "COLUMNS"]

COLUMNS = ("Function", "Work in the plan", "Key roles", "Responsibility matrix", "Status")
_STATUS_COLOURS = {"gap": "#fde2e1", "assessed only": "#fff1cc", "optional": "#f1f3f4"}
_TASK_ROLE = Qt.ItemDataRole.UserRole


class CoverageView(QWidget):
    """Dimensions and functions against the plan's tasks, roles and matrix."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list = []
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAccessibleName("Coverage of the four dimensions")
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 170), (2, 300), (3, 330), (4, 170)):
            header.resizeSection(column, width)
        self.tree.itemClicked.connect(lambda item, _col: self.select(item))
        self.tree.itemActivated.connect(lambda item, _col: self.select(item))
        self.derived = QLabel(self)
        self.derived.setWordWrap(True)
        self.derived.setStyleSheet("QLabel { color: #5f6368; }")
        self.note = ScenarioNote(session, "coverage of this scenario's plan", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.derived)
        self._stale = False  # a change arrived while hidden: read again when shown
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self._changed)
        session.scheduleChanged.connect(self._timer.start)
        session.planChanged.connect(lambda _e: self._timer.start())
        session.documentReplaced.connect(self._timer.start)
        scenario_changed = getattr(session, "scenarioChanged", None)
        if scenario_changed is not None:
            scenario_changed.connect(lambda _name: self._timer.start())
        self.refresh()

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the coverage of the session's plan now."""
        self._stale = False
        self._timer.stop()
        self.tree.clear()
        if self.session.document is None:
            self.rows = []
            self.summary.setText("No plan.")
            return
        from aiplanner.catalog import load_catalog
        from aiplanner.checks.coverage import STATUSES, plan_coverage

        plan = self.session.plan
        catalog = load_catalog()
        self.rows = plan_coverage(plan, catalog=catalog)
        names = {t.id: t.name for t in plan.tasks}
        people = {p.id: p.name for p in plan.people}
        roles = {r.id: r.name for r in plan.roles} | {r.id: r.name for r in catalog.roles}
        bold = QFont(self.font())
        bold.setBold(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for row in self.rows:
            group = groups.get(row.dimension)
            if group is None:
                covered = sum(1 for r in self.rows if r.dimension == row.dimension and r.status == "covered")
                total = sum(1 for r in self.rows if r.dimension == row.dimension)
                group = QTreeWidgetItem(self.tree, [row.dimension_name, f"{covered} of {total} functions covered"])
                group.setFirstColumnSpanned(False)
                for column in range(len(COLUMNS)):
                    group.setFont(column, bold)
                    group.setBackground(column, QBrush(QColor("#e8eaed")))
                group.setToolTip(0, catalog.dimension(row.dimension).description)
                groups[row.dimension] = group
            work = ", ".join(names.get(t, t) for t in row.tasks) or (
                "Assessment only: " + ", ".join(names.get(t, t) for t in row.assessed) if row.assessed else "—")
            holders = ", ".join(people.get(p, p) for p in row.holders)
            role_names = ", ".join(roles.get(r, r) for r in row.roles) or "—"
            if row.roles and plan.people:
                role_text = f"{role_names}: {holders}" if holders else f"{role_names}: nobody holds it"
            else:
                role_text = role_names + (" (asked for)" if row.asked else "")
            matrix = "; ".join(f"{fn}: {cells}" for fn, cells in row.matrix) or "—"
            status = {"covered": f"covered ({len(row.tasks)} task{'s' * (len(row.tasks) != 1)})",
                      "gap": "gap: no work covers it", "assessed only": "gap: only assessed",
                      "optional": "optional"}[row.status]
            item = QTreeWidgetItem(group, [row.name, work, role_text, matrix, status])
            item.setData(0, _TASK_ROLE, list(row.tasks or row.assessed))
            item.setToolTip(0, row.description + (f"\nThe source: {row.when}" if row.when else ""))
            counted = "\n".join(f"Work tagged {t}: {catalog.tag(t).description}" for t in
                                 next(f for d in catalog.dimensions for f in d.functions if f.id == row.function).tags)
            for column, text in ((1, f"{work}\n\n{counted}"), (2, role_text), (3, matrix.replace("; ", "\n"))):
                item.setToolTip(column, text)
            item.setToolTip(4, STATUSES[row.status])
            colour = _STATUS_COLOURS.get(row.status)
            if colour:
                item.setBackground(4, QBrush(QColor(colour)))
            if row.flagged:
                item.setFont(4, bold)
        self.tree.expandAll()
        flagged = [r for r in self.rows if r.flagged]
        covered = sum(1 for r in self.rows if r.status == "covered")
        text = f"<b>{covered} of {len(self.rows)} functions</b> of the four dimensions have work in the plan."
        if flagged:
            text += " No work covers: " + ", ".join(f"<b>{escape(r.name)}</b>" for r in flagged) + "."
        self.summary.setText(text)
        self.derived.setText("The dimensions and functions are the source's. Which work counts for a function, "
                             "the key roles beside it and its matrix rows are derived from the source, "
                             "not its words.")

    def select(self, item: QTreeWidgetItem) -> None:
        """Select the tasks of a function's row (a dimension's row: all of its functions' tasks)."""
        tasks = item.data(0, _TASK_ROLE)
        if tasks is None:  # a dimension
            tasks = [t for i in range(item.childCount()) for t in (item.child(i).data(0, _TASK_ROLE) or [])]
        if tasks:
            self.session.select_tasks(list(dict.fromkeys(tasks)))

    def function_item(self, function_id: str) -> QTreeWidgetItem | None:
        """The row of one function (for tests and the window)."""
        for i, row in enumerate(self.rows):
            if row.function == function_id:
                group_index = list(dict.fromkeys(r.dimension for r in self.rows)).index(row.dimension)
                group = self.tree.topLevelItem(group_index)
                position = [r.function for r in self.rows if r.dimension == row.dimension].index(function_id)
                return group.child(position)
        return None
