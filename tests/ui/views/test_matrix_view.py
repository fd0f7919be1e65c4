from __future__ import annotations

from PySide6.QtCore import Qt

from aiplanner.ui.views.matrix_view import MatrixView
from tests.ui.views.conftest import is_blank, save_grab


def test_edit_cell_is_one_undoable_step(qtbot, view_session):
    view = MatrixView(view_session)
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.data(model.index(1, 1)) == ""
    assert model.setData(model.index(1, 1), "Advises")
    assert view_session.plan.responsibilities.rows[1].cells["Central AI team"] == "Advises"
    view_session.undo_stack.undo()
    assert "Central AI team" not in view_session.plan.responsibilities.rows[1].cells
    assert model.data(model.index(1, 1)) == ""


def test_add_function_and_party(qtbot, view_session):
    view = MatrixView(view_session)
    qtbot.addWidget(view)
    assert view.add_party("Product teams")
    assert view.add_function("Governance")
    assert view.model.columnCount() == 4 and view.model.rowCount() == 3
    with qtbot.waitSignal(view.message):
        assert not view.add_party("Product teams")
    assert "already" in view.model.error
    view.table.selectRow(0)
    assert view.remove_selected()
    assert [r.function for r in view_session.plan.responsibilities.rows] == ["Use cases", "Governance"]
    view_session.undo_stack.undo()
    assert view.model.rowCount() == 3


def test_renders(qtbot, view_session):
    view = MatrixView(view_session)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    save_grab(view, "matrix")
    assert not is_blank(view.table.viewport())
    assert view.model.data(view.model.index(0, 1), Qt.DisplayRole) == "Owns"


def test_rename_and_remove_party_keep_cells_consistent(qtbot, view_session):
    view = MatrixView(view_session)
    qtbot.addWidget(view)
    assert view.rename_party("Business units", "Product teams")
    m = view_session.plan.responsibilities
    assert m.parties == ["Central AI team", "Product teams"]
    assert m.rows[0].cells == {"Central AI team": "Owns", "Product teams": "Uses"}
    assert not view.rename_party("Product teams", "Central AI team")
    assert view.remove_party("Central AI team")
    assert view_session.plan.responsibilities.rows[0].cells == {"Product teams": "Uses"}
    view_session.undo_stack.undo()
    view_session.undo_stack.undo()
    assert view_session.plan.responsibilities.parties == ["Central AI team", "Business units"]
