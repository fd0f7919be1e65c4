"""The dependency network drawn as a layered graph, phase by phase.

- ``layered``: layers, dummy nodes and the layout (Sugiyama style), with
  ``order`` (crossing reduction) and ``place`` (vertical positions);
- ``chart``: the layout painted with matplotlib.

``layered``, ``order`` and ``place`` are plain maths (no matplotlib); the
package may import ``aiplanner.render``'s style, canvas and page, never ``report``.
"""
