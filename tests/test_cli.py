"""The ``aiplanner`` entry point: what it does for every command (see also tests/commands)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import aiplanner.commands.validate as validate_command
from aiplanner.cli import SHORT_RUN_GC, _command_modules, command_module, main
from tests.paths import SAMPLES


def test_a_command_runs_with_the_short_run_collector_and_the_defaults_come_back(monkeypatch):
    seen = []
    monkeypatch.setattr(validate_command, "run", lambda args: seen.append(gc.get_threshold()) or 0)
    before = gc.get_threshold()
    assert main(["validate", str(SAMPLES / "coe-rollout.aiplan")]) == 0
    assert seen == [SHORT_RUN_GC] and gc.get_threshold() == before
    assert gc.get_freeze_count() == 0  # a call from Python goes on: nothing is frozen


def test_the_program_leaves_without_walking_its_heap():
    code = ("import gc, sys\nfrom aiplanner.cli import main\n"
            "sys.argv = ['aiplanner', 'validate', sys.argv[1]]\n"
            "code = main()\nprint(code, gc.get_freeze_count() > 0)")
    done = subprocess.run([sys.executable, "-c", code, str(SAMPLES / "coe-rollout.aiplan")], capture_output=True,
                          text=True, timeout=120, env={**os.environ})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == ["0", "True"]


def test_every_command_is_found_by_its_name_and_a_file_name_is_no_command():
    modules = _command_modules()
    assert len(modules) >= 14
    for module in modules:
        assert command_module(module.NAME) is module
        assert "." not in module.NAME and "/" not in module.NAME  # what tells a command from a file name
    assert command_module("plan.aiplan") is None and command_module("samples/coe") is None
    assert command_module("nonsense") is None and command_module(None) is None


def test_a_run_sets_up_its_own_command_only(capsys):
    assert main(["schedule", str(SAMPLES / "coe-rollout.aiplan"), "--format", "json"]) == 0
    assert '"tasks"' in capsys.readouterr().out
    code = ("import sys\nfrom aiplanner.cli import main\n"
            "main(['validate', sys.argv[1]])\n"
            "print(sorted(m for m in sys.modules if m.startswith('aiplanner.commands.') and '._' not in m))")
    done = subprocess.run([sys.executable, "-c", code, str(SAMPLES / "coe-rollout.aiplan")], capture_output=True,
                          text=True, timeout=120, env={**os.environ})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "['aiplanner.commands.validate']"
