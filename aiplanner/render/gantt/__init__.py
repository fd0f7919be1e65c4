"""The Gantt chart: one scene of plain primitives, painted by matplotlib here and by Qt in the window.

- ``scene``: the primitives (rows, bars, milestones, links, labels, ticks) and
  the scene's coordinates; ``timescale``: the adaptive time axis;
- ``layout``: plan + schedule -> scene (:func:`build_gantt_scene`), with
  ``routing`` for the link arrows;
- ``table``: the task table's font and column widths; ``painter`` and
  ``parts``: the matplotlib painter;
- ``timeline``: the chart paginated over report pages or fitted to one image.

``scene``, ``timescale``, ``routing`` and ``layout`` import no matplotlib (the
window paints the same scene); the package may import ``aiplanner.render``'s
style, canvas and options, never ``report`` or ``network``.
"""
