"""The ``aiplanner`` entry point: what it does for every command (see also tests/commands)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import aiplanner.commands.validate as validate_command
from aiplanner.cli import SHORT_RUN_GC, main
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
