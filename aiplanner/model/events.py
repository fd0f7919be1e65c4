"""Plain observer events: the document announces what changed; views listen.

The document is not a QObject (STYLE.md): Qt adapters subscribe with a plain
callable and turn events into Qt signals themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Event", "EventEmitter"]


@dataclass(frozen=True)
class Event:
    """Something happened to the document.

    ``kind`` is one of ``task_added``, ``task_removed``, ``task_changed``,
    ``task_moved``, ``dependency_added``, ``dependency_removed``,
    ``phase_added``, ``phase_removed``, ``phase_changed``, ``plan_changed``,
    ``staffing_changed``, ``plan_replaced``, ``saved``.
    ``tasks`` names the tasks whose scheduling inputs changed (what an
    incremental reschedule must start from).
    """

    kind: str
    tasks: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)


class EventEmitter:
    """A list of callbacks; ``emit`` calls each in order of connection."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[Event], None]] = []

    def connect(self, callback: Callable[[Event], None]) -> None:
        if callback not in self._callbacks:
            self._callbacks.append(callback)

    def disconnect(self, callback: Callable[[Event], None]) -> None:
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, event: Event) -> None:
        for callback in list(self._callbacks):
            callback(event)
