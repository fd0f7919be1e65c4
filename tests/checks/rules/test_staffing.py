"""Key roles, over-allocation and unstaffed roles as findings."""

from __future__ import annotations

import datetime as dt

from aiplanner.checks import run_checks
from aiplanner.model import Absence, Assignment, Person, RoleDemand
from tests.checks.conftest import edit


def found(plan, rule):
    return [f for f in run_checks(plan) if f.rule == rule]


def test_key_role_missing_when_build_starts(healthy):
    plan = healthy.model_copy(update={"assignments": [a for a in healthy.assignments if a.person != "gil"]})
    (f,) = found(plan, "staffing.key-roles")
    assert f.roles == ("ai-governance-lead",) and f.phases == ("build",)
    assert "AI Governance Lead" in f.message and "2026-07-20" in f.message


def test_key_role_holder_away_on_build_start(healthy):
    people = [p if p.id != "pat" else Person(id="pat", name="Pat", absences=[
        Absence(start=dt.date(2026, 7, 20), end=dt.date(2026, 7, 21))]) for p in healthy.people]
    (f,) = found(healthy.model_copy(update={"people": people}), "staffing.key-roles")
    assert f.roles == ("ai-product-manager",)
    # Someone else holding the role covers it.
    extra = healthy.model_copy(update={
        "people": people + [Person(id="max", name="Max")],
        "assignments": healthy.assignments + [Assignment(person="max", role="ai-product-manager", share=0.5)]})
    assert found(extra, "staffing.key-roles") == []


def test_over_allocated_person(healthy):
    plan = edit(healthy, "d3", demands=[RoleDemand(role="ai-governance-lead", fte=0.5),
                                        RoleDemand(role="ai-product-manager", fte=0.75)])
    (f,) = found(plan, "staffing.over-allocated")
    assert f.people == ("pat",) and f.tasks == ("d1", "d2", "d3")
    assert "peaking at 1.25 FTE against 1" in f.message and f.severity == "warning"


def test_unstaffed_role_is_an_error_once_there_are_people(healthy):
    plan = edit(healthy, "b2", demands=[RoleDemand(role="mlops-engineer", fte=1.0)])
    (f,) = found(plan, "staffing.unstaffed-role")
    assert f.severity == "error" and f.roles == ("mlops-engineer",) and f.tasks == ("b2",)
    assert "40 person-days" in f.message
    nobody = plan.model_copy(update={"people": [], "assignments": []})
    assert found(nobody, "staffing.unstaffed-role") == [] and found(nobody, "staffing.over-allocated") == []
    assert found(nobody, "staffing.key-roles")


def test_a_person_with_no_capacity_is_not_called_away(healthy):
    people = [p if p.id != "pat" else Person(id="pat", name="Pat", capacity=0) for p in healthy.people]
    (f,) = found(healthy.model_copy(update={"people": people}), "staffing.over-allocated")
    assert f.people == ("pat",) and "away" not in f.message
    assert "against a capacity of 0 FTE" in f.message


def test_fte_is_printed_as_the_load_command_prints_it(healthy):
    import re

    # Pat shares the product manager's role with Max (1 : 0.3): Pat carries 1/1.3 of its demand.
    plan = edit(healthy, "d3", demands=[RoleDemand(role="ai-product-manager", fte=1.3)])
    plan = plan.model_copy(update={"people": plan.people + [Person(id="max", name="Max")],
                                   "assignments": plan.assignments + [Assignment(person="max", role="ai-product-manager",
                                                                                 share=0.3)]})
    (f,) = [f for f in found(plan, "staffing.over-allocated") if f.people == ("pat",)]
    peak = re.search(r"peaking at ([\d.]+) FTE", f.message).group(1)
    assert peak == "1.385"  # (0.5 + 1.3) / 1.3, three decimals at most as `aiplanner load` prints
