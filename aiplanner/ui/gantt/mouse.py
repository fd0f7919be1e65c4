"""Mouse gestures of the Gantt widget: select, drag to move or stretch, drag to link.

A mixin of :class:`~aiplanner.ui.gantt.view.GanttView` (kept apart so the
widget module stays about painting and scrolling). Press picks the gesture
from the part of the bar under the cursor, moves preview it, release pushes
one undo command; refused edits are explained through ``_refuse``. Drags are
measured in chart days, so the view may scroll (at its edges) meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QToolTip

from aiplanner.model.errors import PlanError
from aiplanner.ui.gantt.edit import link_command, move_command, preview_span, resize_command

__all__ = ["GanttMouseMixin"]


class GanttMouseMixin:
    """Mouse handling for :class:`GanttView` (which provides the geometry and the session)."""

    # mouse: press picks the drag mode, move previews, release pushes one command
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.LeftButton or self.index is None:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        task, part = self._bar_at(pos)
        if task is None:
            self.session.select_tasks([])
            return
        if event.modifiers() & Qt.ControlModifier:
            sel = list(self.session.selection)
            sel.remove(task) if task in sel else sel.append(task)
            self.session.select_tasks(sel)
            return
        if task not in self.session.selection:
            self.session.select_tasks([task])
        mode = "link" if (part == "handle" or event.modifiers() & Qt.ShiftModifier) else (
            "end" if part == "end" else "move")
        item = self.index.item_of[task]
        # Remembered in chart units so that scrolling during the drag does not shift it.
        origin = (item.x1 if hasattr(item, "x1") else item.x, item.row)
        self._drag = {"mode": mode, "task": task, "start_day": self.chart_point(pos)[0], "pos": pos,
                      "origin": origin, "delta": 0}

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._drag is None:
            task, part = self._bar_at(pos)
            cursor = Qt.SizeHorCursor if part == "end" else (
                Qt.CrossCursor if part == "handle" else (Qt.OpenHandCursor if task else Qt.ArrowCursor))
            self.viewport().setCursor(cursor)
            if task != self._hover_task:
                self._hover_task = task
                self.viewport().update()
            return
        self._drag_to(pos)
        # Near an edge, keep scrolling while the button is held.
        if self._edge_step(pos) != (0, 0):
            self._autoscroll.start()
        else:
            self._autoscroll.stop()

    def _drag_to(self, pos: QPoint) -> None:
        self._drag["pos"] = pos
        self._drag["delta"] = round(self.chart_point(pos)[0] - self._drag["start_day"])
        self.viewport().update()

    def _edge_step(self, pos: QPoint) -> tuple[int, int]:
        zone, vp = 24, self.viewport()
        dx = -1 if pos.x() < zone else (1 if pos.x() > vp.width() - zone else 0)
        dy = -1 if pos.y() < zone else (1 if pos.y() > vp.height() - zone else 0)
        if self._drag is None or self._drag["mode"] != "link":
            dy = 0  # moves and resizes stay on their row
        return dx, dy

    def _autoscroll_tick(self) -> None:
        if self._drag is None:
            self._autoscroll.stop()
            return
        pos = self._drag["pos"]
        dx, dy = self._edge_step(pos)
        if (dx, dy) == (0, 0):
            self._autoscroll.stop()
            return
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx * 12)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy * self._row_height // 2)
        self._drag_to(pos)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        self._autoscroll.stop()
        if drag is None or event.button() != Qt.LeftButton:
            return super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        drag["delta"] = round(self.chart_point(pos)[0] - drag["start_day"])
        try:
            if drag["mode"] == "link":
                target, _ = self._bar_at(pos)
                if target is not None and target != drag["task"]:
                    self._push(link_command(self.session, drag["task"], target))
            elif drag["mode"] == "move":
                self._push(move_command(self.session, drag["task"], drag["delta"]))
            else:
                self._push(resize_command(self.session, drag["task"], drag["delta"]))
        finally:
            self.viewport().update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        task, _ = self._bar_at(event.position().toPoint())
        if task is not None:
            self.taskActivated.emit(task)
            return
        _day, row = self.chart_point(event.position())
        rows = self.scene.rows if self.scene is not None else ()
        if 0 <= row < len(rows) and rows[row].kind == "phase":
            self.phaseActivated.emit(rows[row].id)  # the host folds or unfolds it

    # -- edits ----------------------------------------------------------------
    def _preview(self) -> tuple[str, float, float] | None:
        drag = self._drag
        if drag is None or drag["mode"] == "link":
            return None
        return preview_span(self.index, drag["task"], drag["mode"], drag["delta"])

    def _push(self, command) -> None:
        if command is None:
            return
        try:
            self.session.push(command)
        except PlanError as exc:
            from aiplanner.ui.session import describe_error

            self._refuse(describe_error(exc, self.session.document.plan))

    def _refuse(self, text: str) -> None:
        """Explain a refused edit (status bar via ``message``, and a tooltip here)."""
        self.last_message = text
        self.message.emit(text)
        QToolTip.showText(self.viewport().mapToGlobal(self.viewport().rect().center()), text, self.viewport())

    # -- context menu -------------------------------------------------------------
    def context_actions(self, task_id: str) -> list[tuple[str, object]]:
        """(label, callback) pairs of the right-click menu of a task."""
        from aiplanner.ui.commands import EditTaskCommand, RemoveDependencyCommand

        session = self.session
        task = session.plan.task_index().get(task_id)
        if task is None:
            return []
        names = {t.id: t.name for t in session.plan.tasks}
        actions: list[tuple[str, object]] = [("Open task…", lambda: self.taskActivated.emit(task_id))]
        if task.not_before is not None:
            actions.append((f"Clear \u201cnot before {task.not_before:%d %b %Y}\u201d",
                            lambda: self._push(EditTaskCommand(session, task_id, text=f"Clear not-before of {task_id}",
                                                               not_before=None))))
        for dep in task.depends_on:
            label = f"Remove link from {names.get(dep.task, dep.task)} ({dep.task} {dep.type})"
            actions.append((label, lambda p=dep.task: self._push(RemoveDependencyCommand(session, task_id, p))))
        return actions

    def contextMenuEvent(self, event) -> None:
        from PySide6.QtWidgets import QMenu

        task, _ = self._bar_at(self.viewport().mapFromGlobal(event.globalPos()))
        if task is None:
            return
        if task not in self.session.selection:
            self.session.select_tasks([task])
        menu = QMenu(self)
        for label, callback in self.context_actions(task):
            menu.addAction(label, callback)
        menu.exec(event.globalPos())
