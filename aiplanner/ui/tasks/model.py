"""The task table as a Qt item model: phases, each with its tasks.

A thin adapter (STYLE.md): ``data`` reads the plan and the session's latest
schedule; ``setData`` parses the typed text and pushes an undo command.
A refused edit changes nothing and is announced by
:attr:`PlanSession.editRefused` (the window shows it).

The model keeps only the grouping (phase ids and the task ids of each
phase); after every document event it diffs that grouping against the plan
and emits precise row inserts, removals and moves, so views keep their
selection and expansion.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from aiplanner.model.errors import PlanError
from aiplanner.model.plan import Plan, Task
from aiplanner.ui.commands import EditPhaseCommand, EditTaskCommand
from aiplanner.ui.session import PlanSession, describe_error
from aiplanner.ui.tasks.columns import COLUMN_INDEX, COLUMNS, Column, edit_command, task_sort, task_text, task_tip

__all__ = ["Column", "COLUMNS", "COLUMN_INDEX", "TaskTreeModel", "TASK_ID_ROLE", "PHASE_ID_ROLE", "ROW_KEY_ROLE", "SORT_ROLE"]

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PHASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: ``("phase", id)`` or ``("task", id)``: the key the Gantt uses for the same row.
ROW_KEY_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4

_CRITICAL = QColor("#b3261e")
_PHASE_BG = QColor(0, 0, 0, 14)


class TaskTreeModel(QAbstractItemModel):
    """Phases (top level) and their tasks, with editable and computed columns."""

    def __init__(self, session: PlanSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._phases: list[str] = []
        self._groups: list[list[str]] = []
        self._tasks: dict[str, Task] = {}
        self._row_of: dict[str, tuple[int, int]] = {}
        self._load()
        session.documentReplaced.connect(self._reset)
        session.planChanged.connect(self._on_plan_changed)
        session.scheduleChanged.connect(self._on_schedule_changed)
        scenario_changed = getattr(session, "scenarioChanged", None)  # a ScenarioLens: another scenario shown
        if scenario_changed is not None:
            scenario_changed.connect(self._reset)

    # -- structure ----------------------------------------------------------
    def _plan(self) -> Plan | None:
        # ``session.plan``: through a ScenarioLens, the plan of the scenario shown.
        return self.session.plan if self.session.document else None

    def _grouping(self) -> tuple[list[str], list[list[str]]]:
        plan = self._plan()
        if plan is None:
            return [], []
        phases = [p.id for p in plan.phases]
        where = {pid: i for i, pid in enumerate(phases)}
        groups: list[list[str]] = [[] for _ in phases]
        for task in plan.tasks:
            if task.phase in where:
                groups[where[task.phase]].append(task.id)
        return phases, groups

    def _index_tasks(self) -> None:
        plan = self._plan()
        self._tasks = {t.id: t for t in plan.tasks} if plan else {}
        self._row_of = {tid: (p, r) for p, group in enumerate(self._groups) for r, tid in enumerate(group)}

    def _load(self) -> None:
        self._phases, self._groups = self._grouping()
        self._index_tasks()
        self._shown = self.session.schedule if self.session.document else None  # what the rows show

    def _reset(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _on_plan_changed(self, event) -> None:
        phases, groups = self._grouping()
        if phases != self._phases or event.kind == "plan_replaced":
            self._reset()
            return
        self._index_tasks()
        for p, new in enumerate(groups):
            self._sync_group(p, new)
        self._index_tasks()
        if event.kind in ("task_changed", "dependency_added", "dependency_removed"):
            for tid in event.tasks:
                if tid in self._row_of:
                    p, r = self._row_of[tid]
                    self.dataChanged.emit(self.index(r, 0, self.index(p, 0)),
                                          self.index(r, len(COLUMNS) - 1, self.index(p, 0)))
        elif event.kind.startswith("scenario_"):  # through a ScenarioLens: any cell may show an override
            for p, group in enumerate(self._groups):
                if group:
                    parent = self.index(p, 0)
                    self.dataChanged.emit(self.index(0, 0, parent), self.index(len(group) - 1, len(COLUMNS) - 1, parent))
        elif event.kind == "phase_changed":
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._phases) - 1, len(COLUMNS) - 1))

    def _sync_group(self, p: int, new: list[str]) -> None:
        """Turn the cached task ids of phase ``p`` into ``new`` with precise row signals."""
        current = self._groups[p]
        if current == new:
            return
        parent = self.index(p, 0)
        keep = set(new)
        for r in range(len(current) - 1, -1, -1):
            if current[r] not in keep:
                self.beginRemoveRows(parent, r, r)
                del current[r]
                self.endRemoveRows()
        present = set(current)
        for r, tid in enumerate(new):
            if tid not in present:
                self.beginInsertRows(parent, r, r)
                current.insert(r, tid)
                self.endInsertRows()
        for r, tid in enumerate(new):
            if current[r] != tid:
                j = current.index(tid, r)
                self.beginMoveRows(parent, j, j, parent, r)
                current.insert(r, current.pop(j))
                self.endMoveRows()

    def _on_schedule_changed(self) -> None:
        # Every column of each row whose times moved: besides the computed dates, a phase
        # row's length and the red name of a critical task follow the schedule too. A row
        # shows its task (plan changes are announced by _on_plan_changed) and its times, so
        # rows whose times are equal in both schedules show the same and are left alone:
        # one edit in a 1,000-task plan moves a handful, and announcing all of them cost
        # the view and the proxy about 60 ms an edit.
        old, new = self._shown, self.session.schedule
        self._shown = new
        if not self._phases:
            return
        if old is None or new is None or old is new:
            self._announce_rows(None, range(len(self._phases)))
            for p, group in enumerate(self._groups):
                self._announce_rows(p, range(len(group)))
            return
        self._announce_rows(None, [r for r, pid in enumerate(self._phases)
                                   if old.phases.get(pid) != new.phases.get(pid)])
        moved = new.tasks.changed_since(old.tasks) if hasattr(new.tasks, "changed_since") else None
        if moved is None:
            moved = [tid for tid in self._row_of if old.tasks.get(tid) != new.tasks.get(tid)]
        moved = set(moved).union(tid for tid in self._row_of if (tid in old.tasks) != (tid in new.tasks))
        for p, group in enumerate(self._groups):
            self._announce_rows(p, [r for r, tid in enumerate(group) if tid in moved])

    def _announce_rows(self, phase_row: int | None, rows) -> None:
        """``dataChanged`` over every column of ``rows`` (ascending) of a phase's tasks, or of
        the phase rows when ``phase_row`` is None: one signal per run of adjacent rows."""
        parent = QModelIndex() if phase_row is None else self.index(phase_row, 0)
        last = len(COLUMNS) - 1
        run_start = previous = None
        for r in [*rows, None]:
            if r is not None and previous is not None and r == previous + 1:
                previous = r
                continue
            if run_start is not None:
                self.dataChanged.emit(self.index(run_start, 0, parent), self.index(previous, last, parent))
            run_start = previous = r

    # -- look-ups -------------------------------------------------------------
    def task_id(self, index: QModelIndex) -> str | None:
        """Task id of a task row (None for phase rows)."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][index.row()]

    def phase_id(self, index: QModelIndex) -> str | None:
        """Phase id of a phase row, or of the phase a task row belongs to."""
        if not index.isValid():
            return None
        p = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._phases[p]

    def task_index(self, task_id: str, column: int = 0) -> QModelIndex:
        """Model index of a task (invalid when unknown)."""
        where = self._row_of.get(task_id)
        if where is None:
            return QModelIndex()
        return self.index(where[1], column, self.index(where[0], 0))

    def phase_index(self, phase_id: str, column: int = 0) -> QModelIndex:
        try:
            return self.index(self._phases.index(phase_id), column)
        except ValueError:
            return QModelIndex()

    def row_keys(self) -> list[tuple[str, str]]:
        """Every row in display order as ``("phase", id)`` / ``("task", id)`` (all expanded)."""
        keys: list[tuple[str, str]] = []
        for pid, group in zip(self._phases, self._groups):
            keys.append(("phase", pid))
            keys.extend(("task", tid) for tid in group)
        return keys

    # -- QAbstractItemModel -----------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._phases) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._groups):
            return QModelIndex()
        if row >= len(self._groups[parent.row()]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=QModelIndex()):  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._phases)
        if parent.internalId() == 0 and parent.column() == 0 and parent.row() < len(self._groups):
            return len(self._groups[parent.row()])
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section].tip
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = COLUMNS[index.column()]
        if index.internalId() == 0:
            return base | (Qt.ItemFlag.ItemIsEditable if column.key == "name" else Qt.ItemFlag.NoItemFlags)
        return base | (Qt.ItemFlag.ItemIsEditable if column.editable else Qt.ItemFlag.NoItemFlags)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = COLUMNS[index.column()].key
        if index.internalId() == 0:
            return self._phase_data(index.row(), key, role)
        tid = self._groups[index.internalId() - 1][index.row()]
        task = self._tasks.get(tid)
        if task is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return task_text(task, key, self._times(task.id))
        if role == SORT_ROLE:
            return task_sort(task, key, self._times(task.id))
        if role == TASK_ID_ROLE:
            return tid
        if role == PHASE_ID_ROLE:
            return task.phase
        if role == ROW_KEY_ROLE:
            return ("task", tid)
        times = self._times(tid)
        if role == Qt.ItemDataRole.ForegroundRole and times is not None:
            if times.critical and key in ("name", "start", "finish", "float", "critical"):
                return QBrush(_CRITICAL)
            if key == "finish" and times.deadline_late:
                return QBrush(_CRITICAL)
        if role == Qt.ItemDataRole.ToolTipRole:
            return task_tip(task, times)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("duration", "progress", "float"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[index.column()].title}: {task_text(task, key, self._times(task.id))}"
        return None

    def _times(self, tid: str):
        sched = self.session.schedule
        return sched.tasks.get(tid) if sched is not None else None

    def _phase_data(self, row: int, key: str, role: int) -> Any:
        plan = self._plan()
        if plan is None or row >= len(self._phases):
            return None
        pid = self._phases[row]
        phase = next((p for p in plan.phases if p.id == pid), None)
        if phase is None:
            return None
        sched = self.session.schedule
        span = sched.phases.get(pid) if sched else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if key == "name":
                return phase.name
            if span is None:
                return ""
            return {"duration": f"{span.duration}d", "start": span.start.isoformat(),
                    "finish": span.finish.isoformat()}.get(key, "")
        if role == SORT_ROLE:
            return row
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_PHASE_BG)
        if role == PHASE_ID_ROLE:
            return pid
        if role == ROW_KEY_ROLE:
            return ("phase", pid)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Phase {phase.name} ({len(self._groups[row])} tasks)"
        return None

    # -- editing --------------------------------------------------------------
    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._plan() is None:
            return False
        key = COLUMNS[index.column()].key
        text = "" if value is None else str(value)
        if index.internalId() == 0:
            if key != "name":
                return False
            pid = self._phases[index.row()]
            return self.session.try_push(EditPhaseCommand(self.session, pid, name=text.strip()))
        tid = self.task_id(index)
        task = self._tasks.get(tid) if tid else None
        if task is None:
            return False
        if task_text(task, key, self._times(task.id)) == text:
            return False  # nothing typed: not an edit, no undo step
        try:
            command = edit_command(self.session, task, key, text)
        except PlanError as exc:
            self.session.editRefused.emit(f"{task.name} ({task.id}): {describe_error(exc, self._plan())}")
            return False
        if isinstance(command, EditTaskCommand) and all(getattr(task, k) == v for k, v in command.fields.items()):
            return False  # same value typed differently ("2w" for 10d): not an edit
        return self.session.try_push(command)
