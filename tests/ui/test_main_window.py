"""The real window, driven by keys and menu actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from aiplanner.ui.tasks.model import COLUMN_INDEX


def _cell(window, task_id, key):
    tree = window.tree
    return tree.proxy.mapFromSource(tree.source.task_index(task_id, COLUMN_INDEX[key]))


def test_opening_is_not_an_edit(main_window):
    assert main_window.session.undo_stack.count() == 0
    assert not main_window.actions_by_name["undo"].isEnabled()
    assert not main_window.isWindowModified()
    assert main_window.windowTitle().startswith("test.aiplan")


def test_typing_in_a_cell_edits_and_undo_redo_through_the_menu(main_window, qtbot):
    tree = main_window.tree
    index = _cell(main_window, "a2", "duration")
    tree.setCurrentIndex(index)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = tree.indexWidget(index)
    assert editor is not None, tree.state()
    editor.selectAll()
    qtbot.keyClicks(editor, "3w")
    assert editor.text() == "3w"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on the next event-loop turn
    qtbot.waitUntil(lambda: main_window.session.plan.task("a2").duration == 15, timeout=2000)
    assert main_window.isWindowModified()
    assert main_window.undo_view.model().rowCount() == 2  # <opened> + the edit
    main_window.actions_by_name["undo"].trigger()
    assert main_window.session.plan.task("a2").duration == 10
    assert not main_window.isWindowModified()
    main_window.actions_by_name["redo"].trigger()
    assert main_window.session.plan.task("a2").duration == 15
    assert QKeySequence("Ctrl+Shift+Z") in main_window.actions_by_name["redo"].shortcuts()


def test_settings_persist_layout_zoom_and_recent_files(main_window, qtbot, prompts, plan_file):
    from aiplanner.ui.main_window import MainWindow
    from aiplanner.ui.settings import app_settings, config_dir

    main_window.resize(790, 700)  # inside the 800x800 offscreen screen
    main_window.gantt.set_px_per_day(20.0)
    main_window.docks["metrics"].raise_()
    assert main_window.close()
    assert (config_dir() / "aiplanner.ini").exists()
    assert app_settings().value("files/last") == str(plan_file.resolve())

    second = MainWindow()
    second.risk_view.auto_run = False
    second.prompts = second.files.prompts = prompts
    qtbot.addWidget(second)
    assert (second.size().width(), second.size().height()) == (790, 700)
    assert second.open_path(plan_file)
    second.show()
    qtbot.waitUntil(lambda: abs(second.gantt.scale.px_per_day - 20.0) < 0.01, timeout=2000)
    # The remembered zoom opens the plan at its start, not in its middle.
    assert abs(second.gantt.left_day() - (second.gantt.scene.x_min - 24 / 20.0)) < 0.1
    assert second.recent_menu.actions()[0].toolTip() == str(plan_file.resolve())
    assert second.metrics_view.isVisible()
    second.close()


def test_initial_path_prefers_file_then_last_plan_then_sample(tmp_path, plan_file):
    from aiplanner.ui.app import builtin_sample_path, initial_path
    from aiplanner.ui.settings import add_recent_file

    assert initial_path(str(tmp_path / "x.aiplan")) == tmp_path / "x.aiplan"
    assert initial_path(None) == builtin_sample_path() and builtin_sample_path().name == "coe-rollout.aiplan"
    add_recent_file(plan_file)
    assert initial_path(None) == plan_file.resolve()
    plan_file.unlink()
    assert initial_path(None) == builtin_sample_path()


def test_layout_fits_1280_by_720(main_window, qtbot):
    main_window.resize(1280, 720)
    qtbot.wait(10)
    assert main_window.width() == 1280 and main_window.height() == 720
    assert main_window.gantt.viewport().height() >= 8 * main_window.tree.row_height()
    assert main_window.gantt.width() > 300 and main_window.tree.width() > 300


def test_start_opens_the_sample_as_an_untitled_copy(qtbot, prompts, tmp_path):
    from aiplanner.ui.app import open_initial
    from aiplanner.ui.main_window import MainWindow

    window = MainWindow()
    window.risk_view.auto_run = False
    window.prompts = window.files.prompts = prompts
    qtbot.addWidget(window)
    open_initial(window, str(tmp_path / "missing.aiplan"))
    assert prompts.errors and "missing.aiplan" in prompts.errors[-1][1] and "no such file" in prompts.errors[-1][1]
    assert window.session.path is None and len(window.session.plan.tasks) > 10
    assert not window.session.dirty and window.session.undo_stack.count() == 0
    prompts.paths.append(str(tmp_path / "mine.aiplan"))
    assert window.files.save()  # Save asks where: the installed sample is never overwritten
    assert window.session.path == tmp_path / "mine.aiplan"


def test_a_finding_about_people_shows_them_in_the_people_view(main_window, qtbot):
    from aiplanner.model.plan import Person

    window = main_window
    window.session.document.update_plan(people=[Person(id="ana", name="Ana"), Person(id="bo", name="Bo")])
    window.findings_view.peopleSelected.emit(["bo"])
    table = window.people_view.people_table
    selected = {i.row() for i in table.selectionModel().selectedRows()}
    assert selected == {1}


def test_refused_matrix_edit_is_explained_in_the_status_bar(main_window):
    window = main_window
    window.matrix_view.message.emit("cannot do that")
    assert window.statusBar().currentMessage() == "cannot do that"


def test_every_view_tab_fills_the_dock_area_when_first_raised(qtbot, plan_file, prompts):
    """Views stay hidden until their tab is raised, yet each then fills the same dock area."""
    from aiplanner.ui.main_window import MainWindow

    window = MainWindow()
    window.risk_view.auto_run = False
    window.prompts = window.files.prompts = prompts
    qtbot.addWidget(window)
    window.resize(790, 700)
    assert window.files.open_path(plan_file)
    window.show()
    qtbot.waitExposed(window)
    findings = window.docks["findings"]
    # Room below for five people and their load or the risk chart, most of the height for the table and Gantt.
    qtbot.waitUntil(lambda: 190 <= findings.height() <= 0.4 * window.height(), timeout=2000)
    qtbot.wait(50)  # the dock area is given its height once the window has laid itself out
    area = findings.geometry()
    assert not window.docks["network"].widget().view.isVisible()  # not laid out until needed
    for name in ("people", "risk", "network", "matrix", "metrics", "history"):
        window.focus_dock(name)
        dock = window.docks[name]
        qtbot.waitUntil(lambda dock=dock: dock.geometry() == area, timeout=2000)
        assert dock.widget().view.isVisible()
        assert dock.widget().view.height() >= area.height() - 40
    window.session.undo_stack.setClean()
    window.close()
