"""Text of the task table's cells: parse what a user types, format what we show.

Plain functions without Qt, so the rules are easy to test. Every parser
raises :class:`~aiplanner.model.errors.EditError` with a sentence that says
what was expected; the task model adds the task's name to it.

Durations are in working days; ``w`` means working weeks of the plan's
calendar (5 days for Mon-Fri, DESIGN.md). Predecessors use the syntax shared
with CSV and Mermaid (:mod:`aiplanner.io.links`, re-exported here).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from aiplanner.io import links as _links
from aiplanner.io.links import format_links
from aiplanner.model.errors import EditError
from aiplanner.model.plan import Estimate, RoleDemand
from aiplanner.ui.widgets.datefield import parse_day

__all__ = [
    "plain_spaces",
    "parse_duration",
    "format_duration",
    "parse_estimate",
    "format_estimate",
    "estimate_tip",
    "parse_links",
    "format_links",
    "parse_demands",
    "format_demands",
    "parse_date",
    "format_date",
    "parse_progress",
    "format_progress",
]

_SPACES = re.compile(r"[\s\u200b\u2060\ufeff]+")


def plain_spaces(text: str) -> str:
    """``text`` with every kind of space (no-break, narrow, thin, tab ...) as one plain space.

    What a keyboard layout, a word processor or a web page puts between a
    number and its unit must read as what the user sees.

    >>> plain_spaces("a1FS +\u00a02d\u202f")
    'a1FS + 2d '
    """
    return _SPACES.sub(" ", text)


def parse_links(text: str, known_ids=None) -> list:
    """Predecessors typed as ``a1, b2SS+2`` (see :mod:`aiplanner.io.links`), whatever the spaces.

    Raises
    ------
    EditError
        The text is not a list of links (the message quotes it).
    """
    plain = plain_spaces(text)
    try:
        return _links.parse_links(plain, known_ids)
    except EditError:
        raise
    except ValueError:
        raise EditError(f"cannot read the links {text.strip()!r}: write task ids, each optionally followed by "
                        "FS, SS, FF or SF and a lag in working days, e.g. a1FS+2") from None


_AMOUNT = re.compile(r"^\s*(?P<sign>[-+]?)\s*(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>[a-z]*)\s*$", re.I)
_UNITS = {"": 1, "d": 1, "day": 1, "days": 1, "w": None, "wk": None, "week": None, "weeks": None}


def _days(text: str, days_per_week: int, what: str, allow_negative: bool = False) -> float:
    match = _AMOUNT.match(text)
    if not match or match["unit"].lower() not in _UNITS:
        raise EditError(f"{what} {text.strip()!r} is not a number of days or weeks (e.g. 10, 10d, 3w)")
    value = float(match["num"].replace(",", "."))
    if _UNITS[match["unit"].lower()] is None:
        value *= days_per_week
    if match["sign"] == "-":
        if not allow_negative:
            raise EditError(f"{what} cannot be negative ({text.strip()!r})")
        value = -value
    return value


def parse_duration(text: str, days_per_week: int = 5) -> int:
    """Working days from ``"4"``, ``"10d"`` or ``"3w"`` (weeks of ``days_per_week``).

    Examples
    --------
    >>> parse_duration("3w"), parse_duration("10d"), parse_duration(" 4 ")
    (15, 10, 4)
    >>> parse_duration("1.5w")
    8
    """
    if not text.strip():
        raise EditError("a duration is required (0 makes a milestone)")
    value = _days(text, days_per_week, "duration")
    return int(value + 0.5)


def format_duration(days: int, days_per_week: int = 5) -> str:
    """Working days as shown in the table (``"30d"``; ``"0d"`` is a milestone)."""
    return f"{days}d"


def parse_estimate(text: str, days_per_week: int = 5) -> Estimate | None:
    """A three-point estimate ``"optimistic/likely/pessimistic"``; empty clears it.

    Examples
    --------
    >>> parse_estimate("10/15/25")
    Estimate(optimistic=10.0, likely=15.0, pessimistic=25.0)
    >>> parse_estimate("2w/3w/4w").pessimistic
    20.0
    """
    if not text.strip():
        return None
    parts = re.split(r"\s*[/;]\s*", text.strip())
    if len(parts) != 3:
        raise EditError(f"estimate {text.strip()!r} needs three values: optimistic/likely/pessimistic (e.g. 10/15/25)")
    low, likely, high = (_days(p, days_per_week, "estimate") for p in parts)
    if not low <= likely <= high:
        raise EditError(f"estimate {text.strip()!r} must be ordered optimistic <= likely <= pessimistic")
    return Estimate(optimistic=low, likely=likely, pessimistic=high)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _whole(value: float) -> int:
    """Whole working days, halves up (as the Monte Carlo rounds its draws)."""
    return int(value + 0.5)


def format_estimate(estimate: Estimate | None) -> str:
    """``"8d/10d/12d"`` in whole working days, as a user types them and as the duration reads
    (``"3d"``); empty without an estimate. :func:`estimate_tip` gives the exact values.

    >>> format_estimate(Estimate(optimistic=2.4, likely=3, pessimistic=3.6))
    '2d/3d/4d'
    """
    if estimate is None:
        return ""
    return "/".join(f"{_whole(v)}d" for v in (estimate.optimistic, estimate.likely, estimate.pessimistic))


def estimate_tip(estimate: Estimate | None) -> str:
    """The exact estimate when :func:`format_estimate` rounds it, else empty."""
    if estimate is None:
        return ""
    values = (estimate.optimistic, estimate.likely, estimate.pessimistic)
    if all(float(v).is_integer() for v in values):
        return ""
    return f"estimate {' / '.join(_num(round(v, 2)) for v in values)} working days (shown rounded)"


def parse_demands(text: str, roles: Iterable[str] | None = None) -> list[RoleDemand]:
    """Role demands typed as ``"ai-product-manager:0.5, mlops-engineer"`` (FTE defaults to 1).

    ``roles`` (known role ids) makes an unknown role an error naming it.
    """
    known = list(roles) if roles is not None else None
    result: list[RoleDemand] = []
    for token in re.split(r"\s*[,;]\s*", text.strip()):
        if not token:
            continue
        role, _, fte_text = token.partition(":")
        role = role.strip()
        try:
            fte = float(fte_text.strip().replace(",", ".")) if fte_text.strip() else 1.0
        except ValueError:
            raise EditError(f"role demand {token!r}: FTE {fte_text.strip()!r} is not a number") from None
        if fte <= 0:
            raise EditError(f"role demand {token!r}: FTE must be more than 0")
        if known is not None and role not in known:
            raise EditError(f"unknown role {role!r} (known roles: {', '.join(known) or 'none'})")
        if any(d.role == role for d in result):
            raise EditError(f"role {role!r} is listed twice")
        try:
            result.append(RoleDemand(role=role, fte=fte))
        except ValueError:
            raise EditError(f"role demand {token!r} is not a role id with an optional FTE (e.g. mlops-engineer:0.5)") from None
    return result


def format_demands(demands: Iterable[RoleDemand]) -> str:
    """``"ai-product-manager:0.5, mlops-engineer"`` (FTE 1 left out)."""
    return ", ".join(d.role if d.fte == 1 else f"{d.role}:{_num(d.fte)}" for d in demands)


def parse_date(text: str) -> dt.date | None:
    """A date as the window's date fields read it (``2026-05-04``, ``4 May 2026``); empty clears the field."""
    return parse_day(text)


def format_date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def parse_progress(text: str) -> float:
    """Percent complete, ``"50"`` or ``"50%"`` (0..100)."""
    cleaned = text.strip().rstrip("%").strip().replace(",", ".") or "0"
    try:
        value = float(cleaned)
    except ValueError:
        raise EditError(f"progress {text.strip()!r} is not a percentage") from None
    if not 0 <= value <= 100:
        raise EditError(f"progress must be between 0 and 100 % (got {text.strip()})")
    return value


def format_progress(value: float) -> str:
    return f"{_num(value)}%"
