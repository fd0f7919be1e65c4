"""The Gantt widget: scene painting, drag edits with undo, links, zoom, tooltip, rows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt

from aiplanner.ui.gantt.view import GanttView


@pytest.fixture
def session(qtbot, plan):
    from aiplanner.model.document import Document
    from aiplanner.ui.session import PlanSession

    s = PlanSession(Document(plan))
    yield s
    s.undo_stack.cleanChanged.disconnect()


@pytest.fixture
def gantt(qtbot, session):
    view = GanttView(session)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def bar_point(view, task_id, where="middle"):
    """Viewport pixel on a task's bar."""
    item = view.index.item_of[task_id]
    row = view.row_of(task_id)
    if where == "middle":
        x = (item.x0 + item.x1) / 2 if hasattr(item, "x0") else item.x
    else:
        x = item.x1
    p = view.pixel_of(x, row)
    return QPoint(p.x() - (1 if where == "end" else 0), p.y())


def drag(qtbot, view, start, end, modifier=Qt.NoModifier):
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.LeftButton, modifier, start)
    steps = 4
    for i in range(1, steps + 1):
        qtbot.mouseMove(vp, start + (end - start) * i / steps)
    qtbot.mouseRelease(vp, Qt.LeftButton, modifier, end)


def test_rows_follow_the_scene_phase_then_tasks(gantt):
    rows = [(r.kind, r.id) for r in gantt.scene.rows]
    assert rows == [("phase", "assessment"), ("task", "a1"), ("task", "a2"),
                    ("phase", "design"), ("task", "d1"), ("task", "d2"), ("task", "m1")]
    assert gantt.row_count() == 7
    gantt.set_row_height(30)
    assert gantt.row_height() == 30
    # A task's bar is painted in the pixel band of its row: row * height .. + height.
    assert gantt.pixel_of(0, gantt.row_of("d1")).y() == 4 * 30 + 15 - gantt.verticalScrollBar().value()


def test_drag_bar_sets_not_before_and_undo_restores(qtbot, gantt, session):
    start = session.schedule.tasks["d2"].start
    ppd = gantt.scale.px_per_day
    p = bar_point(gantt, "d2")
    drag(qtbot, gantt, p, p + QPoint(round(14 * ppd), 0))
    task = session.plan.task("d2")
    assert task.not_before == start + dt.timedelta(days=14)
    assert session.schedule.tasks["d2"].start == start + dt.timedelta(days=14)
    session.undo_stack.undo()
    assert session.plan.task("d2").not_before is None
    assert session.schedule.tasks["d2"].start == start
    session.undo_stack.redo()
    assert session.schedule.tasks["d2"].start == start + dt.timedelta(days=14)
    assert gantt.index.item_of["d2"].x0 == (start - session.plan.start).days + 14


def test_drag_end_changes_duration_in_working_days(qtbot, gantt, session):
    assert session.plan.task("a2").duration == 10
    ppd = gantt.scale.px_per_day
    p = bar_point(gantt, "a2", "end")
    drag(qtbot, gantt, p, p + QPoint(round(7 * ppd), 0))  # one calendar week = 5 working days
    assert session.plan.task("a2").duration == 15
    session.undo_stack.undo()
    assert session.plan.task("a2").duration == 10


def test_shift_drag_links_tasks_and_cycle_is_refused(qtbot, gantt, session):
    drag(qtbot, gantt, bar_point(gantt, "d2"), bar_point(gantt, "d1"), Qt.ShiftModifier)
    assert any(d.task == "d2" and d.type == "FS" for d in session.plan.task("d1").depends_on)
    assert session.undo_stack.count() == 1
    before = session.plan.model_dump()
    drag(qtbot, gantt, bar_point(gantt, "d1"), bar_point(gantt, "a1"), Qt.ShiftModifier)
    assert "cycle" in gantt.last_message and "Current State Analysis (a1)" in gantt.last_message
    assert session.plan.model_dump() == before and session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert not any(d.task == "d2" for d in session.plan.task("d1").depends_on)
    session.undo_stack.redo()
    assert any(link.pred == "d2" and link.succ == "d1" for link in gantt.scene.links)


