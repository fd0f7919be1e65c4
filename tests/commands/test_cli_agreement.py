"""What ``validate`` accepts, every command can use; what it refuses names the file and the JSON path.

Also: inputs that are not regular files are refused at once, and names from a
plan never reach the terminal as control sequences.
"""

from __future__ import annotations

import json
import os

import pytest

from aiplanner.cli import main
from aiplanner.io.native import save_plan
from tests.schedule.helpers import T, make

COMMANDS = [["check"], ["load"], ["level", "-o", "{out}"], ["simulate", "--iterations", "50", "--seed", "1"],
            ["schedule"]]


def _plan_file(tmp_path, edit) -> str:
    path = tmp_path / "p.aiplan"
    plan = make([T("a", 3), T("b", 2, "a")])
    save_plan(plan, path)
    data = json.loads(path.read_text())
    data["roles"] = [{"id": "r", "name": "R"}]
    data["people"] = [{"id": "ann", "name": "Ann"}]
    data["assignments"] = [{"person": "ann", "role": "r"}]
    data["tasks"][0]["demands"] = [{"role": "r", "fte": 1}]
    edit(data)
    path.write_text(json.dumps(data))
    return str(path)


def _absence(start, end):
    return lambda data: data["people"][0].__setitem__("absences", [{"start": start, "end": end}])


def _estimate(pessimistic):
    return lambda data: data["tasks"][0].__setitem__("estimate",
                                                      {"optimistic": 1, "likely": 3, "pessimistic": pessimistic})


@pytest.mark.parametrize("edit, path", [
    (_absence("0001-01-01", "9999-12-31"), "$.people[0].absences[0].start"),
    (_estimate(1e308), "$.tasks[0].estimate.pessimistic"),
])
def test_validate_refuses_what_the_other_commands_cannot_handle(tmp_path, capsys, edit, path):
    file = _plan_file(tmp_path, edit)
    assert main(["validate", file]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{file}: {path}: ")
    for command in COMMANDS:
        argv = [command[0], file, *[a.format(out=tmp_path / "out.aiplan") for a in command[1:]]]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"aiplanner: {file}: {path}: "), err


@pytest.mark.parametrize("edit", [_absence("1900-01-01", "2400-12-31"), _estimate(50_000)])
def test_what_validate_accepts_every_command_runs_cleanly(tmp_path, capsys, edit):
    file = _plan_file(tmp_path, edit)
    assert main(["validate", file]) == 0
    capsys.readouterr()
    for command in COMMANDS:
        argv = [command[0], file, *[a.format(out=tmp_path / "out.aiplan") for a in command[1:]]]
        code = main(argv)
        out, err = capsys.readouterr()
        assert "internal error" not in err and "RuntimeWarning" not in err
        assert code in (0, 1) or err.startswith(f"aiplanner: {file}: $"), (command, err)


def test_pessimistic_estimates_past_the_calendar_are_refused_by_validate(tmp_path, capsys):
    def long_chain(data):
        data["tasks"] = [{"id": f"t{k}", "name": f"T{k}", "phase": "p", "duration": 1,
                          "estimate": {"optimistic": 1, "likely": 1, "pessimistic": 100_000},
                          "depends_on": [{"task": f"t{k - 1}"}] if k else []} for k in range(3)]
        data["tasks"][0]["demands"] = [{"role": "r", "fte": 1}]
    file = _plan_file(tmp_path, long_chain)
    assert main(["validate", file]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{file}: $.tasks[0].estimate.pessimistic: with pessimistic durations the plan runs past")


def test_levelling_that_finds_no_room_names_the_file(tmp_path, capsys):
    file = _plan_file(tmp_path, _absence("2026-05-01", "2400-12-31"))
    assert main(["level", file, "-o", str(tmp_path / "out.aiplan")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"aiplanner: {file}: $.people: levelling finds no room") and err.count("\n") == 1
    assert not (tmp_path / "out.aiplan").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("argv", [["validate", "{f}"], ["schedule", "{f}"], ["check", "{f}"],
                                  ["import", "{f}", "--from", "csv", "-o", "{out}"],
                                  ["export", "{f}", "--to", "csv", "-o", "{out}"]])
def test_a_fifo_is_refused_without_waiting(tmp_path, capsys, monkeypatch, argv):
    from aiplanner.model.fastread import remember_schema

    monkeypatch.setenv("AIPLANNER_CACHE_DIR", str(tmp_path / "cache"))
    assert remember_schema() is not None  # the schedule command's fast reader is in play too
    fifo = tmp_path / "pipe.aiplan"
    os.mkfifo(fifo)
    out = tmp_path / "out.file"
    code = main([a.format(f=fifo, out=out) for a in argv])  # would block for ever if it opened the FIFO
    assert code in (1, 2)
    err = capsys.readouterr().err
    assert f"{fifo}: is a pipe (FIFO), not a regular file" in err
    assert not out.exists()


def test_a_device_is_refused(capsys):
    assert main(["schedule", "/dev/zero"]) == 2
    assert capsys.readouterr().err == "aiplanner: /dev/zero: is a device, not a regular file; save it to a file first\n"


ESC = "\x1b]0;pwned\x07\x1b[31mred\x1b[0m"


@pytest.mark.parametrize("argv", [["schedule", "{f}"], ["simulate", "{f}", "--iterations", "20", "--seed", "1"],
                                  ["load", "{f}"], ["check", "{f}"], ["schedule", "{f}", "--format", "json"],
                                  ["level", "{f}", "-o", "-"]])
def test_names_never_reach_the_terminal_as_control_sequences(tmp_path, capsys, argv):
    def hostile(data):
        data["name"] = "Plan\nwith" + ESC
        data["tasks"][0]["name"] = "A" + ESC + "\x9b2J"
    file = _plan_file(tmp_path, hostile)
    main([a.format(f=file) for a in argv])
    out, err = capsys.readouterr()
    for text in (out, err):
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    if "json" in argv or argv[0] == "level":
        body = out if "json" in argv else out[out.index("{"):out.rindex("}") + 1]
        names = json.dumps(json.loads(body))
        assert "\\u001b" in names  # still the same name, escaped as JSON escapes it


def test_schedule_table_shows_control_characters_as_escapes(tmp_path, capsys):
    file = _plan_file(tmp_path, lambda data: data["tasks"][0].__setitem__("name", "A\x1b[31mB\nC"))
    assert main(["schedule", file]) == 0
    out = capsys.readouterr().out
    assert "A\\u001b[31mB\\nC" in out
    rows = [line for line in out.splitlines() if line.startswith(("a ", "b "))]
    assert len(rows) == 2  # the newline did not split the row
