"""The main tool bar: the actions people reach for most, with drawn icons.

Save; undo and redo; add a task and link the selected ones; zoom the Gantt
in, out, to the whole plan, and to the status line; preview the report and
export. Each button is the menu's own action (same shortcut, same state),
so the tool bar never does anything the menus do not.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from aiplanner.ui.widgets.icons import icon

__all__ = ["build_toolbar", "arrange_toolbars", "TOOLBAR"]

#: (action name, icon) in tool bar order; ``None`` is a separator.
TOOLBAR: tuple[tuple[str, str] | None, ...] = (
    ("save", "save"),
    None,
    ("undo", "undo"), ("redo", "redo"),
    None,
    ("insert_task", "add-task"), ("link_tasks", "link"),
    None,
    ("zoom_in", "zoom-in"), ("zoom_out", "zoom-out"), ("zoom_fit", "zoom-fit"), ("today", "today"),
    None,
    ("print_preview", "print-preview"), ("export", "export"),
)


def _tip(action: QAction) -> str:
    text = action.text().replace("&", "").rstrip("…").strip()
    keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
    return f"{text} ({keys[0]})" if keys else text


def build_toolbar(window: QWidget, acts: dict[str, QAction]) -> QToolBar:
    """The tool bar of ``window`` over its named actions (missing ones are left out)."""
    bar = QToolBar("Standard", window)
    bar.setObjectName("MainToolBar")
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for entry in TOOLBAR:
        if entry is None:
            bar.addSeparator()
            continue
        name, picture = entry
        action = acts.get(name)
        if action is None:
            continue
        action.setIcon(icon(picture))
        bar.addAction(action)
        if name not in ("undo", "redo"):  # theirs follows the stack's text ("Undo Edit duration of …")
            action.setToolTip(_tip(action))
    return bar


def arrange_toolbars(window, bars: list[QToolBar]) -> None:
    """One row of tool bars when they fit the window's width, else the last one on a second row
    (a combo box hidden behind a tool bar's overflow arrow could not take its Alt key)."""
    needed = sum(bar.sizeHint().width() for bar in bars) + 24
    last = bars[-1]
    wrapped = window.toolBarBreak(last)
    if needed > window.width() and not wrapped:
        window.insertToolBarBreak(last)
    elif needed <= window.width() and wrapped:
        window.removeToolBarBreak(last)
