"""Nothing is lost on a round trip (issue #13, item 3).

Every template, exported to CSV, Mermaid and MS Project XML and imported
back, is the same plan: the same tasks and dates, tags, role demands,
pattern, responsibility matrix, metrics and every other plan-level field;
so the checks find nothing the original did not.
"""

from __future__ import annotations

import json

import pytest

from aiplanner.checks import run_checks
from aiplanner.checks.compare.facts import finding_key
from aiplanner.cli import main
from aiplanner.io.native import load_plan
from aiplanner.schedule import schedule_plan

FORMATS = {"csv": "csv", "mermaid": "mmd", "mspdi": "xml"}


@pytest.fixture(scope="module", params=["coe", "federated", "product-teams"])
def template(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    path = folder / "plan.aiplan"
    assert main(["new", "--pattern", request.param, "--start", "2026-05-04", "-o", str(path)]) == 0
    return path


def _round_trip(path, fmt, capsys):
    exported = path.with_name(f"out.{FORMATS[fmt]}")
    back = path.with_name(f"back-{fmt}.aiplan")
    assert main(["export", str(path), "--to", fmt, "-o", str(exported)]) == 0
    assert main(["import", str(exported), "-o", str(back)]) == 0
    err = capsys.readouterr().err
    return load_plan(back), err


def _dates(plan):
    sched = schedule_plan(plan)
    return {t: (s.start, s.finish) for t, s in sched.tasks.items()}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_template_comes_back_whole(template, fmt, capsys):
    original = load_plan(template)
    again, err = _round_trip(template, fmt, capsys)
    assert "warning" not in err
    assert _dates(again) == _dates(original)
    before = {finding_key(f) for f in run_checks(original)}
    after = {finding_key(f) for f in run_checks(again)}
    assert after - before == set(), f"findings the original did not raise: {sorted(after - before)}"
    assert {f.rule for f in run_checks(again)} == {f.rule for f in run_checks(original)}
    # More than the findings: the very same document.
    assert again.model_dump(mode="json") == original.model_dump(mode="json")


@pytest.mark.parametrize("fmt", FORMATS)
def test_plan_level_fields_travel_whatever_they_are(tmp_path, fmt, capsys):
    # Baselines, scenarios, absences, a holiday region: fields no exporter names one by one.
    path = tmp_path / "plan.aiplan"
    assert main(["new", "--pattern", "coe", "--start", "2026-05-04", "-o", str(path)]) == 0
    assert main(["baseline", str(path), "--name", "kick-off", "--no-risk"]) == 0
    assert main(["scenario", str(path), "--name", "fast", "--duration", "a-sponsor=2"]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    data["people"] = [{"id": "ann", "name": "Ann", "capacity": 0.8,
                       "absences": [{"start": "2026-08-03", "end": "2026-08-14", "note": "summer"}]}]
    data["assignments"] = [{"person": "ann", "role": data["roles"][0]["id"], "share": 0.5}]
    data["calendar"] = {"workdays": ["mon", "tue", "wed", "thu", "fri"], "country": "GB", "subdivision": "ENG",
                        "holidays": ["2026-06-01"], "extra_workdays": ["2026-06-06"]}
    data["notes"] = "Plan notes\nwith a second line and \u2028 a line separator"
    data["tasks"][0]["notes"] = "=HYPERLINK(\"http://evil\")"
    data["tasks"][1]["name"] = "+1 dangerous start"
    data["tasks"][2]["tags"] = ["semi;colon", " spaced "]
    data["tasks"][3]["name"] = "50%% done %% not a comment\u2028next\x85line"
    data["phases"][1]["name"] = "Design %% and\u2029more"
    data["name"] = "Rollout %% 2026\u2028second line %%{init: {'securityLevel': 'loose'}}%%"
    path.write_text(json.dumps(data), encoding="utf-8")
    original = load_plan(path)
    capsys.readouterr()
    again, err = _round_trip(path, fmt, capsys)
    assert again.model_dump(mode="json") == original.model_dump(mode="json")
    assert _dates(again) == _dates(original)
    if fmt == "mermaid":  # no Mermaid directive can be smuggled in through a name
        assert "%%{" not in path.with_name("out.mmd").read_text(encoding="utf-8")


def test_csv_export_writes_no_formula_and_import_keeps_the_text(tmp_path, capsys):
    path = tmp_path / "plan.aiplan"
    assert main(["new", "--pattern", "coe", "--start", "2026-05-04", "-o", str(path)]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    names = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1+1", "'=quoted"]
    for task, name in zip(data["tasks"], names):
        task["name"] = name
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["export", str(path), "--to", "csv", "-o", str(out)]) == 0
    import csv

    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    for row in rows:
        for cell in row.values():
            if cell and cell[0] in "=+-@\t\r":
                assert cell.lstrip("+-").replace(".", "").isdigit(), f"a formula reached the file: {cell!r}"
    assert [r["name"] for r in rows[:6]] == ["'" + n for n in names]
    assert main(["import", str(out), "-o", str(tmp_path / "back.aiplan")]) == 0
    assert [t.name for t in load_plan(tmp_path / "back.aiplan").tasks[:6]] == names


def test_carried_data_that_does_not_fit_is_dropped_with_a_warning_not_the_import(tmp_path, capsys):
    path = tmp_path / "plan.aiplan"
    assert main(["new", "--pattern", "coe", "--start", "2026-05-04", "-o", str(path)]) == 0
    out = tmp_path / "out.mmd"
    assert main(["export", str(path), "--to", "mermaid", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8").replace('"pattern":"coe"', '"pattern":"hub-and-spoke"')
    text = text.replace('"tags":["change-management"]', '"tags":[""]', 1)
    out.write_text(text, encoding="utf-8")
    back = tmp_path / "back.aiplan"
    assert main(["import", str(out), "-o", str(back)]) == 0
    err = capsys.readouterr().err
    assert "carried plan field 'pattern' dropped: $.pattern:" in err
    assert "carried tags of task 'a-sponsor' dropped" in err
    plan = load_plan(back)
    assert plan.pattern is None and plan.metrics  # the rest of the carried plan is kept
