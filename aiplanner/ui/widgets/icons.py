"""The window's icons, drawn here: nothing is loaded from a theme or the network.

Each icon is a few strokes on a 32-pixel grid (:func:`icon` caches them), in
the chart's own colours, so the tool bar reads the same on every desktop
and under ``QT_QPA_PLATFORM=offscreen``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

__all__ = ["icon", "ICON_NAMES"]

INK = QColor("#374151")
ACCENT = QColor("#1b4fb8")
BAR = QColor("#7ea6f0")
WARM = QColor("#f08c00")
RED = QColor("#b8392f")

_cache: dict[str, QIcon] = {}


def _pen(p: QPainter, color: QColor = INK, width: float = 2.4) -> None:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _arrow_head(p: QPainter, tip: QPointF, angle: float, color: QColor = INK, size: float = 7.0) -> None:
    left = QPointF(tip.x() - size * math.cos(angle - 0.5), tip.y() - size * math.sin(angle - 0.5))
    right = QPointF(tip.x() - size * math.cos(angle + 0.5), tip.y() - size * math.sin(angle + 0.5))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawPolygon(QPolygonF([tip, left, right]))


def _turn(p: QPainter, mirrored: bool) -> None:
    """Undo / redo: an arrow bending back."""
    path = QPainterPath(QPointF(26, 24))
    path.cubicTo(QPointF(26, 10), QPointF(12, 8), QPointF(7, 14))
    if mirrored:
        p.translate(32, 0)
        p.scale(-1, 1)
    _pen(p, ACCENT, 2.8)
    p.drawPath(path)
    _arrow_head(p, QPointF(5, 17), math.radians(125), ACCENT, 8)


def _undo(p):
    _turn(p, False)


def _redo(p):
    _turn(p, True)


def _bar(p: QPainter, x0: float, x1: float, y: float, color: QColor = BAR) -> None:
    p.setPen(QPen(ACCENT, 1.4))
    p.setBrush(color)
    p.drawRect(QRectF(x0, y, x1 - x0, 7))


def _add_task(p):
    _bar(p, 3, 19, 5)
    _bar(p, 9, 25, 14)
    _pen(p, QColor("#2e7d32"), 3)
    p.drawLine(QPointF(24, 21), QPointF(24, 31))
    p.drawLine(QPointF(19, 26), QPointF(29, 26))


def _link(p):
    _bar(p, 2, 14, 4)
    _bar(p, 16, 30, 21)
    _pen(p, INK, 2)
    p.drawPolyline(QPolygonF([QPointF(14, 7.5), QPointF(20, 7.5), QPointF(20, 17)]))
    _arrow_head(p, QPointF(20, 21), math.radians(90), INK, 6)


def _unlink(p):
    _link(p)
    _pen(p, RED, 2.6)
    p.drawLine(QPointF(13, 11), QPointF(27, 15))


def _magnifier(p: QPainter, sign: str) -> None:
    _pen(p, INK, 2.6)
    p.drawEllipse(QRectF(4, 4, 17, 17))
    p.drawLine(QPointF(18.5, 18.5), QPointF(28, 28))
    _pen(p, ACCENT, 2.6)
    if sign in "+-":
        p.drawLine(QPointF(8.5, 12.5), QPointF(16.5, 12.5))
    if sign == "+":
        p.drawLine(QPointF(12.5, 8.5), QPointF(12.5, 16.5))


def _zoom_in(p):
    _magnifier(p, "+")


def _zoom_out(p):
    _magnifier(p, "-")


def _zoom_fit(p):
    _pen(p, INK, 2.4)
    for x, y, dx, dy in ((3, 3, 1, 1), (29, 3, -1, 1), (3, 29, 1, -1), (29, 29, -1, -1)):
        p.drawLine(QPointF(x, y), QPointF(x + 7 * dx, y))
        p.drawLine(QPointF(x, y), QPointF(x, y + 7 * dy))
    _bar(p, 8, 24, 12)


def _calendar(p):
    _pen(p, INK, 2)
    p.drawRoundedRect(QRectF(4, 6, 24, 22), 2, 2)
    p.fillRect(QRectF(4, 6, 24, 6), INK)
    p.drawLine(QPointF(10, 3), QPointF(10, 8))
    p.drawLine(QPointF(22, 3), QPointF(22, 8))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    for row in range(2):
        for col in range(4):
            p.drawRect(QRectF(7.5 + col * 5, 15 + row * 5.5, 2.6, 2.6))


def _today(p):
    _calendar(p)
    pen = QPen(WARM, 2.6, Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.drawLine(QPointF(16, 1), QPointF(16, 31))


def _page(p: QPainter) -> None:
    _pen(p, INK, 2)
    p.setBrush(QColor("#ffffff"))
    p.drawPolygon(QPolygonF([QPointF(5, 3), QPointF(20, 3), QPointF(26, 9), QPointF(26, 29), QPointF(5, 29)]))
    p.setPen(QPen(QColor("#9aa3b2"), 1.6))
    for y in (11, 15, 19):
        p.drawLine(QPointF(9, y), QPointF(21, y))


def _print_preview(p):
    _page(p)
    p.setBrush(QColor(255, 255, 255, 220))
    _pen(p, ACCENT, 2.6)
    p.drawEllipse(QRectF(13, 14, 11, 11))
    p.drawLine(QPointF(22, 23), QPointF(29, 30))


def _export(p):
    _page(p)
    _pen(p, ACCENT, 2.8)
    p.drawLine(QPointF(14, 23), QPointF(29, 23))
    _arrow_head(p, QPointF(31, 23), 0.0, ACCENT, 7)


def _save(p):
    _pen(p, INK, 2)
    p.setBrush(QColor("#e8edf6"))
    p.drawPolygon(QPolygonF([QPointF(4, 4), QPointF(24, 4), QPointF(28, 8), QPointF(28, 28), QPointF(4, 28)]))
    p.fillRect(QRectF(9, 5, 13, 8), ACCENT)
    p.setBrush(QColor("#ffffff"))
    p.drawRect(QRectF(8, 18, 16, 10))


def _open(p):
    _pen(p, INK, 2)
    p.setBrush(QColor("#f6d68b"))
    p.drawPolygon(QPolygonF([QPointF(3, 8), QPointF(12, 8), QPointF(15, 11), QPointF(28, 11), QPointF(28, 27),
                             QPointF(3, 27)]))


def _delete(p):
    _pen(p, RED, 3)
    p.drawLine(QPointF(8, 8), QPointF(24, 24))
    p.drawLine(QPointF(24, 8), QPointF(8, 24))


def _properties(p):
    _page(p)
    _pen(p, ACCENT, 2.4)
    p.drawEllipse(QRectF(15, 16, 10, 10))


_PAINTERS: dict[str, Callable[[QPainter], None]] = {
    "undo": _undo, "redo": _redo, "add-task": _add_task, "link": _link, "unlink": _unlink,
    "zoom-in": _zoom_in, "zoom-out": _zoom_out, "zoom-fit": _zoom_fit, "today": _today, "calendar": _calendar,
    "print-preview": _print_preview, "export": _export, "save": _save, "open": _open, "delete": _delete,
    "properties": _properties,
}
ICON_NAMES: tuple[str, ...] = tuple(_PAINTERS)


def icon(name: str) -> QIcon:
    """The icon called ``name`` (one of :data:`ICON_NAMES`), drawn at 32 and 64 pixels."""
    cached = _cache.get(name)
    if cached is not None:
        return cached
    paint = _PAINTERS[name]
    result = QIcon()
    for size in (32, 64):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.scale(size / 32, size / 32)
        paint(p)
        p.end()
        result.addPixmap(pixmap)
    _cache[name] = result
    return result
