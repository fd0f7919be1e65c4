"""Workshop mode: baselines, what-if scenarios, comparison and presentation on a projector.

- ``lens``: the session seen through a scenario (what the views show);
- ``commands``: undo commands for baselines and scenarios;
- ``actions``: what the workshop actions do; ``menu``: the View menu's
  entries; ``bar``: the tool bar that picks the baseline and the scenario;
- ``compare_dialog``: two versions side by side;
- ``presentation`` and ``presentation_facts``: the full-screen plan.

May import ``aiplanner.ui.commands``, ``session``, ``menus``, the ``gantt``
package (presentation draws the same chart), and the layers below ``ui``.
"""
