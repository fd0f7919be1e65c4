"""Checks that depend on the organisational pattern the plan follows.

What each pattern must show comes from ``resources/patterns.json``: the
CoE's risk and how it evolves, the federated split (the source's own
responsibility table), the AI product teams' team structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from aiplanner.catalog import load_catalog
from aiplanner.checks.domain import lead_words
from aiplanner.checks.findings import CheckContext, Finding, rule
from aiplanner.model.plan import ResponsibilityMatrix

__all__: list[str] = []

_CENTRAL_PARTY = re.compile(r"\bcentral|\bcent(er|re)\b|\bcoe\b", re.I)
_PRODUCT_PARTY = re.compile(r"\bproduct", re.I)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


@rule("pattern.coe-handover", "CoE hands capabilities over to product teams")
def coe_handover(ctx: CheckContext) -> Iterator[Finding]:
    """A Center of Excellence plan without handover work.

    Evidence: a CoE plan with no handover work (tag or name, not
    assessment): nothing moves the CoE from doing to enabling, which is how
    the source says a CoE avoids becoming a bottleneck.
    """
    if ctx.plan.pattern != "coe" or ctx.kinds.ids("handover"):
        return
    info = load_catalog().pattern("coe")
    yield Finding(
        "pattern.coe-handover", "warning",
        f"This {info.name} plan has no step that hands capabilities over to product teams{ctx.kinds.note()}. "
        f"{info.risk}",
        f"{info.evolution} Add that handover work in Scale & Optimize.",
        title=f"{info.name}: from doing to enabling",
    )


def central_party(parties: list[str]) -> str | None:
    """The party of the matrix that is the central team: named so, else the first one."""
    for party in parties:
        if _CENTRAL_PARTY.search(party):
            return party
    return parties[0] if parties else None


def product_party(parties: list[str], centre: str | None) -> str | None:
    """The party that stands for the product teams: named so, else the first that is not the centre."""
    others = [p for p in parties if p != centre]
    return next((p for p in others if _PRODUCT_PARTY.search(p)), others[0] if others else None)


def _leads(word: str, leading: tuple[str, ...]) -> bool:
    return any(re.match(rf"^\s*{re.escape(w)}\b", word or "", re.I) for w in leading)


def _split_deviations(matrix: ResponsibilityMatrix, source: ResponsibilityMatrix) -> tuple[list[str], list[str], str | None]:
    """Functions the plan's centre should lead but does not, functions it leads that product teams should."""
    leading = lead_words()
    src_centre = central_party(source.parties)
    centre = central_party(matrix.parties)
    product = product_party(matrix.parties, centre)
    rows = {_norm(r.function): r for r in matrix.rows}
    not_led, taken = [], []
    for src in source.rows:
        central_side = _leads(src.cells.get(src_centre or "", ""), leading)
        row = rows.get(_norm(src.function))
        cells = row.cells if row is not None else {}
        centre_leads = centre is not None and _leads(cells.get(centre, ""), leading)
        product_leads = product is not None and _leads(cells.get(product, ""), leading)
        if central_side and not centre_leads:
            not_led.append(src.function)
        elif not central_side and centre_leads and not product_leads:
            taken.append(src.function)
    return not_led, taken, centre


@rule("pattern.federated-central-owner", "Federated model: the split between the centre and product teams")
def federated_central_owner(ctx: CheckContext) -> Iterator[Finding]:
    """A federated plan whose responsibility matrix does not split the work as the source does.

    Evidence: the whole split of the plan's responsibility matrix against
    the source's federated table (``patterns.json``). The central party
    (named central, centre or CoE, else the first) must lead what the
    source gives the centre (strategy, governance, platform, standards:
    owns or defines); it must not lead what the source gives product teams
    (AI features and model training they own, operations they execute)
    unless product teams lead it too. A missing row counts as not led.
    """
    if ctx.plan.pattern != "federated":
        return
    info = load_catalog().pattern("federated")
    not_led, taken, centre = _split_deviations(ctx.plan.responsibilities, info.responsibilities)
    if not not_led and not taken:
        return
    whom = f"the central team ({centre})" if centre else "a central team"
    parts = []
    if not_led:
        parts.append(f"does not make {whom} lead {_and(not_led)}, which a federated model keeps central")
    if taken:
        parts.append(f"gives {whom} {_and(taken)}, which product teams own or execute in a federated model "
                     "(that is a Center of Excellence)")
    fixes = []
    if not_led:
        fixes.append(f"set {whom} to 'Owns' (or 'Defines' for standards) for {_and(not_led)}")
    if taken:
        fixes.append(f"give product teams {_and(taken)} ('Owns', or 'Executes' for operations) and the centre "
                     "an advising, supporting or coordinating part")
    yield Finding(
        "pattern.federated-central-owner", "warning",
        f"The responsibility matrix {' and '.join(parts)}. {info.summary}",
        f"In the responsibility matrix, {' and '.join(fixes)}.",
        title=f"{info.name}: the split",
    )


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _team_pattern(name: str) -> re.Pattern:
    words = name.split()
    core = words[1:] if words[0].upper() == "AI" and len(words) > 1 else words
    return re.compile(r"\b(?:ai\s+)?" + r"\s+".join(re.escape(w) for w in core) + r"s?\b", re.I)


@rule("pattern.product-teams-structure", "AI product teams: the three teams are set up")
def product_teams_structure(ctx: CheckContext) -> Iterator[Finding]:
    """An AI-product-teams plan that does not set up every team of the source's structure.

    Evidence: for each team of the structure in ``patterns.json`` (AI
    Platform, AI Services, AI Enablement Team), work that is not assessment
    and names the team ("Set up the AI Services Team"). A team nobody sets
    up is missing, however the responsibility matrix lists it.
    """
    if ctx.plan.pattern != "product-teams":
        return
    info = load_catalog().pattern("product-teams")
    assessment = {t.id for t in ctx.plan.tasks if ctx.kinds.is_assessment(t)}
    missing = [team for team in info.structure
               if not any(_team_pattern(team.name).search(t.name) for t in ctx.plan.tasks if t.id not in assessment)]
    if not missing:
        return
    names = _and([t.name for t in missing])
    yield Finding(
        "pattern.product-teams-structure", "warning",
        f"This {info.name} plan never sets up the {names}, so "
        + "; ".join(f"nobody {t.purpose[0].lower()}{t.purpose[1:].rstrip('.')}" for t in missing) + ".",
        f"Add work in Build Foundation that sets up the {names} (staffing, mandate, first services).",
        title=f"{info.name}: the team structure",
    )
