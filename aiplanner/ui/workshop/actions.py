"""What the workshop actions do to the window: present, capture and show baselines, scenarios, compare.

The View menu (:mod:`aiplanner.ui.workshop.menu`) and the workshop tool bar
(:mod:`aiplanner.ui.workshop.bar`) both call these; every change goes
through undo commands.
"""

from __future__ import annotations

import datetime as dt

from aiplanner.model.errors import PlanError
from aiplanner.model.variants import Scenario
from aiplanner.ui.workshop.commands import AddBaselineCommand, AddScenarioCommand, ReplaceScenarioCommand

# The catalogue, the checks and presentation mode are imported by the actions that use
# them: the window builds these actions before its first paint, which needs none of them.

__all__ = ["unique_name", "open_compare", "present", "capture", "show_ghosts", "baseline_chosen", "new_scenario",
           "switch_scenario_pattern"]

CANCEL = "Cancel"


def unique_name(stem: str, taken: set[str]) -> str:
    """``stem``, or ``stem 2``, ``stem 3`` ... whichever is free."""
    if stem not in taken:
        return stem
    n = 2
    while f"{stem} {n}" in taken:
        n += 1
    return f"{stem} {n}"


def open_compare(window):
    """Show the comparison tables (one non-modal dialog per window)."""
    from aiplanner.ui.workshop.compare_dialog import CompareDialog

    if window.session.document is None:
        return None
    if getattr(window, "compare_dialog", None) is None:
        window.compare_dialog = CompareDialog(window.session, window)
        baseline = window.workshop_bar.baseline_name()
        if baseline is not None:
            window.compare_dialog.set_sides(f"baseline:{baseline}", "current")
    window.compare_dialog.show()
    window.compare_dialog.raise_()
    return window.compare_dialog


def present(window):
    """Open presentation mode on what the window shows (scenario, baseline ghosts, collapsed phases);
    a scenario or baseline chosen there comes back to the window."""
    from aiplanner.ui.workshop.presentation import open_presentation

    if window.session.document is None:
        return None
    bar = window.workshop_bar
    view = open_presentation(window.session, window, collapsed=window.tree.folded_phases(),
                             scenario=window.lens.scenario, baseline=bar.baseline_name())
    view.scenarioShown.connect(lambda name: bar.set_scenario(name or None))
    view.baselineShown.connect(lambda name: bar.set_baseline(name or None))
    window.presentation = view
    return view


def capture(window) -> str | None:
    """Ask for a name (default: today's date) and capture a baseline (one undoable step); return its name."""
    from aiplanner.checks.compare.baseline import capture_baseline

    if window.session.document is None:
        return None
    plan = window.session.plan
    default = unique_name(f"Baseline {dt.date.today():%d %b %Y}", {b.name for b in plan.baselines})
    name = window.prompts.text("Capture baseline", "Name of the baseline:", default)
    if name is None:
        return None
    name = name.strip() or default
    try:
        window.session.push(AddBaselineCommand(window.session, capture_baseline(plan, name)))
    except PlanError as exc:
        window.prompts.error("Cannot capture a baseline", str(exc))
        return None
    window.statusBar().showMessage(f"Baseline {name!r} captured", 5000)
    return name


def show_ghosts(window, on: bool) -> None:
    """The ghosts action: on shows the chosen baseline (the latest when none is chosen), off shows none."""
    bar = window.workshop_bar
    baselines = window.session.plan.baselines if window.session.document else []
    if not on:
        bar.set_baseline(None)
    elif bar.baseline_name() is None:
        bar.set_baseline(baselines[-1].name if baselines else None)


def baseline_chosen(window, name: str | None) -> None:
    """Show the ghosts of baseline ``name`` (``None``: none) and make Compare start from it."""
    plan = window.session.plan if window.session.document else None
    baseline = next((b for b in plan.baselines if b.name == name), None) if plan and name else None
    dates = {t.id: (t.start, t.finish) for t in baseline.tasks} if baseline else {}
    if dates != getattr(window.gantt, "baseline_dates", {}):
        window.gantt.set_baseline(dates)
    action = getattr(window, "actions_by_name", {}).get("baseline_ghosts")
    if action is not None and action.isChecked() != bool(baseline):
        action.blockSignals(True)
        action.setChecked(bool(baseline))
        action.blockSignals(False)
    dialog = getattr(window, "compare_dialog", None)
    if dialog is not None and baseline is not None:
        dialog.set_sides(f"baseline:{baseline.name}", dialog.side_b.currentText())


def new_scenario(window) -> str | None:
    """Add an empty scenario (it follows the plan until edited); return its name."""
    if window.session.document is None:
        return None
    name = unique_name("Scenario", {s.name for s in window.session.plan.scenarios})
    window.session.push(AddScenarioCommand(window.session, Scenario(name=name)))
    return name


def switch_scenario_pattern(window):
    """Ask which scenario and which pattern; switch it as one undoable step and report what changed."""
    from aiplanner.catalog.switch import PATTERN_NAMES, switch_pattern

    session = window.session
    if session.document is None:
        return None
    names = [s.name for s in session.plan.scenarios]
    if not names:
        window.prompts.info("Scenario pattern", "Add a scenario first (View > New scenario).")
        return None
    name = window.prompts.ask("Scenario pattern", "Which scenario?", [*names, CANCEL])
    if name == CANCEL:
        return None
    labels = {label: pid for pid, label in PATTERN_NAMES.items()}
    label = window.prompts.ask("Scenario pattern", f"Rebuild {name!r} for which pattern?", [*labels, CANCEL])
    if label == CANCEL:
        return None
    try:
        result = switch_pattern(session.plan, name, labels[label])
        session.push(ReplaceScenarioCommand(session, name, result.scenario, f"Switch scenario {name} to {label}"))
    except PlanError as exc:
        window.prompts.error("Cannot switch the pattern", str(exc))
        return None
    window.prompts.info("Scenario pattern", "\n".join(result.lines()))
    return result
