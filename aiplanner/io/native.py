"""The native ``.aiplan`` file: JSON, UTF-8, stable key order, 2-space indent.

Loading treats the file as hostile: size-capped, strict JSON, one
:class:`InvalidPlanError` listing every fault with its JSON path, never a
traceback. Saving is atomic (see :mod:`aiplanner.io.atomic`).
"""

from __future__ import annotations

import json

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from aiplanner.io.atomic import atomic_write_bytes
from aiplanner.io.files import read_input
from aiplanner.io.migrate import migrate
from aiplanner.model.errors import InvalidPlanError, PlanFileError, Problem
from aiplanner.model.fastread import MAX_DEPTH as _MAX_DEPTH, json_within_depth
from aiplanner.model.plan import CURRENT_VERSION, FORMAT, Plan
from aiplanner.model.validate import plan_problems, pydantic_problems

__all__ = ["MAX_FILE_BYTES", "dumps", "loads", "load_plan", "save_plan", "plan_to_data", "plan_from_data"]

#: Plans are small; anything above this is not a plan and is refused unread.
MAX_FILE_BYTES = 32 * 1024 * 1024


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-ready data, defaults left out so files stay small."""
    body = plan.model_dump(mode="json", exclude_defaults=True, exclude={"format", "version"})
    return {"format": FORMAT, "version": CURRENT_VERSION, **body}


def dumps(plan: Plan) -> str:
    """Serialise ``plan`` as the text of a ``.aiplan`` file."""
    return json.dumps(plan_to_data(plan), indent=2, ensure_ascii=False) + "\n"


_depth = json_within_depth  # the hostile-file depth check, shared with the command line's fast path


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def plan_from_data(data: Any) -> Plan:
    """Validate raw JSON data (any version) into a :class:`Plan`."""
    if not isinstance(data, dict):
        raise InvalidPlanError([Problem("$", "a plan must be a JSON object")])
    if data.get("format", FORMAT) != FORMAT:
        raise InvalidPlanError([Problem("$.format", f"not an aiplanner plan (format {data.get('format')!r})")])
    data = migrate(dict(data))
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise InvalidPlanError(pydantic_problems(exc)) from None
    problems = plan_problems(plan)
    if problems:
        raise InvalidPlanError(problems)
    return plan


def loads(text: str | bytes) -> Plan:
    """Parse the text of a ``.aiplan`` file."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidPlanError([Problem("", f"not UTF-8 text (byte {exc.start})")]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise InvalidPlanError([Problem("$", "JSON nested too deeply")]) from None
    except (json.JSONDecodeError, ValueError) as exc:
        if isinstance(exc, json.JSONDecodeError):
            where = f"line {exc.lineno}, column {exc.colno}"
            what = "file ends too early (truncated?)" if exc.pos >= len(text.rstrip()) else exc.msg
            raise InvalidPlanError([Problem("", f"{where}: invalid JSON: {what}")]) from None
        raise InvalidPlanError([Problem("", f"invalid JSON: {exc}")]) from None
    if not _depth(data):
        raise InvalidPlanError([Problem("$", "JSON nested too deeply")])
    return plan_from_data(data)


def load_plan(path: str | Path) -> Plan:
    """Read a ``.aiplan`` file; any fault raises an error naming the file."""
    path = Path(path)
    raw = read_input(path, MAX_FILE_BYTES, "plan file")
    try:
        return loads(raw)
    except InvalidPlanError as exc:
        raise exc.with_file(path) from None


def save_plan(plan: Plan, path: str | Path, *, backup: bool = True) -> None:
    """Write ``plan`` to ``path`` atomically (old file kept as ``.bak``)."""
    atomic_write_bytes(path, dumps(plan).encode("utf-8"), backup=backup)


