"""The main window's menus and their actions.

:func:`build_menus` returns the actions by name (``"save"``, ``"undo"`` ...)
so tests and other code trigger exactly what a menu click triggers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from aiplanner.ui.settings import recent_files

if TYPE_CHECKING:  # pragma: no cover
    from aiplanner.ui.main_window import MainWindow

__all__ = ["build_menus", "key_sequences", "sample_plans"]


def key_sequences(keys) -> list[QKeySequence]:
    """The shortcuts ``keys`` stand for, each once (a standard key is this platform's main binding:
    Save As is Ctrl+Shift+S here, so "Ctrl+Shift+S" beside it adds nothing)."""
    out: list[QKeySequence] = []
    for key in keys:
        sequence = QKeySequence(key)
        if not sequence.isEmpty() and all(sequence != known for known in out):
            out.append(sequence)
    return out


def _action(window: "MainWindow", text: str, slot, keys=(), tip: str = "") -> QAction:
    action = QAction(text, window)
    if keys:
        action.setShortcuts(key_sequences(keys))
    action.setStatusTip(tip or text.replace("&", "").rstrip("…"))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def sample_plans() -> list[tuple[Path, str]]:
    """The sample plans shipped with aiplanner: (file, its plan's name), the built-in one first."""
    import json
    import re
    from importlib import resources

    folder = resources.files("aiplanner.samples")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: (e.name != "coe-rollout.aiplan", e.name)):
        if not entry.name.endswith(".aiplan"):
            continue
        with entry.open("r", encoding="utf-8") as handle:
            head = handle.read(4096)  # the name is near the top: no need to load a large sample
        match = re.search(r'"name":\s*("(?:[^"\\]|\\.)*")', head)
        title = json.loads(match.group(1)) if match else entry.name
        found.append((Path(str(entry)), title))
    return found


