"""Format version 2: the symptom checklist and the derived marks are optional; version-1 files load as they are."""

from __future__ import annotations

import json

import pytest

from aiplanner.io import dumps, loads
from aiplanner.model import CURRENT_VERSION, InvalidPlanError

V1 = {"format": "aiplanner-plan", "version": 1, "start": "2026-05-04",
      "phases": [{"id": "p", "name": "P"}], "tasks": [{"id": "a", "name": "A", "phase": "p", "duration": 5}],
      "responsibilities": {"parties": ["Centre"], "rows": [{"function": "Platform", "cells": {"Centre": "Owns"}}]},
      "metrics": [{"id": "m", "category": "value", "name": "AI ROI", "target": "Rising trend"}]}


def test_a_version_1_file_loads_and_saves_as_version_2():
    plan = loads(json.dumps(V1))
    assert CURRENT_VERSION == 2 and plan.version == 2
    assert plan.symptoms == [] and not plan.responsibilities.derived and not plan.metrics[0].derived
    text = dumps(plan)
    assert '"version": 2' in text and "symptoms" not in text and "derived" not in text  # defaults stay out


def test_answers_and_marks_round_trip():
    data = {**V1, "version": 2,
            "symptoms": [{"symptom": "compliance-gaps", "answer": "partly", "note": "two teams"}],
            "responsibilities": {**V1["responsibilities"], "derived": True, "note": "read from prose"},
            "metrics": [{**V1["metrics"][0], "target": {"op": "rising"}, "derived": True}]}
    plan = loads(json.dumps(data))
    assert plan.symptoms[0].answer == "partly" and plan.responsibilities.note == "read from prose"
    assert loads(dumps(plan)) == plan


def test_bad_answers_are_refused_with_their_place():
    data = {**V1, "symptoms": [{"symptom": "rising-costs", "answer": "maybe"}]}
    with pytest.raises(InvalidPlanError, match=r"\$\.symptoms\[0\]\.answer"):
        loads(json.dumps(data))
    twice = {**V1, "symptoms": [{"symptom": "rising-costs", "answer": "yes"}, {"symptom": "rising-costs", "answer": "no"}]}
    with pytest.raises(InvalidPlanError, match=r"\$\.symptoms\[1\]\.symptom: symptom 'rising-costs' is answered twice"):
        loads(json.dumps(twice))
