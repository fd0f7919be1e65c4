"""The catalogue holds every domain fact of the source document (counts and names)."""

from __future__ import annotations

import pytest

from aiplanner.catalog import load_catalog
from aiplanner.model import Metric, ResponsibilityMatrix, Role


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_load_is_cached(catalog):
    assert load_catalog() is catalog


def test_four_dimensions_with_three_functions_each(catalog):
    found = {d.name: [f.name for f in d.functions] for d in catalog.dimensions}
    assert found == {
        "Capability Building": ["Platform Team", "ML Engineering", "AI Research"],
        "AI Governance": ["Policy & Standards", "Risk Management", "Ethics Review"],
        "AI Operations": ["Monitoring", "Reliability", "Cost Management"],
        "AI Enablement": ["Training", "Best Practices", "Tool Selection"],
    }
    assert all(f.description for d in catalog.dimensions for f in d.functions)


def test_three_patterns(catalog):
    assert catalog.pattern_ids == ["coe", "federated", "product-teams"]
    coe = catalog.pattern("coe")
    assert coe.name == "AI Center of Excellence"
    assert coe.fits_when == [
        "AI capabilities are still being built",
        "Expertise is scarce and needs to be leveraged efficiently",
        "Governance frameworks need to be established",
        "Teams need significant support to use AI effectively",
    ]
    assert "bottleneck" in coe.risk
    assert "enabling" in coe.evolution
    assert catalog.pattern("federated").name == "Federated AI Teams"
    assert catalog.pattern("product-teams").name == "AI Product Teams"
    assert "maturity and investment" in catalog.pattern("product-teams").risk
    for pattern in catalog.patterns:
        assert pattern.fits_when and pattern.risk and pattern.evolution


def test_federated_table_is_the_source_table(catalog):
    matrix = catalog.pattern("federated").responsibilities
    assert not matrix.derived
    assert matrix.parties == ["Central Team", "Product Teams"]
    assert [(r.function, r.cells["Central Team"], r.cells["Product Teams"]) for r in matrix.rows] == [
        ("Strategy", "Owns", "Contributes"),
        ("Governance", "Owns", "Implements"),
        ("Platform", "Owns", "Uses"),
        ("Standards", "Defines", "Follows"),
        ("AI Features", "Advises", "Owns"),
        ("Model Training", "Supports", "Owns"),
        ("Operations", "Coordinates", "Executes"),
    ]


def test_coe_and_product_team_matrices_are_marked_derived(catalog):
    for pattern_id in ("coe", "product-teams"):
        matrix = catalog.pattern(pattern_id).responsibilities
        assert matrix.derived and matrix.note
        assert [r.function for r in matrix.rows] == [
            "Strategy", "Governance", "Platform", "Standards", "AI Features", "Model Training", "Operations"]
    assert isinstance(catalog.responsibility_matrix("coe"), ResponsibilityMatrix)
    assert type(catalog.responsibility_matrix("coe")) is ResponsibilityMatrix


def test_product_teams_structure(catalog):
    assert [t.name for t in catalog.pattern("product-teams").structure] == [
        "AI Platform Team", "AI Services Team", "AI Enablement Team"]


def test_five_roles_with_four_responsibilities_and_focus(catalog):
    assert catalog.role_ids == [
        "ai-product-manager", "ai-platform-engineer", "mlops-engineer", "ai-governance-lead", "ai-enablement-lead"]
    assert [r.name for r in catalog.roles] == [
        "AI Product Manager", "AI Platform Engineer", "MLOps Engineer", "AI Governance Lead", "AI Enablement Lead"]
    assert all(len(r.responsibilities) == 4 for r in catalog.roles)
    assert catalog.role("mlops-engineer").focus == "operations and reliability"
    assert catalog.roles_combinable
    roles = catalog.plan_roles()
    assert all(type(r) is Role for r in roles) and [r.id for r in roles] == catalog.role_ids


