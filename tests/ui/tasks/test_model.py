"""The task tree model alone (no widget): data, editing through undo, refusals, structure."""

from __future__ import annotations

from PySide6.QtCore import Qt

from aiplanner.model.plan import Task
from aiplanner.ui.commands import AddTaskCommand, MoveTaskCommand, RemoveTaskCommand
from aiplanner.ui.tasks.model import COLUMN_INDEX, ROW_KEY_ROLE, TaskTreeModel
from aiplanner.ui.tasks.proxy import TaskFilterProxy


def _cell(model, task_id, key):
    return model.task_index(task_id, COLUMN_INDEX[key])


def _text(model, task_id, key):
    return model.data(_cell(model, task_id, key))


def test_model_passes_qt_consistency_checks(qtmodeltester, session):
    model = TaskTreeModel(session)
    qtmodeltester.check(model)


def test_phases_then_tasks_with_computed_columns(session):
    model = TaskTreeModel(session)
    assert model.rowCount() == 2
    assert model.data(model.index(0, 0)) == "Assessment"
    assert model.rowCount(model.index(0, 0)) == 2
    assert model.row_keys()[:3] == [("phase", "assessment"), ("task", "a1"), ("task", "a2")]
    assert _text(model, "a1", "start") == "2026-05-04"
    assert _text(model, "a1", "duration") == "30d"
    assert _text(model, "a1", "critical") == "yes"
    assert _text(model, "a1", "demands") == "ai-product-manager:0.5"
    assert _text(model, "d2", "predecessors") == "a2SS+5"
    assert model.data(_cell(model, "a2", "name"), ROW_KEY_ROLE) == ("task", "a2")
    assert not model.flags(_cell(model, "a1", "start")) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(_cell(model, "a1", "duration")) & Qt.ItemFlag.ItemIsEditable


def test_duration_in_weeks_pushes_one_undo_step_and_reschedules(session):
    model = TaskTreeModel(session)
    before = _text(model, "a2", "start")
    assert model.setData(_cell(model, "a1", "duration"), "3w")
    assert session.plan.task("a1").duration == 15
    assert _text(model, "a2", "start") != before
    assert session.undo_stack.count() == 1 and session.dirty
    session.undo_stack.undo()
    assert session.plan.task("a1").duration == 30
    assert _text(model, "a2", "start") == before
    session.undo_stack.redo()
    assert _text(model, "a1", "duration") == "15d"


def test_retyping_the_same_text_is_not_an_edit(session):
    model = TaskTreeModel(session)
    assert not model.setData(_cell(model, "a1", "duration"), "30d")
    assert session.undo_stack.count() == 0


def test_cycle_is_refused_with_task_names_and_plan_unchanged(session, qtbot):
    model = TaskTreeModel(session)
    before = session.plan.model_dump()
    with qtbot.waitSignal(session.editRefused) as refused:
        assert not model.setData(_cell(model, "a1", "predecessors"), "m1")
    assert "cycle" in refused.args[0]
    assert "Current State Analysis (a1)" in refused.args[0] and "Design signed off (m1)" in refused.args[0]
    assert session.plan.model_dump() == before
    assert session.undo_stack.count() == 0


def test_negative_duration_and_unknown_role_are_refused(session, qtbot):
    model = TaskTreeModel(session)
    before = session.plan.model_dump()
    with qtbot.waitSignal(session.editRefused) as refused:
        assert not model.setData(_cell(model, "a2", "duration"), "-4")
    assert "Gap Analysis" in refused.args[0] and "negative" in refused.args[0]
    with qtbot.waitSignal(session.editRefused) as refused:
        assert not model.setData(_cell(model, "a2", "demands"), "wizard:1")
    assert "unknown role 'wizard'" in refused.args[0]
    with qtbot.waitSignal(session.editRefused) as refused:
        assert not model.setData(_cell(model, "a2", "predecessors"), "zz9")
    assert "zz9" in refused.args[0]
    assert session.plan.model_dump() == before and session.undo_stack.count() == 0


