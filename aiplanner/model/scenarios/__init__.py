"""Workshops at work: what-if scenarios applied, folded back and edited.

- ``whatif``: a scenario applied to a plan, and a changed plan turned back into a scenario;
- ``fold``: an edit of a scenario's plan folded back into the scenario;
- ``edits``: the document's baseline and scenario edits (a mixin of
  :class:`~aiplanner.model.document.Document`).

The stored shapes (:class:`~aiplanner.model.variants.Baseline`,
:class:`~aiplanner.model.variants.Scenario`) are in :mod:`aiplanner.model.variants`,
below the plan that holds them. This package may import ``plan``, ``variants``,
``parts``, ``validate``, ``graph`` and ``errors``; only ``document`` imports it.
"""