def test_zoom_keys_wheel_and_fit(qtbot, gantt):
    gantt.fit_to_plan()
    fitted = gantt.scale.px_per_day
    span = gantt.scene.x_max - gantt.scene.x_min
    assert span * fitted <= gantt.viewport().width()
    qtbot.keyClick(gantt, Qt.Key_Plus)
    assert gantt.scale.px_per_day == pytest.approx(fitted * 1.25)
    qtbot.keyClick(gantt, Qt.Key_Minus)
    qtbot.keyClick(gantt, Qt.Key_Minus)
    assert gantt.scale.px_per_day == pytest.approx(fitted / 1.25)
    for _ in range(40):
        gantt.zoom(1)
    assert gantt.scale.level == "days"
    for _ in range(60):
        gantt.zoom(-1)
    assert gantt.scale.level == "quarters"
    qtbot.keyClick(gantt, Qt.Key_0)
    assert gantt.scale.px_per_day == pytest.approx(fitted)


def test_zoom_keeps_anchor_day(gantt):
    gantt.set_px_per_day(10)
    anchor = 300
    day = gantt.left_day() + anchor / gantt.scale.px_per_day
    gantt.zoom(2, anchor)
    assert gantt.left_day() + anchor / gantt.scale.px_per_day == pytest.approx(day, abs=0.2)


def test_tooltip_text(gantt, session):
    text = gantt.tooltip_text("a1")
    assert text.splitlines()[0] == "Current State Analysis (a1)"
    assert "Mon 04 May 2026 – Fri 12 Jun 2026 (30 working days)" in text
    assert "Total float: 0 working days" in text and "critical" in text
    assert "AI Product Manager 0.5 FTE" in text
    assert "Milestone: " in gantt.tooltip_text("m1")


def test_click_selects_and_double_click_activates(qtbot, gantt, session):
    with qtbot.waitSignal(session.selectionChanged):
        qtbot.mouseClick(gantt.viewport(), Qt.LeftButton, pos=bar_point(gantt, "a2"))
    assert session.selection == ["a2"]
    with qtbot.waitSignal(gantt.taskActivated) as sig:
        qtbot.mouseDClick(gantt.viewport(), Qt.LeftButton, pos=bar_point(gantt, "d1"))
    assert sig.args == ["d1"]


def test_edit_rebuilds_scene(gantt, session):
    from aiplanner.ui.commands import EditTaskCommand

    before = gantt.index.item_of["a1"].x1
    session.push(EditTaskCommand(session, "a1", duration=35))
    assert gantt.index.item_of["a1"].x1 == before + 7


def test_renders_not_blank(gantt):
    from tests.ui.views.conftest import is_blank, save_grab

    save_grab(gantt, "gantt")
    assert not is_blank(gantt.viewport())
    assert not is_blank(gantt.header)


def test_drag_from_link_handle_adds_link(qtbot, gantt, session):
    item = gantt.index.item_of["a1"]
    handle = gantt.pixel_of(item.x1, gantt.row_of("a1")) + QPoint(10, 0)
    qtbot.mouseMove(gantt.viewport(), handle)
    drag(qtbot, gantt, handle, bar_point(gantt, "d2"))
    assert [d.task for d in session.plan.task("d2").depends_on] == ["a2", "a1"]


def test_drag_milestone_moves_it(qtbot, gantt, session):
    ms_date = session.schedule.tasks["m1"].start
    p = bar_point(gantt, "m1")
    drag(qtbot, gantt, p, p + QPoint(round(10 * gantt.scale.px_per_day), 0))
    assert session.plan.task("m1").not_before is not None
    assert session.schedule.tasks["m1"].start > ms_date


def test_drag_label_says_what_happens(qtbot, gantt, session):
    from aiplanner.ui.gantt.edit import describe_drag

    assert describe_drag(session, "a2", "end", 7) == "15 working days"
    assert describe_drag(session, "a2", "move", 5) == "Not before Mon 22 Jun"  # Saturday snaps to Monday
    vp = gantt.viewport()
    p = bar_point(gantt, "a2")
    qtbot.mousePress(vp, Qt.LeftButton, Qt.NoModifier, p)
    qtbot.mouseMove(vp, p + QPoint(round(7 * gantt.scale.px_per_day), 0))
    gantt.viewport().grab()  # paints the preview and the label without error
    qtbot.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, p + QPoint(round(7 * gantt.scale.px_per_day), 0))
    assert session.undo_stack.count() == 1


