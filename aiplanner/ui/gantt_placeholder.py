"""Interim timeline beside the task tree, until the real Gantt widget lands.

It implements the small interface the window uses with the Gantt
(``set_row_height(int)``, ``set_rows(list of row keys)``, a vertical
scroll bar the tree drives) and paints plain bars from the latest
schedule, so the window is usable meanwhile. The window switches to
:class:`aiplanner.ui.views.gantt.GanttView` as soon as that exists.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QAbstractScrollArea

from aiplanner.ui.session import PlanSession

__all__ = ["TimelinePlaceholder"]

_BAR = QColor("#4a78b5")
_CRIT = QColor("#c0392b")
_PHASE = QColor("#555555")


class TimelinePlaceholder(QAbstractScrollArea):
    """Bars per row in working-day columns; no interaction."""

    def __init__(self, session: PlanSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._row_height = 24
        self._rows: list[tuple[str, str]] = []
        self.px_per_day = 4.0
        self.setAccessibleName("Timeline")
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        session.scheduleChanged.connect(self.viewport().update)

    # -- the interface the window relies on ----------------------------------------
    def set_row_height(self, height: int) -> None:
        self._row_height = max(8, int(height))
        self._update_range()

    def set_rows(self, rows: list) -> None:
        self._rows = list(rows)
        self._update_range()

    def _update_range(self) -> None:
        total = len(self._rows) * self._row_height
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, total - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        self.viewport().update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_range()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    # -- painting ---------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), self.palette().base())
        sched = self.session.schedule
        if sched is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        h = self._row_height
        top = self.verticalScrollBar().value()
        first = top // h
        last = min(len(self._rows), first + self.viewport().height() // h + 2)
        width = max(1, self.viewport().width() - 16)
        span = max(1, sched.finish_point)
        scale = width / span
        for row in range(first, last):
            kind, key = self._rows[row]
            y = row * h - top
            if kind == "phase":
                p = sched.phases.get(key)
                if p is not None:
                    painter.fillRect(QRectF(8 + p.es * scale, y + h * 0.4, max(2, (p.ef - p.es) * scale), h * 0.2), _PHASE)
                continue
            t = sched.tasks.get(key)
            if t is None:
                continue
            colour = _CRIT if t.critical else _BAR
            if t.milestone:
                x = 8 + t.es * scale
                painter.setPen(QPen(colour))
                painter.setBrush(colour)
                s = h * 0.3
                cy = y + h / 2
                painter.drawPolygon([QPointF(x, cy - s), QPointF(x + s, cy), QPointF(x, cy + s), QPointF(x - s, cy)])
            else:
                painter.fillRect(QRectF(8 + t.es * scale, y + h * 0.25, max(2, (t.ef - t.es) * scale), h * 0.5), colour)
        painter.end()
