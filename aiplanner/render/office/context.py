"""What the deck and the workbook show, computed once per export.

:class:`OfficeContext` reads the export request as the PDF does (the same
``--from/--to/--baseline/--today/--seed`` through
:func:`aiplanner.render.export.checked_options`), takes the scenario chosen
with ``--scenario`` (or in the window), schedules the plan, and computes the
load, the findings and the Monte Carlo run the first time a slide or sheet
asks for them.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from aiplanner.io.exporters import ExportRequest
from aiplanner.model.errors import EditError, InvalidPlanError, Problem
from aiplanner.render.export import checked_options
from aiplanner.render.options import ReportOptions

__all__ = ["OfficeContext", "shown_plan", "day_text"]


def day_text(day: dt.date) -> str:
    """``5 Jun 2026``: a date as the slides print it (locale-free).

    >>> day_text(dt.date(2026, 6, 5))
    '5 Jun 2026'
    """
    return f"{day.day} {day:%b %Y}"


def shown_plan(request: ExportRequest):
    """The plan the export shows: ``request.plan``, or the scenario named in the
    ``scenario`` option applied to it.

    The command line applies ``--scenario`` itself (every format shows it) and
    passes the name on for labels; the applied plan holds no scenarios, so it is
    taken as it is. A plan that still holds the named scenario (the window hands
    over the plan) gets it applied here.
    """
    from aiplanner.model.scenarios.whatif import CURRENT, apply_scenario

    plan = request.plan
    name = request.option("scenario")
    if not name or name == CURRENT or not plan.scenarios:
        return plan
    try:
        return apply_scenario(plan, name)
    except EditError as exc:
        raise InvalidPlanError([Problem("$.scenarios", str(exc))], request.source or None) from None


class OfficeContext:
    """Plan, schedule, options and the analyses the slides and sheets share.

    Attributes
    ----------
    plan
        The plan shown (a scenario applied when one was chosen).
    scenario
        The scenario's name, or None for the plan itself.
    options : ReportOptions
        The export options, as the PDF reads them.
    schedule
        ``schedule_plan(plan)``.
    baseline
        The baseline chosen with ``--baseline`` (latest by default), or None.
    today
        The status date: ``--today``, else the plan's status date.
    printed
        The document's date (``SOURCE_DATE_EPOCH`` when set, else now).
    """

    def __init__(self, request: ExportRequest) -> None:
        from aiplanner.render.gantt.timeline import chosen_baseline
        from aiplanner.schedule import schedule_plan

        self.request = request
        self.options: ReportOptions = checked_options(request)
        self.plan = shown_plan(request)
        name = request.option("scenario")
        self.scenario: str | None = name if name and name != "current" else None
        self.schedule = schedule_plan(self.plan)
        self.baseline = chosen_baseline(self.plan, self.options.baseline)
        self.today: dt.date | None = self.options.today or self.plan.status_date
        self.printed: dt.datetime = self.options.printed_at

    @property
    def printed_utc(self) -> dt.datetime:
        """``printed`` in UTC without a time zone (what Office document properties store)."""
        if self.printed.tzinfo is None:
            return self.printed
        return self.printed.astimezone(dt.timezone.utc).replace(tzinfo=None)

    @property
    def progress(self):
        return self.request.progress

    @property
    def shown(self) -> str:
        """What the file shows, in words: ``Scenario 'Second MLOps engineer' · baseline 'Kick-off plan' ...``."""
        parts = [f"Scenario '{self.scenario}'" if self.scenario else "The plan as it is"]
        if self.against:
            parts.append(self.against)
        return " · ".join(parts)

    @property
    def against(self) -> str:
        """The baseline and status date shown, in words (``""`` when neither)."""
        parts = []
        if self.baseline is not None:
            parts.append(f"baseline '{self.baseline.name}'")
        if self.today is not None:
            parts.append(f"status date {day_text(self.today)}")
        return " · ".join(parts)

    @property
    def scenario_tag(self) -> str:
        """The warning every slide and sheet of a scenario carries (``""`` for the plan)."""
        return f"Scenario: {self.scenario} (a what-if, not the plan)" if self.scenario else ""

    @property
    def window(self) -> tuple[dt.date | None, dt.date | None]:
        """The ``--from/--to`` date window (None: open)."""
        return self.options.date_from, self.options.date_to

    def in_window(self, start: dt.date, finish: dt.date) -> bool:
        """Whether ``start .. finish`` touches the date window."""
        first, last = self.window
        return (first is None or finish >= first) and (last is None or start <= last)

    @cached_property
    def load(self):
        """:func:`~aiplanner.schedule.load.compute_load` of the plan, or None without tasks."""
        if not self.plan.tasks:
            return None
        from aiplanner.schedule.load import compute_load

        return compute_load(self.plan, self.schedule)

    @cached_property
    def findings(self) -> list:
        """The plan checks' findings (:func:`aiplanner.checks.run_checks`)."""
        from aiplanner.checks import run_checks

        return list(run_checks(self.plan, self.schedule))

    @cached_property
    def risk(self):
        """The Monte Carlo result (``--iterations`` runs, ``--seed``), or None without tasks."""
        from aiplanner.render.analyses import simulation

        return simulation(self.plan, self.options)

    @cached_property
    def summary(self):
        """The :class:`~aiplanner.checks.summary.ExecutiveSummary` of the plan shown, from the
        same schedule, findings, load and simulation as the other slides and sheets (None without tasks)."""
        if not self.plan.tasks:
            return None
        from aiplanner.checks.summary import executive_summary

        opts = self.options
        return executive_summary(self.plan, baseline=self.baseline if self.baseline is not None else "none",
                                 today=opts.today, iterations=opts.iterations, seed=opts.seed,
                                 schedule=self.schedule, findings=self.findings, simulation=self.risk,
                                 load=self.load)
