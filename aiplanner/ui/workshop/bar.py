"""The workshop tool bar of the main window: which baseline to compare with, which scenario to show.

Both choices are view settings, not edits: they change what the Gantt (and
the Compare dialog) shows, never the plan, so they are not on the undo stack.

- **Baseline** ("None" + each baseline of the plan): the Gantt draws ghost
  bars of the chosen baseline under its bars, and Compare starts from it.
- **Scenario** ("Plan" + each scenario): the task table, the Gantt and the
  status bar show the chosen scenario through the window's
  :class:`~aiplanner.ui.workshop.lens.ScenarioLens`; edits made there become
  that scenario's overrides (the plan stays as it is).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from aiplanner.ui.workshop.actions import baseline_chosen

__all__ = ["WorkshopBar", "NO_BASELINE", "PLAN"]

NO_BASELINE = "None"
PLAN = "Plan"


def _fill(combo: QComboBox, first: str, names: list[str], keep: str | None) -> None:
    """Refill ``combo`` with ``first`` + ``names`` without emitting; keep ``keep`` chosen when still there."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, None)
    for name in names:
        combo.addItem(name, name)
    combo.setCurrentIndex(names.index(keep) + 1 if keep in names else 0)
    combo.blockSignals(False)


class WorkshopBar(QToolBar):
    """Baseline and scenario choosers; the window reacts through :meth:`baseline_name` and its lens."""

    def __init__(self, window) -> None:
        super().__init__("Workshop", window)
        self.setObjectName("WorkshopBar")
        self.window_ = window
        self.session = window.session
        self.baseline_combo = QComboBox()
        self.baseline_combo.setAccessibleName("Baseline")
        self.baseline_combo.setToolTip("Baseline drawn as ghost bars in the Gantt and used by Compare")
        self.baseline_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.baseline_combo.setMinimumWidth(110)
        self.baseline_combo.setMaximumWidth(260)
        self.addWidget(self._label(" &Baseline ", self.baseline_combo))  # Alt+B: keyboard focus on the box
        self.addWidget(self.baseline_combo)
        self.baseline_combo.currentIndexChanged.connect(lambda _i: self._baseline_chosen())
        self.scenario_combo = QComboBox()
        self.scenario_combo.setAccessibleName("Scenario")
        self.scenario_combo.setToolTip("Show the plan itself or one of its what-if scenarios "
                                       "(edits on a scenario change that scenario only)")
        # As wide as the longest scenario name (up to a limit; the list shows names whole).
        self.scenario_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scenario_combo.setMinimumWidth(140)
        self.scenario_combo.setMaximumWidth(340)
        self.addSeparator()
        self.addWidget(self._label(" &Scenario ", self.scenario_combo))  # Alt+S
        self.addWidget(self.scenario_combo)
        self.lens = window.lens
        self.scenario_combo.currentIndexChanged.connect(lambda _i: self.set_scenario(self.scenario_combo.currentData()))
        self.lens.scenarioChanged.connect(self._scenario_shown)
        self.session.planChanged.connect(self._plan_changed)
        self.session.documentReplaced.connect(self.refill)
        self.refill()

    @staticmethod
    def _label(text: str, buddy: QComboBox) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- choices ----------------------------------------------------------------------
    def baseline_name(self) -> str | None:
        """The chosen baseline's name (``None``: no ghosts)."""
        return self.baseline_combo.currentData()

    def set_baseline(self, name: str | None) -> None:
        """Choose the baseline by name (``None``: none); unknown names raise ``ValueError``."""
        index = 0 if name is None else self.baseline_combo.findData(name)
        if index < 0:
            raise ValueError(f"no baseline named {name!r}")
        if index == self.baseline_combo.currentIndex():
            self._baseline_chosen()  # same choice: still make sure the views show it
        else:
            self.baseline_combo.setCurrentIndex(index)

    def scenario_name(self) -> str | None:
        """The scenario shown (``None``: the plan itself)."""
        return self.lens.scenario

    def set_scenario(self, name: str | None) -> None:
        """Show scenario ``name`` in the table, the Gantt and the status bar (``None``: the plan)."""
        if name == self.lens.scenario:
            return
        self.lens.set_scenario(name)
        if name is not None and self.lens.scenario is None:  # could not be scheduled: the plan is shown
            self.window_.statusBar().showMessage(f"Cannot show scenario {name}: {self.lens.schedule_error}", 10_000)

    def _scenario_shown(self, name: str) -> None:
        index = self.scenario_combo.findData(name) if name else 0
        if index >= 0 and index != self.scenario_combo.currentIndex():
            self.scenario_combo.blockSignals(True)
            self.scenario_combo.setCurrentIndex(index)
            self.scenario_combo.blockSignals(False)
        bar = self.window_.statusBar()
        if name:
            bar.showMessage(f"Showing scenario {name}: edits change the scenario, not the plan; "
                            "choose Plan to edit the plan itself", 10_000)
        else:
            bar.showMessage("Showing the plan", 3000)

    # -- following the plan ---------------------------------------------------------------
    def refill(self) -> None:
        """Rebuild the lists from the plan (a deleted choice falls back to None / Plan)."""
        doc = self.session.document
        baselines = [b.name for b in doc.plan.baselines] if doc else []
        before = self.baseline_name()
        _fill(self.baseline_combo, NO_BASELINE, baselines, before)
        _fill(self.scenario_combo, PLAN, [sc.name for sc in doc.plan.scenarios] if doc else [], self.lens.scenario)
        if self.baseline_name() != before or before is not None:
            self._baseline_chosen()

    def _plan_changed(self, event) -> None:
        if event.kind.startswith(("baseline_", "scenario_")):
            self.refill()

    def _baseline_chosen(self) -> None:
        baseline_chosen(self.window_, self.baseline_name())
