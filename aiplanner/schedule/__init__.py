"""Scheduling: calendars, CPM, incremental rescheduling, Monte Carlo, availability."""

from __future__ import annotations

from aiplanner.schedule.availability import available_dates, available_days, is_available
from aiplanner.schedule.calendar import CalendarError, WorkCalendar, public_holidays
from aiplanner.schedule.cpm import PhaseSpan, Schedule, TaskTimes, build_graph, schedule_plan
from aiplanner.schedule.incremental import IncrementalScheduler
from aiplanner.schedule.montecarlo import SimulationCancelled, SimulationResult, simulate
from aiplanner.schedule.level import LevelResult, Move, Unresolved, level_plan
from aiplanner.schedule.load import Load, OverAllocation, UnstaffedRole, compute_load

__all__ = [
    "WorkCalendar",
    "CalendarError",
    "public_holidays",
    "available_days",
    "available_dates",
    "is_available",
    "Schedule",
    "TaskTimes",
    "PhaseSpan",
    "build_graph",
    "schedule_plan",
    "IncrementalScheduler",
    "simulate",
    "SimulationResult",
    "SimulationCancelled",
    "Load",
    "OverAllocation",
    "UnstaffedRole",
    "compute_load",
    "LevelResult",
    "Move",
    "Unresolved",
    "level_plan",
]
