"""The source's five pitfalls, judged by evidence: each fires on a plan that has it and stays quiet otherwise.

The cases start from the pattern templates (the plan ``aiplanner new``
makes) and change one thing through the document, as a user would in the
window: the cases the issue reported, then cases of our own from the source.
"""

from __future__ import annotations

import inspect

import pytest

from aiplanner.catalog import load_catalog
from aiplanner.checks import RULES, run_checks
from aiplanner.checks.rules import pitfalls as pitfall_rules
from aiplanner.model import Assignment, Dependency, Document, Person, Task
from tests.checks.conftest import template

PATTERNS = ("coe", "federated", "product-teams")


def doc(pattern: str = "coe") -> Document:
    return Document(template(pattern))


def fired(plan, pitfall: str):
    return [f for f in run_checks(plan) if f.rule == f"pitfall.{pitfall}"]


def drop(document: Document, *task_ids: str) -> Document:
    for task_id in task_ids:
        document.remove_task(task_id)
    return document


def drop_where(document: Document, keep=lambda t: False, **where) -> Document:
    """Delete the tasks of ``phase`` that carry any of ``tags`` (keep those ``keep`` says)."""
    phases, tags = set(where.get("phases", ())), set(where.get("tags", ()))
    doomed = [t.id for t in document.plan.tasks
              if (not phases or t.phase in phases) and set(t.tags) & tags and not keep(t)]
    return drop(document, *doomed)


def move_after_rollout(document: Document, task_id: str) -> Document:
    """Take a task out of its place and run it in Scale, ten days into the rollout."""
    for task in list(document.plan.tasks):
        if any(d.task == task_id for d in task.depends_on):
            document.remove_dependency(task.id, task_id)
    document.update_task(task_id, phase="scale", depends_on=[Dependency(task="s-rollout", type="SS", lag=10)])
    return document


def staff(document: Document, roles: list[str]) -> Document:
    people = [Person(id=f"p{i}", name=f"Person {i}") for i in range(len(roles))]
    document.update_plan(people=people, assignments=[Assignment(person=p.id, role=r) for p, r in zip(people, roles)])
    return document


# -- all pitfalls ---------------------------------------------------------------------
@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_fresh_template_raises_no_pitfall(pattern):
    assert [f.rule for f in run_checks(template(pattern))] == ["staffing.key-roles"]  # nobody staffed yet


def test_rule_ids_are_registered_and_stable():
    assert {
        "pitfall.technology-first", "pitfall.neglecting-governance", "pitfall.under-investment-in-enablement",
        "pitfall.over-centralisation", "pitfall.ignoring-change-management", "staffing.key-roles",
        "staffing.over-allocated", "staffing.unstaffed-role", "timeline.phase-length",
        "timeline.foundation-length", "timeline.missed-deadline", "pattern.coe-handover",
        "pattern.federated-central-owner", "pattern.product-teams-structure", "estimate.duration-outside-range",
        "coverage.uncovered-function", "symptom.unaddressed",
    } <= set(RULES)
    assert {f"pitfall.{p.id}" for p in load_catalog().pitfalls} <= set(RULES)


def test_the_source_text_lives_only_in_pitfalls_json():
    source = inspect.getsource(pitfall_rules)
    for info in load_catalog().pitfalls:
        assert info.advice not in source and info.problem not in source
        assert RULES[f"pitfall.{info.id}"].title == info.name


@pytest.mark.parametrize("pitfall", ["technology-first", "neglecting-governance", "under-investment-in-enablement",
                                     "over-centralisation", "ignoring-change-management"])
def test_a_finding_names_the_pitfall_with_the_sources_reason_and_advice(pitfall):
    document = {"technology-first": _platform_early, "neglecting-governance": _no_governance,
                "under-investment-in-enablement": lambda: drop(doc(), "b-training"),
                "over-centralisation": _every_initiative_through_intake,
                "ignoring-change-management": lambda: drop(doc(), "d-change", "b-change", "s-evolve")}[pitfall]()
    info = load_catalog().pitfall(pitfall)
    (f,) = fired(document.plan, pitfall)
    assert f.severity == "warning" and f.title == info.name
    assert f.message.startswith(f"{info.name}: ") and f.message.endswith(info.problem) and f.reason == info.problem
    assert f.fix.startswith(info.advice) and f.advice == info.advice and len(f.fix) > len(info.advice)


