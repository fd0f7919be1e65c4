"""What every importer shares: the result type, id making, text decoding, validation, pinned starts.

An importer reads a foreign file and returns an :class:`ImportResult`: a
valid :class:`Plan` and the warnings about what could not be carried over.
A file that is not what it claims to be raises a :class:`PlanError`
subclass naming the file and the place (line, row and column, XML element).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.model.graph import find_cycle
from aiplanner.model.plan import Plan
from aiplanner.model.validate import plan_problems, pydantic_problems

__all__ = [
    "ImportResult",
    "MAX_IMPORT_BYTES",
    "decode_text",
    "sanitize_id",
    "slugify",
    "unique_id",
    "validated_plan",
    "pin_starts",
    "places",
]

#: Foreign files larger than this are refused unread.
MAX_IMPORT_BYTES = 64 * 1024 * 1024


@dataclass
class ImportResult:
    """A plan read from a foreign file, and what did not map."""

    plan: Plan
    warnings: list[str] = field(default_factory=list)


_ID_BAD = re.compile(r"[^A-Za-z0-9_.\-]+")


def slugify(text: str, fallback: str = "item") -> str:
    """A plan identifier made from ``text`` (lower case, ``-`` between words).

    >>> slugify("Scale & Optimize")
    'scale-optimize'
    """
    slug = _ID_BAD.sub("-", text.strip().lower()).strip("-.")
    slug = slug[:64].rstrip("-.")
    return slug or fallback


def sanitize_id(text: str, fallback: str = "item") -> str:
    """``text`` if it is a valid identifier, else a cleaned copy (case kept)."""
    clean = _ID_BAD.sub("-", text.strip()).strip("-.")[:64].rstrip("-.")
    return clean or fallback


def unique_id(base: str, used: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not in ``used``; adds it."""
    candidate = base
    n = 2
    while candidate in used:
        suffix = f"-{n}"
        candidate = base[: 64 - len(suffix)] + suffix
        n += 1
    used.add(candidate)
    return candidate


def _checked(data: dict[str, Any]) -> tuple[Plan | None, list[Problem]]:
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        return None, pydantic_problems(exc)
    return plan, plan_problems(plan)


def validated_plan(data: dict[str, Any], file: str | Path | None = None,
                   where: Callable[[list[str]], str] | None = None,
                   repair: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> Plan:
    """Build a :class:`Plan` from imported data and check it as a loaded file is checked.

    ``where(task_ids)`` names the place of those tasks in the source file
    (``"rows 3, 4"``), so that a dependency loop points at its lines.
    ``repair(data)``, when given, is tried once on data that does not
    validate (it drops carried data at fault, see :mod:`aiplanner.io.carry`).

    Raises
    ------
    InvalidPlanError
        Field, cross-reference or cycle problems, attributed to ``file``.
    """
    plan, problems = _checked(data)
    if problems and repair is not None:
        plan, problems = _checked(repair(data))
    if problems or plan is None:
        raise InvalidPlanError(problems, file)
    cycle = find_cycle(plan)
    if cycle:
        loop = " -> ".join(cycle + cycle[:1])
        place = where(list(cycle)) if where is not None else ""
        raise InvalidPlanError([Problem(place, f"dependency cycle: {loop}")], file)
    return plan


def places(singular: str, plural: str, position: dict[str, Any]) -> Callable[[list[str]], str]:
    """A ``where`` for :func:`validated_plan`: ``"row 3"`` or ``"rows 3, 4"`` from ``position``.

    >>> places("row", "rows", {"a": 3, "b": 4})(["b", "a"])
    'rows 3, 4'
    """
    def where(task_ids: list[str]) -> str:
        found = sorted({position[t] for t in task_ids if t in position}, key=lambda v: (str(type(v)), v))
        if not found:
            return ""
        return f"{singular if len(found) == 1 else plural} {', '.join(str(v) for v in found)}"
    return where


def decode_text(data: bytes, file: str | None) -> str:
    """UTF-8 text with or without a byte-order mark; anything else is refused."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidPlanError([Problem("", f"not UTF-8 text (byte {exc.start})")], file) from None
    if "\x00" in text:
        raise InvalidPlanError([Problem("", "binary data (NUL bytes), not a text file")], file)
    return text


def pin_starts(plan: Plan, wanted: dict[str, tuple[int, int]], where: Callable[[str], str],
               warnings: list[str], limit: int = 10, milestones_on_start: bool = False) -> Plan:
    """Make the schedule of ``plan`` start each task where the source file did.

    ``wanted`` maps task ids to the time points (start, end) the source drew.
    A task that its links alone would start earlier gets a "not before"
    date; tasks that still disagree afterwards are reported (the first
    ``limit`` by name, the rest counted). With ``milestones_on_start`` a
    milestone is dated on the day its time point begins, as GanttProject and
    Planner show it, even after a finish-to-start link (MS Project and
    aiplanner date it on the day that link's predecessor finishes).
    """
    from aiplanner.schedule.cpm import schedule_plan

    sched = schedule_plan(plan)
    cal = sched.calendar
    for _ in range(50):
        changed = False
        for task in plan.tasks:
            if task.id not in wanted:
                continue
            got = sched.tasks[task.id]
            start = wanted[task.id][0]
            # A milestone that an end-type link dates on the day before its time point, where the
            # source shows it on the day it begins: a not-before date makes it the latter.
            late_milestone = (milestones_on_start and task.is_milestone and got.es == start
                              and got.start != cal.date_of(start) and task.not_before != cal.date_of(start))
            if got.es < start or late_milestone:
                task.not_before = cal.date_of(start)
                changed = True
        if not changed:
            break
        sched = schedule_plan(plan)
    differ = []
    for task in plan.tasks:
        if task.id not in wanted:
            continue
        got = sched.tasks[task.id]
        start, end = wanted[task.id]
        if task.is_milestone:
            # A milestone after a finish is dated on the working day that ends at its time point.
            if got.es != start and got.start != cal.date_of(start):
                differ.append(task.id)
        elif got.es != start or got.ef != end:
            differ.append(task.id)
    for tid in differ[:limit]:
        got = sched.tasks[tid]
        warnings.append(f"{where(tid)}: {tid!r} is scheduled {got.start} to {got.finish}, "
                        "which differs from the source file")
    if len(differ) > limit:
        warnings.append(f"{len(differ) - limit} more tasks are scheduled differently from the source file")
    return plan
