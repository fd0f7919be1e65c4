"""QPainter drawing of Gantt scene primitives (the screen twin of the PDF painter).

Everything arrives in chart units (x = calendar days since the plan start,
y = row index with the row's centre at ``y = row``); :class:`Viewport`
turns them into pixels. Only primitives in the visible rows/columns are
drawn, so a 5,000-task plan repaints as fast as a 50-task one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from aiplanner.render.gantt.layout import link_stub
from aiplanner.ui.gantt.index import SceneIndex

__all__ = ["Viewport", "Palette", "paint_chart", "label_box"]


class Palette:
    """The chart's colours."""

    background = QColor("#ffffff")
    grid = QColor("#eef1f5")
    weekend = QColor("#f4f5f7")
    holiday = QColor("#fbeee6")
    phase_row = QColor("#f7f9fb")
    phases = (QColor("#6c8ebf"), QColor("#82b366"), QColor("#d6a23a"), QColor("#9673a6"), QColor("#5aa5a5"))
    bar = QColor("#7ea6f0")
    bar_edge = QColor("#3c6fd1")
    progress = QColor("#2f5bb3")
    critical = QColor("#ef8a80")
    critical_edge = QColor("#b8392f")
    critical_progress = QColor("#b8392f")
    milestone = QColor("#1f2a37")
    link = QColor("#8a94a6")
    today = QColor("#f08c00")
    #: Baseline ghosts: lavender with an edge, never the grey of the links or the blue of the bars.
    ghost = QColor("#c9b8ea")
    ghost_edge = QColor("#7a62b3")
    selection = QColor(91, 141, 239, 40)
    selection_edge = QColor("#1b4fb8")
    label = QColor("#374151")
    muted = QColor("#6b7280")