def build_menus(window: "MainWindow") -> dict[str, QAction]:
    """Create the menu bar of ``window``; return its actions by name."""
    files = window.files
    session = window.session
    acts: dict[str, QAction] = {}
    bar = window.menuBar()

    # -- File --------------------------------------------------------------------
    menu = bar.addMenu("&File")
    acts["new"] = _action(window, "&New from pattern…", window.new_from_pattern, [QKeySequence.StandardKey.New],
                          "Start a plan from one of the three organisational patterns")
    acts["open"] = _action(window, "&Open…", files.open_dialog, [QKeySequence.StandardKey.Open])
    menu.addAction(acts["new"])
    menu.addAction(acts["open"])
    recent_menu = menu.addMenu("Open &Recent")
    window.recent_menu = recent_menu

    def fill_recent() -> None:
        recent_menu.clear()
        entries = recent_files(window.settings)
        for n, entry in enumerate(entries):
            label = f"&{n + 1} {Path(entry).name}" if n < 9 else Path(entry).name
            action = recent_menu.addAction(label)
            action.setToolTip(entry)
            action.setStatusTip(entry)
            action.triggered.connect(lambda _c=False, p=entry: files.open_path(p))
        recent_menu.setEnabled(bool(entries))

    files.recentChanged.connect(fill_recent)
    fill_recent()
    samples_menu = menu.addMenu("Open &sample")
    window.samples_menu = samples_menu
    for path, title in sample_plans():
        action = samples_menu.addAction(title)
        action.setStatusTip(f"Open the {path.stem} sample as an untitled copy")
        action.triggered.connect(lambda _c=False, p=path: files.open_sample(p))
        acts[f"sample_{path.stem}"] = action
    samples_menu.setEnabled(bool(samples_menu.actions()))
    menu.addSeparator()
    acts["save"] = _action(window, "&Save", files.save, [QKeySequence.StandardKey.Save])
    acts["save_as"] = _action(window, "Save &As…", files.save_as, [QKeySequence.StandardKey.SaveAs, "Ctrl+Shift+S"])
    acts["revert"] = _action(window, "Re&vert", files.revert, (), "Reload the file, dropping unsaved changes")
    for name in ("save", "save_as", "revert"):
        menu.addAction(acts[name])
    menu.addSeparator()
    acts["plan_properties"] = _action(window, "Plan &properties…", window.plan_properties, ["Ctrl+Alt+P"],
                                      "Name, organisation, start and status date, working week, holidays, pattern")
    menu.addAction(acts["plan_properties"])
    menu.addSeparator()
    acts["import"] = _action(window, "&Import…", window.import_dialog, ["Ctrl+Shift+I"],
                             "Read a Mermaid gantt, MS Project XML or CSV file as a new plan")
    acts["export"] = _action(window, "&Export…", window.export_dialog, ["Ctrl+Shift+E"],
                             "Write PDF, PNG, SVG, CSV, Mermaid, MS Project XML or iCalendar")
    acts["print_preview"] = _action(window, "Print pre&view…", window.print_preview, [QKeySequence.StandardKey.Print],
                                    "The report's pages as they will print; print them or export the PDF")
    menu.addAction(acts["import"])
    menu.addAction(acts["export"])
    menu.addAction(acts["print_preview"])
    menu.addSeparator()
    acts["quit"] = _action(window, "&Quit", window.close, [QKeySequence.StandardKey.Quit, "Ctrl+Q"])
    menu.addAction(acts["quit"])

    # -- Edit --------------------------------------------------------------------
    menu = bar.addMenu("&Edit")
    stack = session.undo_stack
    acts["undo"] = stack.createUndoAction(window, "&Undo")
    acts["undo"].setShortcuts(key_sequences([QKeySequence.StandardKey.Undo]))
    acts["redo"] = stack.createRedoAction(window, "&Redo")
    acts["redo"].setShortcuts(key_sequences(["Ctrl+Shift+Z", "Ctrl+Y"]))
    menu.addAction(acts["undo"])
    menu.addAction(acts["redo"])
    menu.addSeparator()
    acts["edit_task"] = _action(window, "&Edit task…", window.edit_current_task, ["Ctrl+E"],
                                "Open the task editor for the current task")
    menu.addAction(acts["edit_task"])
    tree = window.tree
    for name, action in zip(("insert_task", "delete_task", "move_up", "move_down", "outdent", "indent"),
                            tree.task_actions()):
        acts[name] = action
        menu.addAction(action)
    menu.addSeparator()
    for name, action in zip(("link_tasks", "unlink_tasks"), tree.link_actions()):
        acts[name] = action
        menu.addAction(action)
    menu.addSeparator()
    acts["find"] = _action(window, "&Filter tasks", window.focus_filter, [QKeySequence.StandardKey.Find])
    menu.addAction(acts["find"])

    # -- View --------------------------------------------------------------------
    menu = bar.addMenu("&View")
    acts["focus_table"] = _action(window, "Task &table", lambda: window.tree.setFocus(), ["Alt+1"])
    acts["focus_gantt"] = _action(window, "&Gantt chart", lambda: window.gantt.setFocus(), ["Alt+2"])
    acts["focus_filter"] = _action(window, "&Filter box", window.focus_filter, ["Alt+3"])
    acts["plan_order"] = _action(window, "&Plan order", window.tree.plan_order, ["Ctrl+Shift+O"],
                                 "Show tasks in the plan's order (undo a column sort)")
    acts["expand_phases"] = _action(window, "&Expand all phases", window.tree.expand_all_phases,
                                    ["Ctrl+Shift+Right"], "Show the tasks of every phase (table and Gantt)")
    acts["collapse_phases"] = _action(window, "Co&llapse all phases", window.tree.collapse_all_phases,
                                      ["Ctrl+Shift+Left"], "Show each phase as one summary row (table and Gantt)")
    for name in ("focus_table", "focus_gantt", "focus_filter", "plan_order", "expand_phases", "collapse_phases"):
        menu.addAction(acts[name])
    window.view_menu = menu
    window.extend_view_menu(menu, acts)
    menu.addSeparator()
    go = menu.addMenu("&Go to view")
    order = ["findings", "people", "risk", "network", "matrix", "metrics", "history"]
    for n, name in enumerate([d for d in order if d in window.docks]):
        dock = window.docks[name]
        key = f"Alt+{(n + 4) % 10}"
        action = _action(window, dock.windowTitle(), lambda d=name: window.focus_dock(d), [key],
                         f"Show the {dock.windowTitle().replace('&', '')} view and move the keyboard focus there")
        acts[f"go_{name}"] = action
        go.addAction(action)
    shown = menu.addMenu("&Show or hide view")
    for name, dock in window.docks.items():
        toggle = dock.toggleViewAction()
        acts[f"dock_{name}"] = toggle
        shown.addAction(toggle)

    # -- Help --------------------------------------------------------------------
    menu = bar.addMenu("&Help")
    acts["shortcuts"] = _action(window, "&Keyboard shortcuts", window.show_shortcuts, ["F1"])
    acts["guide"] = _action(window, "&Guide: patterns and roles", window.show_guide)
    acts["about"] = _action(window, "&About aiplanner", window.show_about)
    for name in ("shortcuts", "guide", "about"):
        menu.addAction(acts[name])

    for action in acts.values():
        if action.parent() is window:
            window.addAction(action)
    return acts
