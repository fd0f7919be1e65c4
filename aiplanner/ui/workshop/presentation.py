"""Presentation mode: the plan full-screen for a projector, driven from the keyboard.

It opens on the executive summary in large type (the report's first page:
RAG tiles, finish and how sure, slip, who is overloaded, what goes wrong);
Space, Enter or → moves on to the plan, Home comes back. The plan page
has the Gantt with phase bands, milestones and task names beside the bars,
and the three numbers a room asks for: the finish date, the P80 finish and
the count of findings. Keys:

=================  ==============================================
Space / Enter      from the summary to the plan (Home: back)
arrows             scroll
+ / -  (0)         zoom in / out (fit the plan)
S / Shift+S        next / previous scenario (after the last: the plan)
B                  baseline ghosts on / off (the latest baseline)
C                  collapse all phases to summary rows / expand them all
                   (a double-click on a phase's row folds that one)
Tab / Shift+Tab    select the next / previous task
] / [              lengthen / shorten the selected task by a day
Ctrl+Z / Ctrl+Y    undo / redo
Esc                leave
=================  ==============================================

Presentation starts with what the window shows: the scenario chosen in its
tool bar, its baseline ghosts and its collapsed phases. C folds phases here
only (the table keeps its own); a scenario or baseline chosen here is
announced (``scenarioShown``, ``baselineShown``) so the window follows.
Edits made here are normal undoable edits of the document; on a scenario
they change that scenario, not the plan (see :class:`ScenarioLens`). Open it
with :func:`open_presentation`.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from aiplanner.model.errors import PlanError
from aiplanner.render.gantt.scene import GanttOptions
from aiplanner.ui.commands import EditTaskCommand
from aiplanner.ui.gantt.view import GanttView
from aiplanner.ui.workshop.presentation_facts import FactsCache
from aiplanner.ui.workshop.lens import ScenarioLens

__all__ = ["PresentationView", "PresentationGantt", "open_presentation"]

ROW_HEIGHT = 44
CHART_POINTS = 17
HINT = ("←→↑↓ scroll   + − zoom   S scenario   B baseline   C phases   Tab select   [ ] shorter/longer   "
        "Ctrl+Z undo   Home summary   Esc leave")
SLIDE_HINT = "Space / Enter the plan   S scenario   Esc leave"


class PresentationGantt(GanttView):
    """The Gantt view with big rows and type, task names beside the bars and baseline ghosts."""

    fold_counts = False  # a collapsed phase's title says how many tasks it holds

    def __init__(self, lens: ScenarioLens, presenter: "PresentationView") -> None:
        self.presenter = presenter
        super().__init__(lens, presenter)
        self.set_type_scale(1.0)

    def set_type_scale(self, scale: float) -> None:
        """Type and rows at ``scale`` times their full-HD size (the screen decides)."""
        font = QFont(self.font())
        font.setPointSizeF(max(10.0, CHART_POINTS * scale))
        self.setFont(font)
        self.header.setFont(font)
        self.set_row_height(round(ROW_HEIGHT * max(scale, 0.6)))
        self.set_header_height(2 * self.row_height())

    def scene_options(self) -> GanttOptions:
        return GanttOptions(shade_weekends=True, bar_labels="name", baseline=self.presenter.ghosts(),
                            collapsed=self.presenter.collapsed)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.scene is not None:
            self._paint_phase_titles()

    def _paint_phase_titles(self) -> None:
        """Phase names on their header rows (there is no task tree beside this chart)."""
        painter = QPainter(self.viewport())
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#1f2a37"))
        vp = self._viewport()
        width = painter.fontMetrics()
        for band in self.scene.bands:
            top = vp.row_top(band.row0)
            if top < -self.row_height() or top > vp.height:
                continue
            title = f"{band.title} ({band.tasks} tasks)" if band.collapsed else band.title
            text_width = width.horizontalAdvance(title) + 8
            x = vp.x(band.x1) + 8
            if x + text_width > vp.width:
                x = max(4.0, vp.x(band.x0) - 8 - text_width)
            painter.drawText(QRectF(x, top, text_width, self.row_height()), Qt.AlignVCenter | Qt.AlignLeft, title)
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.presenter.handle_key(event):
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return False  # Tab selects tasks here instead of moving the focus


def _set_points(label: QLabel, points: float) -> None:
    font = label.font()
    font.setPointSizeF(max(8.0, points))
    label.setFont(font)


def _label(points: int, bold: bool = False, color: str = "#1f2a37") -> QLabel:
    label = QLabel()
    font = label.font()
    font.setPointSize(points)
    font.setBold(bold)
    label.setFont(font)
    label.setStyleSheet(f"color: {color};")
    return label


class PresentationView(QWidget):
    """Full-screen plan for a room; see the module docstring for the keys."""

    closed = Signal()
    #: The scenario shown changed (``""``: the plan itself): the window follows.
    scenarioShown = Signal(str)
    #: The baseline ghosts changed: the baseline's name, ``""`` for none.
    baselineShown = Signal(str)

    def __init__(self, session, parent: QWidget | None = None, collapsed=(), scenario: str | None = None,
                 baseline: str | None = None) -> None:
        super().__init__(parent, Qt.Window)
        #: Phases shown as one summary row (C toggles all).
        self.collapsed: frozenset[str] = frozenset(collapsed)
        self.setWindowTitle("aiplanner — presentation")
        self.setStyleSheet("background: #ffffff;")
        self.session = session
        self.lens = ScenarioLens(session, self)
        if scenario is not None and scenario in self.lens.scenario_names():
            self.lens.set_scenario(scenario)
        self.lens.scenarioChanged.connect(self.scenarioShown)
        #: The baseline B shows: the one the window shows, else the latest.
        self.baseline_name = baseline
        self.show_baseline = baseline is not None
        self.facts = FactsCache()
        self.title = _label(30, bold=True)
        self.subtitle = _label(18, color="#4b5563")
        self.subtitle.setWordWrap(True)  # a long scenario description must not widen the window
        self.finish_label = _label(40, bold=True)
        self.p80_label = _label(40, bold=True, color="#b45309")
        self.findings_label = _label(40, bold=True, color="#b8392f")
        self.hint = _label(13, color="#6b7280")
        self.hint.setText(HINT)
        self.gantt = PresentationGantt(self.lens, self)
        self.gantt.phaseActivated.connect(self.toggle_phase)

        stats = QHBoxLayout()
        for widget in (self.finish_label, self.p80_label, self.findings_label):
            stats.addWidget(widget)
            stats.addSpacing(48)
        stats.addStretch(1)
        plan_page = QWidget(self)
        layout = QVBoxLayout(plan_page)
        layout.setContentsMargins(32, 20, 32, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(stats)
        layout.addWidget(self.gantt, 1)
        layout.addWidget(self.hint)
        # The first screen: the executive summary, large (see aiplanner.ui.views.summary_view).
        from aiplanner.ui.summary_panel import SummaryPanel

        self.slide = SummaryPanel(self, scale=1.6)
        self.slide.setFocusPolicy(Qt.StrongFocus)
        self.slide_hint = _label(13, color="#6b7280")
        self.slide_hint.setText(SLIDE_HINT)
        slide_page = QWidget(self)
        slide_layout = QVBoxLayout(slide_page)
        slide_layout.setContentsMargins(32, 20, 32, 12)
        slide_layout.addWidget(self.slide, 1)
        slide_layout.addWidget(self.slide_hint)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(slide_page)
        self.pages.addWidget(plan_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._summaries: dict[tuple, object] = {}

        self._deferred = QTimer(self)
        self._deferred.setSingleShot(True)
        self._deferred.setInterval(0)
        self._deferred.timeout.connect(self._update_slow_facts)
        self.lens.scheduleChanged.connect(self._update_facts)
        self.lens.planChanged.connect(self._plan_changed)
        self._update_facts()
        self.show_summary_slide()

    # -- the first screen ------------------------------------------------------------
    @property
    def on_summary(self) -> bool:
        """Whether the summary slide is shown (not the plan)."""
        return self.pages.currentIndex() == 0

    def show_summary_slide(self) -> None:
        """Show the executive summary of the plan (or scenario) shown; computed once per plan state."""
        self.pages.setCurrentIndex(0)
        self.slide.setFocus()
        if self.session.document is None:
            return
        key = self._facts_key()
        known = self._summaries.get(key)
        if known is not None:
            self.slide.show_summary(known)
            return
        self.slide.show_message("Summarising…")
        QTimer.singleShot(0, self._summarise)

    def _summarise(self) -> None:
        from aiplanner.ui.summary_panel import compute_summary

        if self.session.document is None:
            return
        key = self._facts_key()
        try:
            summary = compute_summary(self.session.document.plan, self.lens.scenario)
        except (PlanError, ValueError) as exc:
            self.slide.show_message(f"No summary: {exc}")
            return
        self._summaries[key] = summary
        self.slide.show_message("")
        self.slide.show_summary(summary)

    def show_plan_page(self) -> None:
        """From the summary to the plan (the Gantt takes the keys)."""
        self.pages.setCurrentIndex(1)
        self.gantt.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.on_summary:
            key = event.key()
            if key in (Qt.Key_Space, Qt.Key_Return, Qt.Key_Enter, Qt.Key_Right, Qt.Key_PageDown):
                self.show_plan_page()
                return
            if key == Qt.Key_S and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
                self.lens.cycle_scenario(-1 if event.modifiers() & Qt.ShiftModifier else 1)
                self.show_summary_slide()
                return
            if key == Qt.Key_Escape:
                self.close()
                return
        super().keyPressEvent(event)

    # -- what is shown --------------------------------------------------------------
    def baseline(self):
        """The baseline whose ghosts B shows: the window's choice, else the latest one."""
        baselines = self.session.plan.baselines if self.session.document else []
        chosen = next((b for b in baselines if b.name == self.baseline_name), None)
        return chosen or (baselines[-1] if baselines else None)

    def ghosts(self) -> dict:
        baseline = self.baseline() if self.show_baseline else None
        if baseline is None:
            return {}
        return {t.id: (t.start, t.finish) for t in baseline.tasks}

    def _plan_changed(self, event) -> None:
        if event.kind.startswith("baseline_") and self.show_baseline:
            self.gantt.rebuild()
            self._update_facts()

    def _update_facts(self) -> None:
        """Title and finish date now; P80 and findings once the view has painted."""
        if self.session.document is None:
            return
        plan = self.session.plan
        scenario = self.lens.scenario
        self.title.setText(plan.name)
        if scenario is None:
            sub = "The plan as it is"
        else:
            description = next((s.description for s in plan.scenarios if s.name == scenario), "")
            sub = f"Scenario: {scenario}" + (f" — {description}" if description else "")
        baseline = self.baseline() if self.show_baseline else None
        schedule = self.lens.schedule
        own = self.session.schedule
        if scenario is not None and schedule is not None and own is not None:
            cal = own.calendar
            moved = cal.index_on_or_after(schedule.finish) - cal.index_on_or_after(own.finish)
            sub += "   ·   finish " + (f"{abs(moved)} working days {'later' if moved > 0 else 'earlier'} than the plan"
                                      if moved else "as in the plan")
        if baseline is not None and schedule is not None:
            cal = schedule.calendar
            slip = cal.index_on_or_after(schedule.finish) - cal.index_on_or_after(baseline.finish)
            sub += f"   ·   against baseline {baseline.name}: {slip:+d} working days"
        if self.lens.schedule_error:
            sub += f"   ·   {self.lens.schedule_error}"
        self.subtitle.setText(sub)
        self.finish_label.setText(f"Finish {schedule.finish:%d %b %Y}" if schedule else "Finish —")
        known = self.facts.get(self._facts_key())
        self._show_slow_facts(known)
        if known is None:
            self._deferred.start()

    def _facts_key(self) -> tuple:
        return (self.lens.scenario, self.session.document.revision if self.session.document else -1)

    def _update_slow_facts(self) -> None:
        if self.session.document is None or self.lens.schedule is None:
            return
        key = self._facts_key()
        self._show_slow_facts(self.facts.compute(key, self.lens.plan, self.lens.schedule))

    def _set_slow_facts(self, facts) -> None:
        if facts is None:
            self.p80_label.setText("P80 …")
            self.findings_label.setText("Findings …")
            return
        self.p80_label.setText(f"P80 {facts.p80:%d %b %Y}" if facts.p80 else "P80 —")
        self.findings_label.setText(f"Findings {facts.findings}" + (f" ({facts.errors} errors)" if facts.errors else ""))

    # -- keys ---------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        """React to a presentation key; False lets the Gantt handle it (arrows, zoom)."""
        key, mods = event.key(), event.modifiers()
        if event.matches(QKeySequence.Undo):
            self.session.undo_stack.undo()
        elif event.matches(QKeySequence.Redo) or (key == Qt.Key_Y and mods & Qt.ControlModifier):
            self.session.undo_stack.redo()
        elif mods & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier):
            return False  # Ctrl+S saves, Ctrl+B ... belong to the window, not to us
        elif key == Qt.Key_Escape:
            self.close()
        elif key == Qt.Key_Home:
            self.show_summary_slide()
        elif key == Qt.Key_S:
            self.lens.cycle_scenario(-1 if mods & Qt.ShiftModifier else 1)
        elif key == Qt.Key_B:
            self.toggle_baseline()
        elif key == Qt.Key_C:
            self.toggle_phases()
        elif key in (Qt.Key_Tab, Qt.Key_Backtab):
            self.select_step(-1 if key == Qt.Key_Backtab or mods & Qt.ShiftModifier else 1)
        elif key in (Qt.Key_BracketRight, Qt.Key_BracketLeft):
            self.stretch_selected(1 if key == Qt.Key_BracketRight else -1)
        else:
            return False
        return True

    def toggle_baseline(self) -> None:
        if self.baseline() is None:
            self.gantt.message.emit("No baseline to show: capture one first")
            self.show_baseline = False
        else:
            self.show_baseline = not self.show_baseline
        self.gantt.rebuild()
        self._update_facts()
        shown = self.baseline() if self.show_baseline else None
        self.baselineShown.emit(shown.name if shown is not None else "")

    def toggle_phases(self) -> None:
        """Collapse every phase to its summary row; when any is collapsed, expand them all."""
        phases = self.lens.plan.phases if self.session.document else []
        self.collapsed = frozenset() if self.collapsed else frozenset(p.id for p in phases)
        self.gantt.rebuild()
        selected = self.lens.selection[0] if self.lens.selection else None
        if selected and self.gantt.row_of(selected) is not None:
            self.gantt.scroll_to_task(selected)

    def toggle_phase(self, phase_id: str) -> None:
        """Collapse or expand one phase (a double-click on its row)."""
        self.collapsed = self.collapsed ^ {phase_id}
        self.gantt.rebuild()

    def select_step(self, step: int) -> None:
        ids = [r.id for r in self.gantt.scene.rows if r.kind == "task"] if self.gantt.scene else []
        if not ids:
            return
        current = self.lens.selection[0] if self.lens.selection else None
        index = ids.index(current) + step if current in ids else (0 if step > 0 else len(ids) - 1)
        task = ids[index % len(ids)]
        self.lens.select_tasks([task])
        self.gantt.scroll_to_task(task)

    def stretch_selected(self, days: int) -> None:
        if not self.lens.selection:
            self.gantt.message.emit("Select a task first (Tab)")
            return
        task = self.lens.plan.task(self.lens.selection[0])
        if task.is_milestone:
            return
        duration = max(1, task.duration + days)
        if duration == task.duration:
            return
        try:
            self.lens.push(EditTaskCommand(self.lens, task.id, text=f"Set duration of {task.id} to {duration} days",
                                           duration=duration))
        except PlanError as exc:
            self.gantt.message.emit(str(exc))

    # -- type for the room's screen -------------------------------------------------------
    def type_scale(self) -> float:
        """How big the type is: full size on a 1600x900 screen, larger on full HD, smaller on a
        1280x720 projector (so the numbers and a dozen rows still fit)."""
        return min(1.25, max(0.55, min(self.width() / 1600, self.height() / 900)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        scale = self.type_scale()
        if abs(scale - getattr(self, "_scale", 0.0)) > 0.01:
            self._scale = scale
            for label, points in ((self.title, 30), (self.subtitle, 18), (self.hint, 13)):
                _set_points(label, points * scale)
            self.gantt.set_type_scale(scale)
        self._fit_numbers()

    def _fit_numbers(self) -> None:
        """The three numbers on one line, as big as the width allows."""
        labels = (self.finish_label, self.p80_label, self.findings_label)
        room = self.width() - 64 - 2 * 48
        points = 40 * getattr(self, "_scale", 1.0)
        while points > 12:
            for label in labels:
                _set_points(label, points)
            if sum(label.sizeHint().width() for label in labels) <= room:
                break
            points -= 2

    def _show_slow_facts(self, facts) -> None:
        self._set_slow_facts(facts)
        self._fit_numbers()

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)


def open_presentation(session, parent: QWidget | None = None, full_screen: bool = True,
                      collapsed=(), scenario: str | None = None, baseline: str | None = None) -> PresentationView:
    """Open presentation mode on ``session`` (full screen unless told otherwise); Esc leaves.

    ``collapsed``: ids of the phases to show as summary rows (the window's task table's);
    ``scenario`` and ``baseline``: what the window shows (``None``: the plan, no ghosts).
    """
    view = PresentationView(session, parent, collapsed, scenario, baseline)
    view.setAttribute(Qt.WA_DeleteOnClose, True)
    if full_screen:
        view.showFullScreen()
    else:
        view.show()
    view.slide.setFocus()  # it opens on the summary; Space moves on to the plan
    return view
