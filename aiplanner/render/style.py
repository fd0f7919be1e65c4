"""Colours, fonts and text measurement shared by every matplotlib painter.

The palette is Okabe–Ito (distinguishable with the common colour-vision
deficiencies); critical work is also told apart without colour — a dark
outline and hatching — so a grayscale print keeps the meaning.

Fonts: DejaVu Sans (ships with matplotlib: Latin, Greek, Cyrillic) first,
then any installed CJK family, so names in Chinese, Japanese or Korean render
when such a font exists and fall back to empty boxes — never a crash — when
not.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from functools import lru_cache

__all__ = [
    "OKABE_ITO", "PHASE_COLOURS", "CRITICAL", "INK", "MUTED", "GRID", "WEEKEND", "HOLIDAY",
    "phase_colour", "tint", "font_families", "mpl_context", "lean_font_subsets", "skip_artist_docstrings",
    "TextMeasure",
]

OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
}
#: Phase colours in phase order (yellow left out: too pale on white paper).
# A journey plan has seven phases: after the Okabe-Ito five, a slate violet and grey (black bars read as holes).
PHASE_COLOURS = ("#0072B2", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#7570B3", "#999999")
CRITICAL = "#D55E00"
#: Red / amber / green of the executive summary (always printed with the word, never colour alone).
RAG_COLOURS = {"green": "#2E7D32", "amber": "#E69F00", "red": "#C62828", "grey": "#9E9E9E"}
INK = "#1a1a1a"
MUTED = "#5f5f5f"
GRID = "#d9d9d9"
WEEKEND = "#f2f2f2"
HOLIDAY = "#e3e3e3"

CJK_FAMILIES = (
    "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK KR", "Source Han Sans",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "IPAGothic", "IPAexGothic",
    "TakaoGothic", "Unifont",
)


def phase_colour(index: int) -> str:
    """Colour of the phase at ``index`` in plan order (cycles)."""
    return PHASE_COLOURS[index % len(PHASE_COLOURS)]


def tint(colour: str, amount: float) -> tuple[float, float, float]:
    """``colour`` mixed with white: ``amount`` 0 = unchanged, 1 = white."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


