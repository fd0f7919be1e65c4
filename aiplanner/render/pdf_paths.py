"""Collections drawn into a PDF as one path per run of same-styled items.

matplotlib's PDF backend writes a ``PolyCollection`` or ``LineCollection``
item by item: for each one it works out the graphics-state change, formats
the path and paints it. A report page has hundreds of grid lines, shaded
rows and bars in a handful of styles (584 collections, 6,906 items in the
enterprise report). :func:`draw_path_collection` draws each run of
consecutive items that share their style as a single compound path: one
state change, one path, one paint operator.

It changes nothing on the page:

- items keep their order (only neighbours of one style are joined);
- filled items are joined only when their boxes (with the stroke) do not
  overlap, since a fill of overlapping subpaths can leave holes (nonzero
  winding) and a translucent one would be painted once where it was twice;
- lines of an opaque colour are joined freely (stroking the union paints the
  same as stroking each), translucent ones only when apart;
- a path that matplotlib would simplify, hatching, links, per-item
  transforms and offsets, and everything else unusual are drawn as before.

:func:`grouping_figure` makes a figure that installs this on the PDF
renderer it is drawn with; on any other renderer it is an ordinary figure.
"""

from __future__ import annotations

__all__ = ["draw_path_collection", "grouping_figure"]


def _style_keys(n, facecolors, edgecolors, linewidths, linestyles, antialiaseds, hatchcolors) -> list[tuple]:
    """Per item, what ``RendererBase._iter_collection`` draws it with (colours and the rest cycle;
    a transparent face is no fill, a transparent edge no stroke), as comparable values."""
    faces = [tuple(c) for c in facecolors.tolist()] if len(facecolors) else [None]
    edges = [tuple(c) for c in edgecolors.tolist()] if len(edgecolors) else [None]
    widths = [float(w) for w in linewidths] if len(linewidths) else [None]
    dashes = [(offset, None if seq is None else tuple(seq)) for offset, seq in linestyles] if len(linestyles) \
        else [None]
    smooth = [bool(a) for a in antialiaseds] if len(antialiaseds) else [None]
    hatches = [tuple(c) for c in hatchcolors.tolist()] if len(hatchcolors) else [None]
    keys = []
    for i in range(n):
        face = faces[i % len(faces)]
        if face is not None and face[3] == 0:
            face = None
        edge = edges[i % len(edges)]
        if edge is not None and edge[3] == 0:
            edge = None
        keys.append((face, edge, widths[i % len(widths)], dashes[i % len(dashes)], smooth[i % len(smooth)],
                     hatches[i % len(hatches)]))
    return keys


def _apart(boxes) -> bool:
    """Whether no two boxes ``(x0, y0, x1, y1)`` overlap (touching is apart); a sweep upwards."""
    order = sorted(boxes, key=lambda b: b[1])
    active: list = []
    for box in order:
        x0, y0, x1, y1 = box
        active = [b for b in active if b[3] > y0]
        for b in active:
            if b[0] < x1 and x0 < b[2]:
                return False
        active.append(box)
    return True


