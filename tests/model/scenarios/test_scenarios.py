"""Baselines and scenarios in the document: validation, file round trip, apply."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from aiplanner.io import dumps, loads
from aiplanner.model import (
    Assignment, Baseline, BaselineTask, Dependency, DependencyCycleError, EditError, InvalidPlanError,
    Person, Role, Scenario, Task, TaskOverride, apply_scenario, plan_problems, scenario_from_plans,
)


def _baseline() -> Baseline:
    return Baseline(
        name="kick-off", created=dt.date(2026, 4, 30), start=dt.date(2026, 5, 4), finish=dt.date(2026, 8, 7),
        p80=dt.date(2026, 8, 21),
        tasks=[BaselineTask(id="a1", name="Current State Analysis", phase="assessment",
                            start=dt.date(2026, 5, 4), finish=dt.date(2026, 6, 12), duration=30)],
        people=[Person(id="ann", name="Ann")],
        assignments=[Assignment(person="ann", role="ai-product-manager")],
    )


def test_file_round_trip_keeps_baselines_and_scenarios(plan):
    plan.baselines = [_baseline()]
    plan.scenarios = [Scenario(name="fast start", description="platform work earlier",
                               overrides=[TaskOverride(task="a1", duration=20, clear=["not_before"])],
                               people=[Person(id="bo", name="Bo")],
                               assignments=[Assignment(person="bo", role="ai-product-manager")])]
    text = dumps(plan)
    again = loads(text)
    assert again == plan
    assert dumps(again) == text
    data = json.loads(text)
    assert list(data)[-2:] == ["baselines", "scenarios"]
    # Unset override fields are left out of the file.
    assert data["scenarios"][0]["overrides"] == [{"task": "a1", "duration": 20, "clear": ["not_before"]}]


def test_a_file_without_workshop_fields_loads_and_stays_without_them():
    text = json.dumps({"format": "aiplanner-plan", "version": 1, "start": "2026-05-04",
                       "phases": [{"id": "p", "name": "P"}],
                       "tasks": [{"id": "a", "name": "A", "phase": "p", "duration": 3}]})
    plan = loads(text)
    assert plan.baselines == [] and plan.scenarios == []
    assert "scenarios" not in dumps(plan) and "baselines" not in dumps(plan)


def test_unknown_references_are_problems_with_json_paths(plan):
    plan.scenarios = [
        Scenario(name="x", overrides=[TaskOverride(task="nope", duration=3),
                                      TaskOverride(task="a2", depends_on=[Dependency(task="ghost")])],
                 removed_tasks=["zz"],
                 added_tasks=[Task(id="a1", name="Dup", phase="assessment", duration=1),
                              Task(id="n1", name="New", phase="nowhere", duration=1)],
                 assignments=[Assignment(person="who", role="ai-product-manager")]),
        Scenario(name="x"),
    ]
    paths = [p.path for p in plan_problems(plan)]
    assert paths == [
        "$.scenarios[1].name",
        "$.scenarios[0].removed_tasks[0]",
        "$.scenarios[0].added_tasks[0].id",
        "$.scenarios[0].added_tasks[1].phase",
        "$.scenarios[0].overrides[0].task",
        "$.scenarios[0].overrides[1].depends_on[0].task",
        "$.scenarios[0].assignments[0].person",
    ]
    with pytest.raises(InvalidPlanError, match=r"\$\.scenarios\[0\]\.overrides\[0\]\.task: scenario 'x' overrides unknown task 'nope'"):
        loads(dumps(plan))


def test_an_override_cannot_set_and_clear_a_field():
    with pytest.raises(ValueError, match="both set and cleared"):
        TaskOverride(task="a", not_before=dt.date(2026, 6, 1), clear=["not_before"])


def test_apply_scenario_overrides_adds_removes_and_restaffs(plan):
    plan.people = [Person(id="ann", name="Ann")]
    plan.assignments = [Assignment(person="ann", role="ai-product-manager")]
    plan.task("a2").not_before = dt.date(2026, 7, 1)
    before = plan.model_dump()
    plan.scenarios = [Scenario(
        name="what-if", pattern="federated",
        overrides=[TaskOverride(task="a1", duration=20),
                   TaskOverride(task="a2", clear=["not_before"]),
                   TaskOverride(task="d2", depends_on=[Dependency(task="a1")], not_before=dt.date(2026, 6, 15))],
        removed_tasks=["d1"],
        added_tasks=[Task(id="x1", name="Hire MLOps", phase="assessment", duration=5, depends_on=[Dependency(task="a1")])],
        added_roles=[Role(id="mlops-engineer", name="MLOps Engineer")],
        people=[Person(id="bo", name="Bo")],
        assignments=[Assignment(person="bo", role="mlops-engineer")],
    )]
    result = apply_scenario(plan, "what-if")
    assert [t.id for t in result.tasks] == ["a1", "x1", "a2", "d2", "m1"]  # x1 right after its predecessor
    assert result.task("a1").duration == 20
    assert result.task("a2").not_before is None
    assert result.task("d2").depends_on == [Dependency(task="a1")]
    assert result.task("d2").not_before == dt.date(2026, 6, 15)
    assert [d.task for d in result.task("m1").depends_on] == ["d2"]  # the link to removed d1 is gone
    assert [p.id for p in result.people] == ["ann", "bo"]
    assert [r.id for r in result.roles] == ["ai-product-manager", "mlops-engineer"]
    assert result.pattern == "federated" and result.scenarios == []
    assert plan_problems(result) == []
    plan.scenarios = []
    assert plan.model_dump() == before  # the plan itself is untouched
    result.task("a1").duration = 1
    assert plan.task("a1").duration == 30  # and shares nothing with the result


def test_replace_staffing(plan):
    plan.people = [Person(id="ann", name="Ann")]
    scenario = Scenario(name="s", replace_staffing=True, people=[Person(id="bo", name="Bo")])
    assert [p.id for p in apply_scenario(plan, scenario).people] == ["bo"]


def test_unknown_scenario_and_cycles_are_refused(plan):
    with pytest.raises(EditError, match="no scenario named 'x'"):
        apply_scenario(plan, "x")
    loop = Scenario(name="loop", overrides=[TaskOverride(task="a1", depends_on=[Dependency(task="m1")])])
    with pytest.raises(DependencyCycleError, match="dependency cycle"):
        apply_scenario(plan, loop)


def test_scenario_from_plans_records_only_the_differences(plan):
    variant = plan.model_copy(deep=True)
    variant.task("d1").duration = 12
    variant.task("d2").estimate = None
    variant.tasks = [t for t in variant.tasks if t.id != "a2"] + [
        Task(id="n1", name="New", phase="design", duration=2)]
    for task in variant.tasks:
        task.depends_on = [d for d in task.depends_on if d.task != "a2"]
    variant.people = [Person(id="cy", name="Cy")]
    scenario = scenario_from_plans(plan, variant, "diff")
    assert scenario.removed_tasks == ["a2"]
    assert [t.id for t in scenario.added_tasks] == ["n1"]
    assert {o.task: o.changed_fields() for o in scenario.overrides} == {
        "d1": {"duration": 12, "depends_on": []}, "d2": {"depends_on": []}}
    assert scenario.people == [Person(id="cy", name="Cy")] and not scenario.replace_staffing
    applied = apply_scenario(plan, scenario)
    assert sorted(t.model_dump_json() for t in applied.tasks) == sorted(t.model_dump_json() for t in variant.tasks)


def test_a_task_changed_beyond_overrides_is_replaced_in_place(plan):
    variant = plan.model_copy(deep=True)
    variant.task("a2").name = "Gap analysis per business unit"
    variant.task("a2").tags = ["assessment"]
    scenario = scenario_from_plans(plan, variant, "renamed")
    assert scenario.removed_tasks == ["a2"] and [t.id for t in scenario.added_tasks] == ["a2"]
    applied = apply_scenario(plan, scenario)
    assert [t.id for t in applied.tasks] == [t.id for t in plan.tasks]
    assert applied.task("a2").name == "Gap analysis per business unit"
    assert applied.task("d1").depends_on == plan.task("d1").depends_on  # links to it survive
    assert plan_problems(plan.model_copy(update={"scenarios": [scenario]})) == []
