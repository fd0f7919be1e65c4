"""The Gantt chart as a scene of plain primitives: one drawing, two painters.

:func:`~aiplanner.render.gantt.layout.build_gantt_scene` turns a plan and its :class:`~aiplanner.schedule.Schedule`
into a :class:`GanttScene` of frozen dataclasses. Nothing here imports
matplotlib or Qt: the matplotlib painter (:mod:`aiplanner.render.gantt.painter`) and
the window's Gantt widget paint the very same primitives.

Coordinates are chart units:

- ``x`` counts calendar days since the plan start: ``x = 0`` is the start
  (midnight) of ``Plan.start``, ``x = 1`` the start of the next day. A bar
  covers its first working day's start to its last working day's end, so a
  one-day task spans ``[x, x + 1]``.
- ``y`` is the row index (0 at the top). A row's centre is at ``y = row``; it
  occupies ``row - 0.5 .. row + 0.5``. Rows are, in plan order, one header
  row per phase followed by that phase's tasks in document order (none for
  a phase in ``GanttOptions.collapsed``).

Painters are free in pixels per day and per row; everything else (which
bars, which links, link routes, critical flags, header text, shading) is
decided here and tested with numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from aiplanner.render.gantt.timescale import SCALES, Scale, Tick, choose_scale, scale_units, unit_start

__all__ = [
    "GanttOptions", "GanttScene", "Row", "Column", "Band", "Bar", "Milestone", "Link",
    "Label", "TodayLine", "Shade", "Ghost", "Tick", "COLUMNS",
]

#: Optional table columns: key -> (header text, alignment).
COLUMNS: dict[str, tuple[str, str]] = {
    "id": ("ID", "left"),
    "start": ("Start", "left"),
    "finish": ("Finish", "left"),
    "duration": ("Days", "right"),
    "float": ("Float", "right"),
    "role": ("Owner role", "left"),
}


@dataclass(frozen=True)
class GanttOptions:
    """What the scene shows.

    Attributes
    ----------
    date_from, date_to
        Window of the chart (inclusive). Tasks entirely outside are left out;
        ``None`` fits the whole plan, snapped to whole header units.
    columns
        Extra table columns beside the task name, keys of :data:`COLUMNS`.
    show_links
        Draw dependency arrows.
    baseline
        ``task id -> (start, finish)`` dates of a saved baseline: drawn as ghosts.
    today
        Date of the "today" line (``None``: no line). Exports never read the clock.
    scale
        "auto" or one of days/weeks/months/quarters.
    bar_labels
        "auto" (milestone dates, progress of started tasks), "name" (task names
        beside the bars), "roles" (the roles a task demands, with their FTE
        when not 1; milestones keep their dates) or "none".
    shade_weekends
        ``None``: shade non-working weekdays only at the days and weeks scales.
    collapsed
        Ids of phases shown collapsed: their header row (with the phase's
        summary bar) stays, their task rows, bars and labels are left out, and
        so are links to or from those tasks. The date range still covers them,
        so collapsing never moves the time axis.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    columns: tuple[str, ...] = ()
    show_links: bool = True
    baseline: Mapping[str, tuple[dt.date, dt.date]] = field(default_factory=dict)
    today: dt.date | None = None
    scale: Literal["auto", "days", "weeks", "months", "quarters"] = "auto"
    bar_labels: Literal["auto", "name", "roles", "none"] = "auto"
    shade_weekends: bool | None = None
    collapsed: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = [c for c in self.columns if c not in COLUMNS]
        if unknown:
            raise ValueError(f"unknown column(s) {', '.join(unknown)}; choose from {', '.join(COLUMNS)}")
        if self.scale != "auto" and self.scale not in SCALES:
            raise ValueError(f"unknown scale {self.scale!r}")
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValueError(f"date range ends ({self.date_to}) before it starts ({self.date_from})")


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: ``key`` of :data:`COLUMNS`, header ``title``, ``align`` left/right."""

    key: str
    title: str
    align: str


@dataclass(frozen=True, slots=True)
class Row:
    """One row: a phase header (``kind == "phase"``) or a task (``"task"``).

    ``cells`` holds the text of :attr:`GanttScene.columns` for this row.
    """

    index: int
    kind: Literal["phase", "task"]
    id: str
    text: str
    phase: str
    cells: tuple[str, ...] = ()
    critical: bool = False
    milestone: bool = False


@dataclass(frozen=True, slots=True)
class Band:
    """A phase: header row ``row0`` to last task row ``row1``, spanning ``x0 .. x1``.

    ``index`` is the phase's position in the plan (for its colour). A
    ``collapsed`` phase shows only its header row (``row1 == row0``);
    ``tasks`` counts the tasks it holds in the scene, shown or not.
    """

    phase: str
    title: str
    row0: int
    row1: int
    x0: float
    x1: float
    index: int
    start: dt.date
    finish: dt.date
    collapsed: bool = False
    tasks: int = 0


@dataclass(frozen=True, slots=True)
class Bar:
    """A task bar from ``x0`` to ``x1``; ``progress`` is a fraction 0..1."""

    task_id: str
    row: int
    x0: float
    x1: float
    progress: float
    critical: bool
    label: str
    phase: str
    phase_index: int
    start: dt.date
    finish: dt.date
    total_float: int


@dataclass(frozen=True, slots=True)
class Milestone:
    """A diamond centred at ``x`` on ``row``."""

    task_id: str
    row: int
    x: float
    critical: bool
    label: str
    phase: str
    phase_index: int
    date: dt.date


@dataclass(frozen=True, slots=True)
class Link:
    """A dependency arrow; ``points`` is an orthogonal polyline ending at the arrow head."""

    pred: str
    succ: str
    type: str
    lag: int
    points: tuple[tuple[float, float], ...]
    critical: bool


@dataclass(frozen=True, slots=True)
class Label:
    """Text beside a bar or milestone.

    ``align == "left"``: text starts at ``x`` (right of the object). A painter
    whose text would leave the chart uses ``x_alt`` with the opposite
    alignment (left of the object) instead.
    """

    text: str
    row: int
    x: float
    align: Literal["left", "right"]
    x_alt: float
    task_id: str


@dataclass(frozen=True, slots=True)
class TodayLine:
    """A vertical line at the start of ``date``."""

    x: float
    date: dt.date


@dataclass(frozen=True, slots=True)
class Shade:
    """Non-working calendar days ``x0 .. x1``: ``kind`` is "weekend" or "holiday"."""

    x0: float
    x1: float
    kind: Literal["weekend", "holiday"]


@dataclass(frozen=True, slots=True)
class Ghost:
    """A baseline bar ``x0 .. x1`` on a task's row; ``slip`` = calendar days the
    current finish is later than the baseline finish (negative: earlier)."""

    task_id: str
    row: int
    x0: float
    x1: float
    slip: int


@dataclass(frozen=True)
class GanttScene:
    """Everything a painter needs; see the module docstring for coordinates."""

    title: str
    origin: dt.date
    x_min: float
    x_max: float
    scale: Scale
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    bands: tuple[Band, ...]
    bars: tuple[Bar, ...]
    milestones: tuple[Milestone, ...]
    links: tuple[Link, ...]
    labels: tuple[Label, ...]
    shades: tuple[Shade, ...]
    ghosts: tuple[Ghost, ...]
    ticks: tuple[Tick, ...]
    today: TodayLine | None
    _row_index: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    def row_of(self, task_id: str) -> int:
        """Row index of a task; ``KeyError`` when the task is not shown."""
        return self._row_index[task_id]

    def x_of(self, day: dt.date) -> float:
        """Chart x of the start of ``day``."""
        return float((day - self.origin).days)

    def date_at(self, x: float) -> dt.date:
        """The calendar day that holds chart x."""
        return self.origin + dt.timedelta(days=int(x // 1))

    @property
    def first_date(self) -> dt.date:
        """First day shown."""
        return self.date_at(self.x_min)

    @property
    def last_date(self) -> dt.date:
        """Last day shown."""
        return self.date_at(self.x_max - 1)


def snapped_range(first: dt.date, last: dt.date, scale: Scale) -> tuple[dt.date, dt.date]:
    """``first .. last`` widened to whole units of the scale's lower header tier."""
    unit = scale_units(scale)[1]
    lo = unit_start(first, unit)
    probe = last
    while unit_start(probe + dt.timedelta(days=1), unit) == unit_start(last, unit):
        probe += dt.timedelta(days=1)
    return lo, probe


def resolve_scale(options: GanttOptions, first: dt.date, last: dt.date) -> Scale:
    """The options' scale, or the automatic one for ``first .. last``."""
    if options.scale != "auto":
        return options.scale
    return choose_scale((last - first).days + 1)

