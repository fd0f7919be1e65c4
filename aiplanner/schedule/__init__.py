"""Scheduling: calendars, CPM, incremental rescheduling, Monte Carlo, availability.

The names below are loaded on first use (PEP 562): importing
``aiplanner.schedule.cpm`` for a schedule does not load levelling, load or
the Monte Carlo engine, so the window and the CLI start lighter.
"""

from __future__ import annotations

from aiplanner._lazy import lazy_names

_WHERE = {
    "available_dates": "availability", "available_days": "availability", "is_available": "availability",
    "CalendarError": "calendar", "WorkCalendar": "calendar", "public_holidays": "calendar",
    "PhaseSpan": "cpm", "Schedule": "cpm", "TaskTimes": "cpm", "build_graph": "cpm", "schedule_plan": "cpm",
    "IncrementalScheduler": "incremental",
    "SimulationCancelled": "montecarlo", "SimulationResult": "montecarlo", "simulate": "montecarlo",
    "LevelResult": "level", "Move": "level", "Unresolved": "level", "level_plan": "level",
    "Load": "load", "OverAllocation": "load", "UnstaffedRole": "load", "compute_load": "load",
}

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


__getattr__, __dir__ = lazy_names(__name__, _WHERE, __all__)
