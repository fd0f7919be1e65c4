"""Presentation mode driven by keys; scenario edits through the lens stay undoable."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from aiplanner.model import Scenario, TaskOverride
from aiplanner.schedule.baseline import freeze_schedule
from aiplanner.ui.workshop.presentation import PresentationView, open_presentation


@pytest.fixture
def session(qtbot, plan):
    from aiplanner.model.document import Document
    from aiplanner.ui.session import PlanSession

    plan.scenarios = [Scenario(name="short analysis", description="a1 in 20 days",
                               overrides=[TaskOverride(task="a1", duration=20)])]
    plan.baselines = [freeze_schedule(plan, "kick-off", created=dt.date(2026, 5, 1))]
    s = PlanSession(Document(plan))
    yield s
    s.undo_stack.cleanChanged.disconnect()


@pytest.fixture
def view(qtbot, session):
    v = PresentationView(session)
    qtbot.addWidget(v)
    v.resize(1400, 800)
    v.show()
    qtbot.waitExposed(v)
    return v


def keys(qtbot, view, *sequence):
    for key in sequence:
        modifier = Qt.NoModifier
        if isinstance(key, tuple):
            key, modifier = key
        qtbot.keyClick(view.gantt, key, modifier)


def test_big_numbers_and_scenario_cycling(qtbot, view):
    assert view.finish_label.text() == "Finish 07 Aug 2026"
    qtbot.waitUntil(lambda: view.findings_label.text() != "Findings …")
    assert view.findings_label.text().startswith("Findings ")
    assert view.p80_label.text() == "P80 07 Aug 2026"  # no estimates: the P80 is the finish itself
    assert view.gantt.font().pointSize() >= 14 and view.gantt.row_height() >= 36  # type follows the screen size
    assert any(b.phase == "design" for b in view.gantt.scene.bands)
    assert any(m.task_id == "m1" for m in view.gantt.scene.milestones)
    keys(qtbot, view, Qt.Key_S)
    assert view.lens.scenario == "short analysis"
    assert view.finish_label.text() == "Finish 24 Jul 2026"  # ten working days earlier
    assert view.subtitle.text().startswith("Scenario: short analysis — a1 in 20 days")
    assert "finish 10 working days earlier than the plan" in view.subtitle.text()
    keys(qtbot, view, Qt.Key_S)
    assert view.lens.scenario is None and view.finish_label.text() == "Finish 07 Aug 2026"
    keys(qtbot, view, (Qt.Key_S, Qt.ShiftModifier))
    assert view.lens.scenario == "short analysis"
    keys(qtbot, view, (Qt.Key_S, Qt.ControlModifier))  # Ctrl+S is the window's (save), not "next scenario"
    assert view.lens.scenario == "short analysis"


def test_b_toggles_baseline_ghosts(qtbot, view):
    assert view.gantt.scene.ghosts == ()
    keys(qtbot, view, Qt.Key_S, Qt.Key_B)
    ghosts = {g.task_id: g for g in view.gantt.scene.ghosts}
    assert set(ghosts) == {"a1", "a2", "d1", "d2", "m1"}
    bar = {b.task_id: b for b in view.gantt.scene.bars}["a2"]
    assert ghosts["a2"].x0 - bar.x0 == 14  # ten working days = two calendar weeks later in the baseline
    assert "against baseline kick-off: -10 working days" in view.subtitle.text()
    keys(qtbot, view, Qt.Key_B)
    assert view.gantt.scene.ghosts == ()


def test_keyboard_edits_on_a_scenario_are_undoable_overrides(qtbot, view, session):
    keys(qtbot, view, Qt.Key_S, Qt.Key_Tab, Qt.Key_Tab)
    assert view.lens.selection == ["a2"]
    keys(qtbot, view, Qt.Key_BracketRight, Qt.Key_BracketRight)
    scenario = session.plan.scenarios[0]
    assert scenario.override_for("a2").duration == 12
    assert session.plan.task("a2").duration == 10  # the plan itself is untouched
    assert view.finish_label.text() == "Finish 28 Jul 2026"
    assert session.undo_stack.undoText() == "Set duration of a2 to 12 days in scenario short analysis"
    keys(qtbot, view, (Qt.Key_Z, Qt.ControlModifier), (Qt.Key_Z, Qt.ControlModifier))
    assert session.plan.scenarios[0].override_for("a2") is None
    assert view.finish_label.text() == "Finish 24 Jul 2026"
    keys(qtbot, view, (Qt.Key_Y, Qt.ControlModifier))
    assert session.plan.scenarios[0].override_for("a2").duration == 11


def test_keyboard_edits_on_the_plan_are_plan_edits(qtbot, view, session):
    keys(qtbot, view, (Qt.Key_Tab, Qt.ShiftModifier))  # backwards from nothing: the last task
    assert view.lens.selection == ["m1"]
    keys(qtbot, view, Qt.Key_Tab, Qt.Key_BracketLeft)  # wraps to a1, one day shorter
    assert session.plan.task("a1").duration == 29 and session.plan.scenarios[0].overrides[0].duration == 20
    assert view.finish_label.text() == "Finish 06 Aug 2026"


def test_arrows_scroll_zoom_and_escape_leaves(qtbot, view):
    hbar = view.gantt.horizontalScrollBar()
    px = view.gantt.scale.px_per_day
    keys(qtbot, view, Qt.Key_Plus)
    assert view.gantt.scale.px_per_day > px
    before = hbar.value()
    keys(qtbot, view, Qt.Key_Right, Qt.Key_Right)
    assert hbar.value() > before
    keys(qtbot, view, Qt.Key_Minus)
    assert view.gantt.scale.px_per_day == pytest.approx(px)
    with qtbot.waitSignal(view.closed):
        keys(qtbot, view, Qt.Key_Escape)
    assert not view.isVisible()


def test_open_presentation_goes_full_screen_on_the_summary(qtbot, session):
    view = open_presentation(session)  # deletes itself when closed
    qtbot.waitExposed(view)
    assert view.isFullScreen() and view.on_summary and view.focusWidget() is view.slide
    qtbot.waitUntil(lambda: view.slide.summary is not None)
    qtbot.keyClick(view.slide, Qt.Key_Space)  # on to the plan
    assert not view.on_summary and view.focusWidget() is view.gantt
    with qtbot.waitSignal(view.destroyed):
        view.close()


def test_the_first_screen_is_the_executive_summary(qtbot, view, session):
    from aiplanner.checks.summary import DEFAULT_ITERATIONS, DEFAULT_SEED, executive_summary

    qtbot.waitUntil(lambda: view.slide.summary is not None)
    expected = executive_summary(session.plan, iterations=DEFAULT_ITERATIONS, seed=DEFAULT_SEED)
    assert view.slide.summary == expected  # the report's cover, the same object
    assert set(view.slide.tiles) == {"schedule", "staffing", "risk", "health"}
    qtbot.keyClick(view.slide, Qt.Key_S)  # the next scenario's summary, still on the first screen
    assert view.on_summary
    qtbot.waitUntil(lambda: view.slide.summary is not None and view.slide.summary.scenario == "short analysis")
    qtbot.keyClick(view.slide, Qt.Key_Return)
    assert not view.on_summary
    qtbot.keyClick(view.gantt, Qt.Key_Home)
    assert view.on_summary


def test_dragging_a_bar_in_a_scenario_is_an_undoable_override(qtbot, view, session):
    from PySide6.QtCore import QPoint

    keys(qtbot, view, Qt.Key_S)
    gantt = view.gantt
    bar = gantt.index.item_of["a2"]
    row = gantt.row_of("a2")
    start = gantt.pixel_of(bar.x1, row) - QPoint(1, 0)
    end = start + QPoint(round(7 * gantt.scale.px_per_day), 0)  # one calendar week = five working days
    vp = gantt.viewport()
    qtbot.mousePress(vp, Qt.LeftButton, Qt.NoModifier, start)
    for i in range(1, 5):
        qtbot.mouseMove(vp, start + (end - start) * i / 4)
    qtbot.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, end)
    assert session.plan.scenarios[0].override_for("a2").duration == 15
    assert session.plan.task("a2").duration == 10
    session.undo_stack.undo()
    assert session.plan.scenarios[0].override_for("a2") is None


def test_c_collapses_and_expands_all_phases(qtbot, session):
    view = PresentationView(session, collapsed={"design"})  # as the window's table had them
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    rows = lambda: [(r.kind, r.id) for r in view.gantt.scene.rows]  # noqa: E731
    assert rows() == [("phase", "assessment"), ("task", "a1"), ("task", "a2"), ("phase", "design")]
    keys(qtbot, view, Qt.Key_C)
    assert len(rows()) == 7 and view.collapsed == frozenset()
    keys(qtbot, view, Qt.Key_C)
    assert rows() == [("phase", "assessment"), ("phase", "design")] and view.gantt.scene.links == ()
    assert all(b.collapsed for b in view.gantt.scene.bands)
    keys(qtbot, view, Qt.Key_Tab)  # nothing to select while every phase is folded
    assert session.selection == []
    assert "C phases" in view.hint.text()


def test_double_click_on_a_phase_row_folds_that_phase(qtbot, view):
    band = next(b for b in view.gantt.scene.bands if b.phase == "assessment")
    qtbot.mouseDClick(view.gantt.viewport(), Qt.LeftButton, pos=view.gantt.pixel_of(band.x0 + 1, band.row0))
    assert view.collapsed == {"assessment"} and view.gantt.row_of("a1") is None
    assert view.gantt.row_of("d1") == 2


def test_a_long_scenario_description_wraps_instead_of_widening_the_view(qtbot, view, session):
    narrow = view.minimumSizeHint().width()
    session.document.update_scenario("short analysis", description="what the room asked for, at length " * 12)
    keys(qtbot, view, Qt.Key_S)
    assert view.lens.scenario == "short analysis" and "at length" in view.subtitle.text()
    assert view.minimumSizeHint().width() <= narrow


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_numbers_and_enough_rows_fit_the_rooms_screen(qtbot, session, size):
    view = PresentationView(session)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.show_plan_page()  # presentation opens on the summary; the numbers are on the plan's page
    qtbot.waitUntil(lambda: view.findings_label.text() != "Findings …")
    qtbot.wait(20)
    assert (view.width(), view.height()) == size  # nothing in it asks for more than the screen
    for label in (view.title, view.finish_label, view.p80_label, view.findings_label):
        assert label.geometry().right() <= view.width(), label.text()
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width() + 2, label.text()
    assert view.gantt.viewport().height() >= 6 * view.gantt.row_height()
    assert view.finish_label.font().pointSizeF() >= (28 if size[0] == 1280 else 40)
    assert view.gantt.header.level() == view.gantt.header.level()  # labels read evenly (see test_header)
