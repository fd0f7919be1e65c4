"""Start the Qt application and the main window.

(Interim window: the full editor comes with the window issue.)
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

__all__ = ["run_app", "builtin_sample_path"]

BUILTIN_SAMPLE = "coe-rollout.aiplan"


def builtin_sample_path() -> Path | None:
    """Path of the sample the window opens when no file is given (inside the wheel)."""
    candidate = resources.files("aiplanner.samples").joinpath(BUILTIN_SAMPLE)
    return Path(str(candidate)) if candidate.is_file() else None


def run_app(file: str | None, qt_args: Sequence[str] = ()) -> int:
    """Open the window on ``file`` (or the built-in sample) and run the event loop."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from aiplanner.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("aiplanner")
    app.setOrganizationName("aiplanner")
    window = MainWindow()
    path = Path(file) if file else builtin_sample_path()
    if path is not None:
        try:
            window.open_path(path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, window stays up
            QMessageBox.critical(window, "Cannot open plan", str(exc))
    window.show()
    return app.exec()
