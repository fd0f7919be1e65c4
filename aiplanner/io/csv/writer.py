"""The schedule as CSV: one row per task, stable headers, ISO dates.

Columns (in this order, always present): ``id, name, phase, start, finish,
duration, total_float, free_float, critical, milestone, progress,
depends_on, not_before, deadline, late_start, late_finish``, then what the
plan says of the task: ``priority, tags`` (``a; b``), ``demands``
(``role=fte; role=fte``), ``notes``, and the data no column shows, as JSON:
``task_data`` (the other task fields: estimate ...) and, in the first row,
``plan_data`` (the plan without its tasks: pattern, roles, matrix,
metrics ...; see :mod:`aiplanner.io.carry`). Booleans are
``true``/``false``; ``depends_on`` uses the link syntax of
:mod:`aiplanner.io.links` (``a1, b2SS+2``), so the file imports back with
``aiplanner import`` and loses nothing.

No cell is a formula: a text that starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return (what spreadsheets evaluate) is written with a
leading ``'``, as OWASP advises against CSV injection; numbers are written
as they are, and the importer takes the ``'`` off again.
"""

from __future__ import annotations

import csv
import io
import re

from aiplanner.io.carry import dumps_one_line, plan_json, task_extras
from aiplanner.io.exporting import Output, write_out
from aiplanner.io.links import format_links
from aiplanner.model.plan import Plan
from aiplanner.schedule.cpm import Schedule

__all__ = ["COLUMNS", "SHOWN", "csv_text", "export_csv", "defuse", "FORMULA"]

COLUMNS = ("id", "name", "phase", "start", "finish", "duration", "total_float", "free_float", "critical",
           "milestone", "progress", "depends_on", "not_before", "deadline", "late_start", "late_finish",
           "priority", "tags", "demands", "notes", "task_data", "plan_data")
#: Task fields the columns show; the others travel in ``task_data``.
SHOWN = {"duration", "milestone", "progress", "depends_on", "not_before", "deadline", "priority", "tags",
         "demands", "notes"}
#: A cell a spreadsheet would evaluate (after any quotes we put before it).
FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def defuse(cell: str) -> str:
    r"""``cell`` as a spreadsheet shows it but never evaluates it.

    >>> defuse('=HYPERLINK("http://evil")'), defuse("-3"), defuse("'=x")
    ('\'=HYPERLINK("http://evil")', '-3', "''=x")
    """
    if FORMULA.match(cell) and not _NUMBER.match(cell):
        return "'" + cell
    return cell


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _tags(tags: list[str]) -> tuple[str, bool]:
    """The tags column, and whether it says them exactly (a tag with ';' or edge spaces does not)."""
    exact = all(";" not in t and t == t.strip() for t in tags)
    return "; ".join(tags), exact


def csv_text(plan: Plan, schedule: Schedule, delimiter: str = ",") -> str:
    """The CSV text (``\\n`` line ends, UTF-8 when encoded)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    first = True
    for task in plan.tasks:
        t = schedule.tasks[task.id]
        tags, exact = _tags(task.tags)
        extras = task_extras(task, SHOWN if exact else SHOWN - {"tags"})
        row = [
            task.id, task.name, task.phase, t.start.isoformat(), t.finish.isoformat(), task.duration,
            t.total_float, t.free_float, _bool(t.critical), _bool(t.milestone), f"{task.progress:g}",
            format_links(task.depends_on), task.not_before.isoformat() if task.not_before else "",
            task.deadline.isoformat() if task.deadline else "", t.late_start.isoformat(), t.late_finish.isoformat(),
            task.priority, tags if exact else "", "; ".join(f"{d.role}={d.fte:g}" for d in task.demands),
            task.notes, dumps_one_line(extras) if extras else "", plan_json(plan) if first else "",
        ]
        writer.writerow([defuse(str(cell)) for cell in row])
        first = False
    return out.getvalue()


def export_csv(plan: Plan, schedule: Schedule, out: Output, *, delimiter: str = ",", **options: object) -> None:
    """Write the schedule CSV to a path or stream."""
    write_out(out, csv_text(plan, schedule, delimiter))
