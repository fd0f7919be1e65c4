from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from aiplanner.model import Dependency, Estimate, Plan, Task, plan_problems


def test_minimal_plan_from_design_is_valid():
    plan = Plan.model_validate(
        {
            "format": "aiplanner-plan", "version": 1,
            "name": "AI Operating Model Implementation",
            "start": "2026-05-04",
            "calendar": {"workdays": ["mon", "tue", "wed", "thu", "fri"], "holidays": ["2026-05-25"]},
            "phases": [{"id": "assessment", "name": "Assessment"}],
            "tasks": [{"id": "a1", "name": "Current State Analysis", "phase": "assessment", "duration": 30,
                       "depends_on": []}],
        }
    )
    assert plan_problems(plan) == []
    assert plan.tasks[0].progress == 0 and plan.people == [] and plan.pattern is None


@pytest.mark.parametrize(
    "field, value",
    [("duration", -1), ("progress", 101), ("progress", -5), ("id", "has space"), ("name", "")],
)
def test_field_rules(field, value):
    data = {"id": "t", "name": "T", "phase": "p", "duration": 1, field: value}
    with pytest.raises(ValidationError):
        Task.model_validate(data)


def test_estimate_must_be_ordered():
    with pytest.raises(ValidationError, match="optimistic <= likely <= pessimistic"):
        Estimate(optimistic=5, likely=3, pessimistic=9)


def test_assignment_validates(plan):
    with pytest.raises(ValidationError):
        plan.tasks[0].duration = -3
    assert plan.tasks[0].duration == 30


def test_document_level_problems_name_the_place(plan):
    plan.tasks.append(Task(id="a1", name="Dup", phase="nowhere", duration=1,
                           depends_on=[Dependency(task="zz"), Dependency(task="a1")]))
    plan.tasks[1].demands = [{"role": "wizard"}]
    text = [str(p) for p in plan_problems(plan)]
    assert "$.tasks[5].id: duplicate task id 'a1' (first at tasks[0])" in text
    assert "$.tasks[5].phase: task 'a1' is in unknown phase 'nowhere'" in text
    assert "$.tasks[5].depends_on[0].task: task 'a1' depends on unknown task 'zz'" in text
    assert "$.tasks[5].depends_on[1].task: task 'a1' depends on itself" in text
    assert "$.tasks[1].demands[0].role: task 'a2' demands unknown role 'wizard'" in text


def test_calendar_workdays_sorted_and_unique():
    from aiplanner.model import Calendar

    assert Calendar(workdays=["fri", "mon"]).workdays == ["mon", "fri"]
    with pytest.raises(ValidationError):
        Calendar(workdays=["mon", "mon"])
    with pytest.raises(ValidationError):
        Calendar(workdays=[])
    assert Plan(start=dt.date(2026, 1, 1)).calendar.workdays[0] == "mon"
