"""The Gantt reads like the peers': labelled bars, labels clear of the arrows, distinct ghosts, steady zoom."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from aiplanner.ui.gantt.paint import Palette
from tests.ui.gantt.test_view import gantt, session  # noqa: F401  fixtures


def _wheel(widget, x: float, y: float, steps: int, modifiers=Qt.ControlModifier):
    pos = QPointF(x, y)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(), QPoint(0, 120 * steps), Qt.NoButton,
                        modifiers, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("steps", [1, 3, -1, -3])
@pytest.mark.parametrize("x", [40, 300, 700])
def test_ctrl_wheel_zoom_keeps_the_day_under_the_pointer(qtbot, gantt, steps, x):
    gantt.set_px_per_day(6)
    gantt.scroll_to_day(dt.date(2026, 6, 1))
    before = gantt.chart_point(QPoint(x, 50))[0]
    _wheel(gantt.viewport(), x, 50, steps)
    assert gantt.scale.px_per_day != 6
    assert gantt.chart_point(QPoint(x, 50))[0] == pytest.approx(before, abs=1.5 / gantt.scale.px_per_day + 0.01)


def test_zoom_from_the_keyboard_keeps_the_plan_start_in_view(qtbot, gantt):
    gantt.fit_to_plan()
    assert gantt.left_day() < 0 < gantt.left_day() + gantt.viewport().width() / gantt.scale.px_per_day
    for _ in range(3):
        gantt.zoom(1)
    x0 = gantt.scene.x_min
    left = gantt.left_day()
    assert left <= x0 <= left + gantt.viewport().width() / gantt.scale.px_per_day, "the plan start left the view"


def test_bar_labels_name_or_roles_or_progress(qtbot, gantt, session):
    gantt.set_bar_labels("name")
    texts = {label.task_id: label.text for label in gantt.scene.labels}
    assert texts["a1"] == "Current State Analysis" and texts["m1"] == "Design signed off"
    gantt.set_bar_labels("roles")
    texts = {label.task_id: label.text for label in gantt.scene.labels}
    assert texts["a1"] == "AI Product Manager 0.5"
    assert "a2" not in texts  # no roles: no label
    gantt.set_bar_labels("none")
    assert gantt.scene.labels == ()


def test_labels_start_clear_of_the_link_leaving_the_bar(qtbot, gantt, session):
    session.document.update_task("a1", progress=100)
    gantt.set_bar_labels("auto")
    for ppd in (2, 6, 20):
        gantt.set_px_per_day(ppd)
        placed = gantt.label_rects()
        label = placed["a1"]
        link = next(lk for lk in gantt.scene.links if lk.pred == "a1")
        vertical_x = gantt.pixel_of(link.points[1][0], 0).x()  # the link turns down here
        assert label.left() > vertical_x + 1, (ppd, label, vertical_x)


def test_baseline_ghosts_are_not_the_grey_of_the_links():
    def distance(a, b):
        return sum(abs(x - y) for x, y in zip(a.getRgb()[:3], b.getRgb()[:3]))

    assert distance(Palette.ghost, Palette.link) > 120
    assert distance(Palette.ghost, Palette.bar) > 90 and distance(Palette.ghost, Palette.critical) > 90


def test_view_menu_chooses_the_labels_and_the_choice_is_remembered(qtbot, main_window, prompts):
    from aiplanner.ui.main_window import MainWindow

    window = main_window
    labels = {lb.task_id: lb.text for lb in window.gantt.scene.labels}
    assert labels["a2"] == "Gap Analysis"  # names by default, as the peers label their bars
    window.actions_by_name["labels_roles"].trigger()
    labels = {lb.task_id: lb.text for lb in window.gantt.scene.labels}
    assert labels["a1"] == "AI Product Manager 0.5" and "a2" not in labels
    window.session.undo_stack.setClean()
    assert window.close()
    again = MainWindow()
    again.risk_view.auto_run = False
    qtbot.addWidget(again)
    assert again.gantt.bar_labels == "roles" and again.actions_by_name["labels_roles"].isChecked()


def test_hovering_a_bar_with_ghosts_tells_its_baseline_dates(qtbot, gantt, session):
    start, finish = session.schedule.tasks["a2"].start, session.schedule.tasks["a2"].finish
    gantt.set_baseline({"a2": (start - dt.timedelta(days=7), finish - dt.timedelta(days=7))})
    assert f"Baseline: {start - dt.timedelta(days=7):%d %b}" in gantt.tooltip_text("a2")
    assert "finish 7 calendar days later" in gantt.tooltip_text("a2")
    assert "Baseline" not in gantt.tooltip_text("a1")
