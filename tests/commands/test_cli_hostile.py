"""Every command that reads a plan, fed a broken one: one clear line naming
the file and the place, a non-zero exit, no traceback, nothing written."""

from __future__ import annotations

import json

import pytest

from aiplanner.cli import main
from aiplanner.io.native import save_plan
from tests.schedule.helpers import T, make


@pytest.fixture
def cycle_file(tmp_path):
    path = tmp_path / "loop.aiplan"
    save_plan(make([T("a", 1)]), path)
    data = json.loads(path.read_text())
    data["tasks"] = [
        {"id": "a", "name": "A", "phase": "p", "duration": 1, "depends_on": [{"task": "b"}]},
        {"id": "b", "name": "B", "phase": "p", "duration": 1, "depends_on": [{"task": "a"}]},
    ]
    path.write_text(json.dumps(data))
    return path


@pytest.fixture
def bad_region_file(tmp_path):
    path = tmp_path / "region.aiplan"
    save_plan(make([T("a", 1)], country="XX"), path)
    return path


FORMATS = ["csv", "mermaid", "mspdi", "ics", "json", "png", "svg", "pdf"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_of_a_plan_with_a_cycle_names_file_and_link(cycle_file, tmp_path, capsys, fmt):
    out = tmp_path / f"out.{fmt}"
    out.write_bytes(b"old")
    assert main(["export", str(cycle_file), "--to", fmt, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"aiplanner: {cycle_file}: $.tasks[")
    assert "dependency cycle: a -> b -> a" in err
    assert out.read_bytes() == b"old"


@pytest.mark.parametrize("fmt", ["csv", "pdf"])
def test_export_with_an_unknown_holiday_region_names_the_calendar(bad_region_file, tmp_path, capsys, fmt):
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(bad_region_file), "--to", fmt, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"aiplanner: {bad_region_file}: $.calendar.country: unknown public-holiday region 'XX'\n"
    assert not out.exists()


def test_validate_refuses_what_schedule_refuses(bad_region_file, cycle_file, capsys):
    # A plan no other command can schedule is not "valid".
    assert main(["validate", str(bad_region_file)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == f"{bad_region_file}: $.calendar.country: unknown public-holiday region 'XX'\n"
    assert main(["validate", str(cycle_file)]) == 1
    assert "dependency cycle: a -> b -> a" in capsys.readouterr().err


@pytest.mark.parametrize("dpi", ["0", "-5", "100000"])
def test_an_impossible_dpi_is_refused_before_any_work(bad_region_file, tmp_path, capsys, dpi):
    out = tmp_path / "c.png"
    with pytest.raises(SystemExit) as info:  # argparse: exit 2 with the option named
        main(["export", str(bad_region_file), "--to", "png", "--dpi", dpi, "-o", str(out)])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--dpi" in err and "internal error" not in err and not out.exists()


@pytest.mark.parametrize("command", [["schedule"], ["load"], ["check"], ["simulate", "--iterations", "5"],
                                     ["export", "--to", "csv", "-o", "-"]])
def test_a_date_out_of_range_is_named_by_its_task_field(tmp_path, capsys, command):
    path = tmp_path / "far.aiplan"
    save_plan(make([T("a", 1), T("b", 1, "a")]), path)
    data = json.loads(path.read_text())
    data["tasks"][1]["not_before"] = "9999-12-30"
    path.write_text(json.dumps(data))
    assert main([command[0], str(path), *command[1:]]) == 2
    assert capsys.readouterr().err == (f"aiplanner: {path}: $.tasks[1].not_before: "
                                       "outside the supported years 1900-2400 (got '9999-12-30')\n")


@pytest.mark.parametrize("target", ["{plan}", "{link}"])
def test_export_never_writes_over_the_plan_it_reads(tmp_path, capsys, target):
    plan = tmp_path / "p.aiplan"
    save_plan(make([T("a", 1)]), plan)
    (tmp_path / "link.aiplan").symlink_to(plan)
    before = plan.read_bytes()
    out = target.format(plan=plan, link=tmp_path / "link.aiplan")
    assert main(["export", str(plan), "--to", "csv", "-o", out]) == 2
    assert capsys.readouterr().err == f"aiplanner: {out}: is the plan being exported; choose another output file\n"
    assert plan.read_bytes() == before


def test_import_never_writes_over_the_file_it_reads(tmp_path, capsys):
    source = tmp_path / "t.csv"
    source.write_text("id,name,duration,start\na,A,3,2026-05-04\n", encoding="utf-8")
    assert main(["import", str(source), "--from", "csv", "-o", str(source)]) == 2
    assert capsys.readouterr().err == f"aiplanner: {source}: is the file being imported; choose another output file\n"
    assert source.read_text(encoding="utf-8").startswith("id,name")


def test_baseline_of_a_plan_with_a_cycle_names_file_and_link_and_writes_nothing(cycle_file, capsys):
    before = cycle_file.read_bytes()
    assert main(["baseline", str(cycle_file), "--name", "v1", "--no-risk"]) == 2
    err = capsys.readouterr().err
    assert err == f"aiplanner: {cycle_file}: $.tasks[0].depends_on[0]: dependency cycle: a -> b -> a\n"
    assert cycle_file.read_bytes() == before


@pytest.mark.parametrize("command", [["compare", "--a", "current", "--b", "current"],
                                     ["scenario", "--name", "s", "--duration", "a=2"]])
def test_workshop_commands_on_a_plan_with_a_cycle_name_the_link(cycle_file, capsys, command):
    before = cycle_file.read_bytes()
    assert main([command[0], str(cycle_file), *command[1:]]) == 2
    err = capsys.readouterr().err
    assert err == f"aiplanner: {cycle_file}: $.tasks[0].depends_on[0]: dependency cycle: a -> b -> a\n"
    assert cycle_file.read_bytes() == before


def _denied(*args, **kwargs):
    raise PermissionError(13, "Permission denied")


@pytest.mark.parametrize("command", [["schedule", "{plan}"], ["export", "{plan}", "--to", "csv", "-o", "{out}"],
                                     ["import", "{csv}", "-o", "{out}"]])
def test_an_unreadable_file_is_named(tmp_path, monkeypatch, capsys, command):
    # Root reads any file, so the refusal is simulated where the file is opened.
    plan = tmp_path / "p.aiplan"
    save_plan(make([T("a", 1)]), plan)
    source = tmp_path / "t.csv"
    source.write_text("name,duration\nA,1\n", encoding="utf-8")
    out = tmp_path / "out.file"
    argv = [a.format(plan=plan, csv=source, out=out) for a in command]
    monkeypatch.setattr("os.open", _denied)
    assert main(argv) == 2
    read = source if command[0] == "import" else plan
    assert capsys.readouterr().err == f"aiplanner: {read}: permission denied (cannot read the file)\n"
    assert not out.exists()


def test_an_unwritable_folder_is_named(tmp_path, monkeypatch, capsys):
    import tempfile

    plan = tmp_path / "p.aiplan"
    save_plan(make([T("a", 1)]), plan)
    monkeypatch.setattr(tempfile, "mkstemp", _denied)
    out = tmp_path / "out.csv"
    assert main(["export", str(plan), "--to", "csv", "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"aiplanner: {out}: cannot write: Permission denied\n"
    assert not out.exists()
