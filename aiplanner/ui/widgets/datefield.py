"""A date field that keeps what is typed: ``2027-02-01`` typed is 1 February 2027.

``QDateEdit`` edits one section at a time, so typing a whole date over its
selected text can land the digits in the wrong sections (the year stays).
:class:`DateField` is a line edit instead: the text is the date, read by
:func:`parse_day` (ISO ``2027-02-01`` and a few unambiguous spellings such
as ``1 Feb 2027``), with a calendar to pick from. A text that is no date is
shown in red with the reason and never becomes a date.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from aiplanner.model.errors import EditError

__all__ = ["DateField", "parse_day", "FIRST_DAY", "LAST_DAY"]

#: The calendar's years (see :mod:`aiplanner.schedule.calendar`).
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2400, 12, 31)

_MONTHS = {name: n for n, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for name in names}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\.?\s*([a-z]+)\.?,?\s*(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s*(\d{1,2}),?\s*(\d{4})$")


def parse_day(text: str) -> dt.date | None:
    """The date in ``text`` (empty: ``None``).

    Years come first or are spelt out with a month name, so nothing is
    ambiguous: ``2027-02-01``, ``2027-2-1``, ``2027/02/01``, ``1 Feb 2027``,
    ``February 1, 2027``.

    Raises
    ------
    EditError
        Not a date (the message shows how to write one).

    Examples
    --------
    >>> parse_day("2027-02-01"), parse_day(" 1 feb 2027 "), parse_day("Feb 1, 2027")
    (datetime.date(2027, 2, 1), datetime.date(2027, 2, 1), datetime.date(2027, 2, 1))
    >>> parse_day("") is None
    True
    """
    plain = re.sub(r"\s+", " ", text).strip().lower()
    if not plain:
        return None
    parts = None
    if match := _ISO.match(plain):
        parts = int(match[1]), int(match[2]), int(match[3])
    elif (match := _DAY_MONTH_YEAR.match(plain)) and match[2] in _MONTHS:
        parts = int(match[3]), _MONTHS[match[2]], int(match[1])
    elif (match := _MONTH_DAY_YEAR.match(plain)) and match[1] in _MONTHS:
        parts = int(match[3]), _MONTHS[match[1]], int(match[2])
    if parts is None:
        raise EditError(f"{text.strip()!r} is not a date (write YYYY-MM-DD, e.g. 2026-05-04)")
    try:
        return dt.date(*parts)
    except ValueError as exc:
        raise EditError(f"{text.strip()!r} is not a date ({exc})") from None


class DateField(QLineEdit):
    """A date typed as text (or picked from a calendar); ``optional`` fields may be empty.

    Signals
    -------
    dateChanged(object)
        The date (``None`` when empty) changed to a valid one.
    """

    dateChanged = Signal(object)

    def __init__(self, day: dt.date | None = None, parent: QWidget | None = None, *, optional: bool = False,
                 minimum: dt.date = FIRST_DAY, maximum: dt.date = LAST_DAY) -> None:
        super().__init__(parent)
        self.optional = optional
        self.minimum, self.maximum = minimum, maximum
        self.setPlaceholderText("YYYY-MM-DD" + (" (none)" if optional else ""))
        self._last: dt.date | None = None
        self.error = ""
        self._calendar: QCalendarWidget | None = None
        from aiplanner.ui.widgets.icons import icon

        pick = self.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        pick.setToolTip("Pick the date from a calendar")
        pick.triggered.connect(self.show_calendar)
        self.pick_action = pick
        self.textChanged.connect(self._check)
        self.set_date(day)

    # -- value -----------------------------------------------------------------------
    def date(self) -> dt.date | None:
        """The date typed; raises :class:`EditError` when the text is not one."""
        day = parse_day(self.text())
        if day is None:
            if not self.optional:
                raise EditError("a date is required (YYYY-MM-DD)")
            return None
        if not self.minimum <= day <= self.maximum:
            raise EditError(f"{day.isoformat()} is outside {self.minimum.isoformat()} .. {self.maximum.isoformat()}")
        return day

    def set_date(self, day: dt.date | None) -> None:
        self.setText(day.isoformat() if day else "")

    def is_valid(self) -> bool:
        return not self.error

    def _check(self, _text: str = "") -> None:
        try:
            day = self.date()
        except EditError as exc:
            self.error = str(exc)
            self.setStyleSheet("QLineEdit { border: 1px solid #b3261e; background: #fdecea; }")
            self.setToolTip(self.error)
            return
        self.error = ""
        self.setStyleSheet("")
        self.setToolTip("")
        if day != self._last:
            self._last = day
            self.dateChanged.emit(day)

    # -- calendar ------------------------------------------------------------------------
    def show_calendar(self) -> QCalendarWidget:
        """Open a calendar under the field; the day clicked becomes the text."""
        if self._calendar is None:
            calendar = QCalendarWidget(self)
            calendar.setWindowFlags(Qt.WindowType.Popup)
            calendar.setGridVisible(True)
            calendar.setMinimumDate(QDate(self.minimum.year, self.minimum.month, self.minimum.day))
            calendar.setMaximumDate(QDate(self.maximum.year, self.maximum.month, self.maximum.day))
            calendar.clicked.connect(self._picked)
            calendar.activated.connect(self._picked)
            self._calendar = calendar
        try:
            current = self.date() or dt.date.today()
        except EditError:
            current = dt.date.today()
        self._calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self._calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self._calendar.show()
        self._calendar.setFocus()
        return self._calendar

    def _picked(self, day: QDate) -> None:
        self.set_date(dt.date(day.year(), day.month(), day.day()))
        if self._calendar is not None:
            self._calendar.hide()
        self.setFocus()
