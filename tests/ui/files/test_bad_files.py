"""Bad plan files never cost the open plan: a clear message, the window as it was, no exception."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.io.native import save_plan
from aiplanner.model.plan import Calendar, Dependency


def _window_shows_the_test_plan(window):
    assert window.session.plan.name == "Test plan"
    assert [t.id for t in window.session.plan.tasks] == ["a1", "a2", "d1", "d2", "m1"]
    assert window.session.schedule is not None and window.session.schedule_error is None
    assert window.session.schedule.start == dt.date(2026, 5, 4)
    assert window.gantt.scene is not None and window.gantt.scene.origin == dt.date(2026, 5, 4)
    assert window.tree.source.rowCount() == 2


def _variant(plan, tmp_path, name, **update):
    other = plan.model_copy(deep=True, update={"name": "Other plan", **update})
    path = tmp_path / name
    save_plan(other, path)
    return path


@pytest.mark.parametrize("start", [dt.date(1850, 5, 4), dt.date(2450, 5, 4), dt.date(1899, 12, 30),
                                   dt.date(2401, 1, 4)])
def test_a_plan_dated_outside_the_calendar_is_refused_and_the_open_plan_stays(main_window, prompts, plan,
                                                                              tmp_path, start):
    path = _variant(plan, tmp_path, f"y{start.year}.aiplan", start=start)
    assert not main_window.files.open_path(path)
    title, text = prompts.errors[-1]
    assert title == "Cannot open plan"
    assert path.name in text and "$" in text and "1900" in text and "2400" in text
    _window_shows_the_test_plan(main_window)
    main_window.gantt.rebuild()  # and it still draws
    main_window.gantt.viewport().grab()


def test_a_plan_ending_in_the_calendars_last_months_opens_and_draws(main_window, prompts, plan, tmp_path):
    path = _variant(plan, tmp_path, "edge.aiplan", start=dt.date(2400, 10, 2))
    assert main_window.files.open_path(path), prompts.errors
    assert main_window.session.schedule.finish.year == 2401
    main_window.gantt.fit_to_plan()
    assert main_window.gantt.scene.bars and not main_window.gantt.viewport().grab().isNull()


def test_a_task_date_outside_the_calendar_is_refused_naming_the_task(main_window, prompts, plan, tmp_path):
    tasks = [t.model_copy(update={"not_before": dt.date(2500, 1, 3)}) if t.id == "d1" else t for t in plan.tasks]
    path = _variant(plan, tmp_path, "far.aiplan", tasks=tasks)
    assert not main_window.files.open_path(path)
    assert "$.tasks[2].not_before" in prompts.errors[-1][1]
    _window_shows_the_test_plan(main_window)


def test_a_plan_with_a_dependency_cycle_is_refused(main_window, prompts, plan, tmp_path):
    tasks = [t.model_copy(update={"depends_on": [Dependency(task="m1")]}) if t.id == "a1" else t for t in plan.tasks]
    path = _variant(plan, tmp_path, "loop.aiplan", tasks=tasks)
    assert not main_window.files.open_path(path)
    title, text = prompts.errors[-1]
    assert "loop.aiplan" in text and "cycle" in text and "$.tasks[0].depends_on" in text
    _window_shows_the_test_plan(main_window)


def test_a_plan_with_an_unknown_holiday_region_is_refused(main_window, prompts, plan, tmp_path):
    path = _variant(plan, tmp_path, "region.aiplan", calendar=Calendar(country="XX"))
    assert not main_window.files.open_path(path)
    title, text = prompts.errors[-1]
    assert "region.aiplan" in text and "$.calendar" in text
    _window_shows_the_test_plan(main_window)


def test_refused_files_cost_nothing_on_revert_import_and_drop_either(main_window, prompts, plan, tmp_path,
                                                                     plan_file):
    from aiplanner.ui.app import open_initial

    bad = plan.model_copy(update={"start": dt.date(1850, 1, 1)})
    save_plan(bad, plan_file)  # the open file changed on disk into one that cannot be scheduled
    assert not main_window.files.revert()
    _window_shows_the_test_plan(main_window)
    assert not main_window.files.new_plan(bad)
    _window_shows_the_test_plan(main_window)
    assert not main_window.files.open_copy(plan_file)
    _window_shows_the_test_plan(main_window)
    open_initial(main_window, str(plan_file))  # a start on such a file falls back to the sample
    assert main_window.session.plan.name != "Test plan" and main_window.session.schedule is not None
    assert all("1850" in text or "1900" in text for _title, text in prompts.errors)


def test_a_symlink_loop_in_the_recent_files_is_explained(main_window, prompts, tmp_path):
    from aiplanner.ui.settings import add_recent_file, recent_files, remove_recent_file

    loop = tmp_path / "loop.aiplan"
    other = tmp_path / "other.aiplan"
    loop.symlink_to(other)
    other.symlink_to(loop)
    add_recent_file(loop)
    assert str(loop) in recent_files()
    main_window.files.recentChanged.emit()
    entry = next(a for a in main_window.recent_menu.actions() if a.toolTip() == str(loop))
    entry.trigger()
    title, text = prompts.errors[-1]
    assert title == "Cannot open plan" and "loop.aiplan" in text
    assert str(loop) not in recent_files()  # it cannot be opened: it leaves the list
    assert remove_recent_file(loop) == recent_files()
    _window_shows_the_test_plan(main_window)
