"""The executive summary in the window: the same answers, in the same words, as the report's first page.

:class:`SummaryPanel` draws an :class:`~aiplanner.checks.summary.ExecutiveSummary`:
four red/amber/green tiles (each with its word, never colour alone, and its
rule as a tooltip), then the questions a sponsor asks, worded by
:func:`aiplanner.render.report.cover.summary_lines` as on the PDF cover. A
``scale`` makes it large enough for a projector (presentation mode's first
screen uses it).

:class:`SummaryView` (the Summary dock) computes the summary off the GUI
thread ~500 ms after the plan stops changing, only while it is on screen,
for the plan or the scenario the window shows, and keeps results per
(scenario, revision) so switching back is instant. Its status-date box sets
the plan's status date (one undoable edit), which the earned-against-planned
figure reads.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from html import escape

from PySide6.QtCore import QDate, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea,
                               QVBoxLayout, QWidget)

from aiplanner.ui.views.scenario_note import ScenarioNote, shown_scenario

__all__ = ["SummaryPanel", "SummaryView", "SummaryThread", "compute_summary", "RAG_COLOURS"]

RAG_COLOURS = {"green": "#2E7D32", "amber": "#E69F00", "red": "#C62828", "grey": "#9E9E9E"}
TEXT_COLOURS = {**RAG_COLOURS, "amber": "#9A6700"}
DEBOUNCE_MS = 500
CACHE_SIZE = 16


def compute_summary(plan, scenario: str | None):
    """The executive summary of ``plan`` (a snapshot) or of its ``scenario``, as the report computes it."""
    from aiplanner.checks.summary import DEFAULT_ITERATIONS, DEFAULT_SEED, executive_summary

    return executive_summary(plan, scenario=scenario, iterations=DEFAULT_ITERATIONS, seed=DEFAULT_SEED)


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


def _label(text: str = "", points: float = 10, bold: bool = False, color: str = "#1f2a37",
           wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.PlainText)  # plan names and task names are shown as written, never as markup
    label.setText(text)
    font = label.font()
    font.setPointSizeF(points)
    font.setBold(bold)
    label.setFont(font)
    label.setStyleSheet(f"color: {color};")
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


class SummaryPanel(QWidget):
    """An executive summary as widgets; ``scale`` 1 for a dock, about 2 for a projector."""

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.scale = scale
        self.summary = None
        self.setAutoFillBackground(True)
        self.setStyleSheet("SummaryPanel { background: #ffffff; }")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(round(12 * scale), round(8 * scale), round(12 * scale), round(8 * scale))
        self.message = _label("", 10 * scale, color="#5f5f5f")
        self.layout_.addWidget(self.message)
        self.body = QWidget(self)
        self.layout_.addWidget(self.body, 1)
        self.tiles: dict[str, QLabel] = {}

    def show_message(self, text: str) -> None:
        """A line above the summary (computing, or why there is none)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_summary(self, summary) -> None:
        """Lay out ``summary`` (an :class:`~aiplanner.checks.summary.ExecutiveSummary`)."""
        from aiplanner.render.report.cover import summary_lines

        self.summary = summary
        s = self.scale
        old = self.body
        self.body = QWidget(self)
        self.layout_.replaceWidget(old, self.body)
        old.deleteLater()
        outer = QVBoxLayout(self.body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(round(6 * s))
        title = summary.plan + (f" — scenario {summary.scenario}" if summary.scenario else "")
        outer.addWidget(_label(title, 15 * s, bold=True))
        meta = " · ".join(x for x in (summary.organisation, summary.pattern) if x)
        if meta:
            outer.addWidget(_label(meta, 10 * s, color="#5f5f5f"))
        tiles = QHBoxLayout()
        tiles.setSpacing(round(8 * s))
        self.tiles = {}
        for area in summary.areas:
            tile = self._tile(area)
            self.tiles[area.area] = tile
            tiles.addWidget(tile, 1)
        outer.addLayout(tiles)
        grid = QGridLayout()
        grid.setHorizontalSpacing(round(24 * s))
        grid.setVerticalSpacing(round(2 * s))
        sections = summary_lines(summary)
        colour_of = {"When do we finish? How sure are we?": "risk", "Are we slipping?": "schedule",
                     "Who is overloaded?": "staffing", "What is going wrong?": "health"}
        columns = [list(sections)[:2], list(sections)[2:]]
        for c, names in enumerate(columns):
            box = QVBoxLayout()
            box.setSpacing(round(3 * s))
            for name in names:
                area = colour_of.get(name)
                strong = TEXT_COLOURS[summary.area(area).rag] if area else "#1f2a37"
                box.addSpacing(round(6 * s))
                box.addWidget(_label(name.upper(), 9 * s, bold=True, color="#5f5f5f"))
                for style, text in sections[name]:
                    box.addWidget(self._line(style, text, strong))
            box.addStretch(1)
            grid.addLayout(box, 0, c)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        outer.addLayout(grid, 1)

    def _tile(self, area) -> QLabel:
        s = self.scale
        colour = RAG_COLOURS[area.rag]
        word = {"grey": "NOT JUDGED"}.get(area.rag, area.rag.upper())
        tile = QLabel(f"<span style='color:#5f5f5f; font-weight:bold'>{area.area.upper()}</span>"
                      f"&nbsp;&nbsp;<span style='color:{TEXT_COLOURS[area.rag]}; font-weight:bold'>{word}</span>"
                      f"<br>{escape(area.why)}")
        tile.setObjectName(f"tile-{area.area}")
        tile.setWordWrap(True)
        tile.setTextFormat(Qt.RichText)
        tile.setToolTip(area.rule)
        tile.setAccessibleName(f"{area.area}: {word}. {area.why}")
        font = tile.font()
        font.setPointSizeF(9 * s)
        tile.setFont(font)
        tile.setStyleSheet(f"QLabel {{ background: {_tint(colour)}; border: 1px solid {colour}; "
                           f"border-left: {round(6 * s)}px solid {colour}; padding: {round(6 * s)}px; }}")
        tile.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        return tile

    def _line(self, style: str, text: str, strong: str) -> QLabel:
        s = self.scale
        if style == "big":
            return _label(text, 18 * s, bold=True)
        if style == "strong":
            return _label(text, 11 * s, bold=True, color=strong)
        if style == "item":
            return _label("• " + text, 10 * s)
        if style == "note":
            return _label(text, 8.5 * s, color="#5f5f5f")
        return _label(text, 11 * s)


def _tint(colour: str, amount: float = 0.85) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#%02x%02x%02x" % tuple(round(v + (255 - v) * amount) for v in (r, g, b))


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
