"""``aiplanner export``: which plan (``--scenario``), which baseline and status date are exported."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from aiplanner.cli import main
from aiplanner.io.exporters import ExportRequest, register_exporter

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "coe-rollout.aiplan"
SEEN: dict = {}


def _spy(request: ExportRequest) -> bytes:
    SEEN.clear()
    SEEN.update(request.options, plan=request.plan)
    return b"ok"


@pytest.fixture
def spy(monkeypatch):
    import aiplanner.io.exporters as registry

    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    register_exporter("spy", f"{__name__}:_spy", suffix=".spy", description="test")
    return SEEN


@pytest.fixture
def sample(tmp_path):
    return Path(shutil.copy(SAMPLE, tmp_path / "coe.aiplan"))


def test_the_scenario_is_what_is_exported(sample, tmp_path):
    out = tmp_path / "s.json"
    assert main(["export", str(sample), "--to", "json", "-o", str(out), "--scenario", "Platform work starts early"]) == 0
    shown = json.loads(out.read_text())
    plain = tmp_path / "p.json"
    assert main(["export", str(sample), "--to", "json", "-o", str(plain)]) == 0
    assert shown["project"]["finish"] == "2026-12-30" and json.loads(plain.read_text())["project"]["finish"] == "2027-01-07"


def test_the_exported_scenario_says_so_in_its_name(sample, tmp_path, spy):
    assert main(["export", str(sample), "--to", "spy", "-o", str(tmp_path / "x.spy"), "--scenario",
                 "Platform work starts early"]) == 0
    assert spy["scenario"] == "Platform work starts early"
    assert spy["plan"].name.endswith("(scenario: Platform work starts early)")
    assert not spy["plan"].scenarios  # the scenario's own plan
    assert main(["export", str(sample), "--to", "spy", "-o", str(tmp_path / "y.spy"), "--scenario", "current"]) == 0
    assert "scenario" not in spy["plan"].name


def test_an_unknown_scenario_is_a_one_line_error_naming_the_choices(sample, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["export", str(sample), "--to", "pdf", "-o", str(out), "--scenario", "nope"]) != 0
    err = capsys.readouterr().err
    assert "coe.aiplan" in err and "nope" in err and "Platform work starts early" in err
    assert not out.exists()


def test_the_status_line_defaults_to_the_plans_status_date(sample, tmp_path, spy):
    out = str(tmp_path / "x.spy")
    assert main(["export", str(sample), "--to", "spy", "-o", out]) == 0
    assert spy["today"] == dt.date(2026, 6, 5)
    assert main(["export", str(sample), "--to", "spy", "-o", out, "--today", "2026-07-01"]) == 0
    assert spy["today"] == dt.date(2026, 7, 1)
    assert main(["export", str(sample), "--to", "spy", "-o", out, "--today", "none"]) == 0
    assert spy["today"] is None


def test_the_pdf_of_a_scenario_has_its_dates_its_name_and_the_status_line(sample, tmp_path):
    from tests.render.report.test_report import pages_text

    out = tmp_path / "s.pdf"
    assert main(["export", str(sample), "--to", "pdf", "-o", str(out), "--sections", "timeline",
                 "--scenario", "Platform work starts early", "--baseline", "Kick-off plan"]) == 0
    text = " ".join(pages_text(out.read_bytes()))
    assert "scenario: Platform work starts early" in text
    assert "30 Dec 2026" in text or "2026-12-30" in text
    assert "2026-06-05" in text or "5 Jun" in text  # the status line's legend entry
