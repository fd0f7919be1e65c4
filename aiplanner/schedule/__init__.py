"""Scheduling: calendars, CPM, Monte Carlo, resource load and levelling."""

from __future__ import annotations

from aiplanner.schedule.calendar import WorkCalendar
from aiplanner.schedule.cpm import PhaseSpan, Schedule, TaskTimes, build_graph, schedule_plan
from aiplanner.schedule.load import Load, OverAllocation, UnstaffedRole, compute_load

__all__ = [
    "WorkCalendar",
    "Schedule",
    "TaskTimes",
    "PhaseSpan",
    "build_graph",
    "schedule_plan",
    "Load",
    "OverAllocation",
    "UnstaffedRole",
    "compute_load",
]
