"""The examples in the scheduling docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", ["aiplanner.schedule.calendar", "aiplanner.schedule.availability", "aiplanner.schedule.incremental", "aiplanner.schedule.progress"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
