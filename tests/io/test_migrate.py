"""Version 1 plans open in version 2: metric targets become structured, nothing is lost."""

from __future__ import annotations

import json

import pytest

from aiplanner.io import dumps, loads
from aiplanner.io.migrate import MIGRATIONS
from aiplanner.model import UnsupportedVersionError
from aiplanner.model.parts import Target

V1 = {
    "format": "aiplanner-plan", "version": 1, "start": "2026-05-04",
    "phases": [{"id": "p", "name": "P"}],
    "tasks": [{"id": "a", "name": "A", "phase": "p", "duration": 5}],
    "metrics": [
        {"id": "ttd", "category": "efficiency", "name": "Time to deploy", "target": "< 4 weeks", "unit": "weeks",
         "measurement": "Project tracking", "current": "11 weeks"},
        {"id": "tickets", "category": "efficiency", "name": "Tickets", "target": "Declining trend"},
        {"id": "rel", "category": "quality", "name": "Reliability", "target": "Meets agreed availability"},
        {"id": "seats", "category": "efficiency", "name": "Seats", "target": "≥ 70,5% of seats", "current": ""},
    ],
}


def test_v1_metrics_migrate_to_structured_targets():
    plan = loads(json.dumps(V1))
    ttd, tickets, rel, seats = plan.metrics
    assert ttd.target == Target(op="<", value=4) and ttd.target_note == "< 4 weeks"
    assert ttd.how_measured == "Project tracking"
    # the undated current value cannot be a dated measurement: kept in the notes, word for word
    assert ttd.measurements == [] and ttd.notes == "Value noted before measurements were dated: 11 weeks"
    assert tickets.target == Target(op="declining")
    assert rel.target is None and rel.target_text() == "Meets agreed availability"
    assert seats.target == Target(op=">=", value=70.5) and seats.notes == ""


def test_migrated_plan_saves_as_version_2_and_reads_back_the_same():
    plan = loads(json.dumps(V1))
    text = dumps(plan)
    assert json.loads(text)["version"] == 2 and '"current"' not in text
    assert loads(text) == plan


def test_a_plan_without_metrics_migrates_unchanged():
    bare = {k: v for k, v in V1.items() if k != "metrics"}
    assert MIGRATIONS[1](json.loads(json.dumps(bare))) == bare


def test_a_newer_version_is_refused():
    with pytest.raises(UnsupportedVersionError, match="format version 3"):
        loads(json.dumps({**V1, "version": 3}))
