"""Schedule risk: Monte Carlo finish-date distribution, P50/P80/P95, criticality per task.

Hosting: ``RiskView(session, parent)`` in a dock or tab. The simulation runs
in a background thread (progress bar, Cancel) and re-runs ~500 ms after the
plan stops changing, cancelling a run in progress. Each result is stored in
``session.risk_result`` and announced with ``session.riskChanged`` (the
status bar reads P80 from it), whether or not the view is visible.
matplotlib is imported only when the view is first shown.

Given the window's scenario lens, it simulates the scenario shown (a
:class:`ScenarioNote` says which); results are kept per scenario and plan
revision, so switching back to something already simulated shows it at
once instead of running again.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton, QSizePolicy, QSpinBox,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from aiplanner.ui.first_paint import after_first_paint, waiting_for_paint
from aiplanner.ui.views.risk_worker import SimulationThread, snapshot
from aiplanner.ui.views.scenario_note import ScenarioNote, shown_scenario

__all__ = ["RiskView"]


def _stop_threads(threads: set, timeout_ms: int = 10_000) -> None:
    for thread in list(threads):
        thread.cancel()
        thread.wait(timeout_ms)

DEBOUNCE_MS = 500
#: Results kept for switching back (scenario, plan revision) -> result.
CACHE_SIZE = 16


class RiskView(QWidget):
    """Monte Carlo risk of the session's plan, recomputed in the background."""

    #: Emitted with the result object when a run completes.
    simulated = Signal(object)

    def __init__(self, session, parent: QWidget | None = None, auto_run: bool = True) -> None:
        super().__init__(parent)
        self.session = session
        self.auto_run = auto_run
        self.thread: SimulationThread | None = None
        #: Every started thread until its ``finished``: all are waited for on shutdown.
        self._live: set[SimulationThread] = set()
        self.result = None
        self._results: dict[tuple, object] = {}
        self._scenario = shown_scenario(session)
        self.canvas = None  # created on first show (matplotlib is imported then)
        self._waiting_for_paint = False

        # The summary's and the report's runs (checks.summary.DEFAULT_ITERATIONS, DEFAULT_SEED), so the
        # status bar's P80, the Summary tab's and the PDF's are the same date.
        self.iterations = QSpinBox(self, minimum=100, maximum=100_000, singleStep=1000, value=10_000)
        self.iterations.setToolTip("Iterations per run")
        self.seed = QSpinBox(self, minimum=0, maximum=2**31 - 1, value=1)
        self.seed.setToolTip("Random seed (the same seed gives the same result)")
        self.run_button = QPushButton("Run", self)
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(lambda: self.cancel())
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.status = QLabel("Not run yet.", self)
        # One row with the controls (the chart keeps the height); a long text is cut, whole as tooltip.
        self.status.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        controls = QHBoxLayout()
        for label, widget in (("Iterations", self.iterations), ("Seed", self.seed)):
            controls.addWidget(QLabel(label, self))
            controls.addWidget(widget)
        controls.addWidget(self.run_button)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.progress, 1)
        controls.addSpacing(8)
        controls.addWidget(self.status, 4)

        self.chart_holder = QWidget(self)
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["Task", "Criticality", "Float (d)"])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for col in (1, 2):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.itemClicked.connect(self._select_row)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideRight)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(self.chart_holder)
        split.addWidget(self.table)
        split.setSizes([620, 380])
        self.note = ScenarioNote(session, "Monte Carlo of this scenario's plan", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.note)
        layout.addLayout(controls)
        layout.addWidget(split, 1)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run)
        # A QThread destroyed while running aborts the process: whoever deletes this
        # widget (a closing window, a test), its threads are stopped first.
        self.destroyed.connect(partial(_stop_threads, self._live))
        session.scheduleChanged.connect(self._plan_changed)
        session.documentReplaced.connect(self._document_replaced)
        if auto_run and session.document is not None:
            self._start_debounce()

    # -- running ----------------------------------------------------------------
    def key(self) -> tuple:
        """What a run now would simulate: the scenario shown (``None``: the plan) and the plan revision."""
        document = self.session.document
        return shown_scenario(self.session), document.revision if document is not None else -1

    def _document_replaced(self) -> None:
        self._results.clear()  # revisions start again: a kept result would pass for the new plan's
        self._plan_changed()

    def _plan_changed(self) -> None:
        scenario = shown_scenario(self.session)
        switched, self._scenario = scenario != self._scenario, scenario
        known = self._results.get(self.key())
        if known is not None:  # simulated before (switching back): show it, do not run again
            self.cancel("")
            self._debounce.stop()
            self._deliver(known)
            return
        if switched:  # the result on screen is another plan's: never show it under this one's name
            self.cancel("")
            self._clear(f"Scenario {scenario}: " if scenario else "The plan: ")
        if self.auto_run:
            self.cancel("The plan changed: simulating again when you pause…" if not switched
                        else self.status.text())
            self._start_debounce()

    def _start_debounce(self) -> None:
        # Not before the window's first paint: the run's thread would compete with it.
        if not waiting_for_paint(self):
            self._debounce.start()
        elif not self._waiting_for_paint:
            self._waiting_for_paint = True
            after_first_paint(self, self._painted)

    def _painted(self) -> None:
        self._waiting_for_paint = False
        if self.auto_run:
            self._debounce.start()

    def _clear(self, prefix: str) -> None:
        self.result = None
        self.progress.setValue(0)
        self.table.setRowCount(0)
        if self.canvas is not None:
            self.canvas.clear_plot()
        self.status.setText(prefix + ("simulating when you pause…" if self.auto_run else "not run yet (press Run)."))

    @property
    def running(self) -> bool:
        """A run whose result will be shown is in progress."""
        return self.thread is not None and self.thread.isRunning() and not self.thread.cancelled

    def run(self) -> None:
        """Cancel any run in progress and simulate the current plan in the background."""
        self._debounce.stop()
        self.cancel("")
        session = self.session
        if session.document is None or session.schedule is None:
            return
        thread = SimulationThread(snapshot(session.plan), self.iterations.value(),
                                  self.seed.value(), self)
        thread.key = self.key()
        thread.progressed.connect(self._progressed)
        thread.succeeded.connect(self._succeeded)
        thread.failed.connect(self._failed)
        # Bound methods of this widget, never lambdas: only then does Qt queue the call
        # to the GUI thread instead of running it in the worker thread.
        thread.finished.connect(self._thread_done)
        self.thread = thread
        self._live.add(thread)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.status.setText(f"Simulating {self.iterations.value():,} iterations…")
        thread.start()

    def cancel(self, reason: str = "Cancelled.") -> None:
        """Stop the run in progress (its result, if any arrives, is ignored)."""
        thread = self.thread
        if thread is not None and thread.isRunning() and not thread.delivered:
            thread.cancel()
            self.status.setText(reason)
        self.thread = None
        self.cancel_button.setEnabled(False)

    def _thread_done(self) -> None:
        thread = self.sender()
        self._live.discard(thread)
        if thread is self.thread:
            self.thread = None
            self.cancel_button.setEnabled(False)
        thread.deleteLater()

    def _progressed(self, done: int, total: int) -> None:
        if self.sender() is self.thread and total:
            self.progress.setValue(round(100 * done / total))

    def _failed(self, text: str) -> None:
        if self.sender() is self.thread:
            self.status.setText(f"Cannot simulate: {text}")
            self.cancel_button.setEnabled(False)

    def _succeeded(self, result) -> None:
        if self.sender() is not self.thread or self.thread.cancelled:
            return  # a cancelled run that finished anyway
        self.thread.delivered = True
        if len(self._results) >= CACHE_SIZE:
            self._results.clear()
        self._results[self.thread.key] = result
        self._deliver(result)

    def _deliver(self, result) -> None:
        """Show ``result`` and store it where the status bar reads it."""
        self.cancel_button.setEnabled(False)
        self.progress.setValue(100)
        self.result = result
        setter = getattr(self.session, "set_risk_result", None)
        if setter is not None:
            setter(result)
        else:
            self.session.risk_result = result
            signal = getattr(self.session, "riskChanged", None)
            if signal is not None:
                signal.emit()
        self._show_result()
        self.simulated.emit(result)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancel and wait for every thread (call before the session goes away)."""
        self._debounce.stop()
        self.cancel()
        _stop_threads(self._live, timeout_ms)

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    # -- showing ----------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.canvas is None:
            from aiplanner.ui.views.risk_chart import RiskCanvas

            self.canvas = RiskCanvas(self.chart_holder)
            self.canvas.setMinimumHeight(130)  # below that the axes collapse
            self.chart_layout.addWidget(self.canvas)
        self._show_result()

    def _show_result(self) -> None:
        result = self.result
        if result is None:
            return
        from aiplanner.ui.views.risk_worker import summary

        facts = summary(result, self.session.plan, self.session.schedule)
        self.status.setText(facts.text)
        self.status.setToolTip(facts.text)
        rows = facts.criticality
        self.table.setRowCount(len(rows))
        for r, (task_id, name, share, flt) in enumerate(rows):
            item = QTableWidgetItem(f"{name} ({task_id})")
            item.setData(Qt.UserRole, task_id)
            crit = QTableWidgetItem(f"{share:.0%}")
            crit.setData(Qt.UserRole, share)
            crit.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            flt_item = QTableWidgetItem("" if flt is None else str(flt))
            flt_item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            for c, it in enumerate((item, crit, flt_item)):
                self.table.setItem(r, c, it)
        if self.canvas is not None and self.isVisible():
            self.canvas.plot(facts)

    def _select_row(self, item: QTableWidgetItem) -> None:
        task_id = self.table.item(item.row(), 0).data(Qt.UserRole)
        if task_id:
            self.session.select_tasks([task_id])
