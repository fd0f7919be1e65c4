"""Work that waits until the window has first been painted.

The window opens on the table and the Gantt; everything else (the plan
checks, the risk run) fills in a moment later. A zero-millisecond timer
started before ``show()`` fires *before* Qt's first paint, so waiting for
the paint itself is the only reliable "after the window is up".

``defer_until_painted(window)`` marks a window whose views hold their
background work back until it has painted (the application does this for
its main window before opening a plan). ``after_first_paint(widget,
callback)`` then calls ``callback`` from the event loop once that window
has painted; for any other window (a view on its own, a window already
painted) it calls it in the next turn of the event loop. Callbacks
registered later run first on that paint (Qt activates the event filter
installed last first), so the screenshot of ``aiplanner --screenshot``,
registered after the plan is opened, is the window as first painted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

__all__ = ["after_first_paint", "defer_until_painted", "waiting_for_paint", "stop_pending"]

_DEFER = "aiplanner_defer_until_painted"
_stopped = False


def defer_until_painted(window: QWidget) -> None:
    """Make the views of ``window`` hold background work back until it has first painted."""
    window.setProperty(_DEFER, True)


def waiting_for_paint(widget: QWidget) -> bool:
    """Whether ``widget``'s window holds background work back and has not painted yet."""
    return bool(widget.window().property(_DEFER))


def stop_pending() -> None:
    """Drop every callback not yet run (the application is quitting: a screenshot has been
    saved, say; Qt would still run timers already due in the event loop's last turn)."""
    global _stopped
    _stopped = True


def _call_soon(widget: QWidget, callback: Callable[[], None]) -> None:
    # With ``widget`` as the timer's context: a widget deleted meanwhile is not called back.
    if isValid(widget):
        QTimer.singleShot(0, widget, lambda: None if _stopped else callback())


class _FirstPaint(QObject):
    """Event filter on a window: calls back once, after its first paint, and ends the wait."""

    def __init__(self, window: QWidget, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._widget = widget
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            obj.setProperty(_DEFER, False)
            obj.removeEventFilter(self)
            _call_soon(self._widget, self._callback)  # the next loop turn: after the paint has finished
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once ``widget``'s window has painted, when it waits for that; else soon."""
    if waiting_for_paint(widget):
        _FirstPaint(widget.window(), widget, callback)
    else:
        _call_soon(widget, callback)