def test_ctrl_wheel_zooms_around_the_cursor(qtbot, gantt):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    gantt.set_px_per_day(8)
    pos = QPointF(400, 100)
    day = gantt.left_day() + pos.x() / gantt.scale.px_per_day
    event = QWheelEvent(pos, gantt.viewport().mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt.NoButton,
                        Qt.ControlModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(gantt.viewport(), event)
    assert gantt.scale.px_per_day == pytest.approx(10)
    assert gantt.left_day() + pos.x() / gantt.scale.px_per_day == pytest.approx(day, abs=0.2)


def test_hover_shows_the_tooltip(qtbot, gantt):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    p = bar_point(gantt, "d1")
    event = QHelpEvent(QEvent.ToolTip, p, gantt.viewport().mapToGlobal(p))
    QApplication.sendEvent(gantt.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text().startswith("Operating Model Design (d1)")
    QToolTip.hideText()


def test_empty_plan_and_document_replaced(qtbot, gantt, session):
    import datetime as dt

    from aiplanner.model.document import Document
    from aiplanner.model.plan import Phase, Plan

    session.set_document(Document(Plan(start=dt.date(2026, 1, 5), phases=[Phase(id="p", name="P")])))
    assert gantt.row_count() == 0
    gantt.viewport().grab()  # paints an empty chart without error
    gantt.fit_to_plan()
    qtbot.keyClick(gantt, Qt.Key_Plus)


def test_drag_to_the_edge_scrolls_and_keeps_the_day_under_the_cursor(qtbot, gantt, session):
    gantt.set_px_per_day(30)
    gantt.scroll_to_task("a2")
    hbar = gantt.horizontalScrollBar()
    start_value = hbar.value()
    vp = gantt.viewport()
    p = bar_point(gantt, "a2")
    old_start = session.schedule.tasks["a2"].start
    edge = QPoint(vp.width() - 5, p.y())
    qtbot.mousePress(vp, Qt.LeftButton, Qt.NoModifier, p)
    qtbot.mouseMove(vp, edge)
    qtbot.waitUntil(lambda: hbar.value() > start_value + 100, timeout=3000)
    qtbot.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, edge)
    # The drop day is the day under the cursor after scrolling, not where the cursor was at first.
    not_before = session.plan.task("a2").not_before
    assert not_before is not None
    moved = (not_before - old_start).days
    assert moved * 30 > (edge.x() - p.x()) + 100, "the scrolled distance counts"


def test_context_menu_clears_not_before_and_removes_links(qtbot, gantt, session):
    ppd = gantt.scale.px_per_day
    p = bar_point(gantt, "d1")
    drag(qtbot, gantt, p, p + QPoint(round(10 * ppd), 0))
    assert session.plan.task("d1").not_before is not None
    actions = dict(gantt.context_actions("d1"))
    clear = next(label for label in actions if label.startswith("Clear"))
    actions[clear]()
    assert session.plan.task("d1").not_before is None
    actions = dict(gantt.context_actions("d1"))
    actions["Remove link from Gap Analysis (a2 FS)"]()
    assert session.plan.task("d1").depends_on == []
    assert session.undo_stack.count() == 3
    with qtbot.waitSignal(gantt.taskActivated):
        dict(gantt.context_actions("d1"))["Open task…"]()


def test_keyboard_selects_moves_and_stretches(qtbot, gantt, session):
    gantt.setFocus()
    qtbot.keyClick(gantt, Qt.Key_Down)
    assert session.selection == ["a1"]
    qtbot.keyClick(gantt, Qt.Key_Down)
    qtbot.keyClick(gantt, Qt.Key_Down)  # skips the Design phase row
    assert session.selection == ["d1"]
    qtbot.keyClick(gantt, Qt.Key_Up)
    assert session.selection == ["a2"]
    start = session.schedule.tasks["a2"].start  # Mon 15 Jun 2026
    qtbot.keyClick(gantt, Qt.Key_Left, Qt.AltModifier)  # one working day earlier: Friday
    assert session.plan.task("a2").not_before == start - dt.timedelta(days=3)
    qtbot.keyClick(gantt, Qt.Key_Right, Qt.AltModifier | Qt.ShiftModifier)
    assert session.plan.task("a2").duration == 11
    session.undo_stack.undo()
    assert session.plan.task("a2").duration == 10


def test_opening_a_document_builds_the_scene_once(qtbot, gantt, session, plan, monkeypatch):
    from aiplanner.model.document import Document
    from aiplanner.ui.gantt import view as gantt_view

    calls = []
    real = gantt_view.build_gantt_scene
    monkeypatch.setattr(gantt_view, "build_gantt_scene", lambda *a: calls.append(1) or real(*a))
    session.set_document(Document(plan.model_copy(deep=True)))
    assert len(calls) == 1
    assert gantt.row_count() == 7


def test_wheel_over_the_header_zooms(qtbot, gantt):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    gantt.set_px_per_day(8)
    pos = QPointF(300, 10)
    event = QWheelEvent(pos, gantt.header.mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt.NoButton,
                        Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(gantt.header, event)
    assert gantt.scale.px_per_day == pytest.approx(8 / 1.25)
