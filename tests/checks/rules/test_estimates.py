"""A duration outside its own optimistic-pessimistic range is a finding (the risk figures describe another task)."""

from __future__ import annotations

from aiplanner.checks import run_checks
from aiplanner.model import Document, Estimate
from tests.checks.conftest import edit, template

RULE = "estimate.duration-outside-range"


def found(plan):
    return [f for f in run_checks(plan) if f.rule == RULE]


def test_a_fresh_template_and_a_document_edit_stay_inside_their_estimates():
    document = Document(template("coe"))
    assert found(document.plan) == []
    document.update_task("a-inventory", duration=20)  # the estimate moves with it
    assert found(document.plan) == []


def test_a_duration_edited_past_its_estimate_elsewhere_is_flagged():
    plan = edit(template("coe"), "a-inventory", duration=20)  # as a hand-edited file would have it
    (f,) = found(plan)
    assert f.severity == "warning" and f.tasks == ("a-inventory",)
    assert "20 working days, above its pessimistic estimate (8/10/12)" in f.message and "P80" in f.message


def test_below_the_optimistic_point_too_and_milestones_never():
    plan = edit(template("coe"), "b-platform", duration=5)
    (f,) = found(plan)
    assert "below its optimistic estimate" in f.message
    plan = edit(template("coe"), "m-build", estimate=Estimate(optimistic=1, likely=2, pessimistic=3).model_dump())
    assert found(plan) == []
