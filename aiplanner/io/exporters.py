"""The registry behind ``aiplanner export FILE --to FORMAT``.

Each format names the function that writes it as a ``"module:function"``
string, so listing the formats (``--help``, argument checking) imports
nothing heavy: matplotlib loads only when a PDF/PNG/SVG is actually made.

An export function takes one :class:`ExportRequest` and returns the bytes
of the file; the command writes them atomically (or to stdout). To add a
format, add one line to :data:`BUILTIN` (or call :func:`register_exporter`
from a module the command imports)::

    register_exporter("csv", "aiplanner.io.csv.writer:export_csv", suffix=".csv",
                      description="tasks with computed dates, one row each")

Options of the command (paper, date window ...) reach every function in
``request.options``; a format reads the ones it understands and ignores
the rest.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Exporter", "ExportRequest", "register_exporter", "get_exporter", "exporter_names", "BUILTIN",
           "scenario_plan"]

ProgressCallback = Callable[[float, str], None]


def _silent(fraction: float, message: str) -> None:
    """The default progress callback: says nothing."""


@dataclass(frozen=True)
class ExportRequest:
    """What an export function gets.

    Attributes
    ----------
    plan : aiplanner.model.Plan
        The plan to export.
    source
        Where the plan came from (a file name, for messages and metadata).
    options
        Command options by name: ``paper``, ``orientation``, ``sections``,
        ``date_from``, ``date_to``, ``fit``, ``chart``, ``columns``, ``today``
        (the status line), ``baseline``, ``scenario`` (the name of the what-if
        ``plan`` already shows, see :func:`scenario_plan`) ... (absent or
        ``None`` = the format's default).
    progress
        ``progress(fraction 0..1, message)``, called as work advances.
    """

    plan: Any
    source: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)
    progress: ProgressCallback = _silent

    def option(self, name: str, default: Any = None) -> Any:
        """An option's value, ``default`` when absent or ``None``."""
        value = self.options.get(name)
        return default if value is None else value


def scenario_plan(plan: Any, name: str | None, source: str = "") -> Any:
    """What an export of scenario ``name`` writes: the plan as the scenario shows it.

    ``None``, ``""`` and ``"current"`` mean the plan itself. The scenario's
    plan is named ``"<plan> (scenario: <name>)"`` so that every format says
    which what-if it holds (the report's title, MS Project's project name).

    Raises
    ------
    InvalidPlanError
        No scenario of that name (the message lists them), or the scenario
        does not fit the plan; with ``source`` as the file.
    """
    from aiplanner.model.errors import EditError, InvalidPlanError, PlanError, Problem
    from aiplanner.model.scenarios.whatif import CURRENT, apply_scenario, find_scenario

    if not name or name == CURRENT:
        return plan
    try:
        scenario = find_scenario(plan, name)
    except EditError as exc:  # the name asked for (``--scenario``) is not in the file
        raise InvalidPlanError([Problem("--scenario", str(exc).splitlines()[0])], source or None) from None
    try:
        shown = apply_scenario(plan, scenario)
    except PlanError as exc:  # the scenario no longer fits the plan
        where = f"$.scenarios[{plan.scenarios.index(scenario)}]"
        raise InvalidPlanError([Problem(where, str(exc).splitlines()[0])], source or None) from None
    label = f"{plan.name} (scenario: {name})"
    return shown.model_copy(update={"name": label if len(label) <= 500 else label[:499] + "…"})


@dataclass(frozen=True)
class Exporter:
    """A format of ``--to``: its function path, file suffix and one-line description."""

    name: str
    target: str
    suffix: str
    description: str

    def load(self) -> Callable[[ExportRequest], bytes]:
        """Import and return the export function."""
        module, _, function = self.target.partition(":")
        return getattr(importlib.import_module(module), function)


_REGISTRY: dict[str, Exporter] = {}


def register_exporter(name: str, target: str, *, suffix: str, description: str) -> Exporter:
    """Add (or replace) the format ``name``; returns its :class:`Exporter`."""
    if ":" not in target:
        raise ValueError(f"exporter target must be 'module:function', got {target!r}")
    exporter = Exporter(name, target, suffix, description)
    _REGISTRY[name] = exporter
    return exporter


def get_exporter(name: str) -> Exporter:
    """The exporter of ``name``; ``KeyError`` when there is none."""
    return _REGISTRY[name]


def exporter_names() -> list[str]:
    """Format names in registration order."""
    return list(_REGISTRY)


#: The formats that ship with aiplanner: (name, target, suffix, description).
BUILTIN: tuple[tuple[str, str, str, str], ...] = (
    ("pdf", "aiplanner.render.export:export_pdf", ".pdf", "the PMO report (cover, timeline, tables, charts)"),
    ("png", "aiplanner.render.export:export_png", ".png", "one chart as an image (--chart, default the Gantt)"),
    ("svg", "aiplanner.render.export:export_svg", ".svg", "one chart as vector graphics (--chart)"),
    ("csv", "aiplanner.io.formats:export_csv", ".csv", "the schedule, one row per task (ISO dates)"),
    ("mermaid", "aiplanner.io.formats:export_mermaid", ".mmd", "Mermaid gantt chart with the same dates"),
    ("mspdi", "aiplanner.io.formats:export_mspdi", ".xml", "MS Project XML (MS Project, ProjectLibre, GanttProject)"),
    ("ics", "aiplanner.io.formats:export_ics", ".ics", "milestones and phase ends as calendar events"),
    ("json", "aiplanner.io.formats:export_json", ".json", "the schedule as JSON (as 'schedule --format json')"),
    ("pptx", "aiplanner.render.office.pptx_deck:export_pptx", ".pptx", "PowerPoint deck: timeline and Gantt in native shapes"),
    ("xlsx", "aiplanner.render.office.xlsx_book:export_xlsx", ".xlsx", "Excel workbook: tasks, live timeline, load, findings"),
)

for _entry in BUILTIN:
    register_exporter(_entry[0], _entry[1], suffix=_entry[2], description=_entry[3])
