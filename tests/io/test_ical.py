from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from aiplanner.io.ical_export import event_uid, ics_bytes
from aiplanner.schedule import schedule_plan


def test_milestones_and_phase_ends_are_all_day_events(plan):
    sched = schedule_plan(plan)
    data = ics_bytes(plan, sched)
    cal = Calendar.from_ical(data)
    assert str(cal["prodid"]).startswith("-//aiplanner//")
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"task-m1@test-plan.aiplanner", "phase-assessment-end@test-plan.aiplanner",
                           "phase-design-end@test-plan.aiplanner"}
    m1 = events["task-m1@test-plan.aiplanner"]
    assert m1.decoded("dtstart") == sched.tasks["m1"].start
    assert m1.decoded("dtend") == sched.tasks["m1"].start + dt.timedelta(days=1)
    assert isinstance(m1.decoded("dtstart"), dt.date) and not isinstance(m1.decoded("dtstart"), dt.datetime)
    end = events["phase-assessment-end@test-plan.aiplanner"]
    assert end.decoded("dtstart") == sched.phases["assessment"].finish


def test_output_is_deterministic_and_uids_stable_across_edits(plan, monkeypatch):
    sched = schedule_plan(plan)
    assert ics_bytes(plan, sched) == ics_bytes(plan, sched)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    assert b"DTSTAMP:20260528T" in ics_bytes(plan, sched)
    plan.task("a1").duration = 40
    assert event_uid(plan, "task", "m1") in ics_bytes(plan, schedule_plan(plan)).decode()
