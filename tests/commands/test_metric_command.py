"""``aiplanner metric`` records dated measurements atomically; ``aiplanner metrics`` lists them."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from aiplanner.cli import main
from aiplanner.io.native import load_plan
from tests.paths import SAMPLES


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "coe.aiplan"
    shutil.copy(SAMPLES / "coe-rollout.aiplan", path)
    return path


def metrics_json(capsys, path) -> dict:
    assert main(["metrics", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_has_the_contracted_shape(plan_file, capsys):
    data = metrics_json(capsys, plan_file)
    first = data["metrics"][0]
    assert set(first) >= {"id", "name", "target", "derived", "status", "latest", "series"}
    assert first["target"] == {"op": "<", "value": 4.0, "unit": "weeks"} and first["derived"] is False
    assert first["latest"] == {"date": "2026-06-05", "value": 11.0} and first["status"] == "off-target"
    assert set(first["series"][0]) == {"date", "value", "note"}
    reliability = next(m for m in data["metrics"] if m["id"] == "model-reliability")
    assert (reliability["target"], reliability["latest"], reliability["series"]) == (None, None, [])
    assert reliability["status"] == "no-data"
    statuses = {m["id"]: m["status"] for m in data["metrics"]}
    assert statuses["support-tickets"] == "trend-wrong" and statuses["governance-compliance"] == "trend-right"


def test_record_writes_the_measurement_atomically(plan_file, capsys):
    before = plan_file.read_bytes()
    code = main(["metric", str(plan_file), "--record", "tool-utilization=41", "--record", "support-tickets=150",
                 "--date", "2026-06-30", "--note", "June analytics"])
    out = capsys.readouterr().out
    assert code == 0
    assert "tool-utilization = 41% of seats on 2026-06-30: off target" in out
    assert (plan_file.parent / "coe.aiplan.bak").read_bytes() == before  # the previous file kept
    data = {m["id"]: m for m in metrics_json(capsys, plan_file)["metrics"]}
    assert data["tool-utilization"]["latest"] == {"date": "2026-06-30", "value": 41.0}
    assert data["support-tickets"]["series"][-1] == {"date": "2026-06-30", "value": 150.0, "note": "June analytics"}


def test_a_second_value_on_the_same_date_replaces_the_first(plan_file, capsys):
    assert main(["metric", str(plan_file), "--record", "tool-utilization=38,5%", "--date", "2026-05-29"]) == 0
    assert "(replaces 38)" in capsys.readouterr().out
    metric = next(m for m in load_plan(plan_file).metrics if m.id == "tool-utilization")
    assert [m.value for m in metric.measurements][-1] == 38.5 and len(metric.measurements) == 5


def test_today_is_the_default_date(plan_file, capsys):
    assert main(["metric", str(plan_file), "--record", "ai-roi=1.4"]) == 0
    metric = next(m for m in load_plan(plan_file).metrics if m.id == "ai-roi")
    assert [(m.date, m.value) for m in metric.measurements] == [(dt.date.today(), 1.4)]


@pytest.mark.parametrize("args, message", [
    (["--record", "nope=3"], "--record nope=3: no metric 'nope' in the plan (metrics: time-to-deploy,"),
    (["--record", "tool-utilization=abc"], "--record tool-utilization=abc: 'abc' is not a number"),
    (["--record", "tool-utilization=inf"], "is not a finite number"),
    (["--record", "tool-utilization"], "write METRIC_ID=VALUE"),
    (["--record", "ai-roi=1", "--record", "ai-roi=2"], "metric 'ai-roi' is recorded twice"),
    (["--record", "ai-roi=1", "--date", (dt.date.today() + dt.timedelta(days=1)).isoformat()], "is in the future"),
    (["--record", "ai-roi=1", "--note", "x" * 501], "--note: a note has at most 500 characters"),
])
def test_bad_input_is_refused_cleanly_and_nothing_is_written(plan_file, capsys, args, message):
    before = plan_file.read_bytes()
    assert main(["metric", str(plan_file), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and str(plan_file) in err and "Traceback" not in err
    assert plan_file.read_bytes() == before and not (plan_file.parent / "coe.aiplan.bak").exists()


def test_every_problem_is_named_at_once(plan_file, capsys):
    assert main(["metric", str(plan_file), "--record", "nope=3", "--record", "ai-roi=x"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 2


def test_a_bad_date_is_an_argument_error(plan_file, capsys):
    with pytest.raises(SystemExit) as info:  # argparse: exit 2 with the option named
        main(["metric", str(plan_file), "--record", "ai-roi=1", "--date", "30/06/2026"])
    assert info.value.code == 2
    assert "argument --date: not a date (YYYY-MM-DD)" in capsys.readouterr().err


def test_table_lists_each_metric_with_its_status(plan_file, capsys):
    assert main(["metrics", str(plan_file)]) == 0
    out = capsys.readouterr().out
    assert "tool-utilization" in out and "off target" in out and "trend wrong" in out
    assert "3 off target, 1 trend right, 1 trend wrong, 7 no data" in out


def test_a_plan_without_metrics(tmp_path, capsys):
    path = tmp_path / "bare.aiplan"
    path.write_text('{"format": "aiplanner-plan", "version": 2, "start": "2026-05-04"}')
    assert main(["metrics", str(path)]) == 0
    assert "the plan has no metrics" in capsys.readouterr().out
    assert main(["metric", str(path), "--record", "x=1"]) == 2
    assert "metrics: none" in capsys.readouterr().err
