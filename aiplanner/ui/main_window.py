"""The main window (interim: phases and tasks in a tree with their dates)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QTreeWidget, QTreeWidgetItem

from aiplanner.io.native import load_plan
from aiplanner.model.document import Document
from aiplanner.schedule import schedule_plan

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """Shows the plan's phases and tasks with their scheduled dates."""

    def __init__(self) -> None:
        super().__init__()
        self.document: Document | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Task", "Start", "Finish", "Days", "Float"])
        self.setCentralWidget(self.tree)
        self.resize(1280, 720)
        self.setWindowTitle("aiplanner")

    def open_path(self, path: str | Path) -> None:
        self.set_document(Document(load_plan(path), path))

    def set_document(self, document: Document) -> None:
        self.document = document
        plan = document.plan
        sched = schedule_plan(plan)
        self.tree.clear()
        for phase in plan.phases:
            span = sched.phases.get(phase.id)
            item = QTreeWidgetItem([phase.name, str(span.start) if span else "", str(span.finish) if span else ""])
            self.tree.addTopLevelItem(item)
            for task in plan.tasks_in_phase(phase.id):
                t = sched.tasks[task.id]
                QTreeWidgetItem(item, [task.name, str(t.start), str(t.finish), str(t.duration), str(t.total_float)])
            item.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        name = document.path.name if document.path else plan.name
        self.setWindowTitle(f"{name} — aiplanner")
