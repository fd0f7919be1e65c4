"""The domain facts the checks measure against, read from the catalogue.

Phase duration ranges, the foundation timeline, the key roles to staff for
Build Foundation and the pitfall texts all come from the source document
through :mod:`aiplanner.catalog`. This module is the one place the checks
ask for them, so rules never carry a copy of a domain fact.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["phase_weeks", "foundation_months", "key_roles", "role_name", "pitfall_text", "ENABLEMENT_ROLE"]

# INTERIM until aiplanner.catalog lands on main: the few facts the checks
# need, from the source's "Implementing the Operating Model" section and FAQ.
# Replaced by catalogue look-ups (see the functions below) once it exists.
_INTERIM = {
    "phases": {"assessment": (4, 6), "design": (6, 8), "build": (8, 12)},
    "foundation_months": (6, 9),
    "key_roles": ("ai-product-manager", "ai-platform-engineer", "ai-governance-lead"),
    "roles": {
        "ai-product-manager": "AI Product Manager",
        "ai-platform-engineer": "AI Platform Engineer",
        "mlops-engineer": "MLOps Engineer",
        "ai-governance-lead": "AI Governance Lead",
        "ai-enablement-lead": "AI Enablement Lead",
    },
}

#: The role whose absence the under-investment-in-enablement pitfall measures.
ENABLEMENT_ROLE = "ai-enablement-lead"


@lru_cache(maxsize=1)
def _facts() -> dict:
    return _INTERIM


def phase_weeks(phase_id: str) -> tuple[float, float] | None:
    """The source's duration range of a phase in working weeks, or None (ongoing / unknown)."""
    return _facts()["phases"].get(phase_id)


def foundation_months() -> tuple[float, float]:
    """The source's range for the foundational timeline, in months."""
    return _facts()["foundation_months"]


def key_roles() -> tuple[str, ...]:
    """Roles the source says to staff when Build Foundation starts."""
    return tuple(_facts()["key_roles"])


def role_name(role_id: str) -> str:
    """The catalogue's name of a role, or the id when it is not a catalogue role."""
    return _facts()["roles"].get(role_id, role_id)


def pitfall_text(pitfall_id: str) -> str:
    """The catalogue's description of a pitfall ('' until the catalogue provides one)."""
    return _facts().get("pitfalls", {}).get(pitfall_id, "")
