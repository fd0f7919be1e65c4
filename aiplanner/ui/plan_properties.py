"""File > Plan properties: the plan itself — name, organisation, dates, calendar, pattern.

One dialog for what every task depends on: the plan's name and
organisation, its start, its status date (the day progress is reported as
of), the working week, the public holidays of a region and extra holidays
of its own, and its organisational pattern. OK applies everything as one
undo step; a pattern change goes through the catalogue's pattern switch
(:func:`aiplanner.catalog.switch.switch_pattern`, as for a scenario), so
tasks the user added and values the user changed stay. An edit that would
leave a plan that cannot be scheduled (a region the holiday tables do not
know, dates outside 1900-2400) is refused in the dialog, which stays open.
"""

from __future__ import annotations

import datetime as dt
import html
from functools import lru_cache
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aiplanner.catalog.switch import PATTERN_NAMES, PatternSwitch, switch_pattern
from aiplanner.model.document import Document
from aiplanner.model.errors import EditError, PlanError
from aiplanner.model.plan import WEEKDAYS, Calendar, Plan
from aiplanner.model.variants import Scenario
from aiplanner.model.scenarios.whatif import apply_scenario
from aiplanner.model.validate import plan_problems
from aiplanner.ui.commands import EditPlanCommand, ReplacePlanCommand
from aiplanner.ui.widgets.datefield import DateField, parse_day

__all__ = ["PlanPropertiesDialog", "switch_plan_pattern", "holiday_regions", "parse_holidays"]

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@lru_cache(maxsize=1)
def holiday_regions() -> tuple[tuple[str, str], ...]:
    """(code, name) of every country the offline ``holidays`` package knows, by name."""
    from holidays.registry import COUNTRIES

    regions = {}
    for module, entry in COUNTRIES.items():
        code = entry[1]
        regions[code] = module.replace("_", " ").title().replace(" And ", " and ").replace(" Of ", " of ")
    return tuple(sorted(regions.items(), key=lambda item: item[1]))


def subdivisions(country: str) -> list[tuple[str, str]]:
    """(code, name) of a country's subdivisions (names where the package has them)."""
    import holidays

    codes = holidays.list_supported_countries().get(country, [])
    if not codes:
        return []
    try:
        aliases = getattr(type(holidays.country_holidays(country)), "subdivisions_aliases", {}) or {}
    except (NotImplementedError, KeyError, ValueError):
        aliases = {}
    names = {code: name for name, code in aliases.items()}
    return [(code, names.get(code, "")) for code in codes]


def parse_holidays(text: str) -> list[dt.date]:
    """Dates written one per line (a note after the date is allowed: ``2026-12-24 Christmas Eve``).

    >>> parse_holidays("2026-12-24 Christmas Eve\\n\\n31 Dec 2026")
    [datetime.date(2026, 12, 24), datetime.date(2026, 12, 31)]
    """
    days = []
    for n, line in enumerate(text.splitlines(), start=1):
        words = line.split()
        if not words:
            continue
        for size in (1, 3, 4, len(words)):  # "2026-12-24 ...", "24 Dec 2026 ...", "Dec 24, 2026 ..."
            try:
                days.append(parse_day(" ".join(words[:size])))
                break
            except EditError:
                continue
        else:
            raise EditError(f"extra holidays, line {n}: {line.strip()!r} is not a date (write YYYY-MM-DD)")
    return sorted(set(days))


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A form label whose Alt+letter moves to ``widget`` (for rows that are layouts)."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def switch_plan_pattern(plan: Plan, pattern: str) -> tuple[Plan, PatternSwitch]:
    """The plan rebuilt for ``pattern`` (the same switch a scenario gets) and what changed.

    The plan's scenarios forget the tasks the switch removes, as they do when
    a task is deleted. A scenario that would no longer fit (it adds a task
    the new pattern now brings, say) makes the switch fail with an
    :class:`EditError` that names it.
    """
    result = switch_pattern(plan, Scenario(name="Pattern switch"), pattern)
    switched = apply_scenario(plan, result.scenario)
    keeper = Document(plan.model_copy(deep=True))
    for task_id in result.removed:
        keeper.remove_task(task_id)  # scenarios drop what they said about it
    new_plan = switched.model_copy(update={"scenarios": keeper.plan.scenarios})
    problems = plan_problems(new_plan)
    if problems:
        names = sorted({plan.scenarios[int(p.path.split("[")[1].split("]")[0])].name
                        for p in problems if p.path.startswith("$.scenarios[")})
        detail = "; ".join(p.message for p in problems[:3])
        hint = (f" Delete or change the scenario{'s' if len(names) > 1 else ''} "
                f"{', '.join(repr(n) for n in names)} first, or try the pattern in a scenario "
                "(View > Scenario pattern…)." if names else "")
        raise EditError(f"The plan cannot switch to {PATTERN_NAMES.get(pattern, pattern)}: {detail}.{hint}")
    return new_plan, result


