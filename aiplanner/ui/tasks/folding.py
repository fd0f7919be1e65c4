"""Collapsible phases of the task tree (a mixin of :class:`~aiplanner.ui.tasks.tree.TaskTreeView`).

The tree keeps the ids of the phases the user collapsed, not Qt's expansion
flags: Qt forgets those whenever a row is removed and inserted again (a
filter, an undo that replaces the plan, another scenario shown), so after
every reset or insertion the flags are set again from the ids. A phase id
stays collapsed while the phase is filtered out or empty, and comes back
collapsed.

Phase rows fold with the branch arrow, Left / Right on the row, or a
double-click on one of the row's read-only cells (its name cell edits the
name). A task that gets selected (in the tree, the Gantt, the findings or any
other view) inside a collapsed phase expands that phase, so the selection
is always in sight. Collapsing a phase deselects its tasks (Delete never
removes a task nobody sees) and, when it holds the current row, makes the
phase row current, as MS Project does.

The host declares the signals ``rowsChanged()`` (visible rows changed) and
``foldingChanged(list)`` (the collapsed phase ids, sorted) and calls
:meth:`_init_folding` once its model is set.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt

from aiplanner.ui.tasks.model import COLUMN_INDEX, PHASE_ID_ROLE, ROW_KEY_ROLE

__all__ = ["PhaseFoldingMixin"]


class PhaseFoldingMixin:
    """Phase rows collapse and expand; the set of collapsed phases survives resets."""

    def _init_folding(self) -> None:
        self._folded: set[str] = set()
        self._applying = False
        # Row keys change only when the proxy's rows do, not when a phase folds; connected
        # before the host's own handlers, so the cache is dropped before they re-read it.
        self._keys: list[tuple[str, str]] | None = None
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved, self.proxy.rowsMoved):
            signal.connect(self._drop_keys)
        self.setItemsExpandable(True)
        self.setRootIsDecorated(True)
        self.expanded.connect(lambda index: self._user_folded(index, False))
        self.collapsed.connect(lambda index: self._user_folded(index, True))

    # -- state ------------------------------------------------------------------------
    def folded_phases(self) -> frozenset[str]:
        """Ids of the phases shown collapsed (including ones not on screen now)."""
        return frozenset(self._folded)

    def set_folded_phases(self, phase_ids: Iterable[str]) -> None:
        """Collapse exactly ``phase_ids`` (any others expand); one row update for the Gantt."""
        folded = set(phase_ids)
        if folded == self._folded:
            return
        self._folded = folded
        self._apply_folding()
        self._folding_done()

    def set_phase_expanded(self, phase_id: str, expanded: bool) -> None:
        """Expand or collapse one phase."""
        self.set_folded_phases(self._folded - {phase_id} if expanded else self._folded | {phase_id})

    def expand_all_phases(self) -> None:
        self.set_folded_phases(())

    def collapse_all_phases(self) -> None:
        """Collapse every phase of the plan (also those the filter hides now)."""
        plan = self.session.plan if self.session.document is not None else None
        self.set_folded_phases([p.id for p in plan.phases] if plan is not None else [])

    def reveal_tasks(self, task_ids: Iterable[str]) -> None:
        """Expand the phases that hold ``task_ids``, so their rows are on screen."""
        if not self._folded or self.session.document is None:
            return
        index = self.session.plan.task_index()
        phases = {index[t].phase for t in task_ids if t in index}
        if phases & self._folded:
            self.set_folded_phases(self._folded - phases)

    def all_row_keys(self) -> list[tuple[str, str]]:
        """Every row of the tree in display order, tasks of collapsed phases included."""
        if self._keys is None:
            keys = []
            proxy = self.proxy
            for p in range(proxy.rowCount()):
                phase = proxy.index(p, 0)
                keys.append(phase.data(ROW_KEY_ROLE))
                keys.extend(proxy.index(r, 0, phase).data(ROW_KEY_ROLE) for r in range(proxy.rowCount(phase)))
            self._keys = keys
        return list(self._keys)

    def _drop_keys(self, *_args) -> None:
        self._keys = None

    # -- Qt's expansion flags from the ids -------------------------------------------------
    def _apply_folding(self, first: int = 0, last: int | None = None) -> None:
        """Set the expansion of phase rows ``first .. last`` from :meth:`folded_phases`."""
        proxy = self.proxy
        last = proxy.rowCount() - 1 if last is None else last
        self._applying = True
        try:
            for p in range(first, last + 1):
                index = proxy.index(p, 0)
                expanded = index.data(PHASE_ID_ROLE) not in self._folded
                if self.isExpanded(index) != expanded:
                    self.setExpanded(index, expanded)
                    if not expanded:
                        self._selection_out_of(index)
        finally:
            self._applying = False

    def _user_folded(self, index: QModelIndex, folded: bool) -> None:
        """The branch arrow, a key or a double-click changed a phase row."""
        if self._applying or not index.isValid() or index.parent().isValid():
            return
        pid = index.data(PHASE_ID_ROLE)
        if pid is None or (pid in self._folded) == folded:
            return
        if folded:
            self._folded.add(pid)
            self._selection_out_of(index)
        else:
            self._folded.discard(pid)
        self._folding_done()

    def _folding_done(self) -> None:
        self.foldingChanged.emit(sorted(self._folded))
        self.rowsChanged.emit()

    def _selection_out_of(self, phase: QModelIndex) -> None:
        """Deselect the tasks of a collapsed phase; if one is current, the phase row becomes current."""
        selection = self.selectionModel()
        rows = self.proxy.rowCount(phase)
        if rows and selection.hasSelection():
            hidden = QItemSelection(self.proxy.index(0, 0, phase),
                                    self.proxy.index(rows - 1, self.proxy.columnCount() - 1, phase))
            selection.select(hidden, QItemSelectionModel.SelectionFlag.Deselect)
        current = self.currentIndex()
        if current.isValid() and current.parent().isValid() and current.parent().row() == phase.row():
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.selectionModel().setCurrentIndex(phase.siblingAtColumn(current.column()), flags)

    def _fold_key(self, event) -> bool:
        """Left / Right on a phase row collapse / expand it; True when the key was used."""
        index = self.currentIndex()
        if (event.key() not in (Qt.Key.Key_Left, Qt.Key.Key_Right) or event.modifiers()
                or not index.isValid() or index.parent().isValid()):
            return False
        first = index.siblingAtColumn(0)
        expand = event.key() == Qt.Key.Key_Right
        if self.isExpanded(first) == expand:
            return False  # already so: the arrow moves between cells as usual
        self.setExpanded(first, expand)
        return True

    def mouseDoubleClickEvent(self, event) -> None:
        # Qt toggles a row on a double-click only in the first column, where a phase's
        # name is edited instead; the phase's other cells are read-only: they toggle.
        index = self.indexAt(event.position().toPoint())
        if (index.isValid() and not index.parent().isValid() and index.column() != COLUMN_INDEX["name"]
                and event.button() == Qt.MouseButton.LeftButton):
            first = index.siblingAtColumn(0)
            self.setExpanded(first, not self.isExpanded(first))
            return
        super().mouseDoubleClickEvent(event)
