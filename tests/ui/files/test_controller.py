"""File handling of the window: save/reopen, revert, recent files, external changes, autosave and recovery."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from aiplanner.io.native import load_plan, save_plan
from aiplanner.ui.commands import EditTaskCommand
from aiplanner.ui.files.recovery import orphaned_recoveries
from aiplanner.ui.settings import recent_files


def _edit(window, duration=12):
    window.session.push(EditTaskCommand(window.session, "a2", duration=duration))


def test_save_and_reopen(main_window, tmp_path, plan_file):
    _edit(main_window)
    assert main_window.isWindowModified()
    assert main_window.actions_by_name["save"].trigger() is None
    assert not main_window.isWindowModified()
    assert load_plan(plan_file).task("a2").duration == 12
    assert (plan_file.parent / (plan_file.name + ".bak")).exists()
    assert main_window.files.open_path(plan_file)
    assert main_window.session.plan.task("a2").duration == 12
    assert main_window.session.undo_stack.count() == 0


def test_save_as_adds_suffix_and_recent_entry(main_window, tmp_path, prompts):
    prompts.paths.append(str(tmp_path / "copy"))
    main_window.actions_by_name["save_as"].trigger()
    target = tmp_path / "copy.aiplan"
    assert target.exists() and main_window.session.path == target
    assert recent_files()[0] == str(target.resolve())
    assert main_window.windowTitle().startswith("copy.aiplan")
    assert [a.text() for a in main_window.recent_menu.actions()][0].endswith("copy.aiplan")


def test_unopenable_plan_keeps_the_window_and_says_why(main_window, tmp_path, prompts):
    bad = tmp_path / "broken.aiplan"
    bad.write_text('{"format": "aiplanner-plan", "version": 1, "start": "2026-05-04", "tasks": [{"id": 3}]}')
    assert not main_window.files.open_path(bad)
    title, text = prompts.errors[-1]
    assert title == "Cannot open plan" and "broken.aiplan" in text and "$.tasks[0]" in text
    assert main_window.session.plan.name == "Test plan"  # the open plan stays


def test_close_with_unsaved_changes_asks(main_window, prompts, plan_file):
    _edit(main_window)
    prompts.answers.append("Cancel")
    assert not main_window.close()
    assert main_window.isVisible()
    prompts.answers.append("Save")
    assert main_window.close()
    assert load_plan(plan_file).task("a2").duration == 12


def test_revert_reloads_from_disk_and_is_not_undoable(main_window, prompts):
    _edit(main_window)
    prompts.answers.append("Revert")
    assert main_window.files.revert()
    assert main_window.session.plan.task("a2").duration == 10
    assert main_window.session.undo_stack.count() == 0 and not main_window.isWindowModified()


def test_file_changed_by_another_program_is_noticed_before_overwrite(main_window, prompts, plan_file):
    other = load_plan(plan_file)
    other.name = "Changed elsewhere"
    time.sleep(0.01)
    save_plan(other, plan_file)
    os.utime(plan_file, ns=(time.time_ns(), time.time_ns() + 5_000_000))
    assert main_window.files.changed_on_disk()
    _edit(main_window)
    prompts.answers.append("Cancel")
    assert not main_window.files.save()
    assert "changed by another program" in prompts.questions[-1][1]
    assert load_plan(plan_file).name == "Changed elsewhere"
    prompts.answers.append("Overwrite")
    assert main_window.files.save()
    assert load_plan(plan_file).name == "Test plan"


def test_touching_the_file_without_changing_it_is_not_a_change(main_window, plan_file):
    os.utime(plan_file, ns=(time.time_ns(), time.time_ns() + 9_000_000))
    assert not main_window.files.changed_on_disk()


def test_autosave_and_recovery_after_a_crash(main_window, qtbot, prompts, plan_file):
    files = main_window.files
    assert not files.autosave_timer.isActive()
    _edit(main_window, 17)
    assert files.autosave_timer.isActive() and files.autosave_timer.interval() == 60_000
    recovery = files.autosave()
    assert recovery is not None and load_plan(recovery).task("a2").duration == 17
    files.recovery.abandon()  # what a crash leaves behind
    entries = orphaned_recoveries()
    assert len(entries) == 1 and entries[0].original == plan_file

    from aiplanner.ui.main_window import MainWindow

    second = MainWindow()
    second.risk_view.auto_run = False
    qtbot.addWidget(second)
    second.prompts = second.files.prompts = prompts
    prompts.answers.append("Recover")
    assert second.files.offer_recovery()
    assert second.session.plan.task("a2").duration == 17
    assert second.session.path == plan_file and second.session.dirty
    second.session.undo_stack.undo()  # back to the file as it is on disk
    assert second.session.plan.task("a2").duration == 10
    assert orphaned_recoveries() == []
    second.session.undo_stack.redo()
    assert second.files.save()
    assert not second.files.recovery.exists()
    second.close()


def test_discarding_removes_the_recovery_file(main_window, prompts):
    _edit(main_window)
    main_window.files.autosave()
    assert main_window.files.recovery.exists()
    prompts.answers.append("Discard")
    assert main_window.close()
    assert not main_window.files.recovery.exists()


def test_recovery_can_be_discarded_at_start(main_window, qtbot, prompts):
    _edit(main_window)
    main_window.files.autosave()
    main_window.files.recovery.abandon()
    from aiplanner.ui.main_window import MainWindow

    second = MainWindow()
    second.risk_view.auto_run = False
    qtbot.addWidget(second)
    second.prompts = second.files.prompts = prompts
    prompts.answers.append("Discard")
    assert not second.files.offer_recovery()
    assert orphaned_recoveries() == []


def test_drop_a_plan_file_opens_it(main_window, qtbot, tmp_path, plan):
    other = tmp_path / "dropped.aiplan"
    save_plan(plan.model_copy(update={"name": "Dropped plan"}), other)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    main_window.dropEvent(event)
    qtbot.waitUntil(lambda: main_window.session.path == other, timeout=2000)
    assert main_window.session.plan.name == "Dropped plan"


def test_coming_back_to_the_window_offers_to_reload_a_changed_file(main_window, prompts, plan_file):
    other = load_plan(plan_file)
    other.name = "Edited in another program"
    save_plan(other, plan_file)
    os.utime(plan_file, ns=(time.time_ns(), time.time_ns() + 7_000_000))
    prompts.answers.append("Reload")
    main_window.files.check_disk()
    assert main_window.session.plan.name == "Edited in another program"
    assert main_window.session.undo_stack.count() == 0
    main_window.files.check_disk()  # nothing new: no second question
    assert len(prompts.questions) == 1


def test_undoing_back_to_the_saved_state_removes_the_recovery_file(main_window):
    _edit(main_window)
    main_window.files.autosave()
    assert main_window.files.recovery.exists()
    main_window.session.undo_stack.undo()
    assert not main_window.session.dirty
    assert not main_window.files.recovery.exists() and not main_window.files.autosave_timer.isActive()


def test_drop_a_mermaid_file_imports_it(main_window, qtbot, tmp_path):
    source = tmp_path / "chart.mmd"
    source.write_text("gantt\n  dateFormat YYYY-MM-DD\n  section Assessment\n  Inventory :x1, 2026-05-04, 5d\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    main_window.dropEvent(event)
    qtbot.waitUntil(lambda: [t.id for t in main_window.session.plan.tasks] == ["x1"], timeout=2000)
    assert main_window.session.path is None


def test_file_open_sample_opens_each_shipped_sample_as_an_untitled_copy(main_window, prompts):
    window = main_window
    titles = [a.text() for a in window.samples_menu.actions()]
    assert len(titles) >= 5 and titles[0].startswith("Northwind Payments")  # the built-in sample first
    _edit(window)
    prompts.answers.append("Cancel")
    window.samples_menu.actions()[1].trigger()
    assert window.session.plan.name == "Test plan"  # unsaved changes: asked, and cancelled
    prompts.answers.append("Discard")
    window.samples_menu.actions()[1].trigger()
    assert window.session.plan.name == titles[1] and window.session.path is None
    assert not window.session.dirty and window.session.undo_stack.count() == 0
