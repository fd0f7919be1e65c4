"""Light drawing surfaces for pages with thousands of items.

A matplotlib ``Axes`` costs tens of milliseconds to create and a ``Text``
artist lays itself out on every draw; a 40-page report has hundreds of
axes and thousands of texts. A :class:`Pane` is just a rectangle of the
figure with its own data coordinates (an affine transform and a clip box)
that adds plain artists to the figure, and a :class:`TextBatch` draws many
strings in one artist straight through the renderer — still real,
selectable text in PDF and SVG, aligned with our own font measurement.
"""

from __future__ import annotations

from aiplanner.render.style import TextMeasure, font_families

__all__ = ["Pane", "TextBatch", "BASELINE", "FEATURES", "plain_letters", "nice_step"]

#: OpenType features for all our text: no ligatures, so "fi" stays two
#: searchable letters and no extra font subset is embedded for ligature glyphs.
FEATURES = ("-liga", "-clig", "-dlig")


class _Shaping:
    """What a renderer reads from ``mtext`` when shaping a batched string."""

    @staticmethod
    def get_fontfeatures():
        return FEATURES

    @staticmethod
    def get_language():
        return None


def plain_letters(fig) -> None:
    """Switch ligatures off for every ``Text`` artist of ``fig`` (see :data:`FEATURES`)."""
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        text.set_fontfeatures(FEATURES)


#: Baseline offset from the anchor, in ems, per vertical alignment (DejaVu Sans metrics).
BASELINE = {"center": -0.27, "top": -0.76, "bottom": 0.24, "baseline": 0.0}


class TextBatch:
    """Collects strings of one figure; :meth:`artist` makes the artist that draws them."""

    def __init__(self, measure: TextMeasure) -> None:
        self.measure = measure
        self.items: list[tuple] = []

    def add(self, transform, x: float, y: float, text: str, *, size: float, weight: str = "normal",
            color: str = "#000000", ha: str = "left", va: str = "center", clip=None,
            offset: tuple[float, float] = (0.0, 0.0)) -> None:
        """Queue ``text`` anchored at data ``(x, y)`` of ``transform``, moved by ``offset`` points."""
        if text:
            self.items.append((transform, x, y, text, size, weight, color, ha, va, clip, offset))

    def artist(self, zorder: float = 20):
        """A matplotlib artist drawing every queued string (add it to the figure)."""
        art = _batch_artist_class()(self)
        art.set_zorder(zorder)
        return art

    def draw(self, renderer) -> None:
        """Draw every queued string through ``renderer`` (what the artist's ``draw`` does)."""
        from matplotlib.colors import to_rgba
        from matplotlib.font_manager import FontProperties

        from aiplanner.render.agg_text import agg_writer
        from aiplanner.render.pdf_text import face_list, needs_shaping, pdf_writer

        items = self.items
        if not items:
            return
        px = renderer.points_to_pixels(1.0)
        _, canvas_h = renderer.get_canvas_width_height()
        flip = renderer.flipy()
        # Grouped by clip box and colour: one graphics state per group
        # instead of one per string (the PDF backend writes each change).
        # (Keys by first appearance, never by id(): the bytes must not
        # depend on memory addresses.)
        clips: dict[int, int] = {}
        for item in items:
            clips.setdefault(id(item[9]), len(clips))
        order = sorted(range(len(items)), key=lambda i: (clips[id(items[i][9])], str(items[i][6])))
        anchors = _anchors(items)
        fast = pdf_writer(renderer, self.measure)
        raster = agg_writer(renderer, self.measure, face_list) if fast is None else None
        props: dict[tuple[float, str], FontProperties] = {}
        gc = None
        state = None
        block = False  # a PdfText block is open
        for i in order:
            _, _, _, text, size, weight, color, ha, va, clip, (ox, oy) = items[i]
            if (id(clip), color) != state:
                if block:
                    fast.end()
                    block = False
                if gc is not None:
                    gc.restore()
                gc = renderer.new_gc()
                gc.set_foreground(to_rgba(color), isRGBA=True)
                if clip is not None:
                    gc.set_clip_rectangle(clip)
                state = (id(clip), color)
            dx, dy = anchors[i]
            dx += ox * px
            dy += oy * px
            if ha != "left":
                width = self.measure.width(text, size, weight) * px
                dx -= width if ha == "right" else width / 2
            dy += BASELINE[va] * size * px
            if flip:
                dy = canvas_h - dy
            if fast is not None and not needs_shaping(text):
                if not block:
                    renderer.check_gc(gc, gc._rgb)
                    fast.begin()
                    block = True
                fast.show(dx, dy, text, size, weight)
                continue
            if raster is not None and gc.get_antialiased() and not needs_shaping(text):
                raster.show(gc, dx, dy, text, size, weight)
                continue
            if block:
                fast.end()
                block = False
            key = (size, weight)
            prop = props.get(key)
            if prop is None:
                prop = props[key] = FontProperties(family=list(font_families()), size=size, weight=weight)
            renderer.draw_text(gc, dx, dy, text, prop, 0.0, mtext=_Shaping)
        if block:
            fast.end()
        if gc is not None:
            gc.restore()


