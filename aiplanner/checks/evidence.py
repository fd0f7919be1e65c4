"""What the pitfall rules take as evidence: when the rollout starts, which governance is set-up work.

The rules share these readings of a plan so that they agree with each other
and the README can state them once:

- **The rollout** starts when the first rollout task starts (tagged
  ``rollout``, or named so; assessment work never counts). A plan without
  one rolls out when its ongoing phase (Scale & Optimize, where the source
  rolls platforms and governance out to all teams) starts. A plan with
  neither has no rollout.
- **Governance set-up** is governance work (tags or name; not assessment,
  not the rollout itself) that puts governance in place: everything before
  the ongoing phase, and work in it whose name says it sets something up
  ("Establish ...", "Design ...", "Set up ..."). The rest of the
  governance in the ongoing phase (monitoring compliance, reviewing new
  initiatives) is governance *running* alongside the rollout: it is
  governance keeping pace, never evidence that it lags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiplanner.checks.domain import ongoing_phase, phase_name
from aiplanner.checks.findings import CheckContext

__all__ = ["Rollout", "rollout", "governance_work", "overlapping", "SETUP_WORDS"]

#: Verbs that open the name of work that puts something in place (plain English, not domain facts).
SETUP_WORDS = re.compile(
    r"^\W*(establish|set\s*-?\s*up|design|define|create|write|draft|build|implement|launch|introduce|agree|"
    r"form|stand\s+up|plan|prepare|develop)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Rollout:
    """When the plan starts rolling out: a time point and what marks it."""

    point: int
    task: str | None  # the first rollout task; None when the ongoing phase's start stands for it
    label: str  # for a sentence: "the rollout ('Roll out ...') starts on 2026-09-28"


def rollout(ctx: CheckContext) -> Rollout | None:
    """The start of the rollout (see the module docstring), or None when the plan has none."""
    times = ctx.schedule.tasks
    tasks = ctx.kinds.ids("rollout")
    if tasks:
        first = min(tasks, key=lambda t: (times[t].es, t))
        point = times[first].es
        return Rollout(point, first, f"the rollout ({ctx.quote([first])}) starts on {ctx.day(point)}")
    phase = ongoing_phase()
    span = ctx.schedule.phases.get(phase)
    if span is None:
        return None
    return Rollout(span.es, None, f"{phase_name(phase)}, where the rollout belongs, starts on {ctx.day(span.es)}")


def governance_work(ctx: CheckContext) -> tuple[list[str], list[str]]:
    """Ids of governance set-up work and of governance running alongside the rollout (plan order)."""
    ongoing = ongoing_phase()
    index = ctx.plan.task_index()
    setup, running = [], []
    for tid in ctx.kinds.ids("governance", exclude=("rollout",)):
        task = index[tid]
        if task.phase == ongoing and not SETUP_WORDS.search(task.name):
            running.append(tid)
        else:
            setup.append(tid)
    return setup, running


def overlapping(ctx: CheckContext, task_ids: list[str], start: int, end: int) -> list[str]:
    """Of ``task_ids``, those that run during the time points ``start .. end``."""
    times = ctx.schedule.tasks
    return [t for t in task_ids if times[t].es < end and times[t].ef > start]
