"""Mid-rollout state of the staffed samples: a kick-off baseline, progress, slips and what-ifs.

A facilitator opening a sample should find something to compare, so the
CoE and federated samples are not fresh templates but plans a few weeks
into their Assessment phase, built through the product's own API:

1. the template plan, staffed (:mod:`aiplanner.samples.staffed`), is frozen
   as the baseline *Kick-off plan* (:func:`~aiplanner.checks.compare.baseline.capture_baseline`);
2. the plan then moves on: some tasks took longer than planned
   (:class:`Slip`), the team added work the assessment showed was needed,
   and the current values of some metrics are known;
3. every task that had started by the story's status date gets the
   progress the schedule implies for that day (:func:`progress_on`): work
   finished by then is 100 %, work under way the share of its working days
   that has passed, rounded to 5 %;
4. a few named scenarios ask what a room would ask
   (:mod:`aiplanner.samples.whatifs`).

Everything is dated from the plan's own calendar, never from today, so the
generator builds the same bytes on any day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from aiplanner.catalog import Catalog
from aiplanner.checks.compare.baseline import capture_baseline
from aiplanner.model import Dependency, Document, Plan, Scenario, Task
from aiplanner.schedule import schedule_plan
from aiplanner.schedule.calendar import WorkCalendar

__all__ = ["BASELINE", "Slip", "Addition", "Story", "progress_on", "mid_rollout"]

#: The name of the baseline every mid-rollout sample is captured under.
BASELINE = "Kick-off plan"

#: Builds one scenario of the (already moved-on) plan; the catalogue builds pattern templates.
ScenarioBuilder = Callable[[Plan, "Catalog | None"], Scenario]


@dataclass(frozen=True)
class Slip:
    """A task that took (or now needs) ``duration`` working days instead of the plan's, and why."""

    task: str
    duration: int
    why: str


@dataclass(frozen=True)
class Addition:
    """A task the team added after kick-off, placed before ``before`` and feeding ``feeds``."""

    task: Task
    before: str
    feeds: str


@dataclass(frozen=True)
class Story:
    """How far one sample's rollout has come, and what its facilitator asks."""

    kickoff: dt.date  # the day the baseline was captured
    status: dt.date  # progress is as of the end of this working day
    slips: tuple[Slip, ...]
    additions: tuple[Addition, ...]
    metrics: tuple[tuple[str, str], ...]  # (metric id, current value)
    scenarios: tuple[ScenarioBuilder, ...]


def progress_on(plan: Plan, status: dt.date) -> dict[str, float]:
    """Percent complete of every started task as of the end of ``status``, by task id.

    A task (or milestone) finished by then is 100; a task under way gets the
    share of its working days up to and including ``status``, rounded to the
    nearest 5 % and kept below 100. Tasks not yet started are left out.

    Examples
    --------
    >>> from aiplanner.model import Phase
    >>> plan = Plan(start=dt.date(2026, 5, 4), phases=[Phase(id="p", name="P")],
    ...             tasks=[Task(id="a", name="A", phase="p", duration=3),
    ...                    Task(id="b", name="B", phase="p", duration=10, depends_on=[Dependency(task="a")]),
    ...                    Task(id="c", name="C", phase="p", duration=5, depends_on=[Dependency(task="b")])])
    >>> progress_on(plan, dt.date(2026, 5, 8))  # Friday: a done, b two days of ten in
    {'a': 100.0, 'b': 20.0}
    """
    schedule = schedule_plan(plan)
    calendar = WorkCalendar(plan.calendar, plan.start)
    point = calendar.index_on_or_before(status) + 1  # time point at the end of the status day
    done: dict[str, float] = {}
    for task in plan.tasks:
        times = schedule.tasks[task.id]
        if times.ef <= point and (times.es < point or task.is_milestone and times.es <= point):
            done[task.id] = 100.0
        elif times.es < point:
            share = (point - times.es) / (times.ef - times.es)
            done[task.id] = float(min(95, max(5, 5 * round(20 * share))))
    return done


def _slip(document: Document, slip: Slip) -> None:
    task = document.plan.task(slip.task)
    fields: dict[str, object] = {"duration": slip.duration, "notes": f"{task.notes}\n\n{slip.why}".strip()}
    if task.estimate is not None and task.duration:  # the spread stays, around the new duration
        factor = slip.duration / task.duration
        fields["estimate"] = task.estimate.model_copy(update={
            name: round(getattr(task.estimate, name) * factor, 1) for name in ("optimistic", "likely", "pessimistic")
        })
    document.update_task(slip.task, **fields)


def _day(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _status_note(plan: Plan, story: Story, progress: dict[str, float]) -> str:
    done = [plan.task(t).name for t, p in progress.items() if p == 100 and not plan.task(t).is_milestone]
    going = [f"{plan.task(t).name} {p:.0f} %" for t, p in progress.items() if p < 100]
    slipped = [f"{plan.task(s.task).name} ({s.duration} days)" for s in story.slips]
    added = [a.task.name for a in story.additions]
    lines = [f"Status on {_day(story.status)} (the progress shown is as of that day): "
             f"done: {', '.join(done)}; under way: {', '.join(going) or 'nothing'}."]
    if slipped:
        lines.append(f"Took longer than the kick-off plan: {', '.join(slipped)}.")
    if added:
        lines.append(f"Added since kick-off: {', '.join(added)}.")
    lines.append(f"The baseline '{BASELINE}' is the plan as agreed on {_day(story.kickoff)}; "
                 "the scenarios are what-ifs for the next workshop.")
    return " ".join(lines)


def mid_rollout(plan: Plan, story: Story, catalog: Catalog | None = None) -> Plan:
    """``plan`` captured as the kick-off baseline, then moved on to ``story.status`` with its scenarios."""
    document = Document(plan.model_copy(deep=True))
    document.add_baseline(capture_baseline(document.plan, BASELINE, created=story.kickoff))
    for slip in story.slips:
        _slip(document, slip)
    for addition in story.additions:
        index = next(i for i, t in enumerate(document.plan.tasks) if t.id == addition.before)
        document.add_task(addition.task.model_copy(deep=True), index)
        document.add_dependency(addition.feeds, Dependency(task=addition.task.id))
    progress = progress_on(document.plan, story.status)
    for task_id, percent in progress.items():
        fields: dict[str, object] = {"progress": percent}
        if percent == 100:  # a finished task took what it took: nothing left to simulate
            fields["estimate"] = None
        document.update_task(task_id, **fields)
    values = dict(story.metrics)
    unknown = set(values) - {m.id for m in document.plan.metrics}
    if unknown:
        raise KeyError(f"the plan has no metric {', '.join(sorted(unknown))}")
    document.update_plan(
        status_date=story.status,  # the window's and the report's status line
        metrics=[m.model_copy(update={"current": values.get(m.id, m.current)}) for m in document.plan.metrics],
        notes=f"{document.plan.notes}\n\n{_status_note(document.plan, story, progress)}",
    )
    for build in story.scenarios:
        document.add_scenario(build(document.plan, catalog))
    return document.plan
