"""Folding edits of a scenario's plan back into the scenario."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.model import (Assignment, EditError, Person, ResponsibilityMatrix, ResponsibilityRow, RoleDemand,
                             Scenario, Task, TaskOverride, apply_scenario)
from aiplanner.model.scenarios.fold import fold_into_scenario


@pytest.fixture
def staffed(plan):
    plan.people = [Person(id="ann", name="Ann")]
    plan.assignments = [Assignment(person="ann", role="ai-product-manager", share=0.5)]
    plan.scenarios = [Scenario(name="s", overrides=[TaskOverride(task="a1", duration=20)])]
    return plan


def test_adding_a_person_is_recorded_as_an_addition(staffed):
    before = staffed.model_dump()
    variant = apply_scenario(staffed, "s")
    variant.people = [*variant.people, Person(id="bob", name="Bob")]
    variant.assignments = [*variant.assignments, Assignment(person="bob", role="ai-product-manager")]
    folded = fold_into_scenario(staffed, staffed.scenarios[0], variant)
    assert [p.id for p in folded.people] == ["bob"] and not folded.replace_staffing
    assert folded.overrides == staffed.scenarios[0].overrides  # untouched
    assert [p.id for p in apply_scenario(staffed, folded).people] == ["ann", "bob"]
    assert staffed.model_dump() == before  # neither the plan nor its scenario changed


def test_changing_a_plan_share_replaces_the_staffing(staffed):
    variant = apply_scenario(staffed, "s")
    variant.assignments = [Assignment(person="ann", role="ai-product-manager", share=1.0)]
    folded = fold_into_scenario(staffed, staffed.scenarios[0], variant)
    assert folded.replace_staffing and folded.assignments[0].share == 1.0
    assert staffed.assignments[0].share == 0.5


def test_task_changes_become_overrides_against_the_plan_task(staffed):
    variant = apply_scenario(staffed, "s")
    variant.tasks[1].not_before = dt.date(2026, 7, 1)  # a2, no override yet
    variant.tasks[0].duration = 30  # back to the plan's value: the override goes
    folded = fold_into_scenario(staffed, staffed.scenarios[0], variant)
    assert folded.override_for("a1") is None
    assert folded.override_for("a2").not_before == dt.date(2026, 7, 1)


def test_overrides_of_tasks_the_scenario_adds(staffed):
    staffed.scenarios[0].added_tasks = [Task(id="x1", name="Extra", phase="design", duration=4)]
    variant = apply_scenario(staffed, "s")
    variant.task("x1").demands = [RoleDemand(role="ai-product-manager", fte=1.0)]
    folded = fold_into_scenario(staffed, staffed.scenarios[0], variant)
    assert folded.override_for("x1").demands[0].fte == 1.0
    assert apply_scenario(staffed, folded).task("x1").demands[0].fte == 1.0


def test_matrix_edits_are_kept_and_dropped_when_back_to_the_plan(staffed):
    staffed.responsibilities = ResponsibilityMatrix(parties=["CoE"], rows=[ResponsibilityRow(function="Models")])
    variant = apply_scenario(staffed, "s")
    variant.responsibilities.rows[0].cells = {"CoE": "owns"}
    folded = fold_into_scenario(staffed, staffed.scenarios[0], variant)
    assert folded.responsibilities.rows[0].cells == {"CoE": "owns"}
    assert staffed.responsibilities.rows[0].cells == {}
    again = apply_scenario(staffed, folded)
    again.responsibilities.rows[0].cells = {}
    assert fold_into_scenario(staffed, folded, again).responsibilities is None


@pytest.mark.parametrize("change", ["metrics", "name", "tasks"])
def test_what_a_scenario_cannot_hold_is_refused(staffed, change):
    variant = apply_scenario(staffed, "s")
    if change == "metrics":
        from aiplanner.model import Metric

        variant.metrics = [Metric(id="m", name="Adoption", category="value")]
    elif change == "name":
        variant.tasks[2].name = "Renamed"
    else:
        variant.tasks = variant.tasks[1:]
    with pytest.raises(EditError, match="Plan"):
        fold_into_scenario(staffed, staffed.scenarios[0], variant)


@pytest.mark.parametrize("module", ["aiplanner.model.scenarios.fold", "aiplanner.model.scenarios.whatif"])
def test_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