def _joinable(paths, key, transform, widths_to_px: float) -> bool:
    face, edge, width = key[:3]
    if any(p.should_simplify or getattr(p, "_interpolation_steps", 1) != 1 or len(p.vertices) == 0 for p in paths):
        return False
    stroke = edge is not None and (width is None or width > 0)
    if face is None and (not stroke or edge[3] == 1):
        return True  # opaque lines (or nothing painted): the union strokes the same
    import numpy as np

    pad = (width or 0) * widths_to_px / 2 if stroke else 0.0
    boxes = []
    for path in paths:
        xy = transform.transform(path.vertices)
        if not np.isfinite(xy).all():
            return False
        (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
        boxes.append((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
    return _apart(boxes)


def draw_path_collection(renderer, gc, master_transform, paths, all_transforms, offsets, offset_trans, facecolors,
                         edgecolors, linewidths, linestyles, antialiaseds, urls, offset_position, *,
                         hatchcolors=None):
    """``renderer.draw_path_collection`` with same-styled neighbours joined (see the module docstring)."""
    import numpy as np
    from matplotlib.path import Path

    plain = type(renderer).draw_path_collection
    facecolors, edgecolors = np.asarray(facecolors), np.asarray(edgecolors)
    given_hatchcolors = hatchcolors
    hatchcolors = np.asarray([] if hatchcolors is None else hatchcolors)
    n = len(paths)
    simple = (n > 1 and not len(all_transforms) and len(offsets) <= 1 and not gc.get_hatch()
              and not (gc.get_forced_alpha() and gc.get_alpha() != 1)
              and not any(url is not None for url in urls) and (not len(hatchcolors) or hatchcolors.ndim == 2)
              and (not len(offsets) or not np.any(offset_trans.transform(offsets)))
              and facecolors.ndim == 2 and edgecolors.ndim == 2 and (len(facecolors) or len(edgecolors)))
    if not simple:
        return plain(renderer, gc, master_transform, paths, all_transforms, offsets, offset_trans, facecolors,
                     edgecolors, linewidths, linestyles, antialiaseds, urls, offset_position, hatchcolors=given_hatchcolors)
    keys = _style_keys(n, facecolors, edgecolors, linewidths, linestyles, antialiaseds, hatchcolors)
    px = renderer.points_to_pixels(1.0)
    gc0 = renderer.new_gc()
    gc0.copy_properties(gc)
    if not len(edgecolors):
        gc0.set_linewidth(0.0)
    start = 0
    while start < n:
        key = keys[start]
        end = start + 1
        while end < n and keys[end] == key:
            end += 1
        # The graphics context of the run's first item, set as _iter_collection sets it (from the
        # collection's own values, in the same order).
        if len(edgecolors):
            if len(linewidths):
                gc0.set_linewidth(linewidths[start % len(linewidths)])
            if len(linestyles):
                gc0.set_dashes(*linestyles[start % len(linestyles)])
            if key[1] is None:
                gc0.set_linewidth(0)
            else:
                gc0.set_foreground(key[1], isRGBA=True)
        if len(hatchcolors):
            gc0.set_hatch_color(hatchcolors[start % len(hatchcolors)])
        face = facecolors[start % len(facecolors)] if key[0] is not None else None
        gc0.set_antialiased(antialiaseds[start % len(antialiaseds)] if len(antialiaseds) else None)
        run = paths[start:end]
        if end - start > 1 and _joinable(run, key, master_transform, px):
            joined = Path.make_compound_path(*run)
            joined.should_simplify = False  # as each short path was drawn (simplifying starts at 128 points)
            renderer.draw_path(gc0, joined, master_transform, face)
        else:
            for path in run:
                renderer.draw_path(gc0, path, master_transform, face)
        start = end
    gc0.restore()


_FIGURE: list[type] = []


def grouping_figure(figsize: tuple[float, float]):
    """A matplotlib ``Figure`` whose collections are drawn by :func:`draw_path_collection` when
    it is drawn into a PDF (its class is defined once: matplotlib works out every Artist
    subclass's ``set()`` signature when it is defined)."""
    if not _FIGURE:
        from matplotlib.backends.backend_pdf import RendererPdf
        from matplotlib.figure import Figure

        class GroupingFigure(Figure):
            """A figure that draws its collections into PDF with same-styled neighbours joined."""

            def draw(self, renderer):  # noqa: D102 - matplotlib's draw protocol
                target = getattr(renderer, "_renderer", renderer)  # PDF pages draw through a MixedModeRenderer
                if type(target) is RendererPdf and "draw_path_collection" not in vars(target):
                    target.draw_path_collection = (
                        lambda *args, **kwargs: draw_path_collection(target, *args, **kwargs))
                return super().draw(renderer)

        _FIGURE.append(GroupingFigure)
    return _FIGURE[0](figsize=figsize)
