"""Milestones and phase ends as an iCalendar file (all-day events).

Each event has a UID derived from the plan name and the task or phase id
(``task-a1@<plan-slug>.aiplanner``), so importing a newer export into a
calendar updates the events instead of adding copies. ``DTSTAMP`` comes from
``SOURCE_DATE_EPOCH`` (or a fixed date), so the same plan gives the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import re

from aiplanner import __version__
from aiplanner.io.exporting import Output, source_date, write_out
from aiplanner.io.reading import slugify
from aiplanner.model.plan import Plan
from aiplanner.schedule.cpm import Schedule

__all__ = ["ics_bytes", "export_ics", "event_uid"]

_ONE = dt.timedelta(days=1)
# RFC 5545 allows no control character but tab in a text value; line breaks are escaped
# (\n) by icalendar in the standard properties, and have no escape in X- properties.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _text(value: str, one_line: bool = False) -> str:
    """``value`` as an iCalendar text may hold it."""
    text = _CONTROL.sub(" ", value.replace("\r\n", "\n"))
    return " ".join(text.split()) if one_line else text


def event_uid(plan: Plan, kind: str, item_id: str) -> str:
    """The stable UID of one event: ``task-a1@ai-rollout.aiplanner``."""
    return f"{kind}-{item_id}@{_plan_key(plan.name)}.aiplanner"


def _plan_key(name: str) -> str:
    """The plan's part of a UID: its slug, plus a short hash of the name when
    the slug drops letters (names in other scripts, accents), so that two
    plans never share UIDs while an ASCII name keeps the UIDs it always had."""
    slug = slugify(name, "plan")
    if any(ch.isalnum() and not ch.isascii() for ch in name):
        import hashlib

        slug = f"{slug}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:10]}"
    return slug


def ics_bytes(plan: Plan, schedule: Schedule) -> bytes:
    """The iCalendar document of ``plan``'s milestones and phase ends."""
    from icalendar import Calendar, Event  # late: only calendar exports pay for it

    cal = Calendar()
    cal.add("prodid", f"-//aiplanner//aiplanner {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _text(plan.name, one_line=True))
    stamp = source_date()
    phases = {p.id: p.name for p in plan.phases}

    def add(uid: str, summary: str, day: dt.date, description: str, category: str) -> None:
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("summary", _text(summary, one_line=True))
        event.add("dtstart", day)
        event.add("dtend", day + _ONE)
        event.add("description", _text(description))
        event.add("categories", [category])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)

    for task in plan.tasks:
        if not task.is_milestone:
            continue
        t = schedule.tasks[task.id]
        add(event_uid(plan, "task", task.id), task.name, t.start,
            f"Milestone {task.id} of {plan.name} ({phases.get(task.phase, task.phase)})", "milestone")
    for phase in plan.phases:
        span = schedule.phases.get(phase.id)
        if span is None:
            continue
        add(event_uid(plan, "phase", f"{phase.id}-end"), f"{phase.name} ends", span.finish,
            f"Last working day of phase {phase.name} of {plan.name} (started {span.start.isoformat()})", "phase")
    return cal.to_ical()


def export_ics(plan: Plan, schedule: Schedule, out: Output, **options: object) -> None:
    """Write the iCalendar file to a path or binary stream."""
    write_out(out, ics_bytes(plan, schedule))