@lru_cache(maxsize=1)
def font_families() -> tuple[str, ...]:
    """DejaVu Sans followed by the installed CJK fallback families."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return ("DejaVu Sans",) + tuple(f for f in CJK_FAMILIES if f in installed)


@contextlib.contextmanager
def quiet_font_lookup() -> Iterator[None]:
    """Silence matplotlib's "findfont: Failed to find font weight ..." log lines:
    a CJK family with one weight is used for bold text too, as intended."""
    import logging

    logger = logging.getLogger("matplotlib.font_manager")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@contextlib.contextmanager
def mpl_context() -> Iterator[None]:
    """rcParams of every export: embedded TrueType (selectable, searchable text),
    font fallback, no timestamps or hash salts that would change the bytes."""
    import matplotlib

    rc = {
        "font.family": list(font_families()),
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "path",
        "svg.hashsalt": "aiplanner",
        "pdf.compression": 3,  # nearly as small as 6, noticeably faster on 40-page reports
        "path.simplify": True,
        "hatch.linewidth": 0.6,
        "axes.unicode_minus": False,
    }
    with matplotlib.rc_context(rc), warnings.catch_warnings(), quiet_font_lookup(), _usable_source_date():
        # A name in a script no installed font covers is drawn as boxes; say nothing.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        warnings.filterwarnings("ignore", message=r"Matplotlib currently does not support")
        yield


def skip_artist_docstrings() -> None:
    """Let matplotlib define its artists without writing their ``set()`` property lists.

    Each Artist subclass matplotlib defines writes, at import, a docstring listing
    every property it can set (``matplotlib.artist.kwdoc``, reading the docstring
    of each setter): about a third of importing its figure and PDF modules, for
    text only ``help()`` shows. A one-off command (``aiplanner export``) never
    shows it, so it calls this first; ``set()`` itself and its signature are
    unchanged. Nothing happens once the artists are defined, or if matplotlib
    has no such function.
    """
    import sys

    if "matplotlib.lines" in sys.modules:  # the artists are defined already
        return
    import matplotlib.artist

    if callable(getattr(matplotlib.artist, "kwdoc", None)):
        matplotlib.artist.kwdoc = lambda artist: "(property list left out by aiplanner's command line)"


@contextlib.contextmanager
def lean_font_subsets() -> Iterator[None]:
    """Embed fonts in a PDF without their OpenType layout tables (GSUB, GPOS, GDEF, kern).

    matplotlib subsets each embedded TrueType font with fontTools; most of that
    time goes to subsetting the layout tables, which a PDF never uses: the
    glyphs are placed by the content stream, and search and copy go through
    the ToUnicode map. Without them: 0.06 s instead of 0.24 s a font, and
    smaller files. The default is restored afterwards.
    """
    from fontTools import subset

    before = subset.Options._drop_tables_default
    subset.Options._drop_tables_default = [*before, "GSUB", "GPOS", "GDEF", "kern"]
    try:
        yield
    finally:
        subset.Options._drop_tables_default = before


@contextlib.contextmanager
def _usable_source_date() -> Iterator[None]:
    """matplotlib's PDF writer reads ``SOURCE_DATE_EPOCH`` itself and fails on a
    malformed one; while drawing, a value our exports ignore is hidden from it."""
    import os

    from aiplanner.render.options import source_date_epoch

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    if saved is None or source_date_epoch() is not None:
        yield
        return
    del os.environ["SOURCE_DATE_EPOCH"]
    try:
        yield
    finally:
        os.environ["SOURCE_DATE_EPOCH"] = saved


class TextMeasure:
    """Widths of strings in points, from the advance widths of the fonts used for drawing.

    Sums unhinted glyph advances (what the PDF uses); kerning is ignored, which
    errs on the wide side. Characters the first font lacks are measured in the
    fallback fonts, else as one em.

    Examples
    --------
    >>> m = TextMeasure()
    >>> m.width("Gap Analysis", 8) > m.width("Gap", 8) > 0
    True
    >>> m.fit("A very long task name indeed", 8, m.width("A very long", 8))
    'A very lo…'
    """

    def __init__(self) -> None:
        self._fonts: dict[str, list] = {}
        self._advance: dict[tuple[str, str], float] = {}
        self._cache: dict[tuple[str, float, str], float] = {}

    def _font_list(self, weight: str) -> list:
        fonts = self._fonts.get(weight)
        if fonts is None:
            from matplotlib.font_manager import FontProperties, findfont, get_font

            fonts = []
            with quiet_font_lookup():
                for family in font_families():
                    font = get_font(findfont(FontProperties(family=family, weight=weight), fallback_to_default=False))
                    font.set_size(100, 72)
                    fonts.append(font)
            self._fonts[weight] = fonts
        return fonts

    def _char(self, char: str, weight: str) -> float:
        key = (char, weight)
        found = self._advance.get(key)
        if found is None:
            from matplotlib.ft2font import LoadFlags

            found = 1.0
            for font in self._font_list(weight):
                if font.get_char_index(ord(char)):
                    # matplotlib shares the FT2Font objects and renderers resize them: set ours again
                    font.set_size(100, 72)
                    found = font.load_char(ord(char), flags=LoadFlags.NO_HINTING).linearHoriAdvance / 65536 / 100
                    break
            self._advance[key] = found
        return found

    def advance(self, char: str, weight: str = "normal") -> float:
        """Advance width of one character at 1 point, in points."""
        return self._char(char, weight)

    def width(self, text: str, size: float, weight: str = "normal") -> float:
        """Width of ``text`` at ``size`` points, in points."""
        key = (text, size, weight)
        found = self._cache.get(key)
        if found is None:
            char = self._char
            found = max((sum(char(c, weight) for c in line) for line in text.split("\n")), default=0.0) * size
            self._cache[key] = found
        return found

    def fit(self, text: str, size: float, width: float, weight: str = "normal") -> str:
        """``text`` cut with an ellipsis so it is at most ``width`` points wide."""
        if self.width(text, size, weight) <= width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:  # longest prefix that fits with the ellipsis
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid].rstrip() + "…", size, weight) <= width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + "…" if lo else ""
