"""The maturity horizon: the stages after the foundation, their exit criteria, the review cycles."""

from __future__ import annotations

import datetime as dt
import doctest
import json

import pytest

from aiplanner.catalog import journey as journey_module
from aiplanner.catalog import build_plan, load_catalog
from aiplanner.catalog.journey import JOURNEY_START, build_journey
from aiplanner.checks import run_checks
from aiplanner.cli import main
from aiplanner.model.parts import EXIT_CHECK_TAG
from aiplanner.schedule import schedule_plan
from tests.catalog.test_loader import edit, folder, problems_of  # noqa: F401  (fixture)

START = dt.date(2026, 5, 4)
PATTERNS = ["coe", "federated", "product-teams"]


def test_doctests_run():
    result = doctest.testmod(journey_module)
    assert result.failed == 0 and result.attempted > 0


def test_each_pattern_evolves_as_the_source_says():
    stages = {p: [s.pattern for s in load_catalog().journey.stages_from(p)] for p in PATTERNS}
    # a CoE moves from doing to enabling, then to federated, then to product teams
    assert stages == {"coe": ["coe", "federated", "product-teams"], "federated": ["federated", "product-teams"],
                      "product-teams": ["product-teams"]}


@pytest.fixture(scope="module", params=PATTERNS)
def journey(request):
    plan = build_journey(request.param, START)
    return request.param, plan, schedule_plan(plan)


def test_the_whole_journey_takes_18_to_24_months(journey):
    _, plan, sched = journey
    months = (sched.finish - plan.start).days / 30.44
    timeline = load_catalog().timeline
    assert timeline.maturity_months.min <= months <= timeline.maturity_months.max


def test_it_passes_check_with_nothing_the_foundation_template_lacks(journey):
    pattern, plan, sched = journey
    found = run_checks(plan, sched)
    assert not [f for f in found if f.severity == "error"]
    foundation = build_plan(pattern, START)
    assert {f.rule for f in found} == {f.rule for f in run_checks(foundation)}  # only the key-roles warning


def test_stages_carry_exit_criteria_and_their_own_matrix(journey):
    pattern, plan, _ = journey
    cat = load_catalog()
    stages = [p for p in plan.phases if p.is_stage]
    assert [p.id for p in stages] == [s.id for s in cat.journey.stages_from(pattern)]
    for phase in stages:
        assert phase.exit_targets and phase.responsibilities.rows
        checks = [t for t in plan.tasks if t.phase == phase.id and EXIT_CHECK_TAG in t.tags]
        assert len(checks) >= 2
        closing = plan.task(f"m-{phase.id}")
        assert closing.is_milestone and {c.id for c in checks} <= {d.task for d in closing.depends_on}
    federated = next(p for p in stages if p.id == "stage-federated") if pattern != "product-teams" else None
    if federated is not None:  # the source's own table
        assert federated.responsibilities == cat.responsibility_matrix("federated")


def test_scale_and_optimize_goes_on_as_review_cycles(journey):
    _, plan, sched = journey
    reviews = sorted((sched.tasks[t.id].finish, t.name) for t in plan.tasks if "-review-" in t.id)
    assert len(reviews) >= 4 and reviews[0][1].startswith("Review cycle 1: measure outcomes")
    gaps = [(b[0] - a[0]).days for a, b in zip(reviews, reviews[1:])]
    assert max(gaps) <= 13 * 7 + 14  # about every 13 weeks (holidays aside)
    # the plan ends with the last stage's exit review
    assert sched.finish == reviews[-1][0]


def test_the_journey_does_not_wait_on_the_approval_gate():
    plan = build_journey("coe", START)
    begin = plan.task(JOURNEY_START[0])
    assert "s-usecases" not in {d.task for d in begin.depends_on}  # initiatives through the intake run beside


def test_new_horizon_maturity_through_the_command_line(tmp_path, capsys):
    path = tmp_path / "journey.aiplan"
    assert main(["new", "--pattern", "federated", "--start", "2026-05-04", "--horizon", "maturity",
                 "-o", str(path)]) == 0
    assert "6 phases" in capsys.readouterr().out
    assert main(["check", str(path)]) == 0
    capsys.readouterr()
    assert main(["schedule", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["project"]["finish"] > "2027-09-01"
    with pytest.raises(SystemExit):
        main(["new", "--pattern", "coe", "--start", "2026-05-04", "--horizon", "forever", "-o", str(path)])


def test_a_journey_outside_18_to_24_months_is_refused(folder):  # noqa: F811
    edit(folder, "journey.json", lambda d: d["stages"][2]["weeks"].update({"product-teams": 5}))
    assert "a product-teams journey takes" in problems_of(folder)


def test_stage_work_uses_known_tags_and_stays_in_its_stage(folder):  # noqa: F811
    def change(data):
        data["stages"][0]["work"][0]["tags"] = ["wishful"]
        data["stages"][0]["checklist"][0]["after"] = ["j-fed-handover"]
    edit(folder, "journey.json", change)
    text = problems_of(folder)
    assert "journey.json: $.stages[0].work[0].tags: unknown tag 'wishful'" in text
    assert "journey.json: $.stages[0].checklist[0].after: link to a task outside the stage" in text
