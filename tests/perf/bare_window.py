"""The baseline of the window-start benchmark: a bare PySide6 main window with a
50-row table, the size of ``aiplanner --screenshot``, shown, grabbed to a PNG
after the first turn of the event loop, then exit.

Usage: ``python tests/perf/bare_window.py OUT.png`` (with ``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem


def main() -> int:
    out = sys.argv[1] if len(sys.argv) > 1 else "bare.png"
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableWidget(50, 6)
    table.setHorizontalHeaderLabels(["id", "name", "start", "finish", "days", "float"])
    for row in range(50):
        for col, text in enumerate((f"t{row}", f"Task {row}", "2026-05-04", "2026-05-18", str(row % 20 + 1), "0")):
            table.setItem(row, col, QTableWidgetItem(text))
    window.setCentralWidget(table)
    window.resize(1280, 720)
    window.show()

    def grab() -> None:
        app.exit(0 if window.grab().save(out) else 1)

    QTimer.singleShot(0, grab)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
