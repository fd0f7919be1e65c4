"""Helpers shared by the sub-commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from typing import TYPE_CHECKING

from aiplanner.io.atomic import atomic_write_bytes

if TYPE_CHECKING:
    from aiplanner.model.plan import Plan

__all__ = ["read_plan", "schedule_of", "write_output", "write_plan", "report_stream", "same_file", "print_json",
           "table"]


def read_plan(path: str) -> Plan:
    """Load a plan file; errors propagate as :class:`PlanError` (exit 2, no traceback)."""
    from aiplanner.io.native import load_plan

    return load_plan(Path(path))


def schedule_of(plan: Plan, path: str):
    """Schedule ``plan`` read from ``path``; a plan that cannot be scheduled
    (a dependency cycle, an unknown holiday region) is reported against the file."""
    from aiplanner.model.errors import DependencyCycleError, InvalidPlanError
    from aiplanner.schedule import schedule_plan
    from aiplanner.schedule.problems import as_invalid_plan

    try:
        return schedule_plan(plan)
    except (InvalidPlanError, DependencyCycleError) as exc:
        if isinstance(exc, InvalidPlanError) and exc.file:
            raise
        raise as_invalid_plan(exc, plan, path) from None


def write_output(path: str | None, data: str | bytes) -> None:
    """Write to ``path`` atomically, or to stdout when ``path`` is None or '-'."""
    if path in (None, "-"):
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    atomic_write_bytes(path, data.encode("utf-8") if isinstance(data, str) else data, backup=False)


def same_file(a: str, b: str) -> bool:
    """Whether paths ``a`` and ``b`` name one existing file (links followed)."""
    import os

    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False


def report_stream(output: str | None):
    """Where a command that writes ``output`` talks to the user: stderr when the
    output itself goes to stdout (``-o -``), so that it can be piped."""
    return sys.stderr if output == "-" else sys.stdout


def write_plan(plan: Plan, output: str) -> None:
    """Save ``plan`` atomically to ``output`` (old file kept as ``.bak``), or
    print it as ``.aiplan`` text when ``output`` is '-'."""
    from aiplanner.io.native import dumps, save_plan

    if output == "-":
        sys.stdout.write(dumps(plan))
        sys.stdout.flush()
        return
    save_plan(plan, output)


def print_json(data: Any) -> None:
    """Print ``data`` as JSON, one item (task, finding ...) per line (see :func:`json_text`)."""
    from aiplanner.io.schedule_json import json_text

    sys.stdout.write(json_text(data))


def table(headers: list[str], rows: list[list[Any]], align: str | None = None) -> str:
    """A plain text table for terminals; ``align`` has 'l' or 'r' per column."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    align = align or "l" * len(headers)
    lines = []
    for n, row in enumerate(cells):
        parts = [c.rjust(w) if a == "r" else c.ljust(w) for c, w, a in zip(row, widths, align)]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
