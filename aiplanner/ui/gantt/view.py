"""The interactive Gantt chart: paints the render layer's scene and edits by dragging.

Hosting: ``view = GanttView(session, parent)``; put it beside the task tree
(phases -> tasks; a session attribute ``collapsed_phases`` names the phases
shown as a summary row only) and keep them aligned with
``view.set_row_height(tree_row_height)``, ``view.set_header_height(tree
header height)`` and by sharing vertical scroll values (both in pixels:
give the tree ``setVerticalScrollMode(ScrollPerPixel)``). Connect
``taskActivated(str)`` to the task editor and ``message(str)`` to the status
bar (refused edits are explained there). ``rowsChanged`` fires when the row
layout changes.

Interaction: drag a bar to move it (sets ``not_before``), drag its right
end to change its duration (whole working days), Shift+drag or drag from
the round handle after a bar onto another bar to add an FS link; click
selects (Ctrl adds), double-click or Enter activates (on a phase row:
``phaseActivated``), right-click offers
"clear not before" and "remove link"; Ctrl+wheel or +/- zooms, 0 fits the
plan. Keyboard: Up/Down select, Alt+Left/Right move the selected task a
working day, Alt+Shift+Left/Right change its duration by a day.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from aiplanner.model.errors import PlanError
from aiplanner.render.gantt.layout import build_gantt_scene
from aiplanner.render.gantt.scene import GanttOptions
from aiplanner.ui.gantt.edit import HANDLE_PX, describe_drag, hit_test, nudge_command
from aiplanner.ui.gantt.header import GanttHeader
from aiplanner.ui.gantt.index import SceneIndex
from aiplanner.ui.gantt.mouse import GanttMouseMixin
from aiplanner.ui.gantt.paint import Palette, Viewport, paint_chart
from aiplanner.ui.gantt.scale import TimeScale
from aiplanner.ui.gantt.tooltip import task_tooltip

__all__ = ["GanttView"]

_PAD_DAYS = 7  # empty days shown before the first and after the last bar
_MARGIN_PX = 4096  # timeline the view may scroll to beyond the plan's ends


class GanttView(GanttMouseMixin, QAbstractScrollArea):
    """Gantt chart of ``session``'s plan; see the module docstring for hosting."""

    taskActivated = Signal(str)
    #: A phase's row was double-clicked (hosts collapse / expand it).
    phaseActivated = Signal(str)
    rowsChanged = Signal()
    zoomChanged = Signal(float)
    message = Signal(str)
    #: Write "N tasks" beside a collapsed phase's summary bar.
    fold_counts = True
    #: Text beside the bars: "name", "roles", "auto" (progress and milestone dates) or "none".
    bar_labels = "auto"

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._row_height = 24
        self.scale = TimeScale(dt.date.today())
        self.scene = None
        self.index: SceneIndex | None = None
        self.last_message = ""
        self._drag: dict | None = None
        self._hover_task: str | None = None
        self._autoscroll = QTimer(self, interval=40)
        self._autoscroll.timeout.connect(self._autoscroll_tick)
        self.header = GanttHeader(self)
        self.set_header_height(40)
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOn)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().actionTriggered.connect(self._user_scrolled)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        session.scheduleChanged.connect(self.rebuild)
        session.documentReplaced.connect(self._document_replaced)
        session.selectionChanged.connect(self._selection_changed)
        self._fitted = False
        self._follow_fit = False  # refit on resize until the user zooms or scrolls
        self._built_from = None  # the schedule the cached scene was built from
        if session.document is not None:
            self.rebuild()

    # -- public API ---------------------------------------------------------
    def row_height(self) -> int:
        return self._row_height

    def set_row_height(self, height: int) -> None:
        """Rows of the chart are ``height`` pixels (match the task tree's)."""
        height = max(8, int(height))
        if height != self._row_height:
            self._row_height = height
            self._update_scrollbars()
            self.viewport().update()
            self.rowsChanged.emit()

    def set_header_height(self, height: int) -> None:
        """Height of the time header (match the task tree's header)."""
        self.header.setFixedHeight(int(height))
        self.setViewportMargins(0, int(height), 0, 0)
        self._place_header()

    def row_count(self) -> int:
        return len(self.scene.rows) if self.scene is not None else 0

    def row_of(self, task_id: str) -> int | None:
        """The chart row of a task (phase header rows come first in each phase)."""
        return self.index.task_rows.get(task_id) if self.index else None

    def zoom(self, steps: float, anchor_px: float | None = None) -> None:
        """Zoom in (positive) or out keeping the day under ``anchor_px`` in place.

        Without an anchor (keyboard, menu, tool bar): the day under the mouse
        pointer when it is over the chart, else the day at the left edge, so a
        fitted plan keeps its start in view.
        """
        if anchor_px is None:
            pointer = self.viewport().mapFromGlobal(QCursor.pos())
            inside = self.viewport().rect().contains(pointer) and self.viewport().underMouse()
            anchor_px = float(pointer.x()) if inside else 0.0
        day = self.left_day() + anchor_px / self.scale.px_per_day
        self.scale.zoom_by(steps)
        self._after_zoom(day, anchor_px)

    def set_px_per_day(self, value: float) -> None:
        day = self.left_day() + self.viewport().width() / 2 / self.scale.px_per_day
        self.scale.set_px_per_day(value)
        self._after_zoom(day, self.viewport().width() / 2)

    def restore_zoom(self, px_per_day: float) -> None:
        """Zoom to a remembered scale with the plan's start at the left edge.

        Used at start-up: keeping the centre of the fitted view instead would
        open a long plan in its middle, beside empty rows.
        """
        self.scale.set_px_per_day(px_per_day)
        x_min = self.scene.x_min if self.scene is not None else self.left_day()
        self._after_zoom(x_min, 24)

    def fit_to_plan(self) -> None:
        """Zoom so the whole plan fits the width."""
        if self.scene is None:
            return
        self.scale.fit(self.scene.x_min, self.scene.x_max, max(self.viewport().width(), 200))
        self._update_scrollbars()
        self.horizontalScrollBar().setValue(round((self.scene.x_min - self._origin_day()) * self.scale.px_per_day)
                                            - 24)
        self.zoomChanged.emit(self.scale.px_per_day)
        self._refresh()

    def scroll_to_day(self, day: dt.date) -> None:
        """Bring ``day`` into view, a third of the way in from the left."""
        if self.scene is None:
            return
        x = (day - self.session.plan.start).days
        self.horizontalScrollBar().setValue(round((x - self._origin_day()) * self.scale.px_per_day
                                                  - self.viewport().width() / 3))

    def scroll_to_status(self) -> None:
        """Bring the status line (the plan's status date, else today) into view."""
        self.scroll_to_day(self.status_day())

    def scroll_to_task(self, task_id: str) -> None:
        row = self.row_of(task_id)
        bar = self.index.item_of.get(task_id) if self.index else None
        if row is None or bar is None:
            return
        bar_y = row * self._row_height
        vbar = self.verticalScrollBar()
        if not vbar.value() <= bar_y <= vbar.value() + self.viewport().height() - self._row_height:
            vbar.setValue(bar_y - self.viewport().height() // 3)
        x = getattr(bar, "x0", getattr(bar, "x", 0))
        px = (x - self.left_day()) * self.scale.px_per_day
        if not 0 <= px <= self.viewport().width() - 40:
            self.horizontalScrollBar().setValue(round((x - self._origin_day()) * self.scale.px_per_day) - 60)

    def _selection_changed(self, ids: list[str]) -> None:
        if ids and self._drag is None and not self.viewport().underMouse():
            self.scroll_to_task(ids[0])  # chosen in another view: bring it into sight
        self.viewport().update()

    # -- scene ----------------------------------------------------------------
    def _document_replaced(self) -> None:
        self._fitted = False
        if self._built_from is not self.session.schedule:
            self.rebuild()
        elif self.viewport().width() > 200:
            # The new document's schedule is already drawn (scheduleChanged came first).
            self._fitted = True
            self.fit_to_plan()

    def rebuild(self) -> None:
        """Rebuild the cached scene from the session's latest schedule."""
        session = self.session
        if session.document is None or session.schedule is None:
            return
        rows_before = [(r.kind, r.id) for r in self.scene.rows] if self.scene is not None else []
        left = self.left_day() if self.scene is not None else None
        try:
            scene = build_gantt_scene(session.plan, session.schedule, self.scene_options())
        except (PlanError, ValueError) as exc:
            # The session never holds a plan it cannot schedule; should a drawing still fail,
            # say so and keep the last picture rather than let the error escape into Qt.
            self.message.emit(f"The chart cannot be drawn: {exc}")
            return
        self.scale.origin = session.plan.start
        self.scene = scene
        self.index = SceneIndex.build(self.scene)
        self._built_from = session.schedule
        self._update_scrollbars()
        if left is not None:
            # The scene's range may grow or re-snap; keep the same days in view.
            self.horizontalScrollBar().setValue(round((left - self._origin_day()) * self.scale.px_per_day))
        if not self._fitted and self.viewport().width() > 200:
            self._fitted = True
            self.fit_to_plan()
        self._refresh()
        if [(r.kind, r.id) for r in self.scene.rows] != rows_before:
            self.rowsChanged.emit()

    def status_day(self) -> dt.date:
        """The day of the dashed status line: the plan's status date, else today."""
        return getattr(self.session.plan, "status_date", None) or dt.date.today()

    def scene_options(self) -> GanttOptions:
        """Options of the screen scene: status line, weekends shaded (hidden when zoomed far out)."""
        return GanttOptions(today=self.status_day(), shade_weekends=True, baseline=getattr(self, "baseline_dates", {}),
                            collapsed=self.collapsed_phases(), bar_labels=self.bar_labels)

    def collapsed_phases(self) -> frozenset[str]:
        """Phases drawn as a summary row only (the session's, when it has any)."""
        return frozenset(getattr(self.session, "collapsed_phases", ()) or ())

    def set_bar_labels(self, mode: str) -> None:
        """Label the bars with "name", "roles", "auto" (progress and milestone dates) or "none"."""
        if mode not in ("name", "roles", "auto", "none"):
            raise ValueError(f"unknown bar labels {mode!r}")
        self.bar_labels = mode
        self.rebuild()

    def label_rects(self) -> dict:
        """Task id -> where its label is drawn (viewport pixels), for the rows in view."""
        from aiplanner.render.gantt.layout import link_stub
        from aiplanner.ui.gantt.paint import label_box

        if self.index is None:
            return {}
        vp = self._viewport()
        stub_px = link_stub(self.scene.x_min, self.scene.x_max) * vp.px_per_day
        metrics = self.fontMetrics()
        return {label.task_id: label_box(label, vp, metrics, label.task_id in self.index.milestone_ids, stub_px)
                for label in self.scene.labels}

    def set_baseline(self, dates: dict | None) -> None:
        """Draw ``task id -> (start, finish)`` of a baseline as ghosts under the bars (None: no ghosts)."""
        self.baseline_dates = dict(dates or {})
        self.rebuild()

    # -- geometry -----------------------------------------------------------
    def _margin_days(self) -> float:
        """Free timeline beyond each end of the plan, wider than any view: zooming can then
        keep any day under the pointer, even of a plan narrower than the view. (In pixels,
        not the view's width, so that resizing the window never moves the chart.)"""
        return _MARGIN_PX / self.scale.px_per_day

    def _origin_day(self) -> float:
        """The chart day at scroll value 0."""
        return (self.scene.x_min if self.scene is not None else 0) - _PAD_DAYS - self._margin_days()

    def left_day(self) -> float:
        """Chart day at the viewport's left edge."""
        return self._origin_day() + self.horizontalScrollBar().value() / self.scale.px_per_day

    def _viewport(self) -> Viewport:
        vp = self.viewport()
        return Viewport(self.scale.px_per_day, self._row_height, self.left_day(),
                        self.verticalScrollBar().value(), vp.width(), vp.height())

    def _update_scrollbars(self) -> None:
        if self.scene is None:
            return
        span = (self.scene.x_max - self.scene.x_min) + 2 * _PAD_DAYS + 2 * self._margin_days()
        width = math.ceil(span * self.scale.px_per_day)
        hbar = self.horizontalScrollBar()
        hbar.setRange(0, max(0, width - self.viewport().width()))
        hbar.setPageStep(self.viewport().width())
        hbar.setSingleStep(max(1, round(self.scale.px_per_day)))
        vbar = self.verticalScrollBar()
        vbar.setRange(0, max(0, self.row_count() * self._row_height - self.viewport().height()))
        vbar.setPageStep(self.viewport().height())
        vbar.setSingleStep(self._row_height)

    def _after_zoom(self, day: float, anchor_px: float) -> None:
        self._follow_fit = False
        self._update_scrollbars()
        self.horizontalScrollBar().setValue(round((day - self._origin_day()) * self.scale.px_per_day - anchor_px))
        self.zoomChanged.emit(self.scale.px_per_day)
        self._refresh()

    def _refresh(self) -> None:
        self.viewport().update()
        self.header.update()

    def _scrolled(self, _value: int) -> None:
        self._refresh()

    def _user_scrolled(self, _action: int) -> None:
        self._follow_fit = False  # the user chose what to see: a resize keeps it

    def _place_header(self) -> None:
        rect = self.viewport().geometry()
        self.header.setGeometry(QRect(rect.left(), rect.top() - self.header.height(), rect.width(),
                                      self.header.height()))

    def chart_point(self, pos: QPoint | QPointF) -> tuple[float, int]:
        """Chart coordinates (day, row) of a viewport pixel."""
        day = self.left_day() + pos.x() / self.scale.px_per_day
        row = int((pos.y() + self.verticalScrollBar().value()) // self._row_height)
        return day, row

    def pixel_of(self, day: float, row: float) -> QPoint:
        """Viewport pixel of a chart point (for tests and tooltips)."""
        vp = self._viewport()
        return QPoint(round(vp.x(day)), round(vp.y(row)))

    def _bar_at(self, pos: QPoint | QPointF) -> tuple[str | None, str]:
        """Task under a viewport pixel and which part: ``body``, ``end`` or ``handle``."""
        if self.index is None:
            return None, ""
        return hit_test(self.index, self._viewport(), pos.x(), pos.y())

    # -- Qt events ------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_header()
        self._update_scrollbars()
        if self.scene is not None and self.viewport().width() > 200 and (
                not self._fitted or self._follow_fit):
            # Until the user zooms or scrolls, the whole plan keeps fitting the width
            # (a window that opens maximised reaches its size in steps).
            self._fitted = True
            self.fit_to_plan()
            self._follow_fit = True

    def paintEvent(self, event) -> None:
        painter = QPainter(self.viewport())
        if self.index is None:
            painter.fillRect(self.viewport().rect(), Palette.background)
            return
        selection = set(self.session.selection)
        paint_chart(painter, self.index, self._viewport(), selection, self._preview(), self.fold_counts)
        if self._drag is not None and self._drag["mode"] == "link":
            painter.setRenderHint(QPainter.Antialiasing, True)
            painter.setPen(QPen(Palette.selection_edge, 1.5, Qt.DashLine))
            vp = self._viewport()
            ox, orow = self._drag["origin"]
            painter.drawLine(QPointF(vp.x(ox), vp.y(orow)), QPointF(self._drag["pos"]))
        elif self._drag is not None and self._drag["delta"]:
            text = describe_drag(self.session, self._drag["task"], self._drag["mode"], self._drag["delta"])
            if text:
                fm = painter.fontMetrics()
                box = QRectF(self._drag["pos"].x() + 12, self._drag["pos"].y() - fm.height() - 10,
                             fm.horizontalAdvance(text) + 10, fm.height() + 4)
                painter.fillRect(box, Palette.label)
                painter.setPen(Palette.background)
                painter.drawText(box, Qt.AlignCenter, text)
        elif self._hover_task is not None and self._drag is None:
            item = self.index.item_of.get(self._hover_task)
            if item is not None:
                vp = self._viewport()
                right = vp.x(item.x1) if hasattr(item, "x1") else vp.x(item.x) + self._row_height / 2
                painter.setRenderHint(QPainter.Antialiasing, True)
                painter.setPen(QPen(Palette.selection_edge, 1.2))
                painter.setBrush(Palette.background)
                painter.drawEllipse(QPointF(right + HANDLE_PX, vp.y(item.row)), 4, 4)
        painter.end()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.ToolTip:
            task, _part = self._bar_at(event.pos())
            text = self.tooltip_text(task) if task else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_text(self, task_id: str) -> str:
        """The hover text of a task: dates, duration, float, roles, progress."""
        return task_tooltip(self.session.plan, self.session.schedule, task_id, getattr(self, "baseline_dates", None))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.zoom(steps, event.position().x() - self.viewport().x())
            event.accept()
            return
        if event.modifiers() & Qt.ShiftModifier:
            self._follow_fit = False
            hbar = self.horizontalScrollBar()
            hbar.setValue(hbar.value() - event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key_Plus, Qt.Key_Equal):
            self.zoom(1)
        elif key == Qt.Key_Minus:
            self.zoom(-1)
        elif key == Qt.Key_0:
            self.fit_to_plan()
        elif key in (Qt.Key_Return, Qt.Key_Enter) and self.session.selection:
            self.taskActivated.emit(self.session.selection[0])
        elif key in (Qt.Key_Up, Qt.Key_Down) and self.index is not None:
            self._step_selection(-1 if key == Qt.Key_Up else 1)
        elif key in (Qt.Key_Left, Qt.Key_Right) and event.modifiers() & Qt.AltModifier and self.session.selection:
            # Alt+arrows move the selected task a working day; Alt+Shift+arrows stretch it.
            step = -1 if key == Qt.Key_Left else 1
            stretch = bool(event.modifiers() & Qt.ShiftModifier)
            self._push(nudge_command(self.session, self.session.selection[0], step, stretch))
        else:
            super().keyPressEvent(event)

    def _step_selection(self, step: int) -> None:
        """Select the previous/next task row (phase header rows are skipped)."""
        rows = sorted(self.index.task_rows.values())
        if not rows:
            return
        current = self.row_of(self.session.selection[0]) if self.session.selection else None
        if current is None:
            target = rows[0] if step > 0 else rows[-1]
        else:
            position = rows.index(current) + step
            target = rows[min(max(position, 0), len(rows) - 1)]
        task = self.index.task_id_of_row(target)
        self.session.select_tasks([task])
        self.scroll_to_task(task)
