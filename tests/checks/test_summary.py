"""The executive summary: every figure equals the command line's, and the RAG rules hold at their thresholds."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from aiplanner.checks.summary import (
    OVER_RED_DAYS,
    P80_RED_DAYS,
    PITFALLS_RED,
    SLIP_RED_DAYS,
    executive_summary,
)
from aiplanner.cli import main
from aiplanner.io.native import load_plan
from aiplanner.model import Dependency, Phase, Plan, Task
from aiplanner.model.parts import Assignment, Estimate, Person, Role, RoleDemand
from aiplanner.schedule.baseline import freeze_schedule
from tests.paths import SAMPLES

SAMPLE_FILES = ["coe-rollout", "federated-rollout", "product-teams-rollout", "enterprise-rollout", "source-timeline"]
RUNS, SEED = 2000, 7


def cli_json(capsys, *args) -> dict:
    code = main(list(args))
    out = capsys.readouterr().out
    assert code in (0, 1), out
    return json.loads(out)


@pytest.fixture(scope="module")
def summaries():
    return {name: executive_summary(load_plan(SAMPLES / f"{name}.aiplan"), iterations=RUNS, seed=SEED)
            for name in SAMPLE_FILES}


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_figures_equal_the_command_line(name, summaries, capsys):
    path = str(SAMPLES / f"{name}.aiplan")
    summary = summaries[name]
    plan = load_plan(path)

    project = cli_json(capsys, "schedule", path, "--format", "json")["project"]
    assert summary.finish.isoformat() == project["finish"]
    assert summary.duration == project["duration"]
    assert summary.progress.complete == project["percent_complete"]
    assert summary.progress.planned == project["percent_planned"]
    assert (summary.progress.status_date.isoformat() if summary.progress.status_date else None) == project["status_date"]

    risk = cli_json(capsys, "simulate", path, "--iterations", str(RUNS), "--seed", str(SEED),
                    "--by", project["finish"], "--format", "json")
    assert summary.risk.p50.isoformat() == risk["percentiles"]["P50"]
    assert summary.risk.p80.isoformat() == risk["percentiles"]["P80"]
    assert round(summary.risk.chance, 4) == risk["by"]["probability"]
    assert round(100 * summary.risk.chance, 2) == risk["deterministic_percentile"]

    load = cli_json(capsys, "load", path, "--format", "json")
    runs: dict[str, list] = {}
    for run in load["over_allocations"]:
        runs.setdefault(run["person"], []).append(run)
    assert {p.id: p.days_over for p in summary.overloaded} == {k: sum(r["days"] for r in v) for k, v in runs.items()}
    for person in summary.overloaded:
        # the peak is one the command prints for that person, "peak P FTE of C"
        assert (person.peak, person.capacity) in {(r["peak"], r["capacity"]) for r in runs[person.id]}

    check = cli_json(capsys, "check", path, "--format", "json")
    assert summary.findings == check["summary"]
    pitfall_rules = [f["rule"] for f in check["findings"] if f["rule"].startswith("pitfall.")]
    assert [f"pitfall.{p.id}" for p in summary.pitfalls] == pitfall_rules
    assert summary.other_findings == len(check["findings"]) - len(pitfall_rules)

    if plan.baselines:
        compared = cli_json(capsys, "compare", path, "--no-risk", "--format", "json")
        assert summary.slip.days == compared["project"]["finish_delta"]
        assert summary.slip.baseline_finish.isoformat() == compared["project"]["finish_a"]
    else:
        assert summary.slip is None


def test_the_coe_sample_answers_the_five_questions(summaries):
    summary = summaries["coe-rollout"]
    assert summary.finish_title == "Finish (end of initial scaling)"
    assert summary.slip.days == 4
    # the Assessment task that took longer drives the slip, not the tasks it pushed
    assert [d.id for d in summary.slip.drivers] == ["a-inventory"]
    assert summary.slip.drivers[0].why == "takes 4 working days longer (10 -> 14)"
    assert summary.overloaded[0].name == "Marcus Hill" and summary.overloaded[0].peak_text == "1 FTE of 0.8"
    assert [(a.area, a.rag) for a in summary.areas] == [
        ("schedule", "amber"), ("staffing", "red"), ("risk", "amber"), ("health", "green")]


def test_health_names_the_findings_counted_under_other_areas(summaries, capsys):
    # the status bar and `check` count 3 warnings: the health text must not read as if there were none
    total = cli_json(capsys, "check", str(SAMPLES / "coe-rollout.aiplan"), "--format", "json")["summary"]["warning"]
    assert total == 3
    assert summaries["coe-rollout"].area("health").why == (
        "0 pitfalls, 0 other warnings (3 staffing findings under staffing)")


def test_pitfalls_carry_the_sources_reason(summaries):
    summary = summaries["source-timeline"]
    assert [p.name for p in summary.pitfalls] == ["Under-investment in enablement", "Ignoring change management"]
    assert summary.pitfalls[1].reason.startswith("The operating model is treated as an org chart")
    assert summary.area("health").rag == "amber"


# -- the rules at their thresholds ---------------------------------------------------------------
def _chain(durations, **plan_fields) -> Plan:
    tasks = [Task(id=f"t{i}", name=f"Task {i}", phase="p", duration=d,
                  depends_on=[Dependency(task=f"t{i - 1}")] if i else []) for i, d in enumerate(durations)]
    return Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")], tasks=tasks, **plan_fields)


@pytest.mark.parametrize("slip, rag", [(0, "green"), (1, "amber"), (SLIP_RED_DAYS, "amber"), (SLIP_RED_DAYS + 1, "red")])
def test_schedule_colour_follows_the_slip(slip, rag):
    plan = _chain([10, 10])
    plan = plan.model_copy(update={"baselines": [freeze_schedule(plan, "agreed", created=dt.date(2026, 5, 1))]})
    plan.tasks[0].duration = 10 + slip
    summary = executive_summary(plan, iterations=0)
    assert summary.slip.days == slip
    assert summary.area("schedule").rag == rag
    if slip:
        assert [d.id for d in summary.slip.drivers] == ["t0"]


def test_schedule_is_amber_when_progress_trails_the_plan():
    plan = _chain([10, 10], status_date=dt.date(2026, 5, 15))  # t0 planned done by then
    plan.tasks[0].progress = 100
    assert executive_summary(plan, iterations=0).area("schedule").rag == "green"
    plan.tasks[0].progress = 80  # 40 % planned, 40 % * 0.8 = 40 - 8 points: within 10
    assert executive_summary(plan, iterations=0).area("schedule").rag == "green"
    plan.tasks[0].progress = 50  # 25 % done against 50 %
    summary = executive_summary(plan, iterations=0)
    assert (summary.progress.complete, summary.progress.planned) == (25.0, 50.0)
    assert summary.area("schedule").rag == "amber"


@pytest.mark.parametrize("days, rag", [(0, "green"), (OVER_RED_DAYS, "amber"), (OVER_RED_DAYS + 1, "red")])
def test_staffing_colour_follows_the_days_over(days, rag):
    plan = _chain([30], roles=[Role(id="pm", name="PM")], people=[Person(id="ann", name="Ann")],
                  assignments=[Assignment(person="ann", role="pm")])
    plan.tasks[0].demands = [RoleDemand(role="pm", fte=1.0)]
    if days:
        plan.tasks.append(Task(id="x", name="Extra", phase="p", duration=days, demands=[RoleDemand(role="pm", fte=0.5)]))
    summary = executive_summary(plan, iterations=0)
    assert sum(p.days_over for p in summary.overloaded) == days
    assert summary.area("staffing").rag == rag


def test_risk_colour_follows_the_chance_and_the_p80():
    sure = _chain([10])
    assert executive_summary(sure, iterations=200).area("risk").rag == "green"  # nothing varies: 100 %
    late = _chain([10])
    late.tasks[0].estimate = Estimate(optimistic=10, likely=10, pessimistic=10 + 4 * P80_RED_DAYS)
    summary = executive_summary(late, iterations=2000)
    assert summary.risk.chance < 0.5 and summary.risk.p80_late > P80_RED_DAYS
    assert summary.area("risk").rag == "red"
    near = _chain([10])
    near.tasks[0].estimate = Estimate(optimistic=10, likely=10, pessimistic=16)
    assert executive_summary(near, iterations=2000).area("risk").rag == "amber"


def test_health_is_red_from_three_pitfalls():
    plan = _chain([10])  # no tags: read by names; no change management, no enablement
    plan.tasks[0].name = "Select AI tools"
    plan.tasks.append(Task(id="r", name="Roll out to all teams", phase="p", duration=5,
                           depends_on=[Dependency(task="t0")]))
    summary = executive_summary(plan, iterations=0)
    assert (len(summary.pitfalls) >= PITFALLS_RED) == (summary.area("health").rag == "red")
    assert summary.area("health").rag in ("amber", "red") and summary.pitfalls


def test_a_scenario_is_summarised_against_the_same_baseline():
    plan = load_plan(SAMPLES / "coe-rollout.aiplan")
    scenario = plan.scenarios[0].name
    summary = executive_summary(plan, scenario=scenario, iterations=0)
    assert summary.scenario == scenario and summary.slip.baseline == plan.baselines[-1].name


def test_unknown_baseline_is_refused():
    with pytest.raises(ValueError, match="the plan has no baseline 'nope'"):
        executive_summary(_chain([3]), baseline="nope", iterations=0)
