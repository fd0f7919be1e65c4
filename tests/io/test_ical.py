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


def test_plans_named_in_other_scripts_get_distinct_stable_uids(plan):
    japanese = plan.model_copy(update={"name": "日本語の計画"})
    russian = plan.model_copy(update={"name": "Другой план"})
    german = plan.model_copy(update={"name": "Plan für Köln"})
    german2 = plan.model_copy(update={"name": "Plan für Kiel"})
    uids = {event_uid(p, "task", "a1") for p in (japanese, russian, german, german2)}
    assert len(uids) == 4
    assert event_uid(japanese, "task", "a1") == event_uid(japanese.model_copy(), "task", "a1")
    # Names in plain ASCII keep the UIDs they always had.
    assert event_uid(plan.model_copy(update={"name": "AI rollout: phase 1"}), "task", "a1") == \
        "task-a1@ai-rollout-phase-1.aiplanner"


def test_names_with_line_breaks_and_control_characters_export(plan):
    odd = plan.model_copy(update={"name": "Rollout\nsecond line\r\n\x1b[31m"})
    odd.task("m1").name = "Milestone\nwith a break"
    text = ics_bytes(odd, schedule_plan(odd)).decode()
    assert "X-WR-CALNAME:Rollout second line [31m\r\n" in text
    assert "SUMMARY:Milestone with a break\r\n" in text
    assert "\x1b" not in text
