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
    """A short guide from the catalogue: the patterns, the four dimensions, the roles, the pitfalls and
    the symptoms. What the source does not say word for word is marked derived."""
    from aiplanner.catalog import load_catalog
    from aiplanner.ui.marks import DERIVED, derived_mark

    cat = load_catalog()
    parts = ["<h2>Three organisational patterns</h2>",
             "<p>Pick the one that fits where your organisation is today (File ▸ New from pattern). "
             f"Lines marked [{DERIVED}] are read from the source, not its words.</p>"]
    for info in cat.patterns:
        def mark(field: str, info=info) -> str:
            return derived_mark(info.derived_note) if field in info.derived else ""

        fits = "".join(f"<li>{html.escape(line)}</li>" for line in info.fits_when)
        parts.append(f"<h3>{html.escape(info.name)}</h3><p>{html.escape(info.summary)}{mark('summary')}</p>"
                     f"<p><b>Works well when:</b>{mark('fits_when')}</p><ul>{fits}</ul>")
        if info.risk:
            parts.append(f"<p><b>Watch out:</b> {html.escape(info.risk)}{mark('risk')}</p>")
        if info.evolution:
            parts.append(f"<p><b>How it evolves:</b> {html.escape(info.evolution)}{mark('evolution')}</p>")
        matrix = info.responsibilities
        parts.append(f"<p><i>Responsibility matrix: "
                     f"{'derived' + derived_mark(matrix.note) if matrix.derived else 'the source’s own table'}"
                     "</i></p>")
    timeline = cat.timeline
    parts.append(f"<p>{html.escape(timeline.foundation_note)} {html.escape(timeline.maturity_note)}</p>")
    parts.append("<h2>Four dimensions</h2>")
    for dim in cat.dimensions:
        functions = "".join(f"<li><b>{html.escape(f.name)}</b>: {html.escape(f.description)}"
                            f"{' <i>(' + html.escape(f.when) + ')</i>' if f.when else ''}</li>" for f in dim.functions)
        parts.append(f"<h3>{html.escape(dim.name)}</h3><p>{html.escape(dim.description)}</p><ul>{functions}</ul>")
    parts.append("<p>View ▸ Show or hide view ▸ Coverage shows them against your plan"
                 f"{derived_mark(cat.notes.get('dimensions.json', 'derived'))}.</p>")
    parts.append("<h2>Five key roles</h2>")
    for role in cat.roles:
        duties = "".join(f"<li>{html.escape(line)}</li>" for line in role.responsibilities)
        parts.append(f"<h3>{html.escape(role.name)}</h3><p>{html.escape(role.focus)}</p><ul>{duties}</ul>")
    if getattr(cat, "roles_combinable", ""):
        parts.append(f"<p><i>{html.escape(cat.roles_combinable)}</i></p>")
    parts.append("<h2>Measuring it</h2><table cellspacing='4'><tr><th align='left'>Metric</th>"
                 "<th align='left'>Target</th><th align='left'>Measured by</th></tr>")
    for m in cat.metrics:
        mark = derived_mark("the source names this metric without a target") if m.derived else ""
        parts.append(f"<tr><td title='{html.escape(m.description)}'>{html.escape(m.category.capitalize())}: "
                     f"{html.escape(m.name)}</td><td>{html.escape(m.target_text())}{mark}</td>"
                     f"<td>{html.escape(m.how_measured)}</td></tr>")
    parts.append("</table>")
    parts.append("<h2>Five pitfalls</h2><p>The Findings view checks the plan for each.</p><ul>")
    parts += [f"<li><b>{html.escape(p.name)}</b>: {html.escape(p.problem)} {html.escape(p.advice)}<br>"
              f"<i>Found when:</i> {html.escape(p.plan_rule)}</li>" for p in cat.pitfalls]
    parts.append("</ul><h2>Six symptoms of misalignment</h2>"
                 "<p>Answer them in the Symptoms view during the Assessment: a symptom found weighs more on the "
                 f"findings it bears on{derived_mark(cat.notes.get('symptoms.json', 'derived'))}.</p><ul>")
    parts += [f"<li><b>{html.escape(s.name)}</b>: {html.escape(s.description)}</li>" for s in cat.symptoms]
    parts.append("</ul>")
    return "".join(parts)
