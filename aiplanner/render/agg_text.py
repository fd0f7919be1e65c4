"""Fast text for matplotlib's Agg (PNG) renderer: rendered glyphs reused.

``RendererAgg.draw_text`` shapes each string with libraqm and rasterises
every glyph afresh; a 300-task timeline draws some 14,000 glyphs from fewer
than a hundred distinct ones. Like :mod:`aiplanner.render.pdf_text`, this
lays simple scripts out from the font's character map, advance widths and
``kern`` pairs, and keeps each glyph's bitmap per size and quarter-pixel
position, blitting it with the renderer's own ``draw_text_image``.

Strings that need shaping, non-antialiased text, and matplotlib versions
without the internals used here go through ``renderer.draw_text``:
:func:`agg_writer` returns ``None``.
"""

from __future__ import annotations

import math

__all__ = ["AggText", "agg_writer"]

_PHASES = 4  # sub-pixel positions per pixel a glyph is rendered at


class AggText:
    """Draws strings into ``renderer`` (see :func:`agg_writer`)."""

    def __init__(self, renderer, measure, faces) -> None:
        from matplotlib.backends.backend_agg import get_hinting_flag
        from matplotlib.ft2font import RenderMode

        self.renderer = renderer
        self.measure = measure
        self.faces = faces  # weight -> face list, shared with the PDF writer's logic
        self.dpi = renderer.dpi
        self.flags = get_hinting_flag()
        self.mode = RenderMode.NORMAL
        self._bitmaps: dict[tuple, tuple] = {}
        self._glyphs: dict[tuple[str, str], tuple] = {}

    def _glyph(self, char: str, weight: str) -> tuple:
        key = (char, weight)
        found = self._glyphs.get(key)
        if found is None:
            from aiplanner.render.pdf_text import glyph_in

            face, gid = glyph_in(self.faces(weight), char)
            found = self._glyphs[key] = (face, gid, self.measure.advance(char, weight))
        return found

    def _bitmap(self, face, gid: int, size: float, px: int, py: int) -> tuple:
        key = (face.path, gid, size, px, py)
        found = self._bitmaps.get(key)
        if found is None:
            font = face.font
            font.set_size(size, self.dpi)
            font._set_transform([[0x10000, 0], [0, 0x10000]], [round(0x40 * px / _PHASES), round(0x40 * py / _PHASES)])
            bitmap = font._render_glyph(gid, self.flags, self.mode)
            found = self._bitmaps[key] = (bitmap.buffer.copy(), bitmap.left, bitmap.top)
        return found

    def show(self, gc, x: float, y: float, text: str, size: float, weight: str) -> None:
        """Draw ``text`` with its baseline starting at ``(x, y)`` (pixels, y downwards)."""
        scale = size * self.dpi / 72.0
        height = self.renderer.height
        up = height - y
        fy = math.floor(up)
        py = min(int((up - fy) * _PHASES + 0.5), _PHASES - 1)
        draw = self.renderer._renderer.draw_text_image
        pen = x
        prev = None
        prev_face = None
        for char in text:
            face, gid, advance = self._glyphs.get((char, weight)) or self._glyph(char, weight)
            if prev is not None and face is prev_face:
                pen += face.kern(prev, gid) / 1000.0 * scale
            fx = math.floor(pen)
            px = int((pen - fx) * _PHASES + 0.5)
            if px == _PHASES:
                fx, px = fx + 1, 0
            if not char.isspace():
                buffer, left, top = self._bitmap(face, gid, size, px, py)
                if buffer.size:
                    draw(buffer, fx + left, int(height) - (fy + top) + buffer.shape[0], 0, gc)
            pen += advance * scale
            prev, prev_face = gid, face


def agg_writer(renderer, measure, faces) -> AggText | None:
    """An :class:`AggText` for matplotlib's Agg renderer when this matplotlib
    has the glyph-level calls it needs; else ``None``."""
    try:
        from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag  # noqa: F401
        from matplotlib.ft2font import FT2Font, RenderMode  # noqa: F401
    except ImportError:
        return None
    if type(renderer) is not RendererAgg:
        return None
    if not (hasattr(FT2Font, "_render_glyph") and hasattr(FT2Font, "_set_transform")
            and hasattr(renderer, "_renderer") and hasattr(renderer._renderer, "draw_text_image")):
        return None
    return AggText(renderer, measure, faces)
