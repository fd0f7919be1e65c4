from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.views.conftest import is_blank, save_grab

pytest.importorskip("aiplanner.schedule.montecarlo")


@pytest.fixture
def risky(view_session):
    from aiplanner.model.plan import Estimate
    from aiplanner.ui.commands import EditTaskCommand

    s = view_session
    s.push(EditTaskCommand(s, "a1", estimate=Estimate(optimistic=25, likely=30, pessimistic=50)))
    s.push(EditTaskCommand(s, "d2", estimate=Estimate(optimistic=15, likely=20, pessimistic=60)))
    s.undo_stack.clear()
    return s


@pytest.fixture
def risk(qtbot, risky):
    from aiplanner.ui.views.risk_view import RiskView

    view = RiskView(risky, auto_run=False)
    qtbot.addWidget(view)
    view.resize(1000, 450)
    yield view
    view.shutdown()


def test_run_completes_in_a_thread_and_stores_the_result(qtbot, risk, risky):
    risk.show()
    risk.iterations.setValue(3000)
    with qtbot.waitSignal(risk.simulated, timeout=10000) as sig:
        risk.run()
        assert risk.running
    result = sig.args[0]
    assert risky.risk_result is result
    assert result.iterations == 3000
    p50, p80, p95 = (result.percentile(p) for p in (50, 80, 95))
    assert p50 <= p80 <= p95
    assert "P80: " in risk.status.text() and risk.progress.value() == 100
    # a1 is on every path to the finish: critical in every iteration; the table is sorted by criticality.
    assert risk.table.item(0, 0).text().endswith("(a1)") or risk.table.item(0, 1).text() == "100%"
    shares = [risk.table.item(r, 1).data(256) for r in range(risk.table.rowCount())]
    assert shares == sorted(shares, reverse=True)
    qtbot.wait(50)
    save_grab(risk, "risk")
    assert not is_blank(risk.canvas)


def test_risk_changed_is_emitted(qtbot, risk, risky):
    if not hasattr(risky, "riskChanged"):
        pytest.skip("the session has no riskChanged signal yet")
    with qtbot.waitSignal(risky.riskChanged, timeout=10000):
        risk.run()


def test_cancel_stops_the_run_and_keeps_the_old_result(qtbot, risk, risky):
    risk.iterations.setValue(100_000)
    risk.run()
    thread = risk.thread
    assert risk.running
    qtbot.mouseClick(risk.cancel_button, Qt.LeftButton)
    assert not risk.running and risk.status.text() == "Cancelled."
    assert thread.wait(10000), "a cancelled run stops at its next block"
    qtbot.wait(20)
    assert risk.result is None and getattr(risky, "risk_result", None) is None


def test_plan_change_reruns_after_debounce(qtbot, risky):
    from aiplanner.ui.commands import EditTaskCommand
    from aiplanner.ui.views.risk_view import RiskView

    view = RiskView(risky)  # auto-run on
    qtbot.addWidget(view)
    view.iterations.setValue(500)
    with qtbot.waitSignal(view.simulated, timeout=10000):
        pass
    first = view.result
    risky.push(EditTaskCommand(risky, "a2", duration=25))
    risky.push(EditTaskCommand(risky, "a2", duration=26))  # two quick edits: one re-run
    assert not view.running  # still waiting for the edits to settle
    with qtbot.waitSignal(view.simulated, timeout=10000):
        pass
    assert view.result is not first
    assert view.result.deterministic_finish > first.deterministic_finish
    view.shutdown()


def test_matplotlib_is_imported_only_when_shown(qtbot, risky):
    import subprocess
    import sys

    code = ("import os; os.environ['QT_QPA_PLATFORM']='offscreen'; import sys;"
            "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            "import aiplanner.ui.views.risk_view; print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_deleting_the_view_mid_run_stops_its_thread(qtbot, risky):
    import shiboken6

    from aiplanner.ui.views.risk_view import RiskView

    view = RiskView(risky, auto_run=False)
    view.iterations.setValue(100_000)
    view.run()
    thread = view.thread
    assert thread.isRunning()
    shiboken6.delete(view)  # what a closing main window does to its docks
    assert thread.cancelled


def test_clicking_a_criticality_row_selects_the_task(qtbot, risk, risky):
    risk.show()
    with qtbot.waitSignal(risk.simulated, timeout=10000):
        risk.run()
    item = risk.table.item(risk.table.rowCount() - 1, 0)
    task_id = item.data(Qt.UserRole)
    rect = risk.table.visualItemRect(item)
    qtbot.mouseClick(risk.table.viewport(), Qt.LeftButton, pos=rect.center())
    assert risky.selection == [task_id]


def test_snapshot_is_not_touched_by_later_edits(risky):
    from aiplanner.model.plan import Phase
    from aiplanner.ui.commands import EditTaskCommand, RemoveTaskCommand
    from aiplanner.ui.views.risk_worker import snapshot

    copy = snapshot(risky.plan)
    risky.push(EditTaskCommand(risky, "a2", duration=40))
    risky.push(RemoveTaskCommand(risky, "a1"))  # also rewrites a2's links in place
    risky.document.add_phase(Phase(id="extra", name="Extra"))
    assert copy.task("a2").duration == 10
    assert [d.task for d in copy.task("a2").depends_on] == ["a1"]
    assert [p.id for p in copy.phases] == ["assessment", "design"]
    assert copy == copy.model_validate(copy.model_dump())
