"""Pattern-specific checks: CoE handover, federated ownership, product teams' platform."""

from __future__ import annotations

import pytest

from aiplanner.checks import run_checks
from aiplanner.checks.rules.patterns import central_party
from aiplanner.model import ResponsibilityMatrix, ResponsibilityRow
from tests.checks.conftest import without


def found(plan, rule):
    return [f for f in run_checks(plan) if f.rule == rule]


def test_coe_without_handover_is_a_bottleneck_risk(healthy):
    (f,) = found(without(healthy, "s2"), "pattern.coe-handover")
    assert "bottleneck" in f.message
    other = without(healthy, "s2").model_copy(update={"pattern": None})
    assert found(other, "pattern.coe-handover") == []


def matrix(governance="Owns", platform="Owns"):
    return ResponsibilityMatrix(parties=["Central Team", "Product Teams"], rows=[
        ResponsibilityRow(function="Strategy", cells={"Central Team": "Owns", "Product Teams": "Contributes"}),
        ResponsibilityRow(function="Governance", cells={"Central Team": governance, "Product Teams": "Implements"}),
        ResponsibilityRow(function="Platform", cells={"Central Team": platform, "Product Teams": "Uses"}),
    ])


def test_federated_needs_a_central_owner_of_governance_and_platform(healthy):
    ok = healthy.model_copy(update={"pattern": "federated", "responsibilities": matrix()})
    assert found(ok, "pattern.federated-central-owner") == []
    bad = ok.model_copy(update={"responsibilities": matrix(platform="Advises")})
    (f,) = found(bad, "pattern.federated-central-owner")
    assert "platform" in f.message and "governance" not in f.message and "Central Team" in f.message
    empty = ok.model_copy(update={"responsibilities": ResponsibilityMatrix()})
    (g,) = found(empty, "pattern.federated-central-owner")
    assert "governance and platform" in g.message


@pytest.mark.parametrize("parties, centre", [
    (["Product Teams", "Central AI Team"], "Central AI Team"),
    (["AI CoE", "Teams"], "AI CoE"),
    (["Hub", "Spokes"], "Hub"),
    ([], None),
])
def test_central_party(parties, centre):
    assert central_party(parties) == centre


def test_product_teams_without_platform_team(healthy):
    plan = without(healthy, "b2").model_copy(update={"pattern": "product-teams"})
    (f,) = found(plan, "pattern.product-teams-platform")
    assert "AI Platform Team" in f.message
    assert found(healthy.model_copy(update={"pattern": "product-teams"}), "pattern.product-teams-platform") == []
