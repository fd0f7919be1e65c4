"""Qt table models of the people view: people, role assignments, weekly load.

Thin adapters (STYLE.md): ``data`` reads the session's plan, ``setData``
pushes one :class:`EditPlanCommand`, and the models reset on plan changes.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from aiplanner.model.plan import Assignment
from aiplanner.ui.views.plan_table import PlanTableModel

__all__ = ["PeopleModel", "AssignmentModel", "LoadModel", "load_colour", "short_role_names"]


class PeopleModel(PlanTableModel):
    """Name, capacity (FTE) and absences of each person; name and capacity are editable."""

    HEADERS = ("Id", "Name", "Capacity (FTE)", "Absences")

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.session.document is None else len(self.plan.people)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        person = self.plan.people[index.row()]
        col = index.column()
        if role in (Qt.DisplayRole, Qt.EditRole):
            if col == 0:
                return person.id
            if col == 1:
                return person.name
            if col == 2:
                return person.capacity if role == Qt.EditRole else f"{person.capacity:g}"
            return ", ".join(f"{a.start:%d %b}–{a.end:%d %b %Y}" for a in person.absences) or "—"
        if role == Qt.TextAlignmentRole and col == 2:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def flags(self, index):
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return flags | Qt.ItemIsEditable if index.column() in (1, 2) else flags

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or index.column() not in (1, 2):
            return False
        people = list(self.plan.people)
        person = people[index.row()]
        try:
            if index.column() == 1:
                update, label = {"name": str(value).strip()}, f"Rename {person.id}"
            else:
                update, label = {"capacity": float(value)}, f"Set capacity of {person.name}"
            people[index.row()] = type(person).model_validate({**person.model_dump(), **update})
        except (ValueError, TypeError) as exc:
            return self.refuse(f"{person.id}: {exc}".splitlines()[0])
        return self.push(label, people=people)


def short_role_names(roles) -> list[str]:
    """Role names for narrow column headers: a first word every name shares ("AI …") left out.

    >>> from types import SimpleNamespace as R
    >>> short_role_names([R(name="AI Product Manager"), R(name="AI Governance Lead")])
    ['Product Manager', 'Governance Lead']
    >>> short_role_names([R(name="AI Product Manager"), R(name="MLOps Engineer")])
    ['AI Product Manager', 'MLOps Engineer']
    """
    names = [r.name for r in roles]
    firsts = {n.split(" ", 1)[0] for n in names if " " in n}
    if len(names) > 1 and len(firsts) == 1 and all(" " in n for n in names):
        return [n.split(" ", 1)[1] for n in names]
    return names


class AssignmentModel(PlanTableModel):
    """People (rows) x roles (columns); a cell is the person's share of that role, blank if unassigned."""

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.session.document is None else len(self.plan.people)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.session.document is None else len(self.plan.roles)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            return short_role_names(self.plan.roles)[section] if orientation == Qt.Horizontal \
                else self.plan.people[section].name
        if role == Qt.ToolTipRole and orientation == Qt.Horizontal:
            role_ = self.plan.roles[section]
            return f"{role_.name}: {role_.description}" if role_.description else role_.name
        return None

    def share(self, person: str, role: str) -> float | None:
        for a in self.plan.assignments:
            if a.person == person and a.role == role:
                return a.share
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        share = self.share(self.plan.people[index.row()].id, self.plan.roles[index.column()].id)
        if role == Qt.DisplayRole:
            return "" if share is None else f"{share:.0%}"
        if role == Qt.EditRole:
            return "" if share is None else f"{share * 100:g}"
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.BackgroundRole and share is not None:
            return QColor(91, 141, 239, int(40 + 120 * share))
        return None

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsEditable

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        """Set a share in percent ("60", "60%" or "0.6"); blank or 0 removes the assignment."""
        if role != Qt.EditRole or not index.isValid():
            return False
        person = self.plan.people[index.row()]
        role_ = self.plan.roles[index.column()]
        text = str(value).strip().rstrip("%").strip()
        try:
            share = float(text) if text else 0.0
        except ValueError:
            return self.refuse(f"share must be a percentage, not {value!r}")
        if share > 1.0 or str(value).strip().endswith("%"):
            share /= 100.0
        if not 0 <= share <= 1:
            return self.refuse(f"share must be between 0% and 100%, not {value!r}")
        return self.assign(person.id, role_.id, share)

    def assign(self, person: str, role: str, share: float) -> bool:
        """Give ``person`` ``share`` (0..1) of ``role``; 0 unassigns. One undoable edit."""
        rest = [a for a in self.plan.assignments if not (a.person == person and a.role == role)]
        old = self.share(person, role)
        if share <= 0:
            if old is None:
                return False
            return self.push(f"Unassign {person} from {role}", assignments=rest)
        if old is not None and abs(old - share) < 1e-9:
            return False
        new = Assignment(person=person, role=role, share=round(share, 4))
        return self.push(f"Assign {person} to {role} ({share:.0%})", assignments=rest + [new])


