"""The examples in the catalogue's docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", ["loader", "templates", "template_spec", "source_chart"])
def test_doctests(module):
    mod = importlib.import_module(f"aiplanner.catalog.{module}")
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