def _platform_early() -> Document:
    document = doc()
    document.update_task("b-tools", depends_on=[Dependency(task="m-assessment")])
    return document


def _no_governance() -> Document:
    return drop_where(doc(), phases=("design", "build"), tags=("governance",))


def _every_initiative_through_intake() -> Document:
    document = doc()
    document.add_dependency("s-selfservice", Dependency(task="b-intake"))
    return document


# -- technology-first ----------------------------------------------------------------------
def test_technology_first_sees_an_untagged_tool_task_in_assessment_among_tagged_ones():
    document = doc()
    document.add_task(Task(id="x-tools", name="Select AI tools and vendors", phase="assessment", duration=5))
    (f,) = fired(document.plan, "technology-first")
    assert f.tasks == ("x-tools",) and "read by its name" in f.message and "2026-07-24" in f.message


def test_technology_first_reads_a_tool_selection_name_whatever_the_tags():
    document = doc()
    document.add_task(Task(id="x-vendor", name="Choose an LLM vendor", phase="design", duration=5,
                           tags=["measurement"], depends_on=[Dependency(task="m-assessment")]))
    (f,) = fired(document.plan, "technology-first")
    assert f.tasks == ("x-vendor",)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_technology_first_when_tools_and_platform_start_before_the_design_is_approved(pattern):
    document = doc(pattern)
    document.update_task("b-tools", depends_on=[Dependency(task="m-assessment")])
    document.update_task("b-platform", depends_on=[Dependency(task="b-tools")])
    (f,) = fired(document.plan, "technology-first")
    assert {"b-tools", "b-platform"} <= set(f.tasks)


def test_technology_first_when_there_is_no_design_work_at_all():
    document = drop_where(doc(), tags=("design", "pattern-selection"))
    (f,) = fired(document.plan, "technology-first")
    assert "no operating-model design work" in f.message and "b-tools" in f.tasks


@pytest.mark.parametrize("name", ["Evaluate AI vendors", "Select AI tools and vendors",
                                  "Standardise on one AI tool vendor"])
def test_technology_first_reads_a_tool_choice_tagged_as_assessment(name):
    # put in the Assessment phase and tagged as assessment work, it is still a choice of tools
    document = doc()
    document.add_task(Task(id="x-tools", name=name, phase="assessment", duration=5, tags=["assessment"]))
    (f,) = fired(document.plan, "technology-first")
    assert f.tasks == ("x-tools",)


@pytest.mark.parametrize("name", ["Evaluate current AI tools in use", "Review existing AI vendors' contracts"])
def test_a_review_of_the_tools_already_there_tagged_as_assessment_is_not_tool_selection(name):
    document = doc()
    document.add_task(Task(id="x-tools", name=name, phase="assessment", duration=5, tags=["assessment"]))
    assert fired(document.plan, "technology-first") == []


def test_an_inventory_of_the_tools_in_use_is_not_tool_selection():
    document = doc()
    document.add_task(Task(id="x-inv", name="Inventory the AI tools each team licenses", phase="assessment",
                           duration=5))
    document.add_task(Task(id="x-util", name="Evaluate AI tool utilization", phase="assessment", duration=5))
    assert fired(document.plan, "technology-first") == []


# -- neglecting governance -------------------------------------------------------------------
@pytest.mark.parametrize("pattern", PATTERNS)
def test_neglecting_governance_when_design_and_build_governance_are_deleted(pattern):
    document = _no_governance() if pattern == "coe" else drop_where(doc(pattern), phases=("design", "build"),
                                                                    tags=("governance",))
    (f,) = fired(document.plan, "neglecting-governance")
    # "Document current governance" (Assessment) and the compliance monitoring in Scale are not set-up.
    assert "no governance set up before it" in f.message and "a-governance" not in f.tasks
    assert "governance debt" in f.fix


