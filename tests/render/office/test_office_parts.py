"""The pieces under the deck and the workbook: their docstring examples, and the
scenario chosen in the window (the plan handed over with the scenario's name)."""

from __future__ import annotations

import doctest
import importlib

import pytest

from tests.render.office.conftest import COE


@pytest.mark.parametrize("module", [
    "aiplanner.render.office.package", "aiplanner.render.office.context", "aiplanner.render.office.pptx_shapes",
    "aiplanner.render.office.pptx_timeline", "aiplanner.render.office.pptx_gantt",
    "aiplanner.render.office.pptx_tables",
])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


def test_a_plan_handed_over_with_a_scenario_name_shows_the_scenario():
    from aiplanner.io.exporters import ExportRequest
    from aiplanner.io.native import load_plan
    from aiplanner.model.errors import InvalidPlanError
    from aiplanner.render.office.context import OfficeContext
    from aiplanner.schedule import schedule_plan

    plan = load_plan(COE)
    ctx = OfficeContext(ExportRequest(plan=plan, options={"scenario": "Second MLOps engineer"}))
    assert ctx.scenario == "Second MLOps engineer" and not ctx.plan.scenarios
    assert len(ctx.plan.people) == len(plan.people) + 1
    assert ctx.schedule.finish == schedule_plan(ctx.plan).finish
    same = OfficeContext(ExportRequest(plan=plan, options={"scenario": "current"}))
    assert same.scenario is None and same.plan is plan
    with pytest.raises(InvalidPlanError, match="no scenario named 'Nope'"):
        OfficeContext(ExportRequest(plan=plan, source="coe.aiplan", options={"scenario": "Nope"}))


def test_the_zip_stamp_and_xml_text():
    import datetime as dt
    import io
    import zipfile

    from aiplanner.render.office.package import fixed_zip, xml_text

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as z:
        z.writestr("b.xml", "<b/>")
        z.writestr("a.xml", "<a/>")
    fixed = fixed_zip(raw.getvalue(), dt.datetime(2026, 5, 28, 20, 26, 40))
    with zipfile.ZipFile(io.BytesIO(fixed)) as z:
        assert z.namelist() == ["b.xml", "a.xml"]  # order kept
        assert {i.date_time for i in z.infolist()} == {(2026, 5, 28, 20, 26, 40)}
        assert z.read("a.xml") == b"<a/>"
    assert xml_text("a\x00b\x1fc\ud800d\tok\n") == "abcd\tok\n"
