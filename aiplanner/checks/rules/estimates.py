"""Estimates that no longer describe their task: the risk figures would describe another plan."""

from __future__ import annotations

from collections.abc import Iterator

from aiplanner.checks.findings import CheckContext, Finding, rule

__all__: list[str] = []


def _days(value: float) -> str:
    return f"{value:g}"


@rule("estimate.duration-outside-range", "Durations inside their own three-point estimates")
def duration_outside_range(ctx: CheckContext) -> Iterator[Finding]:
    """A task planned at a duration outside its own optimistic-pessimistic range.

    Evidence: a task (not a milestone) with a three-point estimate whose
    optimistic-pessimistic range does not hold its planned duration. The
    Monte Carlo run draws from the estimate, so its P50 and P80 would
    describe a different task (an edit in aiplanner scales the estimate
    with the duration; a file edited elsewhere may not).
    """
    for task in ctx.plan.tasks:
        est = task.estimate
        if est is None or task.is_milestone or est.covers(task.duration):
            continue
        side = "above its pessimistic" if task.duration > est.pessimistic else "below its optimistic"
        yield Finding(
            "estimate.duration-outside-range", "warning",
            f"{ctx.quote([task.id])} is planned at {task.duration} working days, {side} estimate "
            f"({_days(est.optimistic)}/{_days(est.likely)}/{_days(est.pessimistic)}), so the risk figures "
            "(P50, P80) describe a different task.",
            "Edit the estimate to what the task will take now, or edit the duration in aiplanner: the estimate "
            "then moves with it, keeping its spread.",
            tasks=(task.id,),
        )
