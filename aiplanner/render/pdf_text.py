"""Fast, selectable text for matplotlib's PDF backend.

``RendererPdf.draw_text`` shapes every string with libraqm and loads every
glyph outline before it writes a few bytes of ``TJ``; on a 35-page report
that is three quarters of the export time. The strings we batch (see
:class:`~aiplanner.render.canvas.TextBatch`) are Latin, Greek, Cyrillic or
CJK, which need no shaping: the glyph of each character comes straight from
the font's character map, and pair kerning from its ``kern`` table. This
module writes the same PDF text operators from cached glyph lookups and many
strings per ``BT``/``ET`` block, registering every glyph with the backend's
character tracker so the embedded font subsets and the ``ToUnicode`` maps (what
makes text selectable and searchable) are built exactly as for ordinary text.

Strings with characters that do need shaping (Arabic, Indic, combining
marks ...), other font types, or a matplotlib whose backend internals differ
go through ``renderer.draw_text`` as before: :func:`pdf_writer` returns
``None`` and :meth:`PdfText.can_draw` says no.
"""

from __future__ import annotations

__all__ = ["PdfText", "pdf_writer", "pdf_number", "needs_shaping", "face_list", "glyph_in"]

# Code point ranges drawn glyph by glyph: Latin, Greek, Cyrillic (no
# combining marks), general punctuation, symbols and arrows, CJK.
_SIMPLE = (
    (0x0000, 0x02FF), (0x0370, 0x0482), (0x048A, 0x052F), (0x1E00, 0x1FFF), (0x2000, 0x2BFF),
    (0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF),
)


def needs_shaping(text: str) -> bool:
    """Whether ``text`` has characters outside the simple scripts.

    >>> needs_shaping("Évaluation — Оценка 評価"), needs_shaping("مرحبا")
    (False, True)
    """
    for char in text:
        code = ord(char)
        if code < 0x0300:
            continue
        if not any(lo <= code <= hi for lo, hi in _SIMPLE):
            return True
    return False


class _Face:
    """One font file: glyph ids, kerning (in 1/1000 em) and its PDF font path."""

    def __init__(self, path: str) -> None:
        from matplotlib.font_manager import FontPath, get_font

        self.font = get_font(path)
        self.path = FontPath(self.font.fname, self.font.face_index)
        self.fname = self.font.fname  # what the character tracker reads
        self.face_index = self.font.face_index
        self.em = float(self.font.units_per_EM)
        self._kern: dict[tuple[int, int], float] = {}

    def glyph(self, code: int) -> int:
        return self.font.get_char_index(code)

    def kern(self, left: int, right: int) -> float:
        key = (left, right)
        found = self._kern.get(key)
        if found is None:
            from matplotlib.ft2font import Kerning

            found = self._kern[key] = self.font.get_kerning(left, right, Kerning.UNSCALED) * 1000.0 / self.em
        return found


_FACES: dict[str, list[_Face]] = {}


def face_list(weight: str) -> list[_Face]:
    """The fonts text of ``weight`` is drawn with: DejaVu Sans, then the CJK fallbacks."""
    faces = _FACES.get(weight)
    if faces is None:
        from matplotlib.font_manager import FontProperties, findfont

        from aiplanner.render.style import font_families, quiet_font_lookup

        with quiet_font_lookup():
            paths = [findfont(FontProperties(family=family, weight=weight), fallback_to_default=False)
                     for family in font_families()]
        faces = _FACES[weight] = [_Face(path) for path in paths]
    return faces


def glyph_in(faces: list[_Face], char: str) -> tuple[_Face, int]:
    """The first of ``faces`` with a glyph for ``char`` and its glyph id.

    No font has it: the first font's empty box (glyph 0), as matplotlib draws it.
    """
    code = ord(char)
    for face in faces:
        gid = face.glyph(code)
        if gid:
            return face, gid
    return faces[0], 0


def pdf_number(value: float) -> bytes:
    """A number as the PDF backend writes it (at most ten decimals, no trailing zeros).

    >>> pdf_number(8), pdf_number(7.5), pdf_number(-12.3456789012345), pdf_number(0.0)
    (b'8', b'7.5', b'-12.3456789012', b'0')
    """
    if type(value) is int:
        return b"%d" % value
    return (b"%.10f" % value).rstrip(b"0").rstrip(b".")


def _literal(codes: bytes) -> bytes:
    """Glyph codes as a PDF literal string (backslash, parentheses and line ends escaped)."""
    if b"\\" in codes:
        codes = codes.replace(b"\\", b"\\\\")
    if b"(" in codes or b")" in codes:
        codes = codes.replace(b"(", b"\\(").replace(b")", b"\\)")
    if b"\n" in codes or b"\r" in codes:
        codes = codes.replace(b"\n", b"\\n").replace(b"\r", b"\\r")
    return b"(" + codes + b")"


