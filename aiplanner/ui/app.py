"""Start the Qt application and the main window.

``aiplanner [FILE]`` opens FILE; without one, the last plan opened (from
the settings), else the built-in sample. A plan that cannot be opened
leaves the window running with a dialog that says why. After a crash the
window offers to recover the autosaved changes.

``--screenshot OUT.png`` (or ``AIPLANNER_SCREENSHOT=OUT.png``) renders the
window as first painted, saves it and exits: for README pictures, smoke
tests under ``QT_QPA_PLATFORM=offscreen`` and start-up timing
(``AIPLANNER_SCREENSHOT_DELAY_MS`` waits that much longer, e.g. 1500 for the
findings and the risk run's P80, which fill in after the first paint).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

__all__ = ["run_app", "builtin_sample_path", "initial_path", "open_initial", "create_application"]

BUILTIN_SAMPLE = "coe-rollout.aiplan"


def builtin_sample_path() -> Path | None:
    """Path of the sample the window opens when no file is given (inside the wheel)."""
    candidate = resources.files("aiplanner.samples").joinpath(BUILTIN_SAMPLE)
    return Path(str(candidate)) if candidate.is_file() else None


def initial_path(file: str | None) -> Path | None:
    """What to open: ``file``, else the last plan (if it still exists), else the sample."""
    if file:
        return Path(file)
    from aiplanner.ui.settings import app_settings

    last = app_settings().value("files/last")
    if last and Path(str(last)).is_file():
        return Path(str(last))
    return builtin_sample_path()


def _import_suffixes() -> set[str]:
    from aiplanner.io.importing import FORMATS

    return {suffix for suffixes in FORMATS.values() for suffix in suffixes}


def open_initial(window, file: str | None) -> None:
    """What the window shows first: recovered changes, else FILE / the last plan,
    else the built-in sample as an untitled copy (so Save never writes into the
    installation). A file that cannot be opened is explained in a dialog."""
    if window.files.offer_recovery():
        return
    path = initial_path(file)
    sample = builtin_sample_path()
    if path is not None and path.suffix.lower() in _import_suffixes():
        if window.import_path(path):  # aiplanner timeline.mmd: read it as a new plan
            return
    elif path is not None and path != sample and window.files.open_path(path, ask=False):
        return
    if sample is not None:
        window.files.open_copy(sample)


def _uses_pyside(module) -> bool:
    """Whether ``module``'s source names PySide6: what PySide asks of every module imported after it.

    PySide's ``__feature__`` support records, per module, whether it uses PySide;
    it finds out with :func:`inspect.getsource` (a tokenised read of the whole file,
    about 0.2 ms a module, 0.1 s for the ~550 modules the window imports). Our own
    modules are known by name (only ``aiplanner.ui`` imports Qt, an import-linter
    contract); for the rest the file's bytes are searched, the same answer without
    the tokenising. Anything unusual goes to PySide's own test.
    """
    name = getattr(module, "__name__", "")
    if name == "aiplanner" or name.startswith("aiplanner."):
        return name.startswith("aiplanner.ui")
    path = getattr(module, "__file__", None)
    if not isinstance(path, str):
        return False  # built-in or namespace module: no source, as getsource finds
    if not path.endswith(".py"):
        return _PYSIDE_TEST(module) if _PYSIDE_TEST is not None else False
    try:
        with open(path, "rb") as handle:
            return b"PySide6" in handle.read()
    except OSError:
        return False


_PYSIDE_TEST = None


def _lighten_pyside_import_hook() -> None:
    """Swap PySide's per-module source inspection for :func:`_uses_pyside` (if PySide has it)."""
    global _PYSIDE_TEST
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or original is _uses_pyside:
        return
    _PYSIDE_TEST = original
    feature._mod_uses_pyside = _uses_pyside


def create_application(qt_args: Sequence[str] = ()):
    """The QApplication (high-DPI aware: Qt 6 scales by the screen; we keep fractional factors)."""
    import PySide6  # noqa: F401  installs PySide's import hook, made light at once

    _lighten_pyside_import_hook()
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("aiplanner")
    app.setOrganizationName("aiplanner")
    app.setApplicationDisplayName("aiplanner")
    app.setDesktopFileName("aiplanner")
    return app


def _split_screenshot(qt_args: Sequence[str]) -> tuple[str | None, list[str]]:
    args = list(qt_args)
    shot = os.environ.get("AIPLANNER_SCREENSHOT") or None
    for i, arg in enumerate(args):
        if arg == "--screenshot" and i + 1 < len(args):
            shot = args[i + 1]
            del args[i:i + 2]
            break
        if arg.startswith("--screenshot="):
            shot = arg.split("=", 1)[1]
            del args[i]
            break
    return shot, args


def run_app(file: str | None, qt_args: Sequence[str] = ()) -> int:
    """Open the window on ``file`` (see :func:`initial_path`) and run the event loop."""
    screenshot, qt_args = _split_screenshot(qt_args)
    app = create_application(qt_args)
    from PySide6.QtCore import QTimer

    from aiplanner.ui.first_paint import defer_until_painted
    from aiplanner.ui.main_window import MainWindow, app_icon

    app.setWindowIcon(app_icon())
    window = MainWindow()
    window.prompts.headless = bool(screenshot)
    defer_until_painted(window)  # the checks and the risk run start once the table and the Gantt are up
    open_initial(window, file)
    window.show_initial()  # the remembered size, else the whole screen
    if screenshot:
        from aiplanner.ui.first_paint import after_first_paint, stop_pending

        def grab() -> None:
            window.grab().save(screenshot)
            window.files.recovery.close()
            stop_pending()  # the checks waiting for the first paint need not run now
            app.exit(0)

        # The window as first painted (the table and the Gantt; the checks and the risk run
        # fill in after it): AIPLANNER_SCREENSHOT_DELAY_MS=1500 waits for them as well.
        delay = int(os.environ.get("AIPLANNER_SCREENSHOT_DELAY_MS", "0") or 0)
        after_first_paint(window, (lambda: QTimer.singleShot(delay, grab)) if delay > 0 else grab)
    window.show()
    code = app.exec()
    if screenshot:
        # A screenshot run is over once its PNG is saved (Qt has written and closed it):
        # leave without tearing down the window and every module (~0.1 s of a 1 s run).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