def test_four_phases_with_ranges_and_tasks(catalog):
    assert catalog.phase_ids == ["assessment", "design", "build", "scale"]
    assert [p.name for p in catalog.phases] == ["Assessment", "Design", "Build Foundation", "Scale & Optimize"]
    assert [p.duration.days() for p in catalog.phases] == [(20, 30), (30, 40), (40, 60), None]
    assert catalog.phase("scale").ongoing
    assert [len(p.tasks) for p in catalog.phases] == [5, 5, 5, 4]
    assert [[t.name for t in p.tasks] for p in catalog.phases] == [
        ["Inventory all AI tools and models in use",
         "Document current governance (or lack thereof)",
         "Identify successful AI patterns that should be propagated",
         "Assess team capabilities and training needs",
         "Calculate current AI spending and ROI"],
        ["Select the organizational pattern (CoE, federated, product teams)",
         "Define roles and responsibilities",
         "Design governance processes",
         "Establish metrics and success criteria",
         "Create implementation roadmap"],
        ["Staff key roles (AI PM, Platform Lead, Governance Lead)",
         "Implement foundational platforms and tooling",
         "Establish governance processes and review boards",
         "Launch training and enablement programs",
         "Begin consolidating scattered AI initiatives"],
        ["Roll out platforms and governance to all teams",
         "Measure outcomes and refine processes",
         "Evolve the model as capabilities mature",
         "Continuously improve based on feedback"],
    ]
    assert all(set(t.tags) <= set(catalog.tag_ids) for t in catalog.source_tasks())


def test_metrics(catalog):
    efficiency = catalog.metrics_in("efficiency")
    assert [(m.name, m.target_text(), m.how_measured) for m in efficiency] == [
        ("Time to deploy AI capability", "< 4 weeks", "Project tracking"),
        ("AI tool utilization", "> 70% of licensed seats", "Tool analytics"),
        ("Duplicate AI investments", "< 10% of spend", "Spend analysis"),
        ("AI support ticket volume", "Declining trend", "Support systems"),
    ]
    # the source's targets as numbers with a unit, or as a direction
    assert [(m.target.op, m.target.value, m.unit) for m in efficiency] == [
        ("<", 4, "weeks"), (">", 70, "% of seats"), ("<", 10, "% of spend"), ("declining", None, "tickets per month")]
    assert [m.name for m in catalog.metrics_in("quality")] == [
        "Model reliability", "Governance compliance", "Security incidents", "Rework rate"]
    assert [m.name for m in catalog.metrics_in("value")] == [
        "AI ROI", "Capability adoption", "Time savings", "Business outcomes"]
    assert not any(m.derived for m in efficiency)
    # quality and value targets are not in the source: directions, marked derived; reliability has none
    others = catalog.metrics_in("quality") + catalog.metrics_in("value")
    assert all(m.derived for m in others)
    assert [m.id for m in others if m.target is None] == ["model-reliability"]
    assert all(type(m) is Metric for m in catalog.plan_metrics())


def test_pitfalls_and_symptoms(catalog):
    assert [p.id for p in catalog.pitfalls] == [
        "over-centralisation", "under-investment-in-enablement", "ignoring-change-management",
        "technology-first", "neglecting-governance"]
    assert all(p.advice and p.plan_rule for p in catalog.pitfalls)
    assert len(catalog.symptoms) == 6
    assert catalog.symptom("confused-ownership").name == "Confused ownership"


def test_timeline_facts(catalog):
    t = catalog.timeline
    assert (t.foundation_months.min, t.foundation_months.max) == (6, 9)
    assert (t.maturity_months.min, t.maturity_months.max) == (18, 24)
    low, high = catalog.foundation_days()
    assert 125 <= low <= 135 and 190 <= high <= 200


def test_source_chart(catalog):
    chart = catalog.timeline.source_chart
    assert chart.start_month == "2026-05"
    assert [(b.id, b.weeks, b.after) for b in chart.tasks] == [
        ("a1", 6, None), ("a2", 2, "a1"), ("d1", 6, "a2"), ("d2", 6, "a2"),
        ("b1", 4, "d1"), ("b2", 8, "b1"), ("b3", 4, "d2"), ("s1", 12, "b2")]
    assert [b.name for b in chart.tasks][:2] == ["Current State Analysis", "Gap Analysis"]


def test_unknown_ids_name_the_known_ones(catalog):
    with pytest.raises(KeyError, match="coe, federated, product-teams"):
        catalog.pattern("matrix")
