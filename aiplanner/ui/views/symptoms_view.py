"""The Assessment's symptom checklist: the source's six symptoms of misalignment, answered for this organisation.

Hosting: ``SymptomsView(session, parent)`` in a dock or tab (connect
``message(str)`` to the status bar). One row per symptom: its name (the
source's description as a tooltip), the answer (Yes, Partly, No, or not
answered), a note, the checks the answer weighs on and the work in the
plan that addresses it. An answer or note is one :class:`EditPlanCommand`
on the plan's ``symptoms``; the findings re-run and an answer raises
(yes) or lowers (no) the findings it bears on (:mod:`aiplanner.checks.answers`).
The checklist belongs to the plan: while a scenario is shown it is
read-only and says so.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QStyledItemDelegate, QTableView, QVBoxLayout, QWidget

from aiplanner.ui.first_paint import after_first_paint, waiting_for_paint
from aiplanner.ui.views.plan_table import PlanTableModel
from aiplanner.ui.views.scenario_note import ScenarioNote, shown_scenario

__all__ = ["SymptomsModel", "SymptomsView", "COLUMNS", "NOT_ANSWERED"]

COLUMNS = ("Symptom", "Found?", "Note", "Weighs on", "Addressed by")
ANSWER, NOTE = 1, 2
#: How the checklist shows a symptom nobody has answered yet.
NOT_ANSWERED = "—"
_ANSWER_COLOURS = {"yes": "#fde2e1", "partly": "#fff1cc", "no": "#e6f4ea"}


class SymptomsModel(PlanTableModel):
    """The six symptoms; the answer and note columns edit the plan's checklist."""

    def __init__(self, session, parent=None) -> None:
        self._catalog = None
        self._addressed: dict[str, list[str]] | None = None
        #: Asked before the catalogue is first read: True holds the rows back (the window has not
        #: painted yet; the view resets the model once it has). None: never hold back.
        self.held = None
        super().__init__(session, parent)

    @property
    def catalog(self):
        """The catalogue, read when the checklist is first needed (not while the window starts)."""
        if self._catalog is None:
            from aiplanner.catalog import load_catalog

            self._catalog = load_catalog()
        return self._catalog

    def reset(self) -> None:
        self._addressed = None  # the plan changed: read the work again on the next paint
        super().reset()

    def symptoms(self):
        return self.catalog.symptoms

    def answers(self) -> dict:
        if self.session.document is None:
            return {}
        return {a.symptom: a for a in self.session.plan.symptoms}

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() or self.session.document is None:
            return 0
        if self._catalog is None and self.held is not None and self.held():
            return 0
        return len(self.symptoms())

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section]
        return None

    def _weighs_on(self, symptom) -> str:
        from aiplanner.checks import RULES

        return ", ".join(RULES[r].title if r in RULES else r for r in symptom.bears_on) or "—"

    def _addressed_by(self, symptom) -> list[str]:
        if self._addressed is None:
            from aiplanner.checks.kinds import TaskKinds

            kinds = TaskKinds(self.session.plan, self.catalog)
            self._addressed = {s.id: kinds.ids(*s.tags) for s in self.symptoms()}
        return self._addressed[symptom.id]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        from aiplanner.checks.answers import ANSWERS

        symptom = self.symptoms()[index.row()]
        answer = self.answers().get(symptom.id)
        column = index.column()
        if role in (Qt.DisplayRole, Qt.EditRole):
            if column == 0:
                return symptom.name
            if column == ANSWER:
                return ANSWERS[answer.answer] if answer else NOT_ANSWERED
            if column == NOTE:
                return answer.note if answer else ""
            if column == 3:
                return self._weighs_on(symptom)
            tasks = self._addressed_by(symptom)
            names = {t.id: t.name for t in self.session.plan.tasks}
            return ", ".join(names[t] for t in tasks) or "nothing in the plan"
        if role == Qt.ToolTipRole:
            if column == 0:
                return f"{symptom.description}\nWhat a plan does about it (derived): {symptom.remedy}"
            if column == ANSWER:
                return "Does the organisation show this today? Yes raises the findings it weighs on, No lowers them."
            if column == 4:
                return "Work that is not assessment, tagged\n" + "\n".join(
                    f"{t}: {self.catalog.tag(t).description}" for t in symptom.tags)
        if role == Qt.BackgroundRole and column == ANSWER and answer is not None:
            return QBrush(QColor(_ANSWER_COLOURS[answer.answer]))
        return None

    def flags(self, index):
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.isValid() and index.column() in (ANSWER, NOTE) and shown_scenario(self.session) is None:
            flags |= Qt.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid() or index.column() not in (ANSWER, NOTE):
            return False
        if shown_scenario(self.session) is not None:
            return self.refuse("the symptom checklist belongs to the plan itself, not to a scenario; "
                               "choose Plan in the Scenario box to answer it")
        return self.answer(self.symptoms()[index.row()].id,
                           **{"answer" if index.column() == ANSWER else "note": str(value).strip()})

    def answer(self, symptom_id: str, answer: str | None = None, note: str | None = None) -> bool:
        """Set one symptom's answer (``yes``/``partly``/``no``, a shown label, or "" to clear) and/or note."""
        from aiplanner.checks.answers import ANSWERS
        from aiplanner.model.plan import SymptomAnswer

        name = self.catalog.symptom(symptom_id).name
        current = self.answers().get(symptom_id)
        if answer is not None:
            labels = {label.lower(): key for key, label in ANSWERS.items()} | {k: k for k in ANSWERS}
            key = labels.get(answer.strip().lower()) if answer.strip() not in ("", NOT_ANSWERED) else ""
            if key is None:
                return self.refuse(f"{name}: answer Yes, Partly or No (not {answer!r})")
        else:
            key = current.answer if current else ""
        text = note if note is not None else (current.note if current else "")
        if not key and text:
            return self.refuse(f"{name}: answer Yes, Partly or No before adding a note")
        if current is not None and key == current.answer and text == current.note:
            return False
        if current is None and not key:
            return False
        order = [s.id for s in self.symptoms()]
        kept = [a for a in self.session.plan.symptoms if a.symptom != symptom_id]
        if key:
            try:
                kept.append(SymptomAnswer(symptom=symptom_id, answer=key, note=text))
            except ValueError as exc:
                return self.refuse(f"{name}: " + str(exc).splitlines()[0])
        kept.sort(key=lambda a: order.index(a.symptom) if a.symptom in order else len(order))
        verb = "Clear" if not key else ("Note on" if answer is None else "Answer")
        return self.push(f"{verb} symptom {name}", subject=name, symptoms=kept)