@dataclass(frozen=True, slots=True)
class Viewport:
    """Chart-to-pixel mapping of the visible area."""

    px_per_day: float
    row_height: int
    left: float  # chart day at pixel 0
    top_px: int  # vertical scroll offset in pixels
    width: int
    height: int

    def x(self, days: float) -> float:
        return (days - self.left) * self.px_per_day

    def y(self, row: float) -> float:
        """Pixel of chart y (a row's centre is at ``y == row``)."""
        return (row + 0.5) * self.row_height - self.top_px

    def row_top(self, row: int) -> float:
        return row * self.row_height - self.top_px

    @property
    def first_row(self) -> int:
        return max(0, self.top_px // self.row_height)

    @property
    def last_row(self) -> int:
        return (self.top_px + self.height) // self.row_height

    @property
    def x_range(self) -> tuple[float, float]:
        return self.left, self.left + self.width / self.px_per_day


def label_box(label, vp: Viewport, metrics, milestone: bool, stub_px: float) -> QRectF:
    """Where a bar's label goes: after the bar and the first run of any arrow leaving it
    (a milestone's diamond, whose size is in pixels, too); before the bar when it would
    leave the view on the right."""
    width = metrics.horizontalAdvance(label.text) + 4
    gap = max(stub_px, vp.row_height / 2 if milestone else 0.0) + 5
    lx = vp.x(label.x) + gap
    if lx + width > vp.width:
        lx = vp.x(label.x_alt) - gap - width
    return QRectF(lx, vp.row_top(label.row), width, vp.row_height)


def _bar_rect(vp: Viewport, x0: float, x1: float, row: int, inset: float) -> QRectF:
    left = vp.x(x0)
    return QRectF(left, vp.row_top(row) + inset, max(vp.x(x1) - left, 2.0), vp.row_height - 2 * inset)


def paint_chart(p: QPainter, index: SceneIndex, vp: Viewport, selection: set[str],
                preview: tuple[str, float, float] | None = None, fold_counts: bool = True) -> None:
    """Paint the visible part of the scene in ``index`` onto ``p``.

    ``preview`` = (task id, x0, x1) draws that bar where a drag would put it;
    ``fold_counts`` writes "N tasks" beside the summary bar of a collapsed phase.
    """
    scene = index.scene
    first, last = vp.first_row, min(vp.last_row, index.row_count - 1)
    x0, x1 = vp.x_range
    rh = vp.row_height
    p.fillRect(QRectF(0, 0, vp.width, vp.height), Palette.background)

    # Non-working days (weekends only when a day is wide enough to see).
    for shade in index.shades_in(x0, x1):
        if shade.kind == "weekend" and vp.px_per_day < 6:  # narrower stripes only add noise
            continue
        color = Palette.holiday if shade.kind == "holiday" else Palette.weekend
        p.fillRect(QRectF(vp.x(shade.x0), 0, (shade.x1 - shade.x0) * vp.px_per_day, vp.height), color)
    for row in range(first, last + 1):
        if row in index.phase_rows:
            p.fillRect(QRectF(0, vp.row_top(row), vp.width, rh), Palette.phase_row)
        elif index.task_id_of_row(row) in selection:
            p.fillRect(QRectF(0, vp.row_top(row), vp.width, rh), Palette.selection)
    p.setPen(QPen(Palette.grid, 1))
    for row in range(first, last + 2):
        y = vp.row_top(row) - 0.5
        p.drawLine(QPointF(0, y), QPointF(vp.width, y))

    inset = max(3.0, rh * 0.2)

    # Phase bands: a summary bar with end ticks on the header row, a thin rail down the phase.
    for band in scene.bands:
        if band.row1 < first or band.row0 > last:
            continue
        color = Palette.phases[band.index % len(Palette.phases)]
        r = _bar_rect(vp, band.x0, band.x1, band.row0, rh * 0.3)
        p.fillRect(r, color)
        tip = min(rh * 0.25, r.width() / 2)
        p.setPen(Qt.NoPen)
        p.setBrush(color)
        p.setRenderHint(QPainter.Antialiasing, True)
        for edge, sign in ((r.left(), 1), (r.right(), -1)):
            p.drawPolygon(QPolygonF([QPointF(edge, r.bottom()), QPointF(edge + sign * tip, r.bottom()),
                                     QPointF(edge, r.bottom() + tip)]))
        p.setRenderHint(QPainter.Antialiasing, False)
        if band.collapsed:
            if fold_counts and rh >= 14:  # what the summary row stands for
                p.setPen(Palette.muted)
                p.drawText(QRectF(r.right() + 6, vp.row_top(band.row0), 200, rh), Qt.AlignVCenter | Qt.AlignLeft,
                           f"{band.tasks} task{'s' if band.tasks != 1 else ''}")
            continue
        rail = QColor(color)
        rail.setAlpha(60)
        p.fillRect(QRectF(vp.x(band.x0), vp.row_top(band.row0 + 1), 2, (band.row1 - band.row0) * rh), rail)

    # Baseline ghosts sit in the lower part of the row, under the bar.
    for ghost in index.rows(index.ghosts_by_row, first, last):
        r = _bar_rect(vp, ghost.x0, ghost.x1, ghost.row, 0)
        band = QRectF(r.left(), r.bottom() - inset + 1, r.width(), max(inset - 2, 3))
        p.fillRect(band, Palette.ghost)
        p.setPen(QPen(Palette.ghost_edge, 1))
        p.setBrush(Qt.NoBrush)
        p.drawRect(band.adjusted(0, 0, -1, -1))

    # Links under the bars.
    p.setRenderHint(QPainter.Antialiasing, True)
    for link in index.links_in(first, last):
        color = Palette.critical_edge if link.critical else Palette.link
        p.setPen(QPen(color, 1.2 if link.critical else 1.0))
        pts = [QPointF(vp.x(px), vp.y(py)) for px, py in link.points]
        if len(pts) < 2:
            continue
        p.drawPolyline(QPolygonF(pts))
        tip, prev = pts[-1], pts[-2]
        dx = 1 if tip.x() >= prev.x() else -1
        size = min(5.0, rh * 0.22)
        p.setPen(Qt.NoPen)
        p.setBrush(color)
        p.drawPolygon(QPolygonF([tip, QPointF(tip.x() - 1.6 * size * dx, tip.y() - size),
                                 QPointF(tip.x() - 1.6 * size * dx, tip.y() + size)]))

    # Bars with progress.
    p.setRenderHint(QPainter.Antialiasing, False)
    for bar in index.rows(index.bars_by_row, first, last):
        bx0, bx1 = bar.x0, bar.x1
        if preview is not None and preview[0] == bar.task_id:
            bx0, bx1 = preview[1], preview[2]
        r = _bar_rect(vp, bx0, bx1, bar.row, inset)
        fill, edge, done = ((Palette.critical, Palette.critical_edge, Palette.critical_progress) if bar.critical
                            else (Palette.bar, Palette.bar_edge, Palette.progress))
        p.fillRect(r, fill)
        if bar.progress > 0:
            p.fillRect(QRectF(r.left(), r.top() + r.height() * 0.3, r.width() * min(bar.progress, 1.0),
                              r.height() * 0.4), done)
        selected = bar.task_id in selection
        p.setPen(QPen(Palette.selection_edge if selected else edge, 2 if selected else 1))
        p.setBrush(Qt.NoBrush)
        p.drawRect(r.adjusted(0, 0, -1, -1))

    # Milestones: diamonds on their instant.
    p.setRenderHint(QPainter.Antialiasing, True)
    for ms in index.rows(index.milestones_by_row, first, last):
        mx = ms.x if preview is None or preview[0] != ms.task_id else preview[1]
        cx, cy = vp.x(mx), vp.y(ms.row)
        size = rh / 2 - inset / 2
        diamond = QPolygonF([QPointF(cx, cy - size), QPointF(cx + size, cy), QPointF(cx, cy + size),
                             QPointF(cx - size, cy)])
        p.setBrush(QBrush(Palette.critical_edge if ms.critical else Palette.milestone))
        p.setPen(QPen(Palette.selection_edge, 2) if ms.task_id in selection else Qt.NoPen)
        p.drawPolygon(diamond)

    # Labels (names, roles, progress, milestone dates): right of the object, left when they would
    # leave the view; past the arrow's first run, on a light ground so a line behind stays readable.
    if rh >= 14:
        metrics = p.fontMetrics()
        stub_px = link_stub(scene.x_min, scene.x_max) * vp.px_per_day
        ground = QColor(255, 255, 255, 215)
        p.setRenderHint(QPainter.Antialiasing, False)
        for label in index.rows(index.labels_by_row, first, last):
            box = label_box(label, vp, metrics, label.task_id in index.milestone_ids, stub_px)
            text_h = metrics.height() + 2
            p.fillRect(QRectF(box.left() - 2, box.center().y() - text_h / 2, box.width() + 2, text_h), ground)
            p.setPen(Palette.label)
            p.drawText(box, Qt.AlignVCenter | Qt.AlignLeft, label.text)

    today = scene.today
    if today is not None and x0 <= today.x <= x1:
        p.setPen(QPen(Palette.today, 1.5, Qt.DashLine))
        p.drawLine(QPointF(vp.x(today.x), 0), QPointF(vp.x(today.x), vp.height))
