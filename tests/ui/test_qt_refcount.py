"""Guard against a Qt binding that leaks references to None.

PySide6 6.12.0 decrements None's reference count on every call of a void
method (``QPainter.fillRect``, ``setPen`` ...). Under Python 3.11 None is
not immortal, so a window that repaints for a while aborts with
"none_dealloc". The Gantt calls such methods hundreds of times a frame.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen


def test_void_qpainter_calls_keep_none_alive(qtbot):
    image = QImage(50, 50, QImage.Format_ARGB32)
    painter = QPainter(image)
    rect, color, pen = QRectF(0, 0, 5, 5), QColor("#336699"), QPen(QColor("#000000"))
    before = sys.getrefcount(None)
    for _ in range(500):  # enough to see a leak, too few to exhaust None and abort
        painter.fillRect(rect, color)
        painter.setPen(pen)
    after = sys.getrefcount(None)
    painter.end()
    assert after - before > -100, (f"the Qt binding dropped {before - after} references to None: "
                                   "reinstall with pip install -e '.[test]' (pyproject excludes PySide6 6.12.0)")
