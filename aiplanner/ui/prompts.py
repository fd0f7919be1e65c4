"""Questions and messages the window asks the user, in one replaceable place.

The window never calls ``QMessageBox``/``QFileDialog`` directly: it asks
its :class:`Prompts`. Tests swap in an object with the same methods that
answers from a script, so no modal dialog ever blocks a test run.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

__all__ = ["Prompts", "PLAN_FILTER"]

PLAN_FILTER = "aiplanner plans (*.aiplan);;All files (*)"


class Prompts:
    """Modal dialogs parented to ``parent``."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        #: No dialogs (``--screenshot`` runs): messages go to stderr, questions get their default.
        self.headless = False

    def error(self, title: str, text: str) -> None:
        """Tell the user something failed (the window stays usable)."""
        if self.headless:
            print(f"aiplanner: {title}: {text}", file=sys.stderr)
            return
        QMessageBox.critical(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        if self.headless:
            print(f"aiplanner: {title}: {text}", file=sys.stderr)
            return
        QMessageBox.information(self.parent, title, text)

    def ask(self, title: str, text: str, choices: Sequence[str], default: str | None = None) -> str:
        """Ask a question with labelled buttons; return the chosen label (the last one = cancel/escape)."""
        if self.headless:
            return choices[-1]
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        buttons = {}
        for n, label in enumerate(choices):
            role = (QMessageBox.ButtonRole.RejectRole if n == len(choices) - 1 and len(choices) > 1
                    else QMessageBox.ButtonRole.DestructiveRole if label.startswith(("Discard", "Don't"))
                    else QMessageBox.ButtonRole.AcceptRole)
            buttons[box.addButton(label, role)] = label
        if default is not None:
            for button, label in buttons.items():
                if label == default:
                    box.setDefaultButton(button)
        box.exec()
        return buttons.get(box.clickedButton(), choices[-1])

    def text(self, title: str, label: str, default: str = "") -> str | None:
        """Ask for a line of text (``default`` filled in); ``None`` when cancelled."""
        if self.headless:
            return default
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        value, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Normal, default)
        return value if ok else None

    def run(self, dialog) -> bool:
        """Show a dialog modally; True when accepted."""
        return bool(dialog.exec())

    def open_path(self, title: str, file_filter: str = PLAN_FILTER, folder: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder, file_filter)
        return path or None

    def save_path(self, title: str, file_filter: str = PLAN_FILTER, suggested: str = "") -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, file_filter)
        return path or None
