"""Fixtures for the dockable views: a session over the shared ``plan`` fixture
with people, a responsibility matrix and metrics added."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def staffed_plan(plan):
    from aiplanner.model.plan import (Absence, Assignment, Measurement, Metric, Person, ResponsibilityMatrix,
                                      ResponsibilityRow, Target)

    plan.people = [
        Person(id="ana", name="Ana Ruiz", capacity=1.0,
               absences=[Absence(start=dt.date(2026, 6, 1), end=dt.date(2026, 6, 5))]),
        Person(id="ben", name="Ben Okafor", capacity=0.5),
    ]
    plan.assignments = [Assignment(person="ana", role="ai-product-manager", share=0.6),
                        Assignment(person="ben", role="ai-product-manager", share=0.4)]
    plan.responsibilities = ResponsibilityMatrix(
        parties=["Central AI team", "Business units"],
        rows=[ResponsibilityRow(function="Platform", cells={"Central AI team": "Owns", "Business units": "Uses"}),
              ResponsibilityRow(function="Use cases", cells={"Business units": "Delivers"})],
    )
    plan.metrics = [
        Metric(id="ttv", category="efficiency", name="Time to value", target=Target(op="<", value=3),
               target_note="< 3 months", unit="months"),
        Metric(id="adoption", category="value", name="Adoption rate", target=Target(op=">=", value=60), unit="%",
               measurements=[Measurement(date=dt.date(2026, 4, 30), value=12),
                             Measurement(date=dt.date(2026, 5, 29), value=20, note="team survey")]),
    ]
    return plan


@pytest.fixture
def view_session(qtbot, staffed_plan):
    from aiplanner.model.document import Document
    from aiplanner.ui.session import PlanSession

    session = PlanSession(Document(staffed_plan))
    yield session
    # The undo stack outlives the session's Python wrapper during teardown.
    session.undo_stack.cleanChanged.disconnect()


def is_blank(widget) -> bool:
    """True when a grab of ``widget`` is one flat colour."""
    image = widget.grab().toImage()
    first = image.pixel(0, 0)
    step = max(1, min(image.width(), image.height()) // 60)
    return all(image.pixel(x, y) == first for x in range(0, image.width(), step)
               for y in range(0, image.height(), step))


def save_grab(widget, name: str) -> None:
    """Save a grab to ``$AIPLANNER_SHOTS/name.png`` when that is set (for looking at)."""
    import os

    folder = os.environ.get("AIPLANNER_SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, f"{name}.png"))
