from __future__ import annotations

import json
import os

import pytest

from aiplanner.io import dumps, load_plan, loads, save_plan
from aiplanner.model import CURRENT_VERSION, InvalidPlanError, PlanFileError, UnsupportedVersionError


def test_round_trip_is_stable(plan, tmp_path):
    path = tmp_path / "p.aiplan"
    save_plan(plan, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f'{{\n  "format": "aiplanner-plan",\n  "version": {CURRENT_VERSION},')
    again = load_plan(path)
    assert again == plan
    save_plan(again, path)
    assert path.read_text(encoding="utf-8") == text
    assert (tmp_path / "p.aiplan.bak").read_text(encoding="utf-8") == text


def test_unicode_names_survive(plan, tmp_path):
    plan.name = "План внедрения ИИ — Ελλάδα — 人工智能"
    path = tmp_path / "u.aiplan"
    save_plan(plan, path)
    assert "План" in path.read_text(encoding="utf-8")
    assert load_plan(path).name == plan.name


def test_newer_version_is_refused(plan):
    data = json.loads(dumps(plan))
    data["version"] = 99
    with pytest.raises(UnsupportedVersionError, match="newer aiplanner"):
        loads(json.dumps(data))


def test_old_version_is_migrated(plan):
    data = json.loads(dumps(plan))
    data["version"] = 0
    data["activities"] = data.pop("tasks")
    assert loads(json.dumps(data)).tasks == plan.tasks


def test_truncated_json_names_line(plan, tmp_path):
    path = tmp_path / "t.aiplan"
    path.write_text(dumps(plan)[:200], encoding="utf-8")
    with pytest.raises(InvalidPlanError) as info:
        load_plan(path)
    assert str(path) in str(info.value) and "line" in str(info.value)


def test_wrong_types_give_json_paths(plan, tmp_path):
    data = json.loads(dumps(plan))
    data["tasks"][2]["duration"] = "ten"
    data["tasks"][0]["progress"] = 250
    data["tasks"][1]["colour"] = "red"
    path = tmp_path / "w.aiplan"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidPlanError) as info:
        load_plan(path)
    text = str(info.value)
    assert "$.tasks[2].duration" in text and "$.tasks[0].progress" in text
    assert "$.tasks[1].colour: unknown field" in text
    assert all(line.startswith(str(path)) for line in text.splitlines())


@pytest.mark.parametrize("content", ["[]", "null", '"x"', "NaN", '{"format": "other"}', "\x00\xff"])
def test_not_a_plan(content):
    with pytest.raises(InvalidPlanError):
        loads(content.encode("latin-1"))


def test_deep_nesting_is_refused():
    with pytest.raises(InvalidPlanError, match="nested"):
        loads("[" * 100_000 + "]" * 100_000)


@pytest.mark.parametrize("levels, refused", [(60, False), (64, False), (65, True), (200, True)])
def test_nesting_deeper_than_64_levels_is_refused_before_validation(levels, refused):
    value = "1"
    for k in range(levels - 1):
        value = f"[{value}]" if k % 2 else f'{{"k": {value}}}'
    with pytest.raises(InvalidPlanError) as caught:
        loads('{"format": "aiplanner-plan", "version": 1, "notes": ' + value + "}")
    assert ("nested too deeply" in str(caught.value)) == refused


def test_huge_file_is_refused_unread(tmp_path):
    path = tmp_path / "big.aiplan"
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    with pytest.raises(PlanFileError, match="too large"):
        load_plan(path)


def test_folder_and_missing_and_unreadable(tmp_path):
    with pytest.raises(PlanFileError, match="folder"):
        load_plan(tmp_path)
    with pytest.raises(PlanFileError, match="no such file"):
        load_plan(tmp_path / "missing.aiplan")
    locked = tmp_path / "locked.aiplan"
    locked.write_text("{}")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        with pytest.raises(PlanFileError, match="permission"):
            load_plan(locked)
    finally:
        locked.chmod(0o600)


def test_failed_write_leaves_old_file(plan, tmp_path, monkeypatch):
    path = tmp_path / "p.aiplan"
    save_plan(plan, path)
    before = path.read_bytes()

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    plan.name = "changed"
    with pytest.raises(PlanFileError, match="No space left"):
        save_plan(plan, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_write_into_missing_folder(plan, tmp_path):
    with pytest.raises(PlanFileError, match="does not exist"):
        save_plan(plan, tmp_path / "nope" / "p.aiplan")
