"""A strip at the top of a view saying it shows a scenario, not the plan itself.

The views are given the window's :class:`~aiplanner.ui.workshop.lens.ScenarioLens`
as their session, so they show whatever the Scenario box chose. So that
nobody mistakes a what-if for the plan, each view carries a
:class:`ScenarioNote`: hidden while the plan itself is shown, a coloured
line "Scenario: hire-mlops — what edits here do" while a scenario is. Views
given a plain :class:`~aiplanner.ui.session.PlanSession` never show it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["ScenarioNote", "shown_scenario"]

_STYLE = "QLabel { background: #fff4d6; color: #5c4300; border-bottom: 1px solid #e8c66a; padding: 3px 6px; }"


def shown_scenario(session) -> str | None:
    """The scenario ``session`` shows (``None``: the plan itself, or a session without scenarios)."""
    return getattr(session, "scenario", None)


class ScenarioNote(QLabel):
    """"Scenario: NAME — ``text``" while ``session`` shows a scenario; hidden otherwise."""

    def __init__(self, session, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = text
        self.setObjectName("ScenarioNote")
        self.setStyleSheet(_STYLE)
        self.setWordWrap(True)
        self.setAccessibleName("Shown plan")
        self.setVisible(False)
        signal = getattr(session, "scenarioChanged", None)
        if signal is not None:
            signal.connect(self.show_scenario)
            self.show_scenario(shown_scenario(session) or "")

    def show_scenario(self, name: str) -> None:
        """Say that scenario ``name`` is shown (``""``: the plan itself, the note hides)."""
        self.setText(f"<b>Scenario: {escape(name)}</b> — {escape(self.note)}" if name else "")
        self.setToolTip("Choose Plan in the Scenario box (Alt+S) to see the plan itself" if name else "")
        self.setVisible(bool(name))
