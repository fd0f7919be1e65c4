"""File > Plan properties: the plan itself edited whole, as one undo step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _type_over(qtbot, field, text):
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def _open_dialog(window, prompts, fill):
    dialogs = []

    def run(dialog):
        dialogs.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    prompts.accept_dialogs.append(run)
    window.actions_by_name["plan_properties"].trigger()
    return dialogs[0]


def test_every_plan_field_in_one_undo_step(main_window, prompts, qtbot):
    window = main_window
    session = window.session
    before = session.plan.model_dump()
    finish = session.schedule.finish

    def fill(dialog):
        dialog.name.setText("Rollout 2027")
        dialog.organisation.setText("Northwind")
        _type_over(qtbot, dialog.start, "2027-02-01")
        _type_over(qtbot, dialog.status_date, "2027-03-05")
        dialog.workdays["fri"].setChecked(False)
        dialog.country.setCurrentIndex(dialog.country.findData("DE"))
        dialog.subdivision.setCurrentIndex(dialog.subdivision.findData("BE"))
        dialog.holidays.setPlainText("2027-02-15 team day\n1 Mar 2027")

    dialog = _open_dialog(window, prompts, fill)
    assert dialog.error.isHidden()
    plan = session.plan
    assert (plan.name, plan.organisation, plan.start, plan.status_date) == (
        "Rollout 2027", "Northwind", dt.date(2027, 2, 1), dt.date(2027, 3, 5))
    assert plan.calendar.workdays == ["mon", "tue", "wed", "thu"]
    assert (plan.calendar.country, plan.calendar.subdivision) == ("DE", "BE")
    assert plan.calendar.holidays == [dt.date(2027, 2, 15), dt.date(2027, 3, 1)]
    assert session.undo_stack.count() == 1
    assert session.schedule.start == dt.date(2027, 2, 1) and session.schedule.finish > finish
    assert window.windowTitle().startswith("test.aiplan")
    assert window.gantt.scene.today.date == dt.date(2027, 3, 5)  # the status line is drawn
    window.actions_by_name["undo"].trigger()
    assert session.plan.model_dump() == before


def test_a_plan_that_could_not_be_scheduled_is_refused_in_the_dialog(main_window, prompts, qtbot):
    session = main_window.session

    def fill(dialog):
        _type_over(qtbot, dialog.start, "1850-01-01")

    dialog = _open_dialog(main_window, prompts, fill)
    assert dialog.result() != dialog.DialogCode.Accepted and not dialog.error.isHidden()
    assert "1900" in dialog.error.text()
    assert session.undo_stack.count() == 0 and session.plan.start == dt.date(2026, 5, 4)
    dialog.workdays["fri"].setChecked(False)
    _type_over(qtbot, dialog.start, "2026-05-04")
    for box in dialog.workdays.values():
        box.setChecked(False)
    assert not dialog.apply() and "working day" in dialog.error.text()


def test_the_pattern_switches_through_the_catalogue_and_one_undo_takes_it_back(main_window, prompts, qtbot):
    from aiplanner.catalog import build_plan

    window = main_window
    assert window.files.new_plan(build_plan("coe", dt.date(2026, 6, 1)))
    session = window.session
    window.session.push  # a fresh CoE plan, no scenarios
    before = session.plan.model_dump()
    ids = {t.id for t in session.plan.tasks}

    def fill(dialog):
        dialog.pattern.setCurrentIndex(dialog.pattern.findData("federated"))
        assert "Removed" in dialog.pattern_note.text() or "Added" in dialog.pattern_note.text()

    _open_dialog(window, prompts, fill)
    plan = session.plan
    assert plan.pattern == "federated" and session.undo_stack.count() == 1
    assert "d-charter" in ids and "d-charter" not in {t.id for t in plan.tasks}
    assert any(row.cells for row in plan.responsibilities.rows)
    window.actions_by_name["undo"].trigger()
    assert session.plan.model_dump() == before


def test_a_switch_a_scenario_could_not_follow_is_refused_naming_it(main_window, prompts, qtbot):
    window = main_window
    assert window.files.open_path(SAMPLES / "coe-rollout.aiplan", ask=False)

    def fill(dialog):
        dialog.pattern.setCurrentIndex(dialog.pattern.findData("federated"))

    dialog = _open_dialog(window, prompts, fill)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Federated instead of CoE" in dialog.error.text()
    assert window.session.plan.pattern == "coe" and window.session.undo_stack.count() == 0


def test_parse_holidays_names_the_bad_line():
    import pytest

    from aiplanner.model.errors import EditError
    from aiplanner.ui.plan_properties import parse_holidays

    assert parse_holidays("Dec 24, 2026 Christmas Eve\n2026-12-31") == [dt.date(2026, 12, 24), dt.date(2026, 12, 31)]
    with pytest.raises(EditError, match="line 2"):
        parse_holidays("2026-12-24\nsoon")
