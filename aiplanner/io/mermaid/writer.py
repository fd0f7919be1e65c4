"""Plan -> Mermaid gantt chart that Mermaid draws with our dates.

- ``dateFormat YYYY-MM-DD``; ``excludes`` lists the plan's non-working
  weekdays (``weekends`` for Saturday and Sunday) and its holidays (explicit
  and public) over the schedule, so that Mermaid's day counting equals ours.
- Phases become sections, tasks keep their ids; ``crit`` marks critical
  tasks, ``done``/``active`` progress, ``milestone`` milestones.
- A task starts ``after`` its finish-to-start predecessors when that gives
  its scheduled start; otherwise (other link types, lags, not-before dates,
  ids Mermaid cannot reference) it gets its start date. Durations are in
  days, which Mermaid counts as working days when ``excludes`` is set.
- What Mermaid cannot say (the exact links, not-before date, partial
  progress, a name with ``:``; under ``"task"`` the other task fields: tags,
  role demands, estimate, notes ...) goes in a ``%% aiplanner {...}``
  comment before the task, and the plan without its tasks (pattern,
  matrix, metrics, roles, people ...) in one ``%% aiplanner plan {...}``
  comment after the header, which our importer reads back: plan -> Mermaid
  -> plan loses nothing (see :mod:`aiplanner.io.carry`).
- Extra working days on excluded weekdays are ``includes``.
"""

from __future__ import annotations

import datetime as dt
import re

from aiplanner.io.carry import dumps_one_line, plan_json, task_extras
from aiplanner.io.exporting import Output, write_out
from aiplanner.io.reading import slugify
from aiplanner.io.links import format_links
from aiplanner.model.plan import WEEKDAYS, Plan
from aiplanner.schedule.cpm import Schedule

__all__ = ["mermaid_text", "export_mermaid", "SHOWN"]

#: Task fields the chart shows (or its per-task comment says); the others travel in the comment's "task".
SHOWN = {"duration", "milestone", "depends_on", "not_before", "progress"}

_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_KEYWORDS = {"dateformat", "excludes", "includes", "inclusiveenddates", "weekend", "title", "section", "click",
             "call", "href", "axisformat", "tickinterval", "todaymarker", "topaxis", "weekday", "acctitle",
             "accdescr", "displaymode", "gantt"}
# Whatever ends a line for Mermaid or for Python's splitlines, and tabs.
_LINE_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_AFTER_SAFE = re.compile(r"^[A-Za-z0-9_\-]+$")
_TAGS = {"active", "done", "crit", "milestone", "vert"}


def _chart_id(task_id: str) -> str:
    """The id written in the chart: Mermaid would read ``done`` and the like as tags."""
    return f"{task_id}_" if task_id in _TAGS else task_id


def _clean(text: str) -> str:
    """Text Mermaid reads back unchanged on a task or section line."""
    clean = _LINE_BREAKS.sub(" ", re.sub(r"[:#;]+", " ", text)).strip()
    clean = re.sub(r"%{2,}", "%", re.sub(r"\s{2,}", " ", clean))  # "%%" would start a comment
    head = re.split(r"[\s:]", clean, maxsplit=1)[0].lower()
    if head in _KEYWORDS or clean.startswith("%%") or not clean:
        clean = "\u200b" + clean  # a zero-width space keeps Mermaid from reading a directive
    return clean


def _excludes(plan: Plan, schedule: Schedule) -> str:
    off = [i for i in range(7) if WEEKDAYS[i] not in plan.calendar.workdays]
    words = ["weekends"] if off == [5, 6] else [_DAY_NAMES[i] for i in off]
    first = min(schedule.start, plan.start)
    last = schedule.finish + dt.timedelta(days=60)
    words += [d.isoformat() for d in schedule.calendar.holidays_between(first, last)]
    return " ".join(words)


def _comment_json(text: str) -> str:
    """JSON for a ``%%`` comment: Mermaid looks for ``%%{...}%%`` directives anywhere in a chart,
    comments included, so no ``%`` is written as itself (``\\u0025`` in a JSON string is the same)."""
    return text.replace("%", "\\u0025")


def _includes(plan: Plan, schedule: Schedule) -> str:
    """Extra working days on excluded weekdays over the schedule (Mermaid works them)."""
    first = min(schedule.start, plan.start)
    last = schedule.finish + dt.timedelta(days=60)
    return " ".join(d.isoformat() for d in schedule.calendar.extra_workdays_between(first, last))


def mermaid_text(plan: Plan, schedule: Schedule) -> str:
    """The Mermaid gantt chart of ``plan`` as scheduled."""
    cal = schedule.calendar
    times = schedule.tasks
    title = re.sub(r"%{2,}", "%", _LINE_BREAKS.sub(" ", re.sub(r"[#;]+", " ", plan.name))).strip()
    lines = ["gantt", f"title {title}", "dateFormat YYYY-MM-DD"]
    excludes = _excludes(plan, schedule)
    if excludes:
        lines.append(f"excludes {excludes}")
    includes = _includes(plan, schedule)
    if includes:
        lines.append(f"includes {includes}")
    lines.append(f"%% aiplanner plan {_comment_json(plan_json(plan))}")
    for phase in plan.phases:
        lines.append(f"section {_clean(phase.name)}")
        if slugify(phase.name, "section") != phase.id:
            lines.append(f"%% aiplanner phase: {phase.id}")
        for task in plan.tasks_in_phase(phase.id):
            t = times[task.id]
            extra: dict[str, object] = {}
            name = _clean(task.name)
            if name != task.name:
                extra["name"] = task.name
            fs0 = [d.task for d in task.depends_on if d.type == "FS" and d.lag == 0]
            after_ok = (
                fs0
                and all(_AFTER_SAFE.match(p) for p in fs0)
                and max(times[p].ef for p in fs0) == t.es
            )
            if _chart_id(task.id) != task.id:
                extra["id"] = task.id
            if after_ok and len(fs0) == len(task.depends_on):
                start = "after " + " ".join(_chart_id(p) for p in fs0)
            else:
                start = cal.date_of(t.es).isoformat()
                if task.depends_on:
                    extra["depends_on"] = format_links(task.depends_on)
            if task.not_before is not None:
                extra["not_before"] = task.not_before.isoformat()
            if 0 < task.progress < 100:
                extra["progress"] = task.progress
            carried = task_extras(task, SHOWN)
            if carried:
                extra["task"] = carried
            tags = []
            if task.progress >= 100:
                tags.append("done")
            elif task.progress > 0:
                tags.append("active")
            if t.critical:
                tags.append("crit")
            if task.is_milestone:
                tags.append("milestone")
            if extra:
                lines.append("%% aiplanner " + _comment_json(dumps_one_line(extra)))
            fields = [*tags, _chart_id(task.id), start, f"{task.duration}d"]
            lines.append(f"{name} :{', '.join(fields)}")
    return "\n".join(lines) + "\n"


def export_mermaid(plan: Plan, schedule: Schedule, out: Output, **options: object) -> None:
    """Write the Mermaid chart of ``plan`` to a path or stream."""
    write_out(out, mermaid_text(plan, schedule))