def test_neglecting_governance_when_set_up_work_runs_past_the_rollout_start():
    document = doc()
    document.update_task("s-rollout", depends_on=[Dependency(task="b-platform")])
    document.update_task("b-governance", duration=70)
    (f,) = fired(document.plan, "neglecting-governance")
    assert f.tasks[0] == "b-governance" and f.tasks[-1] == "s-rollout" and "finishes after the rollout" in f.message


def test_governance_set_up_moved_into_scale_still_counts_as_set_up():
    document = move_after_rollout(doc(), "b-governance")
    (f,) = fired(document.plan, "neglecting-governance")
    assert "b-governance" in f.tasks


@pytest.mark.parametrize("pattern", PATTERNS)
def test_governance_running_beside_the_rollout_is_not_lagging(pattern):
    document = doc(pattern)
    assert "s-compliance" in document.plan.task_index()  # compliance monitoring through Scale
    document.add_task(Task(id="x-audit", name="Monitor AI compliance across teams", phase="scale", duration=30,
                           depends_on=[Dependency(task="s-rollout", type="SS", lag=5)]))
    document.add_task(Task(id="x-ethics", name="Ethics reviews of new AI applications", phase="scale", duration=30,
                           tags=["governance", "ethics-review"], depends_on=[Dependency(task="s-rollout")]))
    assert fired(document.plan, "neglecting-governance") == []


def test_no_rollout_no_governance_finding():
    document = drop(doc(), *[t.id for t in template().tasks if t.phase == "scale"])
    document.remove_phase("scale")
    document = drop_where(document, phases=("design", "build"), tags=("governance",))
    assert fired(document.plan, "neglecting-governance") == []


def test_the_scale_phase_stands_for_a_rollout_without_rollout_tasks():
    document = drop_where(_no_governance(), tags=("rollout",))
    (f,) = fired(document.plan, "neglecting-governance")
    assert "Scale & Optimize, where the rollout belongs, starts on" in f.message


# -- under-investment in enablement -----------------------------------------------------------
@pytest.mark.parametrize("pattern", PATTERNS)
def test_enablement_when_all_build_enablement_work_is_deleted(pattern):
    document = drop_where(doc(pattern), phases=("build",), tags=("training", "enablement"))
    (f,) = fired(document.plan, "under-investment-in-enablement")
    # The Assessment's "Assess team capabilities and training needs" is not training.
    assert "no training finishing before the rollout" in f.message and "a-capabilities" not in f.tasks


@pytest.mark.parametrize("pattern", PATTERNS)
def test_enablement_when_training_moves_after_the_rollout(pattern):
    document = move_after_rollout(doc(pattern), "b-training")
    (f,) = fired(document.plan, "under-investment-in-enablement")
    assert "'Launch training and enablement programs' comes too late" in f.message and f.roles == ()


def test_a_best_practice_library_does_not_stand_in_for_training():
    document = drop(doc("coe"), "b-training")
    assert "b-library" in document.plan.task_index()
    assert fired(document.plan, "under-investment-in-enablement")


def test_enablement_fix_asks_for_the_lead_only_when_nobody_holds_the_role():
    roles = [r.id for r in load_catalog().roles]
    staffed = drop(staff(doc(), roles), "b-training")
    (f,) = fired(staffed.plan, "under-investment-in-enablement")
    assert "Enablement Lead" not in f.fix and "Staff" not in f.fix and f.roles == ()
    unstaffed = staff(doc(), [r for r in roles if r != "ai-enablement-lead"])
    (g,) = fired(unstaffed.plan, "under-investment-in-enablement")
    assert g.roles == ("ai-enablement-lead",) and "Staff an AI Enablement Lead" in g.fix
    assert "training" not in g.message  # the training is there; only the lead is missing


def test_an_enablement_lead_without_capacity_is_not_staffing():
    document = staff(doc(), [r.id for r in load_catalog().roles])
    people = [p.model_copy(update={"capacity": 0}) if p.id == "p4" else p for p in document.plan.people]
    document.update_plan(people=people)
    (f,) = fired(document.plan, "under-investment-in-enablement")
    assert "nobody with capacity holds the role" in f.message


