"""The schedule as CSV: one row per task, stable headers, ISO dates.

Columns (in this order, always present): ``id, name, phase, start, finish,
duration, total_float, free_float, critical, milestone, progress,
depends_on, not_before, deadline, late_start, late_finish``. Booleans are
``true``/``false``; ``depends_on`` uses the link syntax of
:mod:`aiplanner.io.links` (``a1, b2SS+2``), so the file imports back with
``aiplanner import``.
"""

from __future__ import annotations

import csv
import io

from aiplanner.io.exporting import Output, write_out
from aiplanner.io.links import format_links
from aiplanner.model.plan import Plan
from aiplanner.schedule.cpm import Schedule

__all__ = ["COLUMNS", "csv_text", "export_csv"]

COLUMNS = ("id", "name", "phase", "start", "finish", "duration", "total_float", "free_float", "critical",
           "milestone", "progress", "depends_on", "not_before", "deadline", "late_start", "late_finish")


def _bool(value: bool) -> str:
    return "true" if value else "false"


def csv_text(plan: Plan, schedule: Schedule, delimiter: str = ",") -> str:
    """The CSV text (``\\n`` line ends, UTF-8 when encoded)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    for task in plan.tasks:
        t = schedule.tasks[task.id]
        writer.writerow([
            task.id, task.name, task.phase, t.start.isoformat(), t.finish.isoformat(), task.duration,
            t.total_float, t.free_float, _bool(t.critical), _bool(t.milestone), f"{task.progress:g}",
            format_links(task.depends_on), task.not_before.isoformat() if task.not_before else "",
            task.deadline.isoformat() if task.deadline else "", t.late_start.isoformat(), t.late_finish.isoformat(),
        ])
    return out.getvalue()


def export_csv(plan: Plan, schedule: Schedule, out: Output, *, delimiter: str = ",", **options: object) -> None:
    """Write the schedule CSV to a path or stream."""
    write_out(out, csv_text(plan, schedule, delimiter))