class PdfText:
    """Writes strings into one PDF page through ``renderer`` (see :func:`pdf_writer`).

    The text operators of a block (``BT`` ... ``ET``) are put together as bytes
    and handed to the page's content stream at :meth:`end`, in one write: the
    backend's ``output`` formats every operand through ``pdfRepr`` and wraps
    lines (``_fill``), which cost more than working out the glyphs.
    """

    def __init__(self, renderer, measure) -> None:
        self.renderer = renderer
        self.file = renderer.file
        self.measure = measure
        # (char, weight) -> (face, glyph id, subset, encoded 2-byte code); per PDF file
        self._glyphs: dict[tuple[str, str], tuple] = self.file.__dict__.setdefault("_aiplanner_glyphs", {})
        # (face path, subset) -> b"/F1": the font's resource name; per PDF file
        self._names: dict[tuple, bytes] = self.file.__dict__.setdefault("_aiplanner_font_names", {})
        self._font: tuple | None = None  # (pdf font name, size) selected in the open text block
        self._out: list[bytes] = []

    def _glyph(self, char: str, weight: str) -> tuple:
        key = (char, weight)
        found = self._glyphs.get(key)
        if found is None:
            face, gid = glyph_in(face_list(weight), char)
            subset, charcode = self.file._character_tracker.track_glyph(face, char, gid)
            found = self._glyphs[key] = (face, gid, subset, charcode.to_bytes(2, "big"))
        return found

    def _name(self, face, subset: int) -> bytes:
        key = (face.path, subset)
        found = self._names.get(key)
        if found is None:
            found = self._names[key] = self.file.fontName(face.path, subset).pdfRepr()
        return found

    def begin(self) -> None:
        """Open a text block (after the graphics state for its strings is set)."""
        self._out = [b"BT\n"]
        self._font = None

    def end(self) -> None:
        """Close the text block: its operators go into the page."""
        self._out.append(b"ET\n")
        self.file.write(b"".join(self._out))
        self._out = []

    def show(self, x: float, y: float, text: str, size: float, weight: str) -> None:
        """Draw ``text`` with its baseline starting at ``(x, y)`` (PDF points)."""
        out = self._out
        glyphs = self._glyphs
        run: list[bytes] = []  # the operands of one TJ: literal strings and kerning numbers
        chunk = b""
        current = None  # face and subset of the run being written
        current_subset = 0
        prev = None
        for i, char in enumerate(text):
            face, gid, subset, code = glyphs.get((char, weight)) or self._glyph(char, weight)
            if face is not current or subset != current_subset:
                if current is not None:
                    if chunk:
                        run.append(_literal(chunk))
                    out.append(b"[" + b" ".join(run) + b"] TJ\n")
                    run, chunk = [], b""
                name = self._name(face, subset)
                if self._font != (name, size):
                    out.append(name + b" " + pdf_number(size) + b" Tf\n")
                    self._font = (name, size)
                # A new font mid-string (a fallback script): start where the text so far ends (unkerned).
                shift = self.measure.width(text[:i], size, weight) if i else 0.0
                out.append(b"1 0 0 1 " + pdf_number(x + shift) + b" " + pdf_number(y) + b" Tm\n")
                current, current_subset, prev = face, subset, None
            elif prev is not None:
                kern = face._kern.get((prev, gid))
                if kern is None:
                    kern = face.kern(prev, gid)
                if kern:
                    run.append(_literal(chunk))
                    run.append(pdf_number(-kern))
                    chunk = b""
            chunk += code
            prev = gid
        if current is not None:
            if chunk:
                run.append(_literal(chunk))
            out.append(b"[" + b" ".join(run) + b"] TJ\n")


def pdf_writer(renderer, measure) -> PdfText | None:
    """A :class:`PdfText` for ``renderer`` when it is matplotlib's PDF renderer
    writing TrueType (Type 42) text with the internals this module relies on;
    else ``None`` (draw with ``renderer.draw_text``)."""
    import matplotlib

    try:
        from matplotlib.backends.backend_pdf import RendererPdf
        from matplotlib.font_manager import FontPath  # noqa: F401 - only checking it exists
    except ImportError:
        return None
    renderer = getattr(renderer, "_renderer", renderer)  # PDF pages draw through a MixedModeRenderer
    if not isinstance(renderer, RendererPdf):
        return None
    if matplotlib.rcParams["pdf.fonttype"] != 42 or matplotlib.rcParams["pdf.use14corefonts"]:
        return None
    tracker = getattr(renderer.file, "_character_tracker", None)
    if tracker is None or not hasattr(tracker, "track_glyph") or not hasattr(renderer.file, "fontName"):
        return None
    return PdfText(renderer, measure)
