"""File > Export exports what the window shows — and says so, and lets the user change it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "coe-rollout.aiplan"
EARLY = "Platform work starts early"


@pytest.fixture
def sample_window(main_window):
    assert main_window.files.open_path(SAMPLE, ask=False)
    return main_window


def _export(window, prompts, fill):
    dialogs = []

    def run(dialog):
        dialogs.append(dialog)
        return fill(dialog)

    prompts.accept_dialogs.append(run)
    window.actions_by_name["export"].trigger()
    assert not prompts.errors, prompts.errors
    return dialogs[0]


def test_the_scenario_shown_is_exported_and_the_dialog_says_so(sample_window, prompts, tmp_path):
    window = sample_window
    window.workshop_bar.set_scenario(EARLY)
    out = tmp_path / "shown.json"

    def fill(dialog):
        assert dialog.fields["scenario"][1].currentData() == EARLY
        assert EARLY in dialog.summary.text() and "This is what the window shows" in dialog.summary.text()
        assert "scenario" in dialog.output.text().lower() or EARLY.split()[0] in dialog.output.text()
        dialog.set_format("json")
        assert dialog.form.isRowVisible(dialog.fields["scenario"][1])
        assert not dialog.form.isRowVisible(dialog.fields["paper"][1])
        dialog.output.setText(str(out))
        return True

    _export(window, prompts, fill)
    assert json.loads(out.read_text())["project"]["finish"] == "2026-12-30"  # the scenario's, not 2027-01-07
    assert window.lens.scenario == EARLY


def test_changing_the_scenario_in_the_dialog_exports_that_and_leaves_the_window(sample_window, prompts, tmp_path):
    window = sample_window
    window.workshop_bar.set_scenario(EARLY)
    out = tmp_path / "plan.json"

    def fill(dialog):
        dialog.set_format("json")
        dialog.set_value("scenario", "current")
        assert "the plan itself" in dialog.summary.text() and "Not what the window shows" in dialog.summary.text()
        dialog.output.setText(str(out))
        return True

    _export(window, prompts, fill)
    assert json.loads(out.read_text())["project"]["finish"] == "2027-01-07"
    assert window.lens.scenario == EARLY


def test_baseline_and_status_date_start_from_the_window(sample_window, prompts, tmp_path):
    window = sample_window
    window.workshop_bar.set_baseline("Kick-off plan")
    seen = {}

    def fill(dialog):
        dialog.set_format("pdf")
        seen.update(dialog.options())
        assert dialog.fields["today"][1].date() == dt.date(2026, 6, 5)  # the plan's status date
        assert "Kick-off plan" in dialog.summary.text() and "05 Jun 2026" in dialog.summary.text()
        return False

    _export(window, prompts, fill)
    assert seen["baseline"] == "Kick-off plan" and seen["today"] == dt.date(2026, 6, 5)
    assert seen.get("scenario") is None


def test_no_baseline_on_screen_none_exported_and_an_empty_status_date_draws_no_line(sample_window, prompts):
    seen = {}

    def fill(dialog):
        dialog.set_format("png")
        seen["first"] = dialog.options()
        dialog.fields["today"][1].setText("")
        seen["second"] = dialog.options()
        return False

    _export(sample_window, prompts, fill)
    assert seen["first"]["baseline"] == "none" and seen["second"]["today"] is None


def test_after_the_export_the_file_opens_in_its_program(main_window, prompts, tmp_path, monkeypatch):
    from aiplanner.ui.files import export_dialog

    opened = []
    monkeypatch.setattr(export_dialog.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    out = tmp_path / "plan.csv"

    def fill(dialog):
        dialog.set_format("csv")
        dialog.output.setText(str(out))
        return True

    prompts.answers.append("Open")
    _export(main_window, prompts, fill)
    assert opened == [str(out)] and prompts.questions[-1][0] == "Exported"
    prompts.answers.append("Show folder")
    _export(main_window, prompts, fill)
    assert opened[-1] == str(tmp_path)


def test_a_bad_date_in_the_dialog_is_refused_with_a_message(main_window, prompts, tmp_path):
    def fill(dialog):
        dialog.set_format("pdf")
        dialog.output.setText(str(tmp_path / "x.pdf"))
        dialog.fields["today"][1].setText("2026-02-31")
        return True

    prompts.accept_dialogs.append(fill)
    assert not main_window.export_dialog()
    assert prompts.errors and "2026-02-31" in prompts.errors[-1][1]
    assert not (tmp_path / "x.pdf").exists()
