"""Versions of a plan side by side: the plan now, a frozen baseline, a what-if scenario.

- ``sides``: what a side is and the facts read off it (tasks, people, finish);
- ``facts``: the slower facts of a side (P80, open findings), computed late;
- ``deltas``: any two sides compared, task by task and person by person;
- ``baseline``: a baseline captured with its risk and findings.

May import ``aiplanner.checks.run`` (findings), ``aiplanner.schedule`` and
``aiplanner.model``; nothing in ``aiplanner.checks.rules`` imports this package.
"""
