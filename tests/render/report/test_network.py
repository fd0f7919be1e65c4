"""The report's network pages: overview always, detail pages when the overview is too dense."""

from __future__ import annotations

from aiplanner.render.report.network import critical_subplan
from aiplanner.schedule import schedule_plan

from tests.render.plans import make_plan
from tests.render.report.test_report import pages_text, report


def test_small_network_fits_one_page_with_names(plan):
    texts = pages_text(report(plan, sections=("network",)))
    assert len(texts) == 1 and texts[0].strip().startswith("Dependency network")
    for task in plan.tasks:
        assert task.id in texts[0] and task.name in texts[0]
    assert "5 tasks and 5 dependencies" in texts[0]
    assert "crossing" not in texts[0]  # the reader's words, not the layout's


def test_big_network_gets_its_critical_path_in_detail():
    plan = make_plan(160)
    schedule = schedule_plan(plan)
    texts = pages_text(report(plan, sections=("network",)))
    assert texts[0].strip().startswith("Dependency network") and "critical path in detail" in texts[0]
    detail = " ".join(texts[1:])
    assert texts[1].strip().startswith("Critical path")
    critical = schedule.critical_tasks()
    assert critical and all(tid in detail for tid in critical)
    assert len(critical_subplan(plan, schedule).tasks) == len(critical)


def test_mid_size_network_is_shown_whole_in_bands():
    plan = make_plan(48)
    texts = pages_text(report(plan, sections=("network",)))
    assert texts[0].strip().startswith("Dependency network") and "read each band" in texts[0]
    shown = " ".join(texts)
    assert all(task.id in shown for task in plan.tasks)