# -- over-centralisation ---------------------------------------------------------------------
def test_over_centralisation_when_every_ai_initiative_goes_through_the_intake():
    (f,) = fired(_every_initiative_through_intake().plan, "over-centralisation")
    assert f.message.startswith("Over-centralization: 2 of the 2 AI initiatives")
    assert f.tasks == ("b-intake", "s-usecases", "s-selfservice")


def test_the_coe_intake_with_a_self_service_path_is_not_over_centralised():
    plan = template("coe")
    assert "approval-gate" in plan.task("b-intake").tags and fired(plan, "over-centralisation") == []


@pytest.mark.parametrize("gate", ["d-roadmap", "m-design", "m-build"])
def test_a_one_off_sign_off_tagged_as_an_approval_gate_is_not_over_centralisation(gate):
    document = doc()
    document.update_task(gate, tags=[*document.plan.task(gate).tags, "approval-gate"])
    assert fired(document.plan, "over-centralisation") == []


def test_over_centralisation_counts_initiatives_not_tasks():
    # One gate before most initiatives, while most of the plan's later tasks do not wait on it.
    document = doc()
    for n in range(3):
        document.add_task(Task(id=f"x-uc{n}", name=f"Deliver AI use case {n + 1}", phase="scale", duration=20,
                               tags=["initiative"], depends_on=[Dependency(task="b-intake")]))
    (f,) = fired(document.plan, "over-centralisation")
    assert f.message.startswith("Over-centralization: 4 of the 5 AI initiatives")


def test_over_centralisation_reads_an_untagged_plan_by_names():
    document = doc()
    document.add_task(Task(id="x-board", name="Central AI approval board", phase="build", duration=5))
    for n in range(2):
        document.add_task(Task(id=f"x-pilot{n}", name=f"Pilot use case {n + 1}", phase="scale", duration=10,
                               depends_on=[Dependency(task="x-board")]))
    document.update_task("s-selfservice", tags=["rollout"])  # only the high-risk initiative stays tagged
    found = fired(document.plan, "over-centralisation")
    assert [f.tasks[0] for f in found] == ["x-board"] and "read by" in found[0].message


def test_an_initiative_passes_a_gate_through_milestones_only():
    document = doc()
    document.add_task(Task(id="x-ok", name="Intake open", phase="build", duration=0, milestone=True,
                           depends_on=[Dependency(task="b-intake")]))
    document.update_task("s-selfservice", depends_on=[Dependency(task="x-ok")])
    assert fired(document.plan, "over-centralisation")
    document.update_task("s-selfservice", depends_on=[Dependency(task="b-governance")])  # through real work
    assert fired(document.plan, "over-centralisation") == []


# -- ignoring change management ----------------------------------------------------------------
def test_change_management_when_only_the_sponsorship_task_is_left():
    (f,) = fired(drop(doc(), "d-change", "b-change", "s-evolve").plan, "ignoring-change-management")
    assert f.tasks == ("a-sponsor",) and "Build Foundation or Scale & Optimize" in f.message
    assert f.phases == ("build", "scale")


def test_change_management_must_also_run_in_scale():
    (f,) = fired(drop(doc(), "s-evolve").plan, "ignoring-change-management")
    assert f.phases == ("scale",)


def test_no_change_management_at_all():
    (f,) = fired(drop_where(doc(), tags=("change-management",)).plan, "ignoring-change-management")
    assert "no change-management work" in f.message


@pytest.mark.parametrize("pattern", PATTERNS)
def test_change_management_through_build_and_scale_is_enough(pattern):
    assert fired(template(pattern), "ignoring-change-management") == []


# -- plans without tags (imported) -------------------------------------------------------------
def test_untagged_plans_are_read_by_name_and_say_so(healthy):
    from aiplanner.model import Phase, Plan

    plan = Plan(start=healthy.start, phases=[Phase(id="p", name="P")], tasks=[
        Task(id="t", name="Tool Selection", phase="p", duration=5),
        Task(id="d", name="Operating Model Design", phase="p", duration=10),
        Task(id="c", name="Change management plan", phase="p", duration=5),
    ])
    (f,) = fired(plan, "technology-first")
    assert f.tasks == ("t",) and "found by task names, as the plan has no tags" in f.message
    assert fired(plan, "ignoring-change-management") == []  # no Build, Scale or rollout to run through
