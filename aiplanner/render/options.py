"""Options of the exports (paper, sections, date window), shared by the CLI and the window.

Light on purpose: no matplotlib here, so ``aiplanner export --help`` and the
window's export dialog can list the choices without loading a plotting library.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "PAPERS", "SECTIONS", "CHARTS", "ReportOptions", "ProgressCallback", "page_size",
    "report_date", "silent",
]

#: Paper sizes in inches (portrait width, height).
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (210 / 25.4, 297 / 25.4),
    "a3": (297 / 25.4, 420 / 25.4),
    "letter": (8.5, 11.0),
}

#: Report sections in the order they are printed.
SECTIONS: tuple[str, ...] = (
    "cover", "milestones", "timeline", "changes", "tasks", "network", "staffing", "load", "responsibilities",
    "metrics", "findings", "risk",
)

#: Charts that ``--to png|svg --chart`` can draw.
CHARTS: tuple[str, ...] = ("gantt", "network", "load", "risk")

ProgressCallback = Callable[[float, str], None]


def silent(fraction: float, message: str) -> None:
    """A progress callback that says nothing."""


def page_size(paper: str, orientation: str) -> tuple[float, float]:
    """Page (width, height) in inches.

    >>> [round(v, 2) for v in page_size("a4", "landscape")]
    [11.69, 8.27]
    """
    width, height = PAPERS[paper]
    return (height, width) if orientation == "landscape" else (width, height)


def report_date() -> dt.datetime:
    """The date printed on the report: ``SOURCE_DATE_EPOCH`` when set (reproducible
    builds), else now (UTC)."""
    epoch = source_date_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc)
    return dt.datetime.now(tz=dt.timezone.utc).replace(microsecond=0)


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as seconds, or None when unset or not a usable time
    (not a whole number, or outside the years datetime can hold)."""
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text.isdigit():
        return None
    try:
        dt.datetime.fromtimestamp(int(text), tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None
    return int(text)


@dataclass(frozen=True)
class ReportOptions:
    """How the PDF report (and single charts) are laid out.

    Attributes
    ----------
    paper, orientation
        Page size: a4/letter/a3, landscape/portrait.
    sections
        Which sections, any of :data:`SECTIONS` (printed in that order).
    date_from, date_to
        Time window of the timeline (``None``: the whole plan).
    fit
        "split": wide timelines continue on further pages in time, with an
        overlap marker; "width": squeeze the whole window onto the page width.
    columns
        Extra timeline columns (see :data:`aiplanner.render.gantt.scene.COLUMNS`).
    today
        Date of the today line (``None``: none; exports never read the clock).
    scale
        Time scale of the timeline ("auto": from the span, or with
        ``fit="width"`` the finest readable one).
    baseline
        The saved baseline the timeline shows as grey ghost bars and the
        "changes" section compares with: "latest", a baseline's name, or "none".
    printed
        Date and time printed on the cover and stored as the PDF creation
        date; ``None`` = :func:`report_date`.
    author
        PDF author metadata.
    """

    paper: Literal["a4", "letter", "a3"] = "a4"
    orientation: Literal["landscape", "portrait"] = "landscape"
    sections: tuple[str, ...] = SECTIONS
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    fit: Literal["split", "width"] = "split"
    columns: tuple[str, ...] = ("start", "finish")
    today: dt.date | None = None
    scale: Literal["auto", "days", "weeks", "months", "quarters"] = "auto"
    baseline: str = "latest"
    printed: dt.datetime | None = None
    author: str = "aiplanner"
    seed: int = 1
    iterations: int = 10_000  # as many runs as 'aiplanner simulate' makes by default
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper {self.paper!r}; choose from {', '.join(PAPERS)}")
        if self.orientation not in ("landscape", "portrait"):
            raise ValueError(f"unknown orientation {self.orientation!r}")
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise ValueError(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
        if self.fit not in ("split", "width"):
            raise ValueError(f"unknown fit {self.fit!r}; choose split or width")

    @property
    def page_size(self) -> tuple[float, float]:
        """(width, height) in inches."""
        return page_size(self.paper, self.orientation)

    @property
    def printed_at(self) -> dt.datetime:
        """The report's date (see ``printed``)."""
        return self.printed or report_date()
