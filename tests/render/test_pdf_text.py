"""The fast PDF and PNG text paths: same searchable text and ink, kerning kept, shaping scripts left to matplotlib."""

from __future__ import annotations

import io

from aiplanner.render import pdf_text
from aiplanner.render.canvas import Pane, TextBatch
from aiplanner.render.style import TextMeasure, mpl_context

from tests.render.report.test_report import pages_text

STRINGS = ["AVATAR To Wa, office", "Анализ разрывов", "Σχεδιασμός", "Zürich Ærø · 5 – 7", "Gate (2) \\ 50% [x]",
           "مرحبا"]


def _pdf(monkeypatch) -> tuple[bytes, list[str]]:
    from matplotlib.backends.backend_pdf import PdfPages, RendererPdf
    from matplotlib.figure import Figure

    slow: list[str] = []
    original = RendererPdf.draw_text

    def counting(self, gc, x, y, s, *args, **kwargs):
        slow.append(s)
        return original(self, gc, x, y, s, *args, **kwargs)

    monkeypatch.setattr(RendererPdf, "draw_text", counting)
    buffer = io.BytesIO()
    with mpl_context(), PdfPages(buffer) as pdf:
        fig = Figure(figsize=(6, 3))
        texts = TextBatch(TextMeasure())
        pane = Pane(fig, (0.5, 0.5, 5, 2), (0, 1), (len(STRINGS), 0), texts)
        for k, text in enumerate(STRINGS):
            pane.text(0.02, k + 0.5, text, fontsize=9, weight="bold" if k == 1 else "normal", ha="left")
        fig.add_artist(texts.artist())
        pdf.savefig(fig)
    return buffer.getvalue(), slow


def test_batched_strings_are_written_fast_and_stay_searchable(monkeypatch):
    data, slow = _pdf(monkeypatch)
    assert slow == ["مرحبا"]  # only the script that needs shaping went through draw_text
    text = pages_text(data)[0]
    for s in STRINGS[:-1]:
        assert s in text


def test_doctests():
    import doctest

    result = doctest.testmod(pdf_text)
    assert result.attempted > 0 and result.failed == 0


def test_kerning_agrees_with_matplotlibs_shaping():
    from matplotlib import _text_helpers
    from matplotlib.font_manager import FontProperties, findfont, get_font

    path = findfont(FontProperties(family="DejaVu Sans"))
    face = pdf_text._Face(path)
    font = get_font(path)
    font.set_size(10, 72)
    items = list(_text_helpers.layout("AVTo", font))
    for left, right in zip(items, items[1:]):
        shaped = right.prev_kern / 10 * 1000  # points at 10 pt -> 1/1000 em
        assert abs(face.kern(left.glyph_index, right.glyph_index) - shaped) < 2
    assert face.kern(face.glyph(ord("A")), face.glyph(ord("V"))) < -30


def test_measure_ignores_sizes_set_by_renderers():
    from matplotlib.font_manager import FontProperties, findfont, get_font

    first = TextMeasure()
    first.width("A", 10)
    get_font(findfont(FontProperties(family="DejaVu Sans"))).set_size(3, 72)  # as a renderer does
    assert first.width("Wq", 10) == TextMeasure().width("Wq", 10)


def test_png_text_reuses_glyphs_and_matches_matplotlibs_drawing(monkeypatch):
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
    from matplotlib.figure import Figure

    from aiplanner.render import agg_text

    def image(fast: bool):
        if not fast:
            monkeypatch.setattr(agg_text, "agg_writer", lambda *a: None)
        slow: list[str] = []
        original = RendererAgg.draw_text
        monkeypatch.setattr(RendererAgg, "draw_text", lambda self, gc, x, y, s, *a, **k: (
            slow.append(s), original(self, gc, x, y, s, *a, **k))[1])
        with mpl_context():
            fig = Figure(figsize=(4, 1.2), dpi=100)
            texts = TextBatch(TextMeasure())
            pane = Pane(fig, (0.1, 0.1, 3.8, 1.0), (0, 1), (2, 0), texts)
            pane.text(0.0, 0.5, "Governance review: AV To", fontsize=10)
            pane.text(0.0, 1.5, "مرحبا", fontsize=10)
            fig.add_artist(texts.artist())
            canvas = FigureCanvasAgg(fig)
            canvas.draw()
        monkeypatch.undo()
        return np.asarray(canvas.buffer_rgba())[..., :3].astype(int), slow

    fast, slow_fast = image(True)
    plain, slow_plain = image(False)
    assert slow_fast == ["مرحبا"] and len(slow_plain) == 2
    ink_fast, ink_plain = (fast < 128).sum(), (plain < 128).sum()
    assert ink_plain > 0 and abs(ink_fast - ink_plain) < 0.15 * ink_plain  # the same text, as much ink
