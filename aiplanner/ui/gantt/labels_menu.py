"""View > Bar labels: what the window's Gantt writes beside its bars (remembered in the settings)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup

__all__ = ["BAR_LABELS", "add_bar_label_menu", "choose_bar_labels"]

#: The choices, by the Gantt's ``bar_labels`` mode; names first, as the peers label their bars.
BAR_LABELS = {"name": "Task &names", "roles": "&Roles", "auto": "&Progress and milestone dates", "none": "N&one"}
_KEY = "gantt/bar_labels"


def add_bar_label_menu(window, menu, acts: dict) -> None:
    """Add the Bar labels submenu to ``menu`` (its actions to ``acts``) and apply the remembered choice."""
    labels = menu.addMenu("&Bar labels")
    group = QActionGroup(window)
    chosen = str(window.settings.value(_KEY, "name"))
    if chosen not in BAR_LABELS:
        chosen = "name"
    for mode, text in BAR_LABELS.items():
        action = QAction(text, window, checkable=True)
        action.setStatusTip(f"Write {text.replace('&', '').lower()} beside the Gantt's bars")
        action.setChecked(mode == chosen)
        action.triggered.connect(lambda _on=False, m=mode: choose_bar_labels(window, m))
        group.addAction(action)
        labels.addAction(action)
        acts[f"labels_{mode}"] = action
    window.gantt.bar_labels = chosen
    window.gantt.rebuild()


def choose_bar_labels(window, mode: str) -> None:
    """Label the window's Gantt with ``mode``, tick it in the menu and remember it."""
    window.gantt.set_bar_labels(mode)
    window.settings.setValue(_KEY, mode)
    action = getattr(window, "actions_by_name", {}).get(f"labels_{mode}")
    if action is not None and not action.isChecked():
        action.setChecked(True)
