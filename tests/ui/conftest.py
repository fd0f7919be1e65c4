"""Fixtures of the window tests: ``plan`` -> ``document`` -> ``session`` / ``main_window``."""

from __future__ import annotations

import pytest


@pytest.fixture
def session(qapp, document):
    """The small test plan opened in a :class:`PlanSession`."""
    from aiplanner.ui.session import PlanSession

    return PlanSession(document)
