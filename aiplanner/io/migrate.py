"""Forward migrations of the ``.aiplan`` format.

A migration is a function from the raw JSON of version ``n`` to that of
``n + 1``, registered with :func:`migrates`. Loading applies them in order
until the data is at :data:`CURRENT_VERSION`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiplanner.model.errors import Problem, UnsupportedVersionError, InvalidPlanError
from aiplanner.model.plan import CURRENT_VERSION
from aiplanner.model.parts import parse_target

__all__ = ["migrates", "migrate", "MIGRATIONS"]

Raw = dict[str, Any]
MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {}


def migrates(from_version: int, to_version: int) -> Callable[[Callable[[Raw], Raw]], Callable[[Raw], Raw]]:
    """Register a migration from ``from_version`` to ``to_version`` (= from + 1)."""
    if to_version != from_version + 1:
        raise ValueError("a migration moves one version forward")

    def register(func: Callable[[Raw], Raw]) -> Callable[[Raw], Raw]:
        MIGRATIONS[from_version] = func
        return func

    return register


@migrates(0, 1)
def _v0_to_v1(data: Raw) -> Raw:
    """Version 0 (the pre-release drafts) called the task list ``activities``."""
    if "activities" in data and "tasks" not in data:
        data["tasks"] = data.pop("activities")
    return data


@migrates(1, 2)
def _v1_to_v2(data: Raw) -> Raw:
    """Version 2 tracks metrics over time.

    A metric's free-text ``target`` becomes a structured target (``"< 4 weeks"``
    -> ``{"op": "<", "value": 4}``; ``"Declining trend"`` -> ``{"op": "declining"}``)
    and its words are kept as ``target_note``; a target that states neither a
    bound nor a direction stays only as words. ``measurement`` (how it is
    measured) is renamed ``how_measured``. The undated ``current`` value
    cannot become a dated measurement, so it is kept in the metric's
    ``notes``. The other new fields (status date, maturity stages) are
    optional: a plan without metrics migrates unchanged.
    """
    metrics = data.get("metrics")
    if not isinstance(metrics, list):
        return data
    for metric in metrics:
        if not isinstance(metric, dict):
            continue  # validation names it
        target = metric.get("target")
        if isinstance(target, str):
            parsed = parse_target(target)
            if target.strip():
                metric["target_note"] = target
            if parsed is None:
                metric.pop("target")
            else:
                metric["target"] = parsed.model_dump(exclude_none=True)
        if "measurement" in metric and "how_measured" not in metric:
            metric["how_measured"] = metric.pop("measurement")
        current = metric.pop("current", None)
        if isinstance(current, str) and current.strip():
            note = f"Value noted before measurements were dated: {current.strip()}"
            metric["notes"] = f"{metric['notes']}\n{note}" if isinstance(metric.get("notes"), str) and metric["notes"] else note
        elif current not in (None, ""):
            metric["current"] = current  # not text: validation names it
    return data


def migrate(data: Raw) -> Raw:
    """Bring raw plan JSON to the current version, in place; return it."""
    version = data.get("version", CURRENT_VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidPlanError([Problem("$.version", f"version must be a whole number (got {version!r})")])
    if version > CURRENT_VERSION:
        raise UnsupportedVersionError(
            [
                Problem(
                    "$.version",
                    f"written by a newer aiplanner (format version {version}; this one reads up to "
                    f"{CURRENT_VERSION}); update aiplanner to open it",
                )
            ]
        )
    if version < 0:
        raise InvalidPlanError([Problem("$.version", f"unknown format version {version}")])
    while version < CURRENT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["version"] = version
    return data
