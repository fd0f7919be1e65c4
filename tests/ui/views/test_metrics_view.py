"""The Metrics view: targets typed as people write them, values recorded and removed, all undoable."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from aiplanner.model.parts import Target
from aiplanner.ui.views.metrics_view import COLUMNS, MetricsView
from tests.ui.views.conftest import is_blank, save_grab

TARGET = [c[0] for c in COLUMNS].index("target")
NAME = [c[0] for c in COLUMNS].index("name")
STATUS = [c[0] for c in COLUMNS].index("status")
LATEST = [c[0] for c in COLUMNS].index("latest")


def test_rows_show_target_latest_value_and_status(qtbot, view_session):
    view = MetricsView(view_session)
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 2
    assert model.index(0, TARGET).data() == "< 3 months" and model.index(0, STATUS).data() == "no data"
    assert model.index(1, LATEST).data() == "20%" and model.index(1, STATUS).data() == "off target"
    assert model.index(1, STATUS).data(Qt.ForegroundRole).name() == "#c62828"


def test_edit_target_and_undo(qtbot, view_session):
    view = MetricsView(view_session)
    qtbot.addWidget(view)
    model = view.model
    assert model.index(1, TARGET).data(Qt.EditRole) == ">= 60"
    assert model.setData(model.index(1, TARGET), "> 15")
    assert view_session.plan.metrics[1].target == Target(op=">", value=15)
    assert model.index(1, STATUS).data() == "on target"
    assert model.setData(model.index(1, TARGET), "rising")
    assert model.index(1, STATUS).data() == "trend right"  # 12 then 20
    assert view_session.undo_stack.count() == 2
    view_session.undo_stack.undo()
    view_session.undo_stack.undo()
    assert view_session.plan.metrics[1].target == Target(op=">=", value=60)


def test_bad_targets_and_other_columns_are_refused(qtbot, view_session):
    view = MetricsView(view_session)
    qtbot.addWidget(view)
    assert not view.model.setData(view.model.index(0, NAME), "Renamed")
    assert view_session.plan.metrics[0].name == "Time to value"
    with qtbot.waitSignal(view.message) as sig:
        assert not view.model.setData(view.model.index(0, TARGET), "as soon as possible")
    assert sig.args[0].startswith("Time to value: write a target as")
    assert view_session.undo_stack.count() == 0


def test_record_and_remove_a_measurement(qtbot, view_session):
    view = MetricsView(view_session)
    qtbot.addWidget(view)
    view.select_metric("adoption")
    view.day.setDate(QDate(2026, 6, 26))
    view.value.setText("27,5")
    view.value_note.setText("June survey")
    assert view.record()
    metric = view_session.plan.metrics[1]
    assert [(m.date, m.value, m.note) for m in metric.measurements][-1] == (dt.date(2026, 6, 26), 27.5, "June survey")
    assert view.values.rowCount() == 3 and view.values.item(0, 1).text() == "27.5"  # latest first
    view.values.selectRow(0)
    assert view.remove_selected()
    assert len(view_session.plan.metrics[1].measurements) == 2
    view_session.undo_stack.undo()
    view_session.undo_stack.undo()
    assert len(view_session.plan.metrics[1].measurements) == 2 and view_session.undo_stack.count() == 2


def test_a_value_that_is_not_a_number_is_refused(qtbot, view_session):
    view = MetricsView(view_session)
    qtbot.addWidget(view)
    view.value.setText("lots")
    with qtbot.waitSignal(view.message) as sig:
        assert not view.record()
    assert "'lots' is not a number" in sig.args[0] and view_session.undo_stack.count() == 0


def test_renders_the_trend_chart(qtbot, view_session):
    view = MetricsView(view_session)
    qtbot.addWidget(view)
    view.resize(1100, 360)
    view.show()
    qtbot.waitExposed(view)
    view.select_metric("adoption")
    assert view.canvas is not None and view.canvas.shown[0].id == "adoption"
    save_grab(view, "metrics")
    assert not is_blank(view.table.viewport()) and not is_blank(view.canvas)
