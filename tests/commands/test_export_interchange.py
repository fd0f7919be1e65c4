from __future__ import annotations

import json

import pytest

from aiplanner.cli import main
from aiplanner.io import save_plan
from aiplanner.io.importing import import_file


@pytest.fixture
def plan_file(plan, tmp_path):
    path = tmp_path / "plan.aiplan"
    save_plan(plan, path)
    return path


@pytest.mark.parametrize("fmt, suffix, start", [("csv", ".csv", b"id,name,phase,start"),
                                                ("mermaid", ".mmd", b"gantt\n"),
                                                ("mspdi", ".xml", b"<?xml"),
                                                ("ics", ".ics", b"BEGIN:VCALENDAR"),
                                                ("json", ".json", b"{")])
def test_export_formats(plan_file, tmp_path, fmt, suffix, start):
    out = tmp_path / f"out{suffix}"
    assert main(["export", str(plan_file), "--to", fmt, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(start)


def test_json_is_the_schedule_command_json(plan_file, tmp_path, capsys):
    out = tmp_path / "s.json"
    assert main(["export", str(plan_file), "--to", "json", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["schedule", str(plan_file), "--format", "json"]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("fmt, suffix", [("mermaid", ".mmd"), ("mspdi", ".xml"), ("csv", ".csv")])
def test_export_then_import_keeps_the_schedule(plan, plan_file, tmp_path, fmt, suffix):
    out = tmp_path / f"out{suffix}"
    assert main(["export", str(plan_file), "--to", fmt, "-o", str(out)]) == 0
    back = tmp_path / "back.aiplan"
    assert main(["import", str(out), "-o", str(back)]) == 0
    again = import_file(out).plan
    assert [(t.id, t.duration, t.depends_on) for t in again.tasks] == [
        (t.id, t.duration, t.depends_on) for t in plan.tasks]
