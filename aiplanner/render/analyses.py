"""The analyses the pictures show (load, Monte Carlo), computed from modules this build may lack.

A page or chart whose analysis is missing from the build is left out, never
faked: :func:`optional_module` tells. Shared by the report's sections and the
stand-alone charts, so neither imports the other.
"""

from __future__ import annotations

import importlib

__all__ = ["optional_module", "load_table", "simulation"]


def optional_module(name: str):
    """The module ``name``, or None when this build does not have it."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return None


def load_table(plan, schedule):
    """Weekly load per person (``LoadTable``), or None without people or a load module."""
    load_module = optional_module("aiplanner.schedule.load")
    if load_module is None or not plan.people or not plan.tasks:
        return None
    return load_module.compute_load(plan, schedule).table("person", "week")


def simulation(plan, options):
    """The Monte Carlo result for ``options`` (iterations, seed), or None when this build cannot simulate
    or the plan has no tasks."""
    montecarlo = optional_module("aiplanner.schedule.montecarlo")
    if montecarlo is None or not hasattr(montecarlo, "simulate") or not plan.tasks:
        return None
    return montecarlo.simulate(plan, iterations=options.iterations, seed=options.seed)
