"""The interactive Gantt chart: the render layer's scene painted with QPainter, edited by dragging.

- ``view``: the widget; ``paint``: QPainter drawing of the scene's primitives;
- ``index``: look-ups so only what is visible is painted and hit-tested;
- ``mouse`` and ``edit``: gestures and the undoable edit each one makes;
- ``scale`` and ``header``: zoom maths and the two-tier time header;
- ``tooltip``: hover text; ``host``: the chart's rows kept equal to the task tree's.

May import ``aiplanner.ui.commands`` and ``session``, and the layers below
``ui``; never ``tasks``, ``workshop``, ``views`` or the main window.
"""
