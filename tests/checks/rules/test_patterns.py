"""Pattern checks: the CoE hands over, the federated split is the source's, product teams have all three teams."""

from __future__ import annotations

import pytest

from aiplanner.catalog import load_catalog
from aiplanner.checks import run_checks
from aiplanner.checks.rules.patterns import central_party, product_party
from aiplanner.model import Document, ResponsibilityMatrix, ResponsibilityRow, Task
from tests.checks.conftest import template


def found(plan, rule):
    return [f for f in run_checks(plan) if f.rule == rule]


# -- CoE -------------------------------------------------------------------------------------------
def test_coe_without_handover_is_a_bottleneck_risk():
    document = Document(template("coe"))
    assert found(document.plan, "pattern.coe-handover") == []
    document.remove_task("s-handover")
    (f,) = found(document.plan, "pattern.coe-handover")
    info = load_catalog().pattern("coe")
    assert info.risk in f.message and f.fix.startswith(info.evolution)
    other = document.plan.model_copy(update={"pattern": None})
    assert found(other, "pattern.coe-handover") == []


# -- federated ------------------------------------------------------------------------------------
def federated_with(**cells) -> Document:
    """The federated template with some rows of its matrix set to ``{"Central Team": .., "Product Teams": ..}``."""
    document = Document(template("federated"))
    matrix = document.plan.responsibilities.model_copy(deep=True)
    for row in matrix.rows:
        if row.function in cells:
            row.cells = dict(zip(["Central Team", "Product Teams"], cells[row.function]))
    document.update_plan(responsibilities=matrix)
    return document


def test_the_federated_template_is_the_sources_split():
    assert found(template("federated").model_copy(), "pattern.federated-central-owner") == []


def test_federated_whose_centre_owns_features_training_and_operations():
    document = federated_with(**{"AI Features": ("Owns", "Supports"), "Model Training": ("Owns", "Supports"),
                                 "Operations": ("Owns", "Supports")})
    (f,) = found(document.plan, "pattern.federated-central-owner")
    assert "gives the central team (Central Team) AI Features, Model Training and Operations" in f.message
    assert "Center of Excellence" in f.message and "does not make" not in f.message


def test_federated_whose_centre_does_not_own_the_platform():
    (f,) = found(federated_with(Platform=("Advises", "Owns")).plan, "pattern.federated-central-owner")
    assert "lead Platform" in f.message and "Governance" not in f.message


def test_shared_ownership_of_a_product_function_is_not_a_deviation():
    document = federated_with(**{"AI Features": ("Owns", "Owns")})
    assert found(document.plan, "pattern.federated-central-owner") == []


def test_an_empty_matrix_misses_everything_the_centre_leads():
    document = Document(template("federated"))
    document.update_plan(responsibilities=ResponsibilityMatrix())
    (f,) = found(document.plan, "pattern.federated-central-owner")
    assert "lead Strategy, Governance, Platform and Standards" in f.message


def test_a_federated_plan_with_the_coe_matrix_is_flagged():
    document = Document(template("federated"))
    document.update_plan(responsibilities=load_catalog().responsibility_matrix("coe"))
    (f,) = found(document.plan, "pattern.federated-central-owner")
    assert "Model Training and Operations" in f.message


@pytest.mark.parametrize("parties, centre, product", [
    (["Product Teams", "Central AI Team"], "Central AI Team", "Product Teams"),
    (["AI CoE", "Teams"], "AI CoE", "Teams"),
    (["Hub", "Spokes"], "Hub", "Spokes"),
    ([], None, None),
])
def test_central_and_product_parties(parties, centre, product):
    assert central_party(parties) == centre and product_party(parties, centre) == product


# -- AI product teams -------------------------------------------------------------------------------
def test_product_teams_without_services_or_enablement_team():
    document = Document(template("product-teams"))
    assert found(document.plan, "pattern.product-teams-structure") == []
    document.remove_task("b-team-services")
    document.remove_task("b-team-enablement")
    (f,) = found(document.plan, "pattern.product-teams-structure")
    assert "never sets up the AI Services Team and AI Enablement Team" in f.message
    assert "AI Platform Team" not in f.message and "nobody runs shared AI services" in f.message


def test_every_team_of_the_structure_is_checked():
    document = Document(template("product-teams"))
    for tid in ("b-team-platform", "b-team-services", "b-team-enablement"):
        document.remove_task(tid)
    (f,) = found(document.plan, "pattern.product-teams-structure")
    assert all(team.name in f.message for team in load_catalog().pattern("product-teams").structure)


def test_a_team_set_up_under_another_name_counts_and_assessment_does_not():
    document = Document(template("product-teams"))
    document.remove_task("b-team-services")
    document.add_task(Task(id="x-assess", name="Assess who could join an AI services team", phase="assessment",
                           duration=5, tags=["assessment"]))
    assert found(document.plan, "pattern.product-teams-structure")
    document.add_task(Task(id="x-form", name="Form the AI Services team", phase="build", duration=10))
    assert found(document.plan, "pattern.product-teams-structure") == []


def test_pattern_checks_only_run_for_their_pattern():
    plan = template("coe")
    document = Document(plan)
    document.update_plan(responsibilities=ResponsibilityMatrix(parties=["X"], rows=[ResponsibilityRow(function="Y")]))
    assert found(document.plan, "pattern.federated-central-owner") == []
    assert found(document.plan, "pattern.product-teams-structure") == []
