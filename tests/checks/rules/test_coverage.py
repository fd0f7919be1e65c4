"""The four dimensions' twelve functions against a plan: the coverage rule and what it reads."""

from __future__ import annotations

import pytest

from aiplanner.checks import run_checks
from aiplanner.checks.coverage import plan_coverage
from aiplanner.io.native import load_plan
from aiplanner.model import Document
from tests.checks.conftest import template
from tests.conftest import SAMPLES


@pytest.mark.parametrize("pattern", ["coe", "federated", "product-teams"])
def test_the_templates_cover_every_function_the_source_asks_of_everyone(pattern):
    rows = plan_coverage(template(pattern))
    assert len(rows) == 12 and len({r.dimension for r in rows}) == 4
    assert {r.function for r in rows if r.status != "covered"} == {"ai-research"}  # only for custom AI needs
    assert not [f for f in run_checks(template(pattern)) if f.rule == "coverage.uncovered-function"]


def test_deleting_the_ai_operations_work_opens_a_gap():
    document = Document(template("coe"))
    for task in [t for t in document.plan.tasks if {"monitoring", "reliability", "cost-management"} & set(t.tags)]:
        document.remove_task(task.id)
    rows = {r.function: r for r in plan_coverage(document.plan)}
    assert {rows[f].status for f in ("monitoring", "reliability", "cost-management")} == {"gap"}
    (f,) = [f for f in run_checks(document.plan) if f.rule == "coverage.uncovered-function"]
    assert f.severity == "info" and "AI Operations: Monitoring, Reliability, Cost Management" in f.message


def test_assessment_work_only_looks_at_a_function():
    document = Document(template("coe"))
    for task in [t for t in document.plan.tasks if "training" in t.tags and t.phase != "assessment"]:
        document.remove_task(task.id)
    training = {r.function: r for r in plan_coverage(document.plan)}["training"]
    assert training.status == "assessed only" and training.assessed == ("a-capabilities",) and training.flagged


def test_roles_and_matrix_rows_of_a_function():
    plan = load_plan(SAMPLES / "federated-rollout.aiplan")
    rows = {r.function: r for r in plan_coverage(plan)}
    platform = rows["platform-team"]
    assert platform.roles == ("ai-platform-engineer",) and set(platform.holders) == {"mira", "lukas"}
    assert platform.matrix == (("Platform", "Central Team: Owns"),)
    operations = rows["monitoring"].matrix
    assert operations == (("Operations", "Product Teams: Executes"),)  # the centre only coordinates
    assert rows["training"].matrix == () and rows["training"].asked


def test_the_sources_own_chart_is_read_by_names():
    rows = {r.function: r for r in plan_coverage(load_plan(SAMPLES / "source-timeline.aiplan"))}
    assert rows["platform-team"].tasks == ("b2",) and rows["monitoring"].status == "gap"
