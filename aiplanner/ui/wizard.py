"""New plan from a pattern: pick one of the three organisational patterns and a start date.

Each pattern is explained with the catalogue's words (what it is, when it
works, its risk), so the choice can be made in the dialog. The horizon is
the foundation (to the end of initial scaling, as ``aiplanner new``) or the
whole journey to maturity (``aiplanner new --horizon maturity``). The plan
comes from :func:`aiplanner.catalog.build_plan` or
:func:`aiplanner.catalog.journey.build_journey`, as the command's does.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from aiplanner.model.errors import EditError
from aiplanner.model.plan import Plan
from aiplanner.ui.marks import DERIVED, derived_mark
from aiplanner.ui.widgets.datefield import DateField

__all__ = ["NewPlanWizard", "pattern_html", "derived_mark", "next_monday", "DERIVED"]


def next_monday(today: dt.date | None = None) -> dt.date:
    """The first Monday after ``today`` (a sensible default start)."""
    today = today or dt.date.today()
    return today + dt.timedelta(days=7 - today.weekday())


def pattern_html(info, catalog=None) -> str:
    """A pattern explained: summary, when it works, its risk and how it evolves, marked where derived.

    The CoE's before/after and its 40% metric shift are the source's; the
    responsibility matrix says whether it is the source's table; the team
    structure and the timeline come from the catalogue too.
    """
    from aiplanner.catalog import load_catalog

    catalog = catalog or load_catalog()

    def mark(field: str) -> str:
        return derived_mark(info.derived_note or "derived from the source, not its words") if field in info.derived else ""

    fits = "".join(f"<li>{html.escape(line)}</li>" for line in info.fits_when)
    parts = [f"<h2>{html.escape(info.name)}</h2>",
             f"<p><i>For organisations at an {html.escape(info.maturity)} stage of AI maturity.</i></p>",
             f"<p>{html.escape(info.summary)}{mark('summary')}</p>",
             f"<h3>It works well when{mark('fits_when')}</h3><ul>{fits}</ul>"]
    if info.risk:
        parts.append(f"<h3>Watch out{mark('risk')}</h3><p>{html.escape(info.risk)}</p>")
    if info.evolution:
        parts.append(f"<h3>How it evolves{mark('evolution')}</h3><p>{html.escape(info.evolution)}</p>")
    if info.structure:
        teams = "".join(f"<li><b>{html.escape(t.name)}</b>: {html.escape(t.purpose)}</li>" for t in info.structure)
        parts.append(f"<h3>Its teams</h3><ul>{teams}</ul>")
    if info.before and info.after:
        rows = "".join(f"<tr><td>{html.escape(b)}</td><td>{html.escape(a)}</td></tr>"
                       for b, a in zip(info.before, info.after))
        parts.append(f"<h3>Before and with it</h3><table cellspacing='4'><tr><th align='left'>Before</th>"
                     f"<th align='left'>With it</th></tr>{rows}</table>")
    if info.metric_shift:
        parts.append(f"<p><b>{html.escape(info.metric_shift)}</b></p>")
    matrix = info.responsibilities
    parties = ", ".join(html.escape(p) for p in matrix.parties)
    parts.append(f"<p>The plan starts with a responsibility matrix ({parties})"
                 f"{derived_mark(matrix.note) if matrix.derived else ' (the source’s own table)'}.</p>")
    timeline = catalog.timeline
    ongoing = next((p for p in catalog.phases if p.ongoing), None)
    horizon = derived_mark(ongoing.planning_range.note or "derived") if ongoing is not None else ""
    parts.append(f"<p><small>A foundation takes {timeline.foundation_months.min}-{timeline.foundation_months.max} "
                 f"months including initial scaling; full maturity grows over {timeline.maturity_months.min}-"
                 f"{timeline.maturity_months.max} months. Scale &amp; Optimize is ongoing: the plan covers an "
                 f"initial horizon{horizon}."
                 "</small></p>")
    notes = ([info.derived_note] if info.derived else []) + ([matrix.note] if matrix.derived else [])
    parts += [f"<p><small>[{DERIVED}] {html.escape(note)}</small></p>" for note in notes]
    return "".join(parts)


class NewPlanWizard(QDialog):
    """Choose a pattern, name the plan and its start; :meth:`plan` builds it."""

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        from aiplanner.catalog import load_catalog

        self.catalog = load_catalog()
        self.setWindowTitle("New plan from a pattern")
        self.resize(820, 560)
        self.patterns = QListWidget()
        self.patterns.setAccessibleName("Patterns")
        for info in self.catalog.patterns:
            item = QListWidgetItem(info.name if info.short_name in info.name else f"{info.name} ({info.short_name})")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(info.summary)
            self.patterns.addItem(item)
        self.patterns.setMaximumWidth(260)
        self.description = QTextBrowser()
        self.description.setAccessibleName("Pattern description")
        self.name = QLineEdit()
        self.name.setPlaceholderText("AI Operating Model Implementation")
        self.organisation = QLineEdit()
        self.start = DateField(next_monday(today))  # takes the date as typed (2027-02-01 stays 2027)
        self.start.setAccessibleName("Start date")
        self.horizon = QComboBox()
        self.horizon.setAccessibleName("Horizon")
        self.horizon.addItem("Foundation: the four phases, to the end of initial scaling (6-9 months)", "foundation")
        self.horizon.addItem("Maturity: the whole journey, with the maturity stages after the foundation "
                             "(18-24 months)", "maturity")
        self.horizon.setToolTip("The same choice as 'aiplanner new --horizon foundation|maturity'")
        self.patterns.currentRowChanged.connect(self._show_pattern)
        self.patterns.setCurrentRow(0)

        top = QHBoxLayout()
        top.addWidget(self.patterns)
        top.addWidget(self.description, 1)
        form = QFormLayout()
        form.addRow("Plan &name", self.name)
        form.addRow("&Organisation", self.organisation)
        form.addRow("&Start date", self.start)
        form.addRow("&Horizon", self.horizon)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create plan")
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start.textChanged.connect(lambda _t: self.create_button.setEnabled(self.start.is_valid()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.patterns.setFocus()

    def _show_pattern(self, row: int) -> None:
        if 0 <= row < len(self.catalog.patterns):
            self.description.setHtml(pattern_html(self.catalog.patterns[row], self.catalog))

    # -- the API tests and the window use --------------------------------------------
    def pattern_ids(self) -> list[str]:
        return [p.id for p in self.catalog.patterns]

    def choose(self, pattern_id: str) -> None:
        """Select a pattern by id (``coe``, ``federated``, ``product-teams``)."""
        self.patterns.setCurrentRow(self.pattern_ids().index(pattern_id))

    def chosen(self) -> str:
        return self.pattern_ids()[max(0, self.patterns.currentRow())]

    def chosen_horizon(self) -> str:
        """``foundation`` or ``maturity``."""
        return self.horizon.currentData()

    def choose_horizon(self, horizon: str) -> None:
        self.horizon.setCurrentIndex(self.horizon.findData(horizon))

    def set_start(self, day: dt.date) -> None:
        self.start.set_date(day)

    def start_date(self) -> dt.date:
        """The start typed (raises :class:`EditError` when it is not a date)."""
        return self.start.date()

    def accept(self) -> None:
        try:
            self.start.date()
        except EditError as exc:
            self.start.setFocus()
            self.start.setToolTip(str(exc))
            return
        super().accept()

    def plan(self) -> Plan:
        """The plan of the chosen pattern and horizon from the chosen start, named as typed."""
        if self.chosen_horizon() == "maturity":
            from aiplanner.catalog.journey import build_journey

            plan = build_journey(self.chosen(), self.start_date())
        else:
            from aiplanner.catalog import build_plan

            plan = build_plan(self.chosen(), self.start_date())
        updates = {}
        if self.name.text().strip():
            updates["name"] = self.name.text().strip()
        if self.organisation.text().strip():
            updates["organisation"] = self.organisation.text().strip()
        return Plan.model_validate({**plan.model_dump(), **updates}) if updates else plan
