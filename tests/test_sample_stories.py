"""The CoE and federated samples are mid-rollout: a kick-off baseline, progress, slips, what-ifs.

Each scenario must keep showing what it is there to show (a facilitator
opens the built-in sample and presses S), so the differences are asserted
through the same comparison the window, the report and ``aiplanner
compare`` use.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from aiplanner.catalog import build_plan, load_catalog
from aiplanner.checks.compare.deltas import compare
from aiplanner.io.native import load_plan
from aiplanner.model import apply_scenario
from aiplanner.samples.midrollout import BASELINE, progress_on
from aiplanner.samples.whatifs import (
    FEDERATED_INSTEAD,
    PLATFORM_EARLY,
    PRODUCT_TEAMS_INSTEAD,
    SECOND_MLOPS,
    STORIES,
)
from aiplanner.schedule import schedule_plan
from tests.conftest import SAMPLES

TECH_FIRST = "pitfall.technology-first"


def _sample(name: str):
    return load_plan(SAMPLES / f"{name}.aiplan")


@pytest.fixture(scope="module")
def coe():
    return _sample("coe-rollout")


@pytest.fixture(scope="module")
def federated():
    return _sample("federated-rollout")


def _rules(findings) -> set[str]:
    return {f.key.split()[0] for f in findings}


def _over(findings, person: str) -> list:
    return [f for f in findings if f.key.startswith("staffing.over-allocated") and f.key.endswith(f"people={person}")]


@pytest.mark.parametrize("name", sorted(STORIES))
def test_the_baseline_is_the_kick_off_template(name):
    plan, story = _sample(name), STORIES[name]
    assert [b.name for b in plan.baselines] == [BASELINE]
    baseline = plan.baselines[0]
    assert baseline.created == story.kickoff < plan.start == baseline.start
    assert baseline.p80 is not None and baseline.p80 >= baseline.finish and baseline.findings is not None
    template = build_plan(plan.pattern, plan.start)
    frozen = baseline.task_index()
    assert set(frozen) == {t.id for t in template.tasks}  # work added later is not in it
    for slip in story.slips:
        assert frozen[slip.task].duration == template.task(slip.task).duration != slip.duration
        assert plan.task(slip.task).duration == slip.duration


@pytest.mark.parametrize("name", sorted(STORIES))
def test_progress_is_what_the_schedule_says_on_the_status_date(name):
    plan, story = _sample(name), STORIES[name]
    assert {t.id: t.progress for t in plan.tasks if t.progress} == progress_on(plan, story.status)
    sched = schedule_plan(plan)
    started = [t for t in plan.tasks if t.progress]
    assert {t.phase for t in started} == {"assessment"}
    done = [t for t in started if t.progress == 100]
    partial = [t for t in started if t.progress < 100]
    assert done and partial
    assert all(sched.tasks[t.id].finish <= story.status for t in done)
    assert all(sched.tasks[t.id].start <= story.status < sched.tasks[t.id].finish for t in partial)
    assert all(sched.tasks[t.id].start > story.status for t in plan.tasks if not t.progress and not t.is_milestone)
    assert all(t.estimate is None for t in done)  # nothing left to simulate
    assert str(story.status.year) in plan.notes and "Status on" in plan.notes


@pytest.mark.parametrize("name", sorted(STORIES))
def test_metrics_have_months_of_measurements_up_to_the_status_date(name):
    plan, story = _sample(name), STORIES[name]
    measured = {m.id: m.measurements for m in plan.metrics if m.measurements}
    assert 3 <= len(measured) < len(plan.metrics)
    assert set(measured) <= {m.id for m in load_catalog().metrics}
    assert plan.status_date == story.status
    assert all(series[-1].date <= story.status for series in measured.values())
    # a few months, so the trend charts show something at once
    assert max((s[-1].date - s[0].date).days for s in measured.values()) >= 90


@pytest.mark.parametrize("name", sorted(STORIES))
def test_the_plan_slipped_against_its_baseline(name):
    plan, story = _sample(name), STORIES[name]
    result = compare(plan, f"baseline:{BASELINE}", "current", risk=False)
    assert result.finish_delta > 0
    resized = {t.id: t.duration_delta for t in result.tasks if t.status == "changed" and t.duration_delta}
    assert resized == {s.task: s.duration - plan.baselines[0].task_index()[s.task].duration for s in story.slips}
    assert [t.id for t in result.tasks if t.status == "added"] == [a.task.id for a in story.additions]


def test_coe_monitoring_work_overloads_the_one_mlops_engineer(coe):
    result = compare(coe, f"baseline:{BASELINE}", "current", risk=False)
    assert _over(result.appeared, "tom")
    tom = next(p for p in result.people if p.id == "tom")
    assert tom.over_weeks_a == 0 < tom.over_weeks_b


def test_coe_second_mlops_engineer_removes_the_overload(coe):
    result = compare(coe, "current", SECOND_MLOPS, risk=False)
    assert result.finish_delta == 0 and not result.tasks
    assert _over(result.disappeared, "tom") and not result.appeared
    tom = next(p for p in result.people if p.id == "tom")
    assert tom.over_weeks_a > 0 == tom.over_weeks_b and tom.peak_b <= 1
    ravi = next(p for p in result.people if p.id == "ravi")
    assert ravi.peak_a is None and 0 < ravi.peak_b <= 1


@pytest.mark.parametrize("name", sorted(STORIES))
def test_platform_early_finishes_sooner_but_puts_tools_before_structure(name):
    plan = _sample(name)
    result = compare(plan, "current", PLATFORM_EARLY, risk=True)
    assert result.finish_delta < 0 and result.p80_delta < 0
    assert TECH_FIRST in _rules(result.appeared)
    assert TECH_FIRST not in _rules(result.disappeared)
    moved = {t.id: t for t in result.tasks}
    assert moved["b-tools"].start_delta < 0 and moved["b-platform"].start_delta < 0


def test_coe_federated_instead_switches_pattern_and_keeps_the_teams_edits(coe):
    scenario = next(s for s in coe.scenarios if s.name == FEDERATED_INSTEAD)
    assert scenario.pattern == "federated" and scenario.responsibilities is not None
    shown = apply_scenario(coe, scenario)
    federated = {t.id for t in build_plan("federated", coe.start).tasks}
    coe_only = {t.id for t in build_plan("coe", coe.start).tasks} - federated
    ids = {t.id for t in shown.tasks}
    assert federated <= ids and not coe_only & ids
    assert "b-monitoring" in ids  # work the team added stays
    for slip in STORIES["coe-rollout"].slips:
        assert shown.task(slip.task).duration == slip.duration  # and so do the slips
    assert [t.progress for t in shown.tasks if t.progress] == [t.progress for t in coe.tasks if t.progress]
    result = compare(coe, "current", FEDERATED_INSTEAD, risk=False)
    assert {t.id for t in result.tasks if t.status == "added"} == federated - {t.id for t in coe.tasks}
    assert {t.id for t in result.tasks if t.status == "removed"} == coe_only
    tom = next(p for p in result.people if p.id == "tom")
    assert tom.peak_b > tom.peak_a  # a team this size cannot staff the federated rollout's MLOps work


def test_federated_product_teams_instead_takes_longer(federated):
    result = compare(federated, "current", PRODUCT_TEAMS_INSTEAD, risk=False)
    assert apply_scenario(federated, PRODUCT_TEAMS_INSTEAD).pattern == "product-teams"
    assert result.finish_delta > 0
    assert any(t.id == "b-team-platform" and t.status == "added" for t in result.tasks)


def test_compare_command_on_the_built_in_sample():
    out = subprocess.run(
        [sys.executable, "-m", "aiplanner", "compare", str(SAMPLES / "coe-rollout.aiplan"),
         "--a", "current", "--b", SECOND_MLOPS, "--format", "json", "--no-risk"],
        capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["b"] == f"scenario:{SECOND_MLOPS}" and data["project"]["finish_delta"] == 0
    assert [f["key"].split()[0] for f in data["findings"]["disappeared"]] == ["staffing.over-allocated"]
    assert data["findings"]["appeared"] == []
