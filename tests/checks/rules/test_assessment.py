"""The symptom checklist: answers raise or lower the findings they bear on; a found symptom needs work."""

from __future__ import annotations

import pytest

from aiplanner.catalog import load_catalog
from aiplanner.checks import RULES, run_checks
from aiplanner.model import Document, SymptomAnswer
from tests.checks.conftest import template


def answered(plan, **answers):
    return plan.model_copy(update={"symptoms": [
        SymptomAnswer(symptom=k.replace("_", "-"), answer=v[0], note=v[1] if len(v) > 1 else "")
        for k, v in answers.items()]})


def without_governance():
    document = Document(template("coe"))
    for task in [t for t in document.plan.tasks if t.phase in ("design", "build") and "governance" in t.tags]:
        document.remove_task(task.id)
    return document.plan


def rule_of(plan, rule):
    return [f for f in run_checks(plan) if f.rule == rule]


def test_every_symptom_bears_on_registered_rules_and_known_work():
    catalog = load_catalog()
    assert len(catalog.symptoms) == 6
    for symptom in catalog.symptoms:
        assert set(symptom.bears_on) <= set(RULES), symptom.id


def test_a_symptom_found_raises_the_finding_it_bears_on():
    plan = answered(without_governance(), compliance_gaps=("yes", "Three teams send customer data to public chatbots."))
    (f,) = rule_of(plan, "pitfall.neglecting-governance")
    assert f.severity == "error"
    assert "The Assessment found security and compliance gaps (answer: yes)." in f.message
    assert "public chatbots" in f.message


def test_a_symptom_ruled_out_lowers_it_and_partly_leaves_it():
    (f,) = rule_of(answered(without_governance(), compliance_gaps=("no",)), "pitfall.neglecting-governance")
    assert f.severity == "info" and "weighs less" in f.message
    (g,) = rule_of(answered(without_governance(), compliance_gaps=("partly",)), "pitfall.neglecting-governance")
    assert g.severity == "warning" and "in part" in g.message


def test_answers_that_bear_on_nothing_found_change_nothing():
    plan = template("coe")
    assert run_checks(answered(plan, compliance_gaps=("yes",), rising_costs=("no",))) == run_checks(plan)


@pytest.mark.parametrize("answer", ["yes", "partly"])
def test_a_symptom_found_needs_work_that_addresses_it(answer):
    document = Document(template("coe"))
    for task in [t for t in document.plan.tasks if {"cost-management", "consolidation"} & set(t.tags)]:
        document.remove_task(task.id)
    (f,) = rule_of(answered(document.plan, rising_costs=(answer, "Spend up 40% this year")), "symptom.unaddressed")
    assert f.severity == "warning" and "Rising costs" == f.title and "Spend up 40%" in f.message
    assert "cost-management" in f.fix
    # The Assessment's own "Calculate current AI spending and ROI" does not address it.
    assert "a-spending" in document.plan.task_index()
    assert rule_of(answered(document.plan, rising_costs=("no",)), "symptom.unaddressed") == []


def test_the_templates_address_every_symptom():
    for pattern in ("coe", "federated", "product-teams"):
        plan = answered(template(pattern), **{s.id.replace("-", "_"): ("yes",) for s in load_catalog().symptoms})
        assert rule_of(plan, "symptom.unaddressed") == []
