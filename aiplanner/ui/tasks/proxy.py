"""Sorting and filtering of the task tree that keep the phase grouping.

Tasks sort within their phase; phases always stay in plan order whatever
the sort column or direction. A filter hides tasks, and a phase stays
visible while any of its tasks does.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from aiplanner.ui.tasks.model import SORT_ROLE, TaskTreeModel

__all__ = ["TaskFilterProxy"]


class TaskFilterProxy(QSortFilterProxyModel):
    """Filter by text (name, id, roles, tags) and optionally critical tasks only."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)
        self._text = ""
        self._critical_only = False

    # -- filter settings ------------------------------------------------------
    @property
    def filter_text(self) -> str:
        return self._text

    def set_filter_text(self, text: str) -> None:
        """Show only tasks whose name, id, roles or tags contain ``text`` (any case)."""
        self._begin()
        self._text = text.strip().lower()
        self._end()

    @property
    def critical_only(self) -> bool:
        return self._critical_only

    def set_critical_only(self, on: bool) -> None:
        self._begin()
        self._critical_only = bool(on)
        self._end()

    def _begin(self) -> None:
        # Qt >= 6.9 replaces invalidateFilter() with begin/endFilterChange().
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def is_filtering(self) -> bool:
        return bool(self._text) or self._critical_only

    # -- QSortFilterProxyModel ----------------------------------------------------
    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, TaskTreeModel):
            return True
        if not source_parent.isValid():
            # A phase is shown through its tasks (recursive filtering accepts it
            # when a child is accepted); an empty phase has no row in the Gantt either.
            if self.is_filtering():
                return False
            return model.rowCount(model.index(source_row, 0)) > 0
        index = model.index(source_row, 0, source_parent)
        tid = model.task_id(index)
        if tid is None:
            return False
        task = model._tasks.get(tid)
        if task is None:
            return False
        if self._critical_only:
            sched = model.session.schedule
            times = sched.tasks.get(tid) if sched else None
            if times is None or not times.critical:
                return False
        if self._text:
            haystack = " ".join([task.name, task.id, *(d.role for d in task.demands), *task.tags]).lower()
            if self._text not in haystack:
                return False
        return True

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        if not left.parent().isValid():
            # Phases keep plan order: undo the reversal Qt applies for descending sorts.
            before = left.row() < right.row()
            return before if self.sortOrder() == Qt.SortOrder.AscendingOrder else not before
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a == b:
            return left.row() < right.row()
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def unsort(self) -> None:
        """Back to plan order."""
        self.sort(-1)
