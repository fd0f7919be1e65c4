"""Workshops: frozen baselines and what-if scenarios of a plan.

- ``records``: the stored shapes (:class:`Baseline`, :class:`Scenario` ...),
  built from :mod:`aiplanner.model.parts` only, so that
  :class:`~aiplanner.model.plan.Plan` can hold them;
- ``rules``: the file-level checks of those records;
- ``whatif``: a scenario applied to a plan, and a changed plan turned back into a scenario;
- ``fold``: an edit of a scenario's plan folded back into the scenario;
- ``edits``: the document's baseline and scenario edits (a mixin of
  :class:`~aiplanner.model.document.Document`).

May import: ``aiplanner.model.parts``, ``errors``, ``graph``, ``plan``,
``validate`` (``records`` and ``rules`` only the first two). This package
itself imports nothing, so importing one of its modules loads only that one.
"""