class _AnswerDelegate(QStyledItemDelegate):
    """A drop-down of the answers in the Found? column."""

    def createEditor(self, parent, option, index):
        from aiplanner.checks.answers import ANSWERS

        box = QComboBox(parent)
        box.addItems([NOT_ANSWERED, *ANSWERS.values()])
        return box

    def setEditorData(self, editor, index):
        editor.setCurrentText(index.data(Qt.EditRole) or NOT_ANSWERED)

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText(), Qt.EditRole)


class SymptomsView(QWidget):
    """The symptom checklist of the Assessment."""

    #: A refused edit, for the status bar.
    message = Signal(str)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = SymptomsModel(session, self)
        self.model.refused.connect(self.message)
        self._booked = False
        self.model.held = self._held
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(ANSWER, _AnswerDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setAccessibleName("Symptom checklist")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 250), (1, 80), (2, 230), (3, 220)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        intro = QLabel("The source's six symptoms of AI misalignment, answered by the Assessment. "
                       "A symptom found weighs more on the findings it bears on; one ruled out, less.", self)
        intro.setWordWrap(True)
        self.note = ScenarioNote(session, "read-only: every scenario shares the plan's checklist; "
                                          "choose Plan to answer it", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(intro)
        layout.addWidget(self.table)

    def _held(self) -> bool:
        """Whether the checklist waits for the window's first paint (it reads the catalogue,
        which the window's start does without); a reset is booked for then."""
        if not waiting_for_paint(self):
            return False
        if not self._booked:
            self._booked = True
            after_first_paint(self, self._painted)
        return True

    def _painted(self) -> None:
        self._booked = False
        self.model.reset()
