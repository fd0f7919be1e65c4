"""What kind of work a task is: tags, else its name; role and team names are not work; assessment is its own."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.checks.kinds import TaskKinds, name_kinds
from aiplanner.model import Phase, Plan, Task


@pytest.mark.parametrize("name, kinds", [
    ("Staff key roles (AI PM, Platform Lead, Governance Lead)", {"staffing"}),
    ("Set up the AI Platform Team", set()),
    ("Select AI tools and vendors", {"tool-selection"}),
    ("Inventory all AI tools and models in use", {"assessment"}),
    ("Document current governance (or lack thereof)", {"assessment", "governance"}),
    ("Set up model training and deployment pipelines", {"ml-engineering"}),
    ("Launch training and enablement programs", {"training", "enablement"}),
    ("Write the AI usage policy", {"policy", "governance"}),
    ("Monitor drift of production models", {"monitoring"}),
])
def test_names_stand_for_kinds(name, kinds):
    assert name_kinds(name) == kinds


def test_each_untagged_task_is_read_by_its_name_even_when_others_carry_tags():
    plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")], tasks=[
        Task(id="a", name="Current state analysis", phase="p", duration=5, tags=["assessment"]),
        Task(id="b", name="Select AI tools and vendors", phase="p", duration=5),
        Task(id="c", name="Platform work", phase="p", duration=5, tags=["measurement"]),
    ])
    kinds = TaskKinds(plan)
    assert not kinds.by_keywords and kinds.ids("tool-selection") == ["b"] and kinds.by_name("b")
    assert kinds.ids("platform") == []  # a tagged task is what its tags say
    assert kinds.note(["b"]) == " ('Select AI tools and vendors' read by its name)"


def test_assessment_work_is_left_out_unless_asked_for():
    plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")], tasks=[
        Task(id="a", name="Assess training needs", phase="p", duration=5, tags=["assessment", "training"]),
        Task(id="b", name="Run AI literacy courses", phase="p", duration=5),
    ])
    kinds = TaskKinds(plan)
    assert kinds.ids("training") == ["b"] and kinds.ids("training", assessment=True) == ["a", "b"]
    assert kinds.is_assessment("a") and not kinds.is_assessment("b")


def test_implied_kinds():
    plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")], tasks=[
        Task(id="e", name="Ethics board", phase="p", duration=5, tags=["ethics-review"])])
    assert TaskKinds(plan).ids("governance") == ["e"]


@pytest.mark.parametrize("pattern", ["coe", "federated", "product-teams"])
def test_a_template_without_its_tags_reads_the_same_by_names(pattern):
    """What an interchange format without tags would leave: the names alone tell the same story."""
    from aiplanner.catalog import build_plan
    from aiplanner.checks import run_checks

    plan = build_plan(pattern, dt.date(2026, 5, 4))
    bare = plan.model_copy(update={"tasks": [t.model_copy(update={"tags": []}) for t in plan.tasks]})
    assert [f.rule for f in run_checks(bare)] == [f.rule for f in run_checks(plan)] == ["staffing.key-roles"]
