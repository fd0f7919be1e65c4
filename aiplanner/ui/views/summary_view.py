"""The Summary dock: the executive summary in the window, the same answers as the report's first page.

:class:`SummaryView` (drawn by :class:`~aiplanner.ui.summary_panel.SummaryPanel`)
computes the summary off the GUI thread ~500 ms after the plan stops changing, only while it is on screen,
for the plan or the scenario the window shows, and keeps results per
(scenario, revision) so switching back is instant. Its status-date box sets
the plan's status date (one undoable edit), which the earned-against-planned
figure reads.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QDate, QThread, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from aiplanner.ui.summary_panel import SummaryPanel, compute_summary
from aiplanner.ui.views.scenario_note import ScenarioNote, shown_scenario

__all__ = ["SummaryView", "SummaryThread"]

DEBOUNCE_MS = 500
CACHE_SIZE = 16


class SummaryThread(QThread):
    """One summary computation off the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, plan, scenario: str | None, parent=None) -> None:
        super().__init__(parent)
        self.plan, self.scenario = plan, scenario
        self.key: tuple = ()

    def run(self) -> None:
        from aiplanner.model.errors import PlanError

        try:
            result = compute_summary(self.plan, self.scenario)
        except (PlanError, ValueError) as exc:
            self.failed.emit(str(exc))
            return
        self.succeeded.emit(result)


def _stop_threads(threads: set, timeout_ms: int = 20_000) -> None:
    for thread in list(threads):
        thread.wait(timeout_ms)


class SummaryView(QWidget):
    """The Summary dock: the executive summary of the plan (or scenario) shown, kept up to date."""

    #: A refused edit (the status date), for the status bar.
    message = Signal(str)
    #: Emitted with each summary shown.
    summarised = Signal(object)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.thread: SummaryThread | None = None
        self._live: set[SummaryThread] = set()
        self._results: dict[tuple, object] = {}
        self.summary = None
        self.note = ScenarioNote(session, "the summary of this scenario, against the plan's baseline", self)
        self.status_box = QCheckBox("Status date", self)
        self.status_box.setToolTip("Progress is as of the end of this day; the summary compares the work done "
                                   "with the work planned by then")
        self.status_date = QDateEdit(self, calendarPopup=True, displayFormat="ddd d MMM yyyy")
        self.status_date.setAccessibleName("Status date")
        controls = QHBoxLayout()
        controls.addWidget(self.status_box)
        controls.addWidget(self.status_date)
        controls.addStretch(1)
        self.panel = SummaryPanel(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(self.panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(controls)
        layout.addWidget(scroll, 1)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.destroyed.connect(partial(_stop_threads, self._live))
        session.scheduleChanged.connect(self._changed)
        session.planChanged.connect(lambda _event: self._changed())
        session.documentReplaced.connect(self._replaced)
        self.status_box.toggled.connect(self._status_edited)
        self.status_date.dateChanged.connect(self._status_edited)
        self._show_status_date()
        self.panel.show_message("The summary is computed when this view is shown.")

    # -- the status date ------------------------------------------------------------
    def _show_status_date(self) -> None:
        document = self.session.document
        day = document.plan.status_date if document is not None else None
        for widget in (self.status_box, self.status_date):
            widget.blockSignals(True)
        self.status_box.setChecked(day is not None)
        shown = day or (document.plan.start if document is not None else dt.date.today())
        self.status_date.setDate(QDate(shown.year, shown.month, shown.day))
        self.status_date.setEnabled(day is not None)
        for widget in (self.status_box, self.status_date):
            widget.blockSignals(False)
        editable = shown_scenario(self.session) is None
        self.status_box.setEnabled(editable)
        self.status_date.setEnabled(editable and day is not None)

    def _status_edited(self, *_args) -> None:
        from aiplanner.model.errors import PlanError
        from aiplanner.ui.commands import EditPlanCommand

        document = self.session.document
        if document is None:
            return
        q = self.status_date.date()
        day = dt.date(q.year(), q.month(), q.day()) if self.status_box.isChecked() else None
        if day == document.plan.status_date:
            return
        text = f"Set status date to {day:%d %b %Y}" if day else "Clear the status date"
        try:
            self.session.push(EditPlanCommand(self.session, text, status_date=day))
        except PlanError as exc:
            self.message.emit(str(exc))
        self._show_status_date()

    # -- computing ----------------------------------------------------------------------
    def key(self) -> tuple:
        document = self.session.document
        return shown_scenario(self.session), document.revision if document is not None else -1

    def _replaced(self) -> None:
        self._results.clear()
        self._changed()

    def _changed(self) -> None:
        self._show_status_date()
        known = self._results.get(self.key())
        if known is not None:
            self._show(known)
            return
        if self.isVisible():
            self.panel.show_message("The plan changed: summarising again when you pause…")
            self._debounce.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.summary is None or self.key() not in self._results:
            self._debounce.start(0)

    def refresh(self) -> None:
        """Summarise the plan (or scenario) shown, in the background; a result already known is shown at once."""
        from aiplanner.ui.views.risk_worker import snapshot

        self._debounce.stop()
        document = self.session.document
        if document is None:
            return
        key = self.key()
        if key in self._results:
            self._show(self._results[key])
            return
        if self.thread is not None and self.thread.key == key and self.thread.isRunning():
            return
        thread = SummaryThread(snapshot(document.plan), key[0], self)
        thread.key = key
        thread.succeeded.connect(self._succeeded)
        thread.failed.connect(self._failed)
        thread.finished.connect(self._thread_done)
        self.thread = thread
        self._live.add(thread)
        self.panel.show_message("Summarising: finish, risk (10,000 runs), load, checks…")
        thread.start()

    def _thread_done(self) -> None:
        thread = self.sender()
        self._live.discard(thread)
        if thread is self.thread:
            self.thread = None
        thread.deleteLater()

    def _failed(self, text: str) -> None:
        if self.sender() is self.thread:
            self.panel.show_message(f"No summary: {text}")

    def _succeeded(self, summary) -> None:
        thread = self.sender()
        if len(self._results) >= CACHE_SIZE:
            self._results.clear()
        self._results[thread.key] = summary
        if thread.key == self.key():
            self._show(summary)

    def _show(self, summary) -> None:
        self.summary = summary
        self.panel.show_message("")
        self.panel.show_summary(summary)
        self.summarised.emit(summary)

    def shutdown(self, timeout_ms: int = 20_000) -> None:
        """Wait for every computation (call before the session goes away)."""
        self._debounce.stop()
        _stop_threads(self._live, timeout_ms)
