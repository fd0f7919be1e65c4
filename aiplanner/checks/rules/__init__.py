"""The check rules, one module per kind: the source's pitfalls, pattern checks, staffing, timeline.

Each module registers its rules with :func:`aiplanner.checks.findings.rule`;
:mod:`aiplanner.checks.run` imports them all. A rule module may import
``aiplanner.checks.findings``, ``kinds`` and ``domain``, and the layers below
``checks`` (schedule, catalog, model); never another rule module or ``run``.
"""
