"""The Gantt's two-tier time header: the render layer's ticks at the widget's zoom."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from aiplanner.ui.gantt.scale import fitting_level, header_ticks

__all__ = ["GanttHeader"]

_BG = QColor("#f7f9fb")
_LINE = QColor("#d5dbe3")
_TEXT = QColor("#374151")
_TODAY = QColor("#f08c00")


class GanttHeader(QWidget):
    """Paints the time scale of its :class:`GanttView` parent above the chart."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view

    def level(self):
        """The header's scale: the finest whose lower cells all hold their label in this font."""
        metrics = self.fontMetrics()
        return fitting_level(self.view.scale.px_per_day, metrics.horizontalAdvance)

    def ticks(self):
        """Header cells of the visible range (both tiers)."""
        view = self.view
        left = view.left_day()
        return header_ticks(view.scale, left, left + self.width() / view.scale.px_per_day, self.level())

    def labels(self) -> list[tuple[object, str]]:
        """(tick, text drawn) for each cell: the whole label, an upper label's short form
        ("May" for "May 2026") when the long one does not fit, else nothing — never a fragment."""
        view = self.view
        ppd, left = view.scale.px_per_day, view.left_day()
        metrics = self.fontMetrics()
        out = []
        for tick in self.ticks():
            x0, x1 = (tick.x - left) * ppd, (tick.x_end - left) * ppd
            if tick.tier == 0:  # keep an upper label readable while its cell starts off-screen
                x0 = max(x0, 0.0)
            room = x1 - x0 - 6
            choices = (tick.text, tick.text.split(" ")[0]) if tick.tier == 0 else (tick.text,)
            text = next((c for c in choices if c and metrics.horizontalAdvance(c) <= room), "")
            out.append((tick, text))
        return out

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), _BG)
        if self.view.scene is None:
            p.end()
            return
        half = self.height() / 2
        ppd = self.view.scale.px_per_day
        left = self.view.left_day()
        for tick, text in self.labels():
            top = half * tick.tier
            x0 = (tick.x - left) * ppd
            x1 = (tick.x_end - left) * ppd
            p.setPen(QPen(_LINE, 1))
            p.drawLine(round(x0), round(top), round(x0), round(top + half))
            if text:
                rect = QRectF(max(x0, 0) + 3, top, x1 - max(x0, 0) - 5, half)
                p.setPen(_TEXT)
                align = Qt.AlignVCenter | (Qt.AlignLeft if tick.tier == 0 else Qt.AlignHCenter)
                p.drawText(rect, align, text)
        p.setPen(QPen(_LINE, 1))
        p.drawLine(0, round(half), self.width(), round(half))
        p.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        today = self.view.scene.today
        if today is not None:
            x = (today.x - left) * ppd
            p.setPen(QPen(_TODAY, 2))
            p.drawLine(round(x), round(half), round(x), self.height())
        p.end()

    def wheelEvent(self, event) -> None:
        """The wheel over the time scale zooms around the pointed day (no Ctrl needed)."""
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.view.zoom(steps, event.position().x())
        event.accept()
