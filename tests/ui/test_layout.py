"""Room to work: the window fills the screen, the table and the Gantt dominate, nothing is cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "coe-rollout.aiplan"


def _window(qtbot, prompts, size=None, path=SAMPLE):
    from aiplanner.ui.main_window import MainWindow

    window = MainWindow()
    window.risk_view.auto_run = False
    window.prompts = window.files.prompts = prompts
    qtbot.addWidget(window)
    assert window.files.open_path(path, ask=False)
    if size is None:
        window.show_initial()
    else:
        window.resize(*size)
        window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    return window


def _rows_shown(view) -> int:
    """Whole rows of a table or tree on screen."""
    height = view.viewport().height()
    first = view.indexAt(view.viewport().rect().topLeft())
    count, index = 0, first
    while index.isValid() and view.visualRect(index).bottom() <= height:
        count += 1
        index = view.indexBelow(index) if hasattr(view, "indexBelow") else view.model().index(index.row() + 1, 0)
    return count


def test_a_first_launch_fills_the_screen_and_the_size_is_remembered(qtbot, prompts):
    available = QGuiApplication.primaryScreen().availableGeometry()
    window = _window(qtbot, prompts)
    assert window.isMaximized() or window.frameGeometry().size() == available.size()
    window.showNormal()
    window.resize(760, 600)
    window.session.undo_stack.setClean()
    assert window.close()
    again = _window(qtbot, prompts)
    assert (again.width(), again.height()) == (760, 600)  # remembered, not the screen again
    again.close()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_table_and_the_gantt_dominate(qtbot, prompts, size):
    window = _window(qtbot, prompts, size)
    centre = window.splitter.height()
    dock = window.docks["findings"].height()
    assert centre > 1.6 * dock, (centre, dock)
    rows = window.gantt.viewport().height() // window.tree.row_height()
    assert rows >= (15 if size[1] == 720 else 26), rows
    assert window.tree.width() >= 0.4 * size[0] and window.gantt.width() >= 0.4 * size[0]


def test_name_start_finish_and_done_come_first_and_ids_are_not_cut(qtbot, prompts):
    from aiplanner.ui.tasks.model import COLUMN_INDEX, COLUMNS

    window = _window(qtbot, prompts, (1280, 720))
    tree = window.tree
    header = tree.header()
    order = [COLUMNS[header.logicalIndex(v)].key for v in range(header.count())]
    assert order[:4] == ["name", "start", "finish", "progress"]
    right = [header.sectionViewportPosition(COLUMN_INDEX[k]) + header.sectionSize(COLUMN_INDEX[k])
             for k in ("name", "start", "finish", "progress")]
    assert max(right) <= tree.viewport().width()  # all four on screen
    metrics = tree.fontMetrics()
    widest_id = max(metrics.horizontalAdvance(t.id) for t in window.session.plan.tasks)
    assert header.sectionSize(COLUMN_INDEX["id"]) >= widest_id + 8
    assert header.sectionSize(COLUMN_INDEX["name"]) >= 260


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_people_and_load_shows_every_person_and_their_load(qtbot, prompts, size):
    window = _window(qtbot, prompts, size)
    window.focus_dock("people")
    view = window.people_view
    qtbot.waitUntil(lambda: view.load_model.rowCount() == 5, timeout=3000)
    qtbot.wait(20)
    people = len(window.session.plan.people)
    assert people == 5
    for table in (view.people_table, view.assign_table, view.load_table):
        last = table.rowViewportPosition(people - 1) + table.rowHeight(people - 1)
        assert 0 <= table.rowViewportPosition(0) and last <= table.viewport().height(), (table, last)
    assert view.load_table.columnViewportPosition(8) + view.load_table.columnWidth(8) <= \
        view.load_table.viewport().width()  # at least two months of weeks


def test_the_scenario_box_is_wide_enough_for_the_names(qtbot, prompts):
    window = _window(qtbot, prompts, (1280, 720))
    combo = window.workshop_bar.scenario_combo
    widest = max(combo.fontMetrics().horizontalAdvance(s.name) for s in window.session.plan.scenarios)
    assert combo.width() >= widest + 24
    for bar in (window.workshop_bar, window.filter_bar, window.main_toolbar):
        assert bar.geometry().right() <= window.width() and bar.isVisible()
