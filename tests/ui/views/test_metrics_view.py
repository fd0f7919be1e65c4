from __future__ import annotations

from aiplanner.ui.views.metrics_view import COLUMNS, MetricsView
from tests.ui.views.conftest import is_blank, save_grab

CURRENT = [c[0] for c in COLUMNS].index("current")
NAME = [c[0] for c in COLUMNS].index("name")


def test_edit_current_value_and_undo(qtbot, view_session):
    view = MetricsView(view_session)
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 2
    assert model.setData(model.index(0, CURRENT), "4 months")
    assert view_session.plan.metrics[0].current == "4 months"
    assert view_session.undo_stack.count() == 1
    view_session.undo_stack.undo()
    assert view_session.plan.metrics[0].current == ""


def test_only_target_and_current_are_editable(qtbot, view_session):
    view = MetricsView(view_session)
    qtbot.addWidget(view)
    assert not view.model.setData(view.model.index(0, NAME), "Renamed")
    assert view_session.plan.metrics[0].name == "Time to value"
    too_long = "x" * 500
    with qtbot.waitSignal(view.message) as sig:
        assert not view.model.setData(view.model.index(0, CURRENT), too_long)
    assert sig.args[0].startswith("Time to value: ")
    assert view.model.error and view_session.undo_stack.count() == 0


def test_renders(qtbot, view_session):
    view = MetricsView(view_session)
    qtbot.addWidget(view)
    view.resize(700, 200)
    view.show()
    save_grab(view, "metrics")
    assert not is_blank(view.table.viewport())
