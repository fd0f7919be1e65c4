"""Dates work as typed, in every date field of the window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from aiplanner.model.errors import EditError
from aiplanner.ui.widgets.datefield import DateField, parse_day


@pytest.mark.parametrize(("text", "day"), [
    ("2027-02-01", dt.date(2027, 2, 1)), ("2027-2-1", dt.date(2027, 2, 1)), ("2027/02/01", dt.date(2027, 2, 1)),
    ("1 Feb 2027", dt.date(2027, 2, 1)), ("1. february 2027", dt.date(2027, 2, 1)),
    ("Feb 1, 2027", dt.date(2027, 2, 1)), ("\u00a02027-02-01 ", dt.date(2027, 2, 1)), ("", None),
])
def test_parse_day_reads_unambiguous_spellings(text, day):
    assert parse_day(text) == day


@pytest.mark.parametrize("text", ["01/02/2027", "4 May", "2027-02-30", "tomorrow", "2027-13-01", "20270201"])
def test_parse_day_refuses_what_is_no_date_or_is_ambiguous(text):
    with pytest.raises(EditError, match="not a date"):
        parse_day(text)


def _type_over(qtbot, field, text):
    """What a user does: click into the field, select what is there, type."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def test_typing_a_whole_date_over_the_old_one_keeps_every_part(qtbot):
    field = DateField(dt.date(2026, 1, 26))
    qtbot.addWidget(field)
    field.show()
    seen = []
    field.dateChanged.connect(seen.append)
    _type_over(qtbot, field, "2027-02-01")
    assert field.date() == dt.date(2027, 2, 1) and field.is_valid()
    assert seen[-1] == dt.date(2027, 2, 1)


def test_a_date_outside_the_calendar_or_a_typo_is_shown_and_never_taken(qtbot):
    field = DateField(dt.date(2026, 1, 26))
    qtbot.addWidget(field)
    _type_over(qtbot, field, "1850-01-01")
    assert not field.is_valid() and "1900-01-01" in field.error
    with pytest.raises(EditError):
        field.date()
    _type_over(qtbot, field, "2026-02-31")
    assert "not a date" in field.toolTip()
    field.set_date(None)
    assert not field.is_valid()  # required
    optional = DateField(None, optional=True)
    qtbot.addWidget(optional)
    assert optional.date() is None and optional.is_valid()


def test_the_calendar_picks_a_day(qtbot):
    from PySide6.QtCore import QDate

    field = DateField(dt.date(2026, 5, 4))
    qtbot.addWidget(field)
    field.show()
    calendar = field.show_calendar()
    assert calendar.selectedDate() == QDate(2026, 5, 4)
    calendar.clicked.emit(QDate(2026, 7, 1))
    assert field.date() == dt.date(2026, 7, 1) and not calendar.isVisible()


def test_the_new_plan_dialog_keeps_the_year_typed(qtbot):
    from aiplanner.ui.wizard import NewPlanWizard

    wizard = NewPlanWizard(today=dt.date(2026, 1, 20))
    qtbot.addWidget(wizard)
    wizard.show()
    _type_over(qtbot, wizard.start, "2027-02-01")
    assert wizard.start_date() == dt.date(2027, 2, 1)
    assert wizard.plan().start == dt.date(2027, 2, 1)


def test_the_absence_dialog_keeps_the_dates_typed(qtbot, plan):
    from aiplanner.model.plan import Person
    from aiplanner.ui.views.absence_dialog import AbsenceDialog

    dialog = AbsenceDialog(Person(id="ana", name="Ana"))
    qtbot.addWidget(dialog)
    dialog.show()
    _type_over(qtbot, dialog.start, "2027-02-01")
    _type_over(qtbot, dialog.end, "2027-02-12")
    dialog._add()
    assert [(a.start, a.end) for a in dialog.absences()] == [(dt.date(2027, 2, 1), dt.date(2027, 2, 12))]
    _type_over(qtbot, dialog.end, "2027-02-31")
    dialog._add()
    assert "not a date" in dialog.error.text() and len(dialog.absences()) == 1
