"""Helpers shared by the sub-commands."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiplanner.model.plan import Plan

__all__ = ["read_plan", "schedule_of", "write_output", "write_plan", "report_stream", "same_file", "print_json",
           "table", "printable", "SafeText"]


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
    from aiplanner.io.atomic import atomic_write_bytes  # (tempfile and shutil: not for printing)

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


# C0 controls, DEL and C1 controls: a name holding ESC [ ... could move the cursor, recolour
# or retitle the user's terminal when printed raw.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # keeps tab and newline


def _escape(match: re.Match) -> str:
    char = match.group(0)
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char, f"\\u{ord(char):04x}")


def printable(text: object) -> str:
    """``text`` with every control character written as an escape (``\\u001b``, ``\\n``).

    >>> printable("\x1b[31mred\x1b[0m")
    '\\\\u001b[31mred\\\\u001b[0m'
    """
    return _CONTROL.sub(_escape, str(text))


class SafeText:
    """A text stream that writes control characters as escapes, except tab and newline.

    The commands' text output passes through it (installed by the CLI), so no
    name from a plan or a foreign file reaches the terminal as an escape
    sequence. JSON stays valid: the escapes are JSON string escapes, and JSON
    text has no raw control character to begin with but C1 and DEL.
    """

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(_CONTROL_IN_TEXT.sub(_escape, text))
        return len(text)

    def __getattr__(self, name: str):  # buffer, flush, isatty, encoding ... of the real stream
        return getattr(self._stream, name)


def table(headers: list[str], rows: list[list[Any]], align: str | None = None) -> str:
    """A plain text table for terminals; ``align`` has 'l' or 'r' per column.

    Control characters in cells are shown as escapes (a newline in a name
    does not break the row).
    """
    cells = [[printable(h) for h in headers]] + [["" if c is None else printable(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    align = align or "l" * len(headers)
    lines = []
    for n, row in enumerate(cells):
        parts = [c.rjust(w) if a == "r" else c.ljust(w) for c, w, a in zip(row, widths, align)]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
