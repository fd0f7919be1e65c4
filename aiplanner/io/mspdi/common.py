"""Facts of the MS Project XML (MSPDI) format shared by the reader and writer."""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "NS", "LINK_TYPES", "LINK_CODES", "DAY_TYPES", "TASK_ID_FIELD", "TASK_DEMANDS_FIELD", "TASK_DATA_FIELD",
    "RESOURCE_ID_FIELD", "RESOURCE_ROLES_FIELD", "ALIASES",
    "format_duration", "parse_duration_hours", "format_datetime", "parse_datetime",
]

NS = "http://schemas.microsoft.com/project"
#: MSPDI link Type codes.
LINK_TYPES = {0: "FF", 1: "FS", 2: "SF", 3: "SS"}
LINK_CODES = {v: k for k, v in LINK_TYPES.items()}
#: MSPDI WeekDay DayType: 1 = Sunday ... 7 = Saturday; our index Monday = 0.
DAY_TYPES = {1: 6, 2: 0, 3: 1, 4: 2, 5: 3, 6: 4, 7: 5}
#: Extended attribute Text1 of tasks and of resources carries our ids.
TASK_ID_FIELD = "188743731"
RESOURCE_ID_FIELD = "205520904"
#: Extended attribute Text2 of tasks carries our role demands (``role=fte;role=fte``).
TASK_DEMANDS_FIELD = "188743734"
#: Extended attribute Text2 of resources carries our role ids, parallel to ``Group``.
RESOURCE_ROLES_FIELD = "205520905"
#: Extended attribute Text3 of tasks carries our data the format has no place for: on the
#: project summary task (UID 0) the plan's own JSON without its tasks, on a task the task
#: fields MSPDI does not show (tags, estimate ...), as JSON (see :mod:`aiplanner.io.carry`).
TASK_DATA_FIELD = "188743737"
#: The aliases our exporter gives its extended attributes; a field is read as ours only
#: when the file declares it with one of them.
ALIASES = ("aiplanner id", "aiplanner roles", "aiplanner demands", "aiplanner data")

_DURATION = re.compile(r"^-?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?"
                       r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def format_duration(hours: float) -> str:
    """``PT8H0M0S`` for 8 hours (whole minutes)."""
    minutes = round(hours * 60)
    return f"PT{minutes // 60}H{minutes % 60}M0S"


def parse_duration_hours(text: str, hours_per_day: float = 8.0) -> float | None:
    """Hours of an xsd duration as MSPDI writes them (``PT16H0M0S``; ``P2D`` counts work days)."""
    match = _DURATION.match(text.strip())
    if match is None or text.strip() in ("P", "PT", "-P"):
        return None
    years, months, days, hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    total = hours + minutes / 60 + seconds / 3600 + days * hours_per_day
    total += (months * 20 + years * 240) * hours_per_day
    return -total if text.strip().startswith("-") else total


def format_datetime(day: dt.date, time: str) -> str:
    """``2026-05-04T08:00:00``: MSPDI readers need the seconds."""
    return f"{day.isoformat()}T{time}"


def parse_datetime(text: str) -> dt.datetime | None:
    """A date-time as MSPDI writes it, or None."""
    value = text.strip()
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = dt.datetime.combine(dt.date.fromisoformat(value[:10]), dt.time())
        except ValueError:
            return None
    return parsed.replace(tzinfo=None)
