"""The shipped samples: each loads, validates, schedules and saves back byte for byte."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aiplanner.catalog import load_catalog, source_chart_plan
from aiplanner.io.native import dumps, load_plan, save_plan
from aiplanner.model import plan_problems
from aiplanner.schedule import schedule_plan

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NAMES = ["source-timeline", "coe-rollout", "federated-rollout", "product-teams-rollout", "enterprise-rollout"]
PATTERN_SAMPLES = {"coe-rollout": "coe", "federated-rollout": "federated", "product-teams-rollout": "product-teams"}


def test_the_five_samples_are_shipped():
    assert sorted(p.stem for p in SAMPLES.glob("*.aiplan")) == sorted(NAMES)


@pytest.fixture(scope="module", params=NAMES)
def sample(request):
    path = SAMPLES / f"{request.param}.aiplan"
    return request.param, path, load_plan(path)


def test_loads_validates_and_schedules(sample):
    _, _, plan = sample
    assert plan_problems(plan) == []
    sched = schedule_plan(plan)
    assert sched.finish > plan.start
    assert set(sched.tasks) == {t.id for t in plan.tasks}


def test_saves_back_byte_identically(sample, tmp_path):
    _, path, plan = sample
    original = path.read_bytes()
    assert dumps(plan).encode("utf-8") == original
    copy = tmp_path / path.name
    save_plan(plan, copy)
    assert copy.read_bytes() == original


def test_source_timeline_is_the_catalogue_chart():
    assert load_plan(SAMPLES / "source-timeline.aiplan") == source_chart_plan()


def test_source_timeline_has_the_dates_mermaid_draws():
    plan = load_plan(SAMPLES / "source-timeline.aiplan")
    chart = load_catalog().timeline.source_chart
    assert [(t.id, t.name) for t in plan.tasks] == [(b.id, b.name) for b in chart.tasks]
    assert [p.name for p in plan.phases] == ["Assessment", "Design", "Build", "Scale"]
    assert "7 days" in plan.notes and "Mermaid" in plan.notes
    sched = schedule_plan(plan)
    # Mermaid: a1 from 2026-05-01 for 6w (42 calendar days); 'after x' starts the day x's bar ends.
    expected = {
        "a1": ("2026-05-01", "2026-06-11"), "a2": ("2026-06-12", "2026-06-25"),
        "d1": ("2026-06-26", "2026-08-06"), "d2": ("2026-06-26", "2026-08-06"),
        "b1": ("2026-08-07", "2026-09-03"), "b2": ("2026-09-04", "2026-10-29"),
        "b3": ("2026-08-07", "2026-09-03"), "s1": ("2026-10-30", "2027-01-21"),
    }
    assert {t: (str(s.start), str(s.finish)) for t, s in sched.tasks.items()} == expected
    for bar in chart.tasks:  # every 'after' link and duration, computed independently of the scheduler
        start = dt.date(2026, 5, 1) if bar.after is None else sched.tasks[bar.after].finish + dt.timedelta(days=1)
        assert sched.tasks[bar.id].start == start
        assert sched.tasks[bar.id].finish == start + dt.timedelta(weeks=bar.weeks) - dt.timedelta(days=1)


@pytest.mark.parametrize("name", sorted(PATTERN_SAMPLES))
def test_pattern_samples_are_staffed(name):
    plan = load_plan(SAMPLES / f"{name}.aiplan")
    assert plan.pattern == PATTERN_SAMPLES[name]
    assert plan.organisation and len(plan.people) >= 5
    held = {a.role for a in plan.assignments}
    assert set(load_catalog().role_ids) <= held
    assert any(p.capacity < 1 for p in plan.people)
    assert any(p.absences for p in plan.people)
    assert plan.calendar.holidays
    roles_per_person = {}
    for a in plan.assignments:
        roles_per_person.setdefault(a.person, set()).add(a.role)
    assert any(len(roles) > 1 for roles in roles_per_person.values())  # combined roles
    sources = {t.id for t in load_catalog().source_tasks()}
    assert sources <= {t.id for t in plan.tasks}


@pytest.mark.parametrize("name", [*sorted(PATTERN_SAMPLES), "enterprise-rollout"])
def test_rollouts_have_one_start_and_one_end(name):
    from aiplanner.model.graph import successors_map

    plan = load_plan(SAMPLES / f"{name}.aiplan")
    assert [t for t, after in successors_map(plan).items() if not after] == ["m-scale"]
    assert [t.id for t in plan.tasks if not t.depends_on] == ["a-sponsor"]


def test_coe_sample_is_a_small_organisation():
    plan = load_plan(SAMPLES / "coe-rollout.aiplan")
    assert len(plan.people) <= 6


def test_enterprise_sample_is_large_and_linked():
    plan = load_plan(SAMPLES / "enterprise-rollout.aiplan")
    assert 300 <= len(plan.tasks) <= 500
    units = {t.id.split("-")[0] for t in plan.tasks if t.id.endswith("-live") and t.milestone}
    assert len(units) >= 10
    links = [d for t in plan.tasks for d in t.depends_on]
    assert len(links) >= len(plan.tasks)
    assert {"FS", "SS", "FF"} <= {d.type for d in links}
    assert len(plan.people) >= 20
    assert all(t.demands for t in plan.tasks if not t.is_milestone)


# -- the generator (samples/generate.py): the samples are built, not hand-edited --------------


def test_the_generator_builds_every_shipped_sample_byte_for_byte():
    from aiplanner.samples.generate import BUILDERS, stale_samples

    assert sorted(BUILDERS) == sorted(NAMES)
    assert stale_samples(SAMPLES) == [], "run: python -m aiplanner.samples.generate"


def _copy_samples(folder: Path) -> None:
    for name in NAMES:
        (folder / f"{name}.aiplan").write_bytes((SAMPLES / f"{name}.aiplan").read_bytes())


def test_check_names_a_drifted_sample_and_regenerating_restores_it(tmp_path, capsys):
    from aiplanner.samples.generate import main

    _copy_samples(tmp_path)
    edited = tmp_path / "federated-rollout.aiplan"
    text = edited.read_text(encoding="utf-8")
    renamed = text.count('"Jonas Weber"')  # the team and the kick-off baseline's copy of it
    assert renamed >= 1
    edited.write_text(text.replace('"Jonas Weber"', '"Jonas Webber"'), encoding="utf-8")
    (tmp_path / "source-timeline.aiplan").unlink()

    assert main(["--check", "--dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{edited}: differs from the generator from line" in err
    assert f"{tmp_path / 'source-timeline.aiplan'}: missing" in err
    assert "coe-rollout" not in err and "enterprise-rollout" not in err
    assert edited.read_text(encoding="utf-8").count("Jonas Webber") == renamed  # --check writes nothing

    assert main(["--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "2 of 5 samples rewritten" in out
    for name in NAMES:
        assert (tmp_path / f"{name}.aiplan").read_bytes() == (SAMPLES / f"{name}.aiplan").read_bytes()
    assert not list(tmp_path.glob("*.bak"))
    assert main(["--check", "--dir", str(tmp_path)]) == 0


def test_a_template_change_makes_the_samples_built_from_it_stale(tmp_path):
    """The samples follow the catalogue: a longer inventory task reaches every rollout, not the source's chart."""
    import json
    from importlib.resources import files

    from aiplanner.catalog import load_catalog_from
    from aiplanner.samples.generate import stale_samples

    resources = tmp_path / "resources"
    resources.mkdir()
    for item in files("aiplanner.resources").iterdir():
        if item.name.endswith(".json"):
            (resources / item.name).write_bytes(item.read_bytes())
    templates = json.loads((resources / "templates.json").read_text(encoding="utf-8"))
    inventory = next(t for t in templates["base"] if t["id"] == "a-inventory")
    inventory["duration"] += 2
    (resources / "templates.json").write_text(json.dumps(templates), encoding="utf-8")

    stale = stale_samples(SAMPLES, load_catalog_from(resources))
    assert sorted(line.split(":")[0] for line in stale) == sorted(
        str(SAMPLES / f"{name}.aiplan") for name in NAMES if name != "source-timeline"
    )


def test_check_reports_a_broken_catalogue_cleanly(tmp_path, capsys, monkeypatch):
    from aiplanner.model import InvalidPlanError, Problem
    from aiplanner.samples import generate

    def broken(catalog=None):
        raise InvalidPlanError([Problem("$.patterns.coe", "no such task 'x'")], "templates.json")

    monkeypatch.setitem(generate.BUILDERS, "coe-rollout", broken)
    assert generate.main(["--check", "--dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "templates.json" in err and "no such task 'x'" in err and "Traceback" not in err


def test_generator_doctests_run():
    import doctest

    from aiplanner.samples import enterprise, midrollout

    for module in (enterprise, midrollout):
        result = doctest.testmod(module)
        assert result.attempted >= 1 and result.failed == 0, module.__name__