def _anchors(items: list[tuple]) -> list[tuple[float, float]]:
    """Each item's anchor in display coordinates: one transform call per transform, not per string."""
    import numpy as np

    by_transform: dict[int, list[int]] = {}
    for i, item in enumerate(items):
        by_transform.setdefault(id(item[0]), []).append(i)
    anchors: list = [None] * len(items)
    for members in by_transform.values():
        points = items[members[0]][0].transform(np.array([(items[i][1], items[i][2]) for i in members], dtype=float))
        for i, point in zip(members, points.tolist()):
            anchors[i] = point
    return anchors


_BATCH_ARTIST: list[type] = []


def _batch_artist_class() -> type:
    """The artist class of a :class:`TextBatch`, defined once (matplotlib works out the ``set()``
    signature of every Artist subclass when it is defined: a millisecond each time)."""
    if not _BATCH_ARTIST:
        from matplotlib.artist import Artist

        class TextBatchArtist(Artist):
            """Draws the strings of one :class:`TextBatch`."""

            def __init__(self, batch: TextBatch) -> None:
                super().__init__()
                self.batch = batch

            def draw(self, renderer):  # noqa: D102 - matplotlib's draw protocol
                if not self.get_visible():
                    return
                renderer.open_group("text-batch", self.get_gid())
                self.batch.draw(renderer)
                renderer.close_group("text-batch")

        _BATCH_ARTIST.append(TextBatchArtist)
    return _BATCH_ARTIST[0]


class Pane:
    """A figure rectangle ``rect`` (inches) showing data ``xlim`` x ``ylim``.

    ``ylim`` is (value at the bottom, value at the top), as for ``Axes.set_ylim``;
    pass ``(last + 0.5, first - 0.5)`` for rows counted downwards.
    """

    def __init__(self, fig, rect: tuple[float, float, float, float], xlim, ylim, texts: TextBatch) -> None:
        from matplotlib.transforms import Affine2D, Bbox, TransformedBbox

        left, bottom, width, height = rect
        self.fig = fig
        self.rect = rect
        self.xlim = tuple(xlim)
        self.ylim = tuple(ylim)
        self.texts = texts
        sx = width / (xlim[1] - xlim[0])
        sy = height / (ylim[1] - ylim[0])
        self.transData = (Affine2D().translate(-xlim[0], -ylim[0]).scale(sx, sy).translate(left, bottom)
                          + fig.dpi_scale_trans)
        self.clip = TransformedBbox(Bbox.from_bounds(left, bottom, width, height), fig.dpi_scale_trans)

    def get_xlim(self) -> tuple[float, float]:
        """Data x range."""
        return self.xlim

    def get_ylim(self) -> tuple[float, float]:
        """Data y range (bottom, top)."""
        return self.ylim

    def _add(self, artist, clip_on: bool = True):
        artist.set_transform(self.transData)
        if clip_on:
            artist.set_clip_box(self.clip)
        self.fig.add_artist(artist)
        return artist

    def add_collection(self, collection, clip_on: bool = True):
        """Add a collection in data coordinates."""
        return self._add(collection, clip_on)

    def add_patch(self, patch, clip_on: bool = True):
        """Add a patch in data coordinates."""
        return self._add(patch, clip_on)

    def plot(self, xs, ys, clip_on: bool = True, **kwargs):
        """A ``Line2D`` (markers or lines) in data coordinates."""
        from matplotlib.lines import Line2D

        return self._add(Line2D(list(xs), list(ys), **kwargs), clip_on)

    def axvline(self, x: float, clip_on: bool = True, **kwargs):
        """A vertical line across the pane."""
        return self.plot([x, x], list(self.ylim), clip_on=clip_on, **kwargs)

    def axhline(self, y: float, clip_on: bool = True, **kwargs):
        """A horizontal line across the pane."""
        return self.plot(list(self.xlim), [y, y], clip_on=clip_on, **kwargs)

    def text(self, x: float, y: float, text: str, *, fontsize: float, ha: str = "left", va: str = "center",
             weight: str = "normal", color: str = "#000000", clip_on: bool = True, dx: float = 0.0,
             dy: float = 0.0, **_ignored) -> None:
        """Queue a string at data ``(x, y)``, moved by ``dx, dy`` points (drawn by the page's :class:`TextBatch`)."""
        self.texts.add(self.transData, x, y, text, size=fontsize, weight=weight, color=color, ha=ha, va=va,
                       clip=self.clip if clip_on else None, offset=(dx, dy))


def nice_step(top: float, ticks: int = 4) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``ticks`` ticks up to ``top``.

    >>> nice_step(9.0), nice_step(23.0), nice_step(0.8)
    (2.0, 5.0, 0.2)
    """
    import math

    raw = max(top, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    candidates = [factor * power for factor in (1, 2, 5, 10)]
    return float(min(candidates, key=lambda step: abs(top / step - ticks)))
