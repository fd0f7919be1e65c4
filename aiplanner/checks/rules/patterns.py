"""Checks that depend on the organisational pattern the plan follows."""

from __future__ import annotations

import re
from collections.abc import Iterator

from aiplanner.checks.findings import CheckContext, Finding, rule

__all__: list[str] = []

#: Functions of the responsibility matrix the central team must own in a federated model.
CENTRAL_FUNCTIONS = {"governance": re.compile(r"\bgovern", re.I), "platform": re.compile(r"\bplatform", re.I)}
_CENTRAL_PARTY = re.compile(r"\bcentral|\bcent(er|re)\b|\bcoe\b", re.I)
_OWNS = re.compile(r"^\s*own", re.I)


@rule("pattern.coe-handover", "CoE hands capabilities over to product teams")
def coe_handover(ctx: CheckContext) -> Iterator[Finding]:
    """A Center of Excellence plan without any handover work."""
    if ctx.plan.pattern != "coe" or ctx.kinds.ids("handover"):
        return
    yield Finding(
        "pattern.coe-handover", "warning",
        "This Center of Excellence plan has no step that hands capabilities over to product teams, so the "
        f"CoE risks becoming a bottleneck{ctx.kinds.note()}.",
        "Add handover work in Scale & Optimize that moves the CoE from doing to enabling: product teams take "
        "over AI work while the CoE keeps governance and the platform.",
    )


def central_party(parties: list[str]) -> str | None:
    """The party of the matrix that is the central team: named so, else the first one."""
    for party in parties:
        if _CENTRAL_PARTY.search(party):
            return party
    return parties[0] if parties else None


@rule("pattern.federated-central-owner", "Federated model: the centre owns governance and platform")
def federated_central_owner(ctx: CheckContext) -> Iterator[Finding]:
    """A federated plan whose responsibility matrix lacks a central owner of governance or platform."""
    if ctx.plan.pattern != "federated":
        return
    matrix = ctx.plan.responsibilities
    centre = central_party(matrix.parties)
    missing = []
    for label, pattern in CENTRAL_FUNCTIONS.items():
        rows = [r for r in matrix.rows if pattern.search(r.function)]
        owned = centre is not None and any(_OWNS.search(r.cells.get(centre, "")) for r in rows)
        if not owned:
            missing.append(label)
    if missing:
        whom = f"the central team ({centre})" if centre else "a central team"
        yield Finding(
            "pattern.federated-central-owner", "warning",
            f"The responsibility matrix does not make {whom} the owner of {' and '.join(missing)}, which a "
            "federated model keeps central while product teams own their AI features.",
            f"In the responsibility matrix, set {whom} to 'Owns' for {' and '.join(missing)}.",
        )


@rule("pattern.product-teams-platform", "AI product teams: a platform team is set up")
def product_teams_platform(ctx: CheckContext) -> Iterator[Finding]:
    """An AI-product-teams plan with no platform work (no AI Platform Team is set up)."""
    if ctx.plan.pattern != "product-teams" or ctx.kinds.ids("platform"):
        return
    yield Finding(
        "pattern.product-teams-platform", "warning",
        "This AI product teams plan has no platform work, so the AI Platform Team that the other teams build "
        f"on is never set up{ctx.kinds.note()}.",
        "Add the set-up of the AI Platform Team (infrastructure, tooling, self-service capabilities) in "
        "Build Foundation.",
    )
