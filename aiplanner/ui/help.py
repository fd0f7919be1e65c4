"""The Help menu: keyboard shortcuts, the built-in guide, the About box."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from aiplanner import __version__

if TYPE_CHECKING:  # pragma: no cover
    from aiplanner.ui.main_window import MainWindow

__all__ = ["shortcut_rows", "shortcuts_html", "guide_html", "TextDialog", "show_about", "TABLE_KEYS", "GANTT_KEYS",
           "PRESENTATION_KEYS"]

#: Keys of the task table that are not menu actions.
TABLE_KEYS = [
    ("Arrow keys", "Move between cells"),
    ("Tab / Shift+Tab", "Next / previous cell (also while editing)"),
    ("F2, or start typing", "Edit the current cell"),
    ("Enter", "On a task name: open the task editor; elsewhere: edit the cell"),
    ("Escape", "Cancel the edit in progress"),
    ("Left / Right on a phase row", "Collapse / expand the phase (also its branch arrow, or a double-click "
                                    "on one of its read-only cells); the Gantt follows"),
    ("Alt+B / Alt+S", "Choose the baseline (Gantt ghosts, Compare) / the scenario shown (tool bar)"),
]
GANTT_KEYS = [
    ("Ctrl+wheel, + / -", "Zoom the Gantt in and out"),
    ("0", "Fit the whole plan (Gantt focused)"),
    ("Drag a bar", "Move it (sets its not-before date)"),
    ("Drag a bar's right end", "Change its duration"),
    ("Shift+drag onto a bar", "Link finish-to-start"),
    ("Double-click a bar", "Open the task editor"),
    ("Double-click a phase's row", "Collapse / expand the phase (the table follows)"),
]
PRESENTATION_KEYS = [
    ("F5 / Esc", "Enter / leave presentation mode (it starts with the table's collapsed phases)"),
    ("S / Shift+S, B", "Next / previous scenario, baseline ghosts on or off"),
    ("C", "Collapse all phases to summary rows / expand them all (presentation only)"),
    ("Tab / Shift+Tab, ] / [", "Select the next / previous task, lengthen / shorten it by a day"),
]


def shortcut_rows(window: "MainWindow") -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action that has a shortcut, in menu order."""
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        title = menu_action.text().replace("&", "")
        stack = list(menu.actions())
        while stack:
            action = stack.pop(0)
            if action.menu() is not None:
                stack[:0] = action.menu().actions()
                continue
            keys = list(dict.fromkeys(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()))
            if keys and isinstance(action, QAction):
                rows.append((title, action.text().replace("&", "").rstrip("…").strip(), ", ".join(keys)))
    return rows


def shortcuts_html(window: "MainWindow") -> str:
    def table(title: str, rows) -> str:
        body = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in rows)
        return f"<h3>{html.escape(title)}</h3><table cellspacing='6'>{body}</table>"

    parts = ["<h2>Keyboard shortcuts</h2>"]
    by_menu: dict[str, list[tuple[str, str]]] = {}
    for menu, text, keys in shortcut_rows(window):
        by_menu.setdefault(menu, []).append((keys, text))
    for menu, rows in by_menu.items():
        parts.append(table(f"{menu} menu", rows))
    parts.append(table("Task table", TABLE_KEYS))
    parts.append(table("Gantt chart", GANTT_KEYS))
    parts.append(table("Presentation mode", PRESENTATION_KEYS))
    return "".join(parts)


class TextDialog(QDialog):
    """A resizable dialog showing rich text (keyboard: Escape or Enter closes)."""

    def __init__(self, title: str, text_html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 560)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(text_html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def about_text() -> str:
    return (f"<h2>aiplanner {html.escape(__version__)}</h2>"
            "<p>An offline desktop planner for rolling out an AI operating model: pattern templates, "
            "phases and tasks, the five key roles, risk and load.</p>"
            "<p>Nothing in it uses the network. Built with Qt for Python (PySide6), pydantic, "
            "networkx, numpy and matplotlib.</p><p>Licence: MIT.</p>")


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle("About aiplanner")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text())
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def guide_html() -> str:
    """A short guide to the three patterns and the five key roles, from the catalogue."""
    from aiplanner.catalog import load_catalog

    cat = load_catalog()
    parts = ["<h2>Three organisational patterns</h2>",
             "<p>Pick the one that fits where your organisation is today (File ▸ New from pattern).</p>"]
    for info in cat.patterns:
        fits = "".join(f"<li>{html.escape(line)}</li>" for line in info.fits_when)
        parts.append(f"<h3>{html.escape(info.name)}</h3><p>{html.escape(info.summary)}</p>"
                     f"<p><b>Works well when:</b></p><ul>{fits}</ul>")
        if info.risk:
            parts.append(f"<p><b>Watch out:</b> {html.escape(info.risk)}</p>")
    parts.append("<h2>Five key roles</h2>")
    for role in cat.roles:
        duties = "".join(f"<li>{html.escape(line)}</li>" for line in role.responsibilities)
        parts.append(f"<h3>{html.escape(role.name)}</h3><p>{html.escape(role.focus)}</p><ul>{duties}</ul>")
    if getattr(cat, "roles_combinable", ""):
        parts.append(f"<p><i>{html.escape(cat.roles_combinable)}</i></p>")
    return "".join(parts)
