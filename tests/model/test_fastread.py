"""The command line's fast path: the plan validated by pydantic-core with Plan's own schema.

Same values as pydantic's models where it answers, ``None`` (the ordinary reader
decides and explains) wherever anything is not plainly right.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from aiplanner.io.native import load_plan, save_plan
from aiplanner.model import fastread
from aiplanner.model.rules import CURRENT_VERSION
from tests.paths import SAMPLES


def _plain(value):
    if isinstance(value, fastread.Record):
        return {k: _plain(v) for k, v in vars(value).items() if not k.startswith("__")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@pytest.fixture
def snapshot():
    fastread._VALIDATOR.clear()
    path = fastread.remember_schema()
    assert path is not None and path.is_file() and str(path).startswith(os.environ["XDG_CACHE_HOME"])
    yield path
    fastread._VALIDATOR.clear()


def test_without_a_snapshot_the_ordinary_reader_is_asked(tmp_path):
    fastread._VALIDATOR.clear()
    assert fastread.read_validated(SAMPLES / "coe-rollout.aiplan") is None


@pytest.mark.parametrize("name", sorted(p.stem for p in SAMPLES.glob("*.aiplan")))
def test_every_sample_reads_to_the_same_values_as_pydantic(snapshot, name):
    fast = fastread.read_validated(SAMPLES / f"{name}.aiplan")
    assert fast is not None, "the fast path must take the shipped samples"
    slow = load_plan(SAMPLES / f"{name}.aiplan")
    assert _plain(fast) == slow.model_dump()
    assert fast.task_index().keys() == slow.task_index().keys()
    assert [t.is_milestone for t in fast.tasks] == [t.is_milestone for t in slow.tasks]


def test_defaults_and_normalised_values_are_pydantic_s(snapshot, tmp_path):
    path = tmp_path / "p.aiplan"
    path.write_text(json.dumps({"format": "aiplanner-plan", "version": CURRENT_VERSION, "start": "2026-05-04",
                                "calendar": {"workdays": ["fri", "mon"]}, "phases": [{"id": "p", "name": "P"}],
                                "tasks": [{"id": "a", "name": "A", "phase": "p", "duration": 2}]}))
    fast = fastread.read_validated(path)
    assert fast is not None and _plain(fast) == load_plan(path).model_dump()
    assert fast.calendar.workdays == ["mon", "fri"] and fast.responsibilities.rows == []  # validator, default factory
    bare = tmp_path / "bare.aiplan"
    bare.write_text('{"start": "2026-05-04"}')
    assert _plain(fastread.read_validated(bare)) == load_plan(bare).model_dump()


@pytest.mark.parametrize("change", [
    lambda d: d["tasks"].append(dict(d["tasks"][0])),                      # duplicate id (plan_problems)
    lambda d: d["tasks"][0].update(duration="long"),                       # wrong type
    lambda d: d["tasks"][0].update(estimate={"optimistic": 9, "likely": 2, "pessimistic": 1}),  # a rule
    lambda d: d["tasks"][0].update(surprise=1),                            # unknown key
    lambda d: d.update(version=0),                                         # an older version: migrated elsewhere
    lambda d: d.update(version=True),
    lambda d: d.update(format="other"),
    lambda d: d.update(notes=json.loads("[" * 70 + "]" * 70)),             # nested too deeply
])
def test_anything_not_plainly_right_goes_to_the_ordinary_reader(snapshot, tmp_path, change):
    data = json.loads((SAMPLES / "coe-rollout.aiplan").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "bad.aiplan"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert fastread.read_validated(path) is None
    (tmp_path / "broken.aiplan").write_text('{"start": ', encoding="utf-8")
    assert fastread.read_validated(tmp_path / "broken.aiplan") is None


def test_a_snapshot_of_other_models_or_versions_is_never_used(snapshot, monkeypatch):
    fastread._VALIDATOR.clear()
    monkeypatch.setattr(fastread, "_key", lambda: "0" * 24)  # the sources or pydantic changed
    assert fastread.read_validated(SAMPLES / "coe-rollout.aiplan") is None


def test_the_schedule_command_prints_the_same_either_way_and_needs_no_pydantic(tmp_path, plan):
    plan_file = tmp_path / "p.aiplan"
    save_plan(plan, plan_file)
    env = {**os.environ, "AIPLANNER_CACHE_DIR": str(tmp_path / "cache")}
    code = ("import runpy, sys; sys.argv = ['aiplanner', 'schedule', sys.argv[1], '--format', 'json']\n"
            "try:\n    runpy.run_module('aiplanner', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "typed = 'pydantic_core.core_schema' in sys.modules  # the package's typing layer, not needed\n"
            "print('PYDANTIC' if 'pydantic.main' in sys.modules else 'CORE PACKAGE' if typed else 'CORE ONLY',"
            " file=sys.stderr)")
    runs = [subprocess.run([sys.executable, "-c", code, str(plan_file)], env=env, capture_output=True, text=True,
                           timeout=120) for _ in range(2)]
    assert [r.stderr.strip().splitlines()[-1] for r in runs] == ["PYDANTIC", "CORE ONLY"]  # the first leaves a snapshot
    assert runs[0].stdout == runs[1].stdout and json.loads(runs[1].stdout)["tasks"]
