"""The domain facts the checks measure against, read from the catalogue.

Phase duration ranges, the foundation timeline, the key roles to staff for
Build Foundation, role names and the pitfalls all come from the source
document through :mod:`aiplanner.catalog` (``resources/``). This module is
the one place the checks ask for them, so no rule carries a domain fact.

Examples
--------
>>> phase_weeks("design"), phase_weeks("scale"), foundation_months()
((6, 8), None, (6, 9))
>>> key_roles()
('ai-product-manager', 'ai-platform-engineer', 'ai-governance-lead')
"""

from __future__ import annotations

from aiplanner.catalog import load_catalog
from aiplanner.catalog.models import Pitfall

__all__ = [
    "ENABLEMENT_ROLE",
    "BUILD_PHASE",
    "phase_weeks",
    "foundation_months",
    "key_roles",
    "role_name",
    "pattern_name",
    "pitfall",
]

#: The role whose absence the under-investment-in-enablement pitfall measures.
ENABLEMENT_ROLE = "ai-enablement-lead"
#: The phase whose start the source ties to staffing the key roles.
BUILD_PHASE = "build"


def phase_weeks(phase_id: str) -> tuple[int, int] | None:
    """The source's duration range of a phase in weeks, or None (ongoing or not a catalogue phase)."""
    try:
        duration = load_catalog().phase(phase_id).duration
    except KeyError:
        return None
    if duration.ongoing:
        return None
    return duration.min_weeks, duration.max_weeks  # type: ignore[return-value]


def foundation_months() -> tuple[int, int]:
    """The source's range for a foundational operating model (including initial scaling), in months."""
    months = load_catalog().timeline.foundation_months
    return months.min, months.max


def key_roles() -> tuple[str, ...]:
    """Roles the source says to staff in Build Foundation (its staffing task's roles)."""
    build = load_catalog().phase(BUILD_PHASE)
    return tuple(dict.fromkeys(r for t in build.tasks if "staffing" in t.tags for r in t.roles))


def role_name(role_id: str) -> str:
    """The catalogue's name of a role, or the id when it is not a catalogue role."""
    try:
        return load_catalog().role(role_id).name
    except KeyError:
        return role_id


def pattern_name(pattern_id: str | None) -> str:
    """The catalogue's name of a pattern ("" for none, the id when it is not a catalogue pattern)."""
    if not pattern_id:
        return ""
    try:
        return load_catalog().pattern(pattern_id).name
    except KeyError:
        return pattern_id


def pitfall(pitfall_id: str) -> Pitfall:
    """One of the source's five pitfalls (name, problem, advice, plan rule)."""
    return load_catalog().pitfall(pitfall_id)
