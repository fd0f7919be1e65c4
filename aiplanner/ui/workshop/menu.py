"""Workshop actions in the main window's View menu: presentation mode, baselines, scenarios.

:func:`add_workshop_actions` puts them into the View menu (the window calls
it from ``extend_view_menu``) and adds the workshop tool bar; what each
action does is in :mod:`aiplanner.ui.workshop.actions`.
"""

from __future__ import annotations

from PySide6.QtGui import QAction

from aiplanner.ui.workshop.actions import capture, new_scenario, open_compare, present, show_ghosts, switch_scenario_pattern
from aiplanner.ui.workshop.bar import WorkshopBar

__all__ = ["add_workshop_actions"]


def add_workshop_actions(window, menu, acts: dict) -> None:
    """Add the workshop actions to ``menu`` (and ``acts`` by name)."""
    from aiplanner.ui.menus import _action

    acts["presentation"] = _action(window, "&Presentation mode", lambda: present(window), ["F5"],
                                   "Full-screen plan for a projector (Esc leaves)")
    acts["capture_baseline"] = _action(window, "Capture &baseline…", lambda: capture(window), ["Ctrl+Alt+B"],
                                       "Freeze today's schedule under a name, to compare against later")
    show = QAction("Show baseline &ghosts", window)
    show.setCheckable(True)
    show.setShortcut("Ctrl+Shift+B")
    show.setStatusTip("Ghost bars of the baseline chosen in the tool bar (the latest when none is chosen)")
    show.toggled.connect(lambda on: show_ghosts(window, on))
    acts["baseline_ghosts"] = show
    window.workshop_bar = WorkshopBar(window)
    window.addToolBar(window.workshop_bar)
    acts["new_scenario"] = _action(window, "New &scenario", lambda: new_scenario(window), [],
                                   "A what-if variant of the plan")
    acts["scenario_pattern"] = _action(window, "Scenario &pattern…", lambda: switch_scenario_pattern(window), [],
                                       "Rebuild a scenario for another organisational pattern")
    acts["compare"] = _action(window, "&Compare…", lambda: open_compare(window), ["Ctrl+Alt+C"],
                              "What changed between the plan, a baseline and a scenario")
    menu.addSeparator()
    for name in ("presentation", "capture_baseline", "baseline_ghosts", "compare", "new_scenario", "scenario_pattern"):
        menu.addAction(acts[name])
