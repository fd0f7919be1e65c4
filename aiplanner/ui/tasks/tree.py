"""The task tree: a spreadsheet-like view of phases and tasks.

Keys (while the tree has focus): Enter/F2 or typing edits a cell (Enter
on a task's name opens the task editor), Tab moves to the next cell,
Delete removes the selected tasks, Insert adds a task below, Ctrl+Up/Down
moves a task within its phase, Alt+Shift+Left/Right moves it to the
previous/next phase. Every edit is one undo step. Left/Right on a phase
row collapse/expand it (see :mod:`aiplanner.ui.tasks.folding`).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTreeView,
)

from aiplanner.model.plan import Task
from aiplanner.ui.commands import AddTaskCommand, MoveTaskCommand, RemoveTaskCommand
from aiplanner.ui.session import PlanSession
from aiplanner.ui.tasks.columns import task_text
from aiplanner.ui.tasks.model import COLUMN_INDEX, COLUMNS, ROW_KEY_ROLE, TaskTreeModel
from aiplanner.ui.tasks.proxy import TaskFilterProxy
from aiplanner.ui.tasks.folding import PhaseFoldingMixin

__all__ = ["TaskTreeView"]

#: Width limits of the columns fitted to their text (pixels): a long name is cut, an id never.
_FIT = {"name": (260, 330), "id": (40, 200), "estimate": (70, 170), "predecessors": (110, 240),
        "demands": (120, 260)}
#: Sample text that sets a column's width (plus the header's own title).
_SAMPLE = {"start": "2026-05-04", "finish": "2026-05-04", "not_before": "2026-05-04", "deadline": "2026-05-04",
           "progress": "100%", "duration": "999d", "float": "-99d", "critical": "yes"}


class _RowDelegate(QStyledItemDelegate):
    """Every row has the same height, so the Gantt beside the tree can line up."""

    def __init__(self, view: "TaskTreeView") -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option, index) -> QSize:
        # Measuring the text is not needed: columns have set widths, rows one height.
        return QSize(option.rect.width(), self._view.row_height())


class TaskTreeView(PhaseFoldingMixin, QTreeView):
    """Phases and tasks over a :class:`TaskFilterProxy` of a :class:`TaskTreeModel`."""

    #: A task's editor was asked for (double-click or Enter on its name).
    openTaskEditor = Signal(str)
    #: The visible rows changed (order, filter, expansion): the Gantt re-reads them.
    rowsChanged = Signal()
    #: The collapsed phases changed: their ids, sorted.
    foldingChanged = Signal(list)
    #: A note for the status bar (an action that needs a selection, say).
    message = Signal(str)

    def __init__(self, session: PlanSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.source = TaskTreeModel(session, self)
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.source)
        self.setModel(self.proxy)
        self.setItemDelegate(_RowDelegate(self))
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setTabKeyNavigation(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # The Gantt's scroll bar scrolls both (they share the position); the wheel still works here.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Like the Gantt's: both viewports keep the same height, so the last rows line up too.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setAllColumnsShowFocus(False)
        self._init_folding()  # phases collapse; the Gantt beside the tree follows
        self.setAccessibleName("Task table")
        header = self.header()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._user_widths = False  # once the user sets a width, opening a plan keeps it
        self._fitting = False
        header.sectionResized.connect(self._width_set)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.fit_columns()
        self._row_height = max(22, self.fontMetrics().height() + 8)
        self._syncing = False
        self.proxy.modelReset.connect(self._after_reset)
        self.proxy.layoutChanged.connect(self.rowsChanged)
        self.proxy.rowsInserted.connect(self._after_insert)
        self.proxy.rowsRemoved.connect(self.rowsChanged)
        self.proxy.rowsMoved.connect(self.rowsChanged)
        self.selectionModel().selectionChanged.connect(self._selection_to_session)
        session.selectionChanged.connect(self._selection_from_session)
        self._make_actions()
        self._apply_folding()

    # -- geometry shared with the Gantt ------------------------------------------
    def row_height(self) -> int:
        return self._row_height

    def visible_row_keys(self) -> list[tuple[str, str]]:
        """Row keys of the rows on screen from top to bottom (collapsed phases hide their tasks)."""
        keys = []
        for p in range(self.proxy.rowCount()):
            phase = self.proxy.index(p, 0)
            keys.append(phase.data(ROW_KEY_ROLE))
            if self.isExpanded(phase):
                keys.extend(self.proxy.index(r, 0, phase).data(ROW_KEY_ROLE)
                            for r in range(self.proxy.rowCount(phase)))
        return keys

    def _after_reset(self) -> None:
        self._apply_folding()
        if not self._user_widths:
            self.fit_columns()
        self.rowsChanged.emit()

    # -- columns ---------------------------------------------------------------------
    def fit_columns(self) -> None:
        """Widths from the text: dates and numbers exactly, ids whole, names up to a limit."""
        metrics = self.fontMetrics()
        header = self.header()
        plan = self.session.plan if self.session.document is not None else None
        pad = 18
        self._fitting = True
        try:
            for i, column in enumerate(COLUMNS):
                title = metrics.horizontalAdvance(column.title) + pad + 8
                if column.key in _SAMPLE:
                    width = max(title, metrics.horizontalAdvance(_SAMPLE[column.key]) + pad)
                else:
                    low, high = _FIT[column.key]
                    texts = [task_text(t, column.key, None) for t in plan.tasks] if plan is not None else []
                    widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
                    indent = self.indentation() + 12 if column.key == "name" else 0
                    width = min(max(low, title, widest + pad + indent), high)
                header.resizeSection(i, width)
        finally:
            self._fitting = False

    def column_menu(self):
        """Show or hide columns (the task name always shows); fit the widths to the text again."""
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        header = self.header()
        for i, column in enumerate(COLUMNS):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(column.key != "name")
            action.toggled.connect(lambda on, i=i: header.setSectionHidden(i, not on))
        menu.addSeparator()
        menu.addAction("Fit column widths to their text", self._refit)
        return menu

    def _column_menu(self, pos) -> None:
        self.column_menu().exec(self.header().mapToGlobal(pos))

    def _refit(self) -> None:
        self._user_widths = False
        self.fit_columns()

    def _width_set(self, *_args) -> None:
        if not self._fitting:
            self._user_widths = True

    def restore_header(self, state) -> bool:
        """Column order, widths and hidden columns as the user left them (False: not restored)."""
        if not self.header().restoreState(state):
            return False
        self._user_widths = True
        return True

    def _after_insert(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            self._apply_folding(first, last)
        self.rowsChanged.emit()

    # -- mapping -----------------------------------------------------------------
    def task_at(self, index: QModelIndex) -> str | None:
        return self.source.task_id(self.proxy.mapToSource(index)) if index.isValid() else None

    def selected_task_ids(self) -> list[str]:
        rows = self.selectionModel().selectedRows(0)
        ids = [self.task_at(i) for i in sorted(rows, key=lambda i: self.visualRect(i).top())]
        return [i for i in ids if i]

    def current_task_id(self) -> str | None:
        return self.task_at(self.currentIndex())

    def select_tasks(self, task_ids: list[str]) -> None:
        """Select exactly ``task_ids`` (the first becomes current)."""
        self.session.select_tasks(list(task_ids))
        self._selection_from_session(list(task_ids))

    def select_phase(self, phase_id: str) -> None:
        """Make a phase's row current (Insert then adds a task to that phase)."""
        index = self.proxy.mapFromSource(self.source.phase_index(phase_id))
        if index.isValid():
            self.setCurrentIndex(index)

    def context_menu_at(self, index):
        """The right-click menu of the row at ``index`` (None outside the rows)."""
        from aiplanner.ui.tasks.context_menu import build_context_menu

        if not index.isValid() or self.session.document is None:
            return None
        task = self.task_at(index)
        phase = None if task else self.source.phase_id(self.proxy.mapToSource(index))
        return build_context_menu(self, task, phase)

    def mousePressEvent(self, event) -> None:
        # A right-click on a row outside the selection keeps the selection (to link to it).
        if event.button() == Qt.MouseButton.RightButton:
            index = self.indexAt(event.position().toPoint())
            if index.isValid() and self.task_at(index) and self.selected_task_ids() \
                    and self.task_at(index) not in self.selected_task_ids():
                event.accept()
                return
        super().mousePressEvent(event)

    def contextMenuEvent(self, event) -> None:
        menu = self.context_menu_at(self.indexAt(event.pos()))
        if menu is not None:
            menu.exec(event.globalPos())

    def select_task(self, task_id: str, column: int = 0) -> None:
        """Make ``task_id`` the current, selected row (shown, scrolled to)."""
        self.reveal_tasks([task_id])
        index = self.proxy.mapFromSource(self.source.task_index(task_id, column))
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    # -- selection sync -----------------------------------------------------------
    def _selection_to_session(self, *_args) -> None:
        if not self._syncing:
            self._syncing = True
            try:
                self.session.select_tasks(self.selected_task_ids())
            finally:
                self._syncing = False

    def _selection_from_session(self, ids: list) -> None:
        if self._syncing or ids == self.selected_task_ids():
            return
        self._syncing = True
        try:
            self.reveal_tasks(ids)  # chosen elsewhere inside a collapsed phase: show it
            selection = self.selectionModel()
            selection.clearSelection()
            for n, tid in enumerate(ids):
                index = self.proxy.mapFromSource(self.source.task_index(tid))
                if not index.isValid():
                    continue
                flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
                if n == 0:
                    selection.setCurrentIndex(index, flags)
                    self.scrollTo(index)
                else:
                    selection.select(index, flags)
        finally:
            self._syncing = False

    # -- editing ------------------------------------------------------------------
    def edit(self, index, trigger, event):  # type: ignore[override]
        # Only the 3-argument (virtual) form is overridden: Qt's edit(index) calls it.
        if (trigger == QAbstractItemView.EditTrigger.DoubleClicked and index.isValid()
                and index.column() == COLUMN_INDEX["name"] and self.task_at(index)):
            self.openTaskEditor.emit(self.task_at(index))
            return False
        return super().edit(index, trigger, event)

    def closeEditor(self, editor, hint) -> None:  # type: ignore[override]
        """Tab / Shift+Tab in an editor: commit, then edit the next / previous editable cell
        of the row, wrapping to the next / previous task (as a spreadsheet does)."""
        Hint = QAbstractItemDelegate.EndEditHint
        if hint not in (Hint.EditNextItem, Hint.EditPreviousItem):
            super().closeEditor(editor, hint)
            return
        current = QPersistentModelIndex(self.currentIndex())
        super().closeEditor(editor, Hint.NoHint)
        target = self._neighbour_cell(QModelIndex(current), +1 if hint == Hint.EditNextItem else -1)
        if target.isValid():
            self.setCurrentIndex(target)
            QTreeView.edit(self, target)

    def _neighbour_cell(self, index: QModelIndex, step: int) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        editable = [i for i, c in enumerate(COLUMNS) if c.editable]
        header = self.header()
        order = sorted(editable, key=header.visualIndex)
        pos = order.index(index.column()) if index.column() in order else -1
        if 0 <= pos + step < len(order):
            return index.siblingAtColumn(order[pos + step])
        row = self.indexBelow(index) if step > 0 else self.indexAbove(index)
        while row.isValid() and self.task_at(row) is None:  # skip phase rows
            row = self.indexBelow(row) if step > 0 else self.indexAbove(row)
        if not row.isValid():
            return QModelIndex()
        return row.siblingAtColumn(order[0] if step > 0 else order[-1])

    def keyPressEvent(self, event) -> None:
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            if index.isValid() and index.column() == COLUMN_INDEX["name"] and self.task_at(index):
                self.openTaskEditor.emit(self.task_at(index))
            elif index.isValid():
                self.edit(index, QAbstractItemView.EditTrigger.EditKeyPressed, event)
            return
        if self.state() != QAbstractItemView.State.EditingState and self._fold_key(event):
            return
        super().keyPressEvent(event)

    def _action(self, text: str, keys, slot, tip: str = "") -> QAction:
        def run(_checked: bool = False) -> None:
            # While a cell editor is open its keys belong to the editor (Insert, Ctrl+arrows ...).
            if self.state() != QAbstractItemView.State.EditingState:
                slot()

        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setStatusTip(tip or text)
        action.triggered.connect(run)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.insert_action = self._action("&Insert task", ["Insert", "Ctrl+I"], self.insert_task,
                                          "Add a task below the current one")
        self.delete_action = self._action("&Delete task", ["Delete"], self.delete_selected,
                                          "Delete the selected tasks and their links")
        self.up_action = self._action("Move task &up", ["Ctrl+Up"], lambda: self.move_current(-1))
        self.down_action = self._action("Move task do&wn", ["Ctrl+Down"], lambda: self.move_current(+1))
        self.outdent_action = self._action("Move to &previous phase", ["Alt+Shift+Left"],
                                           lambda: self.change_phase(-1), "Outdent: move to the previous phase")
        self.indent_action = self._action("Move to &next phase", ["Alt+Shift+Right"],
                                          lambda: self.change_phase(+1), "Indent: move to the next phase")
        self.link_action = self._action("&Link selected tasks", ["Ctrl+F2"], self.link_selected,
                                        "Link the selected tasks one after the other (finish-to-start)")
        self.unlink_action = self._action("Unlin&k selected tasks", ["Ctrl+Shift+F2"], self.unlink_selected,
                                          "Remove the links between the selected tasks")
        for action in (self.link_action, self.unlink_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # also with the Gantt focused

    def task_actions(self) -> list[QAction]:
        return [self.insert_action, self.delete_action, self.up_action, self.down_action,
                self.outdent_action, self.indent_action]

    def link_actions(self) -> list[QAction]:
        return [self.link_action, self.unlink_action]

    def link_selected(self) -> int:
        """Chain the selected tasks finish-to-start (one undo step); the number of links added."""
        from aiplanner.ui.tasks.linking import link_tasks

        return self._linking(link_tasks, "Linked {n} tasks one after the other")

    def unlink_selected(self) -> int:
        from aiplanner.ui.tasks.linking import unlink_tasks

        return self._linking(unlink_tasks, "Removed {n} links")

    def _linking(self, edit, done: str) -> int:
        from aiplanner.model.errors import DependencyCycleError, PlanError
        from aiplanner.ui.session import describe_error

        ids = self.selected_task_ids() or list(self.session.selection)
        try:
            count = edit(self.session, ids)
        except DependencyCycleError as exc:
            self.session.editRefused.emit(describe_error(exc, self.session.plan))
            return 0
        except PlanError as exc:
            self.message.emit(str(exc))
            return 0
        self.message.emit(done.format(n=count if "links" in done else len(ids)))
        return count

    def _new_task_id(self, phase: str) -> str:
        ids = set(self.session.plan.task_index())
        stem = re.sub(r"[^A-Za-z0-9]", "", phase)[:1].lower() or "t"
        n = 1
        while f"{stem}{n}" in ids:
            n += 1
        return f"{stem}{n}"

    def insert_task(self) -> str | None:
        """Add a 5-day task below the current row (or first in the current phase); start editing its name."""
        if self.session.document is None or not self.session.plan.phases:
            return None
        source = self.proxy.mapToSource(self.currentIndex())
        phase = self.source.phase_id(source) or self.session.plan.phases[0].id
        current = self.source.task_id(source)
        tasks = self.session.plan.tasks
        if current:
            index = next(i for i, t in enumerate(tasks) if t.id == current) + 1
        else:
            firsts = [i for i, t in enumerate(tasks) if t.phase == phase]
            index = firsts[0] if firsts else len(tasks)
        task = Task(id=self._new_task_id(phase), name="New task", phase=phase, duration=5)
        if not self.session.try_push(AddTaskCommand(self.session, task, index)):
            return None
        self.select_task(task.id)
        QTreeView.edit(self, self.currentIndex())
        return task.id

    def delete_selected(self) -> None:
        """Remove the selected tasks as one undo step."""
        ids = self.selected_task_ids() or ([self.current_task_id()] if self.current_task_id() else [])
        if not ids:
            return
        stack = self.session.undo_stack
        stack.beginMacro(f"Delete {len(ids)} tasks" if len(ids) > 1 else f"Delete task {ids[0]}")
        try:
            for tid in ids:
                self.session.try_push(RemoveTaskCommand(self.session, tid))
        finally:
            stack.endMacro()

    def plan_order(self) -> None:
        """Drop any column sort: tasks in the plan's order (what moves change)."""
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def move_current(self, step: int) -> None:
        """Swap the current task with its neighbour in the same phase (shown in plan order)."""
        tid = self.current_task_id()
        if tid is None:
            return
        if self.header().sortIndicatorSection() >= 0:
            self.plan_order()  # a move is only visible in plan order
        plan = self.session.plan
        task = plan.task(tid)
        siblings = [t.id for t in plan.tasks if t.phase == task.phase]
        pos = siblings.index(tid) + step
        if not 0 <= pos < len(siblings):
            return
        target = next(i for i, t in enumerate(plan.tasks) if t.id == siblings[pos])
        self.session.try_push(MoveTaskCommand(self.session, tid, target))
        self.select_task(tid, self.currentIndex().column())

    def change_phase(self, step: int) -> None:
        """Move the current task to the end (step -1) or start (step +1) of the neighbouring phase."""
        tid = self.current_task_id()
        if tid is None:
            return
        plan = self.session.plan
        phases = [p.id for p in plan.phases]
        p = phases.index(plan.task(tid).phase) + step
        if not 0 <= p < len(phases):
            return
        rest = [t for t in plan.tasks if t.id != tid]
        members = [i for i, t in enumerate(rest) if t.phase == phases[p]]
        if step < 0:
            index = members[-1] + 1 if members else len(rest)
        else:
            index = members[0] if members else len(rest)
        self.session.try_push(MoveTaskCommand(self.session, tid, index, phase=phases[p]))
        self.select_task(tid)
