"""The report's first page says what the command line says, for every sample."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess

import pytest

from aiplanner.checks.findings import peak_text, plural
from aiplanner.cli import main
from aiplanner.io.native import load_plan
from aiplanner.render.options import ReportOptions
from aiplanner.render.report.build import build_report
from tests.paths import SAMPLES
from tests.render.report.test_report import FIXED

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


def pages_text(data: bytes) -> list[str]:
    """Each page's text in drawing order (``pdftotext -raw``): a column's wrapped lines read on."""
    out = subprocess.run(["pdftotext", "-raw", "-", "-"], input=data, capture_output=True, check=True).stdout
    return [re.sub(r"\s+", " ", p) for p in out.decode("utf-8").split("\f") if p.strip()]

SAMPLE_FILES = ["coe-rollout", "federated-rollout", "product-teams-rollout", "enterprise-rollout", "source-timeline"]
RUNS, SEED = 1500, 11


def cli_json(capsys, *args) -> dict:
    main(list(args))
    return json.loads(capsys.readouterr().out)


def _day(iso: str) -> str:
    return f"{dt.date.fromisoformat(iso):%d %b %Y}"


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_cover_figures_equal_the_command_line(name, capsys):
    path = str(SAMPLES / f"{name}.aiplan")
    plan = load_plan(path)
    cover = pages_text(build_report(plan, ReportOptions(printed=FIXED, sections=("cover",), iterations=RUNS,
                                                        seed=SEED)))[0]
    project = cli_json(capsys, "schedule", path, "--format", "json")["project"]
    assert f"{dt.date.fromisoformat(project['finish']):%A %d %B %Y}" in cover
    if project["status_date"]:
        assert (f"Status {_day(project['status_date'])}: {project['percent_complete']:g}% complete, "
                f"{project['percent_planned']:g}% planned by then") in cover

    risk = cli_json(capsys, "simulate", path, "--iterations", str(RUNS), "--seed", str(SEED),
                    "--by", project["finish"], "--format", "json")
    assert f"50% likely by {_day(risk['percentiles']['P50'])} (P50)" in cover
    assert f"80% likely by {_day(risk['percentiles']['P80'])} (P80)" in cover
    chance = round(100 * risk["by"]["probability"], 2)
    assert f"{chance:g}% chance of finishing by the planned date" in cover
    assert f"{RUNS:,} runs, seed {SEED}" in cover

    load = cli_json(capsys, "load", path, "--format", "json")
    names = {p.id: p.name for p in plan.people}
    days: dict[str, int] = {}
    for run in load["over_allocations"]:
        days[run["person"]] = days.get(run["person"], 0) + run["days"]
    shown = sorted(days.items(), key=lambda kv: (-kv[1], names[kv[0]]))[:5]
    for person, total in shown:
        peaks = [f"peak {peak_text(r['peak'], r['capacity'])}" for r in load["over_allocations"] if r["person"] == person]
        line = f"{names[person]}: {plural(total, 'working day')} over capacity, "
        assert line in cover
        assert any(line + peak in cover for peak in peaks)
    if len(days) > 5:
        assert f"and {len(days) - 5} more" in cover
    if not days:
        assert "Nobody is over capacity." in cover

    check = cli_json(capsys, "check", path, "--format", "json")
    from aiplanner.catalog import load_catalog

    pitfalls = [f["rule"].partition(".")[2] for f in check["findings"] if f["rule"].startswith("pitfall.")]
    for pitfall_id in pitfalls:
        info = load_catalog().pitfall(pitfall_id)
        assert f"{info.name}: {info.problem}" in cover
    others = len(check["findings"]) - len(pitfalls)
    counts = check["summary"]
    if others:
        assert (f"{plural(others, 'other finding')} ({plural(counts['error'], 'error')}, "
                f"{plural(counts['warning'], 'warning')}, {plural(counts['info'], 'note')} in all)") in cover

    if plan.baselines:
        compared = cli_json(capsys, "compare", path, "--no-risk", "--format", "json")["project"]
        slip = compared["finish_delta"]
        assert f"{plural(abs(slip), 'working day')} {'later' if slip > 0 else 'earlier'} than baseline" in cover
        assert _day(compared["finish_a"]) in cover
    else:
        assert "No baseline saved" in cover


def test_the_cover_names_the_driving_task_and_the_horizon():
    plan = load_plan(SAMPLES / "coe-rollout.aiplan")
    cover = pages_text(build_report(plan, ReportOptions(printed=FIXED, sections=("cover",), iterations=300)))[0]
    assert "Finish (end of initial scaling)" in cover
    assert "Inventory all AI tools and models in use: takes 4 working days longer (10 -> 14)" in cover
    for area in ("SCHEDULE", "STAFFING", "RISK", "HEALTH"):
        assert area in cover
    assert "HOW THE COLOURS ARE SET" in cover and "more than 10 working days after the baseline's" in cover


def test_pitfalls_reach_the_cover():
    plan = load_plan(SAMPLES / "source-timeline.aiplan")
    cover = pages_text(build_report(plan, ReportOptions(printed=FIXED, sections=("cover",), iterations=100)))[0]
    assert "Ignoring change management: The operating model is treated as an org chart" in cover