def load_colour(ratio: float, over: bool) -> QColor:
    """Heat-map colour: pale to deep blue up to capacity, red when over."""
    if over:
        strength = min(1.0, 0.45 + (ratio - 1.0))
        return QColor(220, 60, 50, int(110 + 145 * strength))
    if ratio <= 0:
        return QColor("#ffffff")
    return QColor(60, 110, 210, int(25 + 150 * min(ratio, 1.0)))


class LoadModel(QAbstractTableModel):
    """Person x week utilisation from :func:`aiplanner.schedule.load.compute_load`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table = None
        self.by = "person"
        self.names: list[str] = []
        self.over_tasks: dict[tuple[int, int], tuple[str, ...]] = {}

    def set_load(self, load, names: dict[str, str], by: str = "person") -> None:
        """Show ``load`` per person (or per role: demand against the holders' capacity) per week."""
        self.beginResetModel()
        self.by = by
        self.table = load.table(by, "week") if load is not None else None
        self.names = [names.get(p, p) for p in self.table.ids] if self.table is not None else []
        self.over_tasks = {}
        if load is not None and by == "person":
            col_of = {m: j for j, m in enumerate(self.table.periods)}
            row_of = {p: i for i, p in enumerate(self.table.ids)}
            for run in load.over_allocations():
                for week in run.weeks:
                    key = (row_of[run.person], col_of[week])
                    self.over_tasks[key] = tuple(dict.fromkeys(self.over_tasks.get(key, ()) + run.tasks))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.periods)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if self.table is None:
            return None
        if role == Qt.DisplayRole:
            if orientation == Qt.Vertical:
                return self.names[section]
            monday = self.table.periods[section]
            return f"{monday.day} {monday:%b}" if section == 0 or monday.month != self.table.periods[section - 1].month \
                else f"{monday.day}"
        if role == Qt.ToolTipRole and orientation == Qt.Horizontal:
            return f"Week of {self.table.periods[section]:%d %b %Y}"
        return None

    def ratio(self, row: int, col: int) -> float:
        load, cap = float(self.table.load[row, col]), float(self.table.capacity[row, col])
        return load / cap if cap > 0 else (float("inf") if load > 0 else 0.0)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        r, c = index.row(), index.column()
        over = bool(self.table.over[r, c])
        away = float(self.table.capacity[r, c]) <= 0
        if role == Qt.DisplayRole:
            ratio = self.ratio(r, c)
            if ratio == float("inf"):
                # Work lands where nobody can take it: an absent person, or a role nobody holds.
                return "away!" if self.by == "person" else f"{float(self.table.load[r, c]):.1f} d"
            if away and ratio == 0:
                return "away" if self.by == "person" else ""
            return "" if ratio == 0 else f"{ratio * 100:.0f}%"
        if role == Qt.BackgroundRole:
            if away and not over:
                return QColor("#e5e7eb")
            return load_colour(min(self.ratio(r, c), 3.0), over)
        if role == Qt.ForegroundRole:
            return QColor("#ffffff") if over else (QColor("#6b7280") if away else QColor("#1f2a37"))
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.ToolTipRole:
            text = (f"{self.names[r]}, week of {self.table.periods[c]:%d %b %Y}: "
                    f"{float(self.table.load[r, c]):.1f} of {float(self.table.capacity[r, c]):.1f} person-days")
            if self.by == "role" and float(self.table.capacity[r, c]) <= 0 < float(self.table.load[r, c]):
                text += "\nNobody holds this role this week"
            tasks = self.over_tasks.get((r, c))
            if over and tasks:
                text += "\nOver capacity because of: " + ", ".join(tasks)
            return text
        return None
