"""The status bar: finish date, P80, findings count, saved or not.

Everything is read from the session after each change; the P80 appears when
a risk run has stored its result in :attr:`PlanSession.risk_result`. Given
the window's :class:`~aiplanner.ui.workshop.lens.ScenarioLens`, the finish
and P80 are those of the scenario shown (its P80 is simulated once the chart
has painted, and kept per scenario and plan revision).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from aiplanner.ui.session import PlanSession

__all__ = ["StatusPanel", "p80_of"]


def p80_of(result: Any) -> dt.date | None:
    """The P80 finish date of a Monte Carlo result, whatever shape the risk view stores.

    Accepts an object with ``p80`` or ``percentiles`` (a mapping with 80 or
    "P80"), or such a mapping itself.
    """
    if result is None:
        return None
    for source in (result, getattr(result, "percentiles", None)):
        if source is None:
            continue
        if isinstance(source, dict):
            for key in (80, "80", "P80", "p80"):
                if key in source:
                    value = source[key]
                    return value if isinstance(value, dt.date) else None
        value = getattr(source, "p80", None)
        if isinstance(value, dt.date):
            return value
    percentile = getattr(result, "percentile", None)
    if callable(percentile):
        value = percentile(80)
        return value if isinstance(value, dt.date) else None
    return None


class StatusPanel:
    """Permanent labels on the right of the window's status bar."""

    def __init__(self, session: PlanSession, bar: QStatusBar, lens=None) -> None:
        self.session = session
        self.lens = lens
        self._scenario_p80: dict[tuple, dt.date | None] = {}
        self._p80_timer = QTimer(bar)
        self._p80_timer.setSingleShot(True)
        self._p80_timer.setInterval(0)
        self._p80_timer.timeout.connect(self._simulate_scenario)
        self.finish = QLabel()
        self.p80 = QLabel()
        self.findings = QLabel()
        self.saved = QLabel()
        self._counts: tuple[int, int] | None = None
        for label, name in ((self.finish, "Finish date"), (self.p80, "P80 finish"),
                            (self.findings, "Findings"), (self.saved, "Saved state")):
            label.setAccessibleName(name)
            bar.addPermanentWidget(label)
        self.p80.setToolTip("Finish date met in 80% of the simulated runs (Risk view)")
        self.findings.setToolTip("Errors and warnings from the plan checks")
        (lens or session).scheduleChanged.connect(self.refresh)
        (lens or session).riskChanged.connect(self.refresh)
        session.dirtyChanged.connect(self.refresh)
        session.documentReplaced.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        session = self.session
        if session.document is None:
            for label in (self.finish, self.p80, self.findings, self.saved):
                label.setText("")
            return
        shown = self.lens or session
        scenario = getattr(shown, "scenario", None)
        prefix = f"Scenario {scenario}: finish" if scenario else "Finish"
        if shown.schedule_error and shown.schedule is None:
            self.finish.setText(f"{prefix}: cannot schedule")
            self.finish.setToolTip(shown.schedule_error)
        elif shown.schedule is not None:
            sched = shown.schedule
            self.finish.setText(f"{prefix} {sched.finish.isoformat()} ({sched.duration} working days)")
            self.finish.setToolTip(f"Start {sched.start.isoformat()}; "
                                   f"{len(sched.critical_tasks())} critical tasks")
        if scenario:
            key = (scenario, session.document.revision)
            # The Risk view's run of this scenario when it has one (the same figure as the view),
            # else a quick run of our own once the chart has painted.
            p80 = p80_of(shown.risk_result) or self._scenario_p80.get(key)
            if p80 is None and key not in self._scenario_p80:
                self._p80_timer.start()
        else:
            p80 = p80_of(session.risk_result)
        self.p80.setText(f"P80 {p80.isoformat()}" if p80 else "P80 …" if self._p80_timer.isActive() else "P80 —")
        self.findings.setText(self._findings_text())
        self.saved.setText("Unsaved changes" if session.dirty else "Saved" if session.path else "Not saved")

    def _simulate_scenario(self) -> None:
        """The shown scenario's P80 (Monte Carlo with the Summary's, Risk view's and report's runs and seed)."""
        from aiplanner.checks.compare.facts import p80_of as simulate_p80
        from aiplanner.checks.summary import DEFAULT_ITERATIONS, DEFAULT_SEED
        from aiplanner.model.errors import PlanError

        lens = self.lens
        if lens is None or lens.scenario is None or lens.schedule is None or self.session.document is None:
            return
        try:
            p80 = simulate_p80(lens.plan, lens.schedule, iterations=DEFAULT_ITERATIONS, seed=DEFAULT_SEED)
        except PlanError:
            p80 = None
        if len(self._scenario_p80) > 32:
            self._scenario_p80.clear()
        self._scenario_p80[(lens.scenario, self.session.document.revision)] = p80
        self.refresh()

    def _findings_text(self) -> str:
        if self._counts is None or self._counts[0] == -2:  # not checked, or cannot be
            return ""
        errors, warnings = self._counts
        if errors < 0:
            return "Checking…"
        return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"

    def set_counts(self, errors: int, warnings: int) -> None:
        """Error and warning counts of the latest check run (the findings view reports them;
        ``-1, -1`` while a run is due, ``-2, -2`` when the plan cannot be checked)."""
        self._counts = (errors, warnings)
        self.findings.setText(self._findings_text())
