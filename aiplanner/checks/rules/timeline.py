"""Timeline checks: phase lengths and the foundation timeline against the source, deadlines."""

from __future__ import annotations

from collections.abc import Iterator

from aiplanner.checks.domain import chart_title, chart_weeks, foundation_months, maturity_months, phase_weeks
from aiplanner.checks.findings import CheckContext, Finding, rule

__all__: list[str] = []

#: Average days in a month, to turn a date span into months.
DAYS_PER_MONTH = 365.25 / 12
FOUNDATION_FIRST = "assessment"
FOUNDATION_LAST = ("scale", "build")  # initial scaling when planned, else Build Foundation


def _weeks(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


@rule("timeline.phase-length", "Phase lengths within the source's ranges")
def phase_length(ctx: CheckContext) -> Iterator[Finding]:
    """A phase with a range in the source (assessment, design, build) lasts shorter or longer.

    Length is from the phase's first start to its last finish in working
    weeks, a week being the calendar's working weekdays.
    """
    per_week = ctx.schedule.calendar.days_per_week
    for phase in ctx.plan.phases:
        bounds = phase_weeks(phase.id)
        span = ctx.schedule.phases.get(phase.id)
        if bounds is None or span is None:
            continue
        low, high = bounds
        weeks = span.duration / per_week
        if low <= weeks <= high:
            continue
        longer = weeks > high
        chart = chart_weeks(phase.id)
        conflict = ""
        if chart is not None and (chart[0] > high if longer else chart[0] < low):
            conflict = (f" The source contradicts itself here: its own gantt chart ('{chart_title()}') gives "
                        f"{phase.name} {chart[0]} weeks ({chart[1]}), against the {low}-{high} weeks of its text; "
                        "the checks hold the text.")
        yield Finding(
            "timeline.phase-length", "warning",
            f"{phase.name} takes {_weeks(weeks)} working week{'' if _weeks(weeks) == '1' else 's'}; the source puts it at "
            f"{_weeks(low)}-{_weeks(high)} weeks.{conflict}",
            ("Check its scope: move work that is not part of this phase to a later one, or run tasks in parallel."
             if longer else "Check that nothing is missing: too short a phase usually means skipped work."),
            tasks=tuple(t.id for t in ctx.plan.tasks if t.phase == phase.id),
            phases=(phase.id,),
        )


@rule("timeline.foundation-length", "Foundation timeline within the source's range")
def foundation_length(ctx: CheckContext) -> Iterator[Finding]:
    """Assessment to the end of initial scaling (or Build when there is no Scale phase) in months."""
    phases = ctx.schedule.phases
    first = phases.get(FOUNDATION_FIRST)
    last_id = next((p for p in FOUNDATION_LAST if p in phases), None)
    if first is None or last_id is None:
        return
    last = phases[last_id]
    months = ((last.finish - first.start).days + 1) / DAYS_PER_MONTH
    low, high = foundation_months()
    if low <= months <= high:
        return
    upto = "initial scaling" if last_id == "scale" else "Build Foundation"
    mature_low, mature_high = maturity_months()
    yield Finding(
        "timeline.foundation-length", "info",
        f"From assessment to the end of {upto} the plan takes {months:.1f} months; the source expects a "
        f"foundational operating model in {low:g}-{high:g} months (and full maturity over "
        f"{mature_low}-{mature_high} months of continuous improvement).",
        "Compare the phases with the source's ranges; a much shorter plan may skip work, a longer one may "
        "need more people or fewer parallel goals.",
        phases=(FOUNDATION_FIRST, last_id),
    )


@rule("timeline.missed-deadline", "Missed deadlines")
def missed_deadline(ctx: CheckContext) -> Iterator[Finding]:
    """Tasks scheduled to finish after their deadline."""
    tasks = ctx.plan.task_index()
    for tid in ctx.schedule.missed_deadlines:
        times = ctx.schedule.tasks[tid]
        late = times.deadline_late or 0
        yield Finding(
            "timeline.missed-deadline", "error",
            f"{ctx.quote([tid])} finishes on {times.finish.isoformat()}, {late} working day{'s' if late != 1 else ''} "
            f"after its deadline {tasks[tid].deadline.isoformat()}.",
            "Start it earlier (shorten or relink its predecessors), add people, or move the deadline.",
            tasks=(tid,),
        )
