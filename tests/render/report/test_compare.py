"""The report's comparison section as rows."""

from __future__ import annotations

import datetime as dt

from aiplanner.render.report.compare import compare_section
from aiplanner.schedule.baseline import freeze_schedule


def test_section_against_the_latest_baseline(document):
    assert compare_section(document.plan) is None  # no baseline: no section
    document.add_baseline(freeze_schedule(document.plan, "kick-off", created=dt.date(2026, 5, 1)))
    document.update_task("a2", duration=15)
    section = compare_section(document.plan, risk=False, limit=2)
    assert section.title == "Changes since baseline kick-off"
    assert section.subtitle == "the plan now against baseline kick-off: finish 5 working days later"
    assert section.summary[0] == ("Finish", "07 Aug → 14 Aug 2026 (+5 working days)")
    assert section.summary[1] == ("Tasks", "3 moved or resized, 0 added, 0 removed, 2 unchanged")
    assert section.task_rows[0] == ("Gap Analysis", "moved", "15 Jun 2026", "26 Jun → 03 Jul 2026", "10 → 15",
                                    "±0", "+5", "+5")
    assert section.task_styles == ["alert", "alert"] and section.more_tasks == 1  # a2, d1 shown; m1 left out


def test_report_has_a_compare_section_only_with_a_baseline(document):
    from tests.render.report.test_report import report, pages_text

    plan = document.plan
    assert all("Changes since" not in page for page in pages_text(report(plan, sections=("changes", "tasks"))))
    document.add_baseline(freeze_schedule(plan, "kick-off", created=dt.date(2026, 5, 1)))
    document.update_task("a2", duration=15)
    pages = pages_text(report(plan, sections=("tasks", "changes")))
    compare_pages = [p for p in pages if "Changes since baseline kick-off" in p]
    assert len(compare_pages) == 1
    page = compare_pages[0]
    assert "(+5 working days)" in page and "Gap Analysis" in page and "10 → 15" in page