class PlanPropertiesDialog(QDialog):
    """The plan's own fields; :meth:`apply` pushes them as one undo step (OK calls it)."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        plan: Plan = session.plan
        self.setWindowTitle("Plan properties")
        self.setMinimumWidth(560)
        self.name = QLineEdit(plan.name)
        self.organisation = QLineEdit(plan.organisation)
        self.organisation.setPlaceholderText("the organisation the plan is for")
        self.start = DateField(plan.start)
        self.start.setAccessibleName("Plan start")
        self.status_date = DateField(plan.status_date, optional=True)
        self.status_date.setAccessibleName("Status date")
        self.status_date.setToolTip("The day progress is reported as of: the chart's and the report's status line "
                                    "(empty: today in the window, none in exports)")
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_date, 1)
        today = QPushButton("Today")
        today.setToolTip("Set the status date to today")
        today.clicked.connect(lambda: self.status_date.set_date(dt.date.today()))
        status_row.addWidget(today)

        self.workdays: dict[str, QCheckBox] = {}
        week = QHBoxLayout()
        for key, label in zip(WEEKDAYS, _DAY_NAMES):
            box = QCheckBox(label)
            box.setChecked(key in plan.calendar.workdays)
            self.workdays[key] = box
            week.addWidget(box)
        week.addStretch(1)

        self.country = QComboBox()
        self.country.setAccessibleName("Holiday region")
        self.country.addItem("None (only the extra holidays below)", None)
        for code, name in holiday_regions():
            self.country.addItem(f"{name} ({code})", code)
        self.country.setCurrentIndex(max(0, self.country.findData(plan.calendar.country)))
        self.subdivision = QComboBox()
        self.subdivision.setAccessibleName("Holiday subdivision")
        self._fill_subdivisions(plan.calendar.subdivision)
        self.country.currentIndexChanged.connect(lambda _i: self._fill_subdivisions(None))
        region = QHBoxLayout()
        region.addWidget(self.country, 2)
        region.addWidget(self.subdivision, 1)

        self.holidays = QPlainTextEdit("\n".join(d.isoformat() for d in plan.calendar.holidays))
        self.holidays.setPlaceholderText("one date per line, e.g. 2026-12-24")
        self.holidays.setTabChangesFocus(True)
        self.holidays.setFixedHeight(84)

        self.pattern = QComboBox()
        self.pattern.setAccessibleName("Pattern")
        self.pattern.addItem("None", None)
        for pid, label in PATTERN_NAMES.items():
            self.pattern.addItem(label, pid)
        self.pattern.setCurrentIndex(max(0, self.pattern.findData(plan.pattern)))
        self.pattern_note = QLabel()
        self.pattern_note.setWordWrap(True)
        self.pattern_note.setTextFormat(Qt.TextFormat.RichText)
        self.pattern_note.setStyleSheet("color: #4b5563")
        self.pattern.currentIndexChanged.connect(lambda _i: self._preview_pattern())

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.error.hide()

        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Organisation", self.organisation)
        form.addRow("&Start", self.start)
        form.addRow(_buddy("Status &date", self.status_date), status_row)
        form.addRow(_buddy("&Working week", self.workdays["mon"]), week)
        form.addRow(_buddy("&Holiday region", self.country), region)
        form.addRow("E&xtra holidays", self.holidays)
        form.addRow("&Pattern", self.pattern)
        form.addRow("", self.pattern_note)
        note = QLabel("These belong to the plan and every scenario follows them. OK applies all of it as one "
                      "edit: one Undo takes it back.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b7280")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._switch_cache: dict[str, tuple[Plan, PatternSwitch] | EditError] = {}

    # -- the holiday region ------------------------------------------------------------
    def _fill_subdivisions(self, keep: str | None) -> None:
        self.subdivision.clear()
        self.subdivision.addItem("Whole country", None)
        country = self.country.currentData()
        for code, name in subdivisions(country) if country else []:
            self.subdivision.addItem(f"{name} ({code})" if name else code, code)
        self.subdivision.setCurrentIndex(max(0, self.subdivision.findData(keep)))
        self.subdivision.setEnabled(self.subdivision.count() > 1)

    # -- the pattern -----------------------------------------------------------------------
    def _switched(self, pattern: str) -> tuple[Plan, PatternSwitch]:
        cached = self._switch_cache.get(pattern)
        if cached is None:
            try:
                cached = switch_plan_pattern(self.session.plan, pattern)
            except EditError as exc:
                cached = exc
            self._switch_cache[pattern] = cached
        if isinstance(cached, EditError):
            raise cached
        return cached

    def _preview_pattern(self) -> None:
        pattern = self.pattern.currentData()
        if pattern == self.session.plan.pattern or pattern is None:
            self.pattern_note.setText("" if pattern == self.session.plan.pattern else
                                      "The plan keeps its tasks and is no longer tied to a pattern.")
            return
        try:
            _plan, report = self._switched(pattern)
        except EditError as exc:
            self.pattern_note.setText(f"<span style='color:#b3261e'>{html.escape(str(exc))}</span>")
            return
        lines = "".join(f"<li>{html.escape(line)}</li>" for line in report.lines()[1:6])
        self.pattern_note.setText(f"Switching rebuilds the plan from the catalogue's template; your own tasks "
                                  f"and edits stay:<ul>{lines}</ul>")

    # -- the result ----------------------------------------------------------------------------
    def changes(self) -> dict[str, Any]:
        """The plan fields that differ from the plan (raises :class:`EditError` on bad input)."""
        plan: Plan = self.session.plan
        name = self.name.text().strip()
        if not name:
            raise EditError("the plan needs a name")
        workdays = [key for key, box in self.workdays.items() if box.isChecked()]
        if not workdays:
            raise EditError("the working week needs at least one working day")
        try:
            start = self.start.date()
            status = self.status_date.date()
        except EditError as exc:
            raise EditError(f"start or status date: {exc}") from None
        calendar = Calendar(workdays=workdays, holidays=parse_holidays(self.holidays.toPlainText()),
                            country=self.country.currentData(),
                            subdivision=self.subdivision.currentData() if self.country.currentData() else None)
        candidate = {"name": name, "organisation": self.organisation.text().strip(), "start": start,
                     "status_date": status, "calendar": calendar, "pattern": self.pattern.currentData()}
        return {k: v for k, v in candidate.items() if getattr(plan, k) != v}

    def command(self):
        """The undo command for :meth:`changes` (``None``: nothing changed)."""
        from aiplanner.schedule import schedule_plan
        from aiplanner.schedule.problems import as_invalid_plan

        session = self.session
        fields = self.changes()
        if not fields:
            return None
        pattern = fields.get("pattern")
        if pattern is not None:
            base, _report = self._switched(pattern)
            rest = {k: v for k, v in fields.items() if k != "pattern"}
            candidate = base.model_copy(update=rest)
            command = ReplacePlanCommand(session, f"Plan properties (pattern {PATTERN_NAMES[pattern]})", candidate)
        else:
            candidate = session.plan.model_copy(update=fields)
            what = ", ".join(k.replace("_", " ") for k in fields)
            command = EditPlanCommand(session, f"Plan properties: {what}", **fields)
        try:
            schedule_plan(Plan.model_validate(candidate.model_dump()))
        except PlanError as exc:
            problems = as_invalid_plan(exc, candidate)
            raise EditError(f"the plan could not be scheduled like this: {problems}") from None
        return command

    def apply(self) -> bool:
        """Push the changes as one undo step; False (with the reason shown) when refused."""
        try:
            command = self.command()
            if command is not None:
                self.session.push(command)
        except PlanError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.error.hide()
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()