def test_each_editable_column(session):
    model = TaskTreeModel(session)
    edits = {
        "name": ("Gap analysis (revised)", lambda t: t.name == "Gap analysis (revised)"),
        "estimate": ("8/10/15", lambda t: t.estimate.pessimistic == 15),
        "predecessors": ("a1SS+2", lambda t: (t.depends_on[0].type, t.depends_on[0].lag) == ("SS", 2)),
        "demands": ("ai-product-manager", lambda t: t.demands[0].fte == 1),
        "not_before": ("2026-07-01", lambda t: str(t.not_before) == "2026-07-01"),
        "deadline": ("2026-08-01", lambda t: str(t.deadline) == "2026-08-01"),
        "progress": ("40%", lambda t: t.progress == 40),
    }
    for key, (text, ok) in edits.items():
        assert model.setData(_cell(model, "a2", key), text), key
        assert ok(session.plan.task("a2")), key
    assert session.undo_stack.count() == len(edits)
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.plan.task("a2").name == "Gap Analysis" and session.plan.task("a2").estimate is None


def test_rename_id_updates_links(session):
    model = TaskTreeModel(session)
    assert model.setData(_cell(model, "a2", "id"), "gap")
    assert _text(model, "d1", "predecessors") == "gap"
    assert model.task_index("gap").isValid() and not model.task_index("a2").isValid()
    session.undo_stack.undo()
    assert _text(model, "d1", "predecessors") == "a2"


def test_phase_name_edit(session):
    model = TaskTreeModel(session)
    assert model.setData(model.index(1, 0), "Target design")
    assert model.data(model.index(1, 0)) == "Target design"
    session.undo_stack.undo()
    assert model.data(model.index(1, 0)) == "Design"


def test_structure_follows_add_remove_move_with_precise_signals(session, qtbot, qtmodeltester):
    model = TaskTreeModel(session)
    qtmodeltester.check(model)
    with qtbot.assertNotEmitted(model.modelReset):
        session.push(AddTaskCommand(session, Task(id="a3", name="Spend review", phase="assessment", duration=5)))
        assert model.rowCount(model.index(0, 0)) == 3
        session.push(MoveTaskCommand(session, "a3", 0))
        assert [model.task_id(model.index(r, 0, model.index(0, 0))) for r in range(3)] == ["a3", "a1", "a2"]
        session.push(MoveTaskCommand(session, "a3", len(session.plan.tasks), phase="design"))
        assert model.rowCount(model.index(0, 0)) == 2 and model.rowCount(model.index(1, 0)) == 4
        session.push(RemoveTaskCommand(session, "a2"))
        assert not model.task_index("a2").isValid()
        while session.undo_stack.canUndo():
            session.undo_stack.undo()
    assert [k for k in model.row_keys()] == [("phase", "assessment"), ("task", "a1"), ("task", "a2"),
                                            ("phase", "design"), ("task", "d1"), ("task", "d2"), ("task", "m1")]


def test_proxy_sorts_within_phases_and_filters(session):
    model = TaskTreeModel(session)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COLUMN_INDEX["duration"], Qt.SortOrder.DescendingOrder)
    phases = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert phases == ["Assessment", "Design"]
    design = proxy.index(1, 0)
    assert [proxy.index(r, 0, design).data() for r in range(3)] == [
        "Operating Model Design", "Governance Framework", "Design signed off"]
    proxy.set_filter_text("governance")
    assert proxy.rowCount() == 1 and proxy.rowCount(proxy.index(0, 0)) == 1
    proxy.set_filter_text("")
    proxy.set_critical_only(True)
    shown = [proxy.index(r, 0, proxy.index(p, 0)).data()
             for p in range(proxy.rowCount()) for r in range(proxy.rowCount(proxy.index(p, 0)))]
    assert "Governance Framework" not in shown and "Gap Analysis" in shown


def test_new_document_resets_the_model(session, plan):
    from aiplanner.model import Document

    model = TaskTreeModel(session)
    smaller = plan.model_copy(update={"tasks": plan.tasks[:1]})
    session.set_document(Document(smaller))
    assert model.row_keys() == [("phase", "assessment"), ("task", "a1"), ("phase", "design")]
