"""Native PowerPoint shapes, each with its alt text: the deck's drawing primitives.

A :class:`SlideWriter` collects a slide's shapes as DrawingML and adds them
to the slide in one parse when :meth:`~SlideWriter.flush` is called: rectangles,
diamonds and text boxes (``p:sp``) and lines and connectors (``p:cxnSp``),
positioned in inches. Going through python-pptx's shape API costs about a
millisecond a shape (it searches the slide for the next id on every call);
the enterprise sample's deck has thousands of shapes, so the XML is written
here and python-pptx keeps the package, tables and pictures.

Every shape gets its alternative text (the ``descr`` of its ``cNvPr``, what
PowerPoint shows under *Alt Text* and screen readers read) and the same
text as its name (what the *Selection Pane* lists), so a PMO can find a
task's bar by the task's name and move it. Grid lines and shading are also
marked decorative, so screen readers pass over them. Connectors are glued
to the shapes they join (``stCxn``/``endCxn``): moving a bar in PowerPoint
drags its links along.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from aiplanner.render.office.package import xml_text

__all__ = ["EMU", "SLIDE_W", "SLIDE_H", "emu", "ShapeRef", "SlideWriter", "Axis", "Cell", "alt_text", "set_alt",
           "DECORATIVE_URI", "line_count"]

EMU = 914_400  # English Metric Units per inch
SLIDE_W = 12_192_000 / 914_400  # 16:9 (13.33 inches), as PowerPoint sets it
SLIDE_H = 7.5
PT = 12_700  # EMU per point
_NAME_MAX = 250  # the Selection Pane shows a name on one line
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
_NS = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_GEOMETRY = {"rectangle": "rect", "diamond": "diamond", "rounded": "roundRect", "oval": "ellipse"}
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}


def emu(inches: float) -> int:
    """Inches as whole EMU.

    >>> emu(1.0), emu(0.5)
    (914400, 457200)
    """
    return int(round(inches * EMU))


def _colour(colour: str) -> str:
    return colour.lstrip("#").upper()


def _solid(colour: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{_colour(colour)}"/></a:solidFill>'


def _name(alt: str) -> str:
    name = " ".join(alt.split())
    return name if len(name) <= _NAME_MAX else name[:_NAME_MAX - 1] + "…"


def _c_nv_pr(shape_id: int, alt: str, decorative: bool) -> str:
    text = xml_text(alt)
    ext = ""
    if decorative:
        ext = (f'<a:extLst><a:ext uri="{DECORATIVE_URI}"><adec:decorative '
               'xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>')
    return f'<p:cNvPr id="{shape_id}" name={quoteattr(_name(text))} descr={quoteattr(text)}>{ext}</p:cNvPr>'


def _line(colour: str | None, width: float, dash: str | None = None, arrow: bool = False) -> str:
    if colour is None:
        return "<a:ln><a:noFill/></a:ln>"
    inner = _solid(colour) + (f'<a:prstDash val="{dash}"/>' if dash else "")
    inner += '<a:tailEnd type="triangle" w="med" len="med"/>' if arrow else ""
    return f'<a:ln w="{round(width * PT)}">{inner}</a:ln>'


def _paragraphs(text: str, size: float, colour: str, bold: bool, align: str) -> str:
    run_pr = f'<a:rPr sz="{round(size * 100)}" b="{1 if bold else 0}" dirty="0">{_solid(colour)}</a:rPr>'
    out = []
    for line_text in xml_text(text).split("\n"):
        run = f"<a:r>{run_pr}<a:t>{escape(line_text)}</a:t></a:r>" if line_text else ""
        out.append(f'<a:p><a:pPr algn="{_ALIGN[align]}"/>{run}'
                   f'<a:endParaRPr sz="{round(size * 100)}" dirty="0"/></a:p>')
    return "".join(out)


@dataclass(frozen=True)
class Cell:
    """A table cell: its text and look; ``span`` = (rows, columns) it covers from here."""

    text: str = ""
    size: float = 11
    bold: bool = False
    colour: str = "#1a1a1a"
    fill: str | None = "FFFFFF"
    align: str = "center"
    span: tuple[int, int] = (1, 1)


def line_count(text: str, width: float, size: float, measure, weight: str = "normal") -> int:
    """Lines ``text`` takes wrapped at word breaks into ``width`` inches at ``size`` points
    (each word measured once: findings run to hundreds of words).

    >>> from aiplanner.render.style import TextMeasure
    >>> line_count("one two three", 10.0, 12, TextMeasure()), line_count("one two three", 0.5, 12, TextMeasure())
    (1, 3)
    """
    room = width * 72
    space = measure.width(" ", size, weight)
    lines = 0
    for paragraph in str(text).split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            wide = measure.width(word, size, weight)
            if used and used + space + wide > room:
                lines += 1
                used = wide
            else:
                used += (space if used else 0.0) + wide
    return max(lines, 1)


@dataclass(frozen=True)
class ShapeRef:
    """A shape written to a slide: its id and place (inches), for gluing connectors to it."""

    id: int
    x: float
    y: float
    w: float
    h: float

    def site(self, index: int) -> tuple[float, float]:
        """Connection site ``index`` (0 top, 1 left, 2 bottom, 3 right) of a rectangle or diamond.

        >>> ShapeRef(2, 1.0, 1.0, 2.0, 1.0).site(3)
        (3.0, 1.5)
        """
        return {0: (self.x + self.w / 2, self.y), 1: (self.x, self.y + self.h / 2),
                2: (self.x + self.w / 2, self.y + self.h), 3: (self.x + self.w, self.y + self.h / 2)}[index]


class SlideWriter:
    """Collects a slide's shapes and adds them with :meth:`flush` (see the module docstring)."""

    def __init__(self, slide) -> None:
        self.slide = slide
        tree = slide.shapes._spTree
        ids = [int(v) for v in tree.xpath("//@id") if str(v).isdigit()]
        self._next = max(ids, default=1) + 1
        self._parts: list[str] = []

    def _id(self) -> int:
        value = self._next
        self._next += 1
        return value

    def box(self, x: float, y: float, w: float, h: float, *, alt: str, fill: str | None, outline: str | None = None,
            kind: str = "rectangle", text: str = "", size: float = 12, colour: str = "#1a1a1a", bold: bool = False,
            align: str = "center", outline_width: float = 0.75, dash: str | None = None,
            decorative: bool = False) -> ShapeRef:
        """An auto shape (``rectangle``, ``diamond``, ``rounded``, ``oval``), optionally with text."""
        w, h = max(w, 0.01), max(h, 0.01)
        ref = ShapeRef(self._id(), x, y, w, h)
        body = ""
        if text:
            body = (f'<p:txBody><a:bodyPr wrap="none" lIns="{emu(0.04)}" tIns="0" rIns="{emu(0.04)}" bIns="0" '
                    f'anchor="ctr" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
                    f"{_paragraphs(text, size, colour, bold, align)}</p:txBody>")
        self._parts.append(
            f"<p:sp><p:nvSpPr>{_c_nv_pr(ref.id, alt, decorative)}<p:cNvSpPr/><p:nvPr/></p:nvSpPr>"
            f'<p:spPr><a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'
            f'<a:prstGeom prst="{_GEOMETRY[kind]}"><a:avLst/></a:prstGeom>'
            f'{_solid(fill) if fill is not None else "<a:noFill/>"}{_line(outline, outline_width, dash)}</p:spPr>'
            f"{body}</p:sp>")
        return ref

    def text(self, x: float, y: float, w: float, h: float, text: str, *, alt: str | None = None, size: float = 12,
             colour: str = "#1a1a1a", bold: bool = False, align: str = "left", anchor: str = "top",
             wrap: bool = True, margin: float = 0.04, fill: str | None = None) -> ShapeRef:
        """A text box; its alt text is ``alt`` or the text itself."""
        w, h = max(w, 0.05), max(h, 0.05)
        ref = ShapeRef(self._id(), x, y, w, h)
        inset = emu(margin)
        tb = emu(min(margin, 0.03))
        self._parts.append(
            f'<p:sp><p:nvSpPr>{_c_nv_pr(ref.id, text if alt is None else alt, False)}<p:cNvSpPr txBox="1"/><p:nvPr/>'
            f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/>'
            f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            f'{_solid(fill) if fill is not None else "<a:noFill/>"}</p:spPr>'
            f'<p:txBody><a:bodyPr wrap="{"square" if wrap else "none"}" lIns="{inset}" tIns="{tb}" rIns="{inset}" '
            f'bIns="{tb}" anchor="{_ANCHOR[anchor]}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
            f"{_paragraphs(text, size, colour, bold, align)}</p:txBody></p:sp>")
        return ref

    def _connector(self, begin: tuple[float, float], end: tuple[float, float], geometry: str, alt: str,
                   colour: str, width: float, dash: str | None, arrow: bool, glue: str = "",
                   adjust: float | None = None, decorative: bool = False) -> ShapeRef:
        (bx, by), (ex, ey) = begin, end
        x, y = min(bx, ex), min(by, ey)
        w, h = abs(ex - bx), abs(ey - by)
        ref = ShapeRef(self._id(), x, y, w, h)
        flips = (' flipH="1"' if ex < bx else "") + (' flipV="1"' if ey < by else "")
        guides = f'<a:gd name="adj1" fmla="val {round(adjust * 100_000)}"/>' if adjust is not None else ""
        self._parts.append(
            f"<p:cxnSp><p:nvCxnSpPr>{_c_nv_pr(ref.id, alt, decorative)}<p:cNvCxnSpPr>{glue}</p:cNvCxnSpPr><p:nvPr/>"
            f'</p:nvCxnSpPr><p:spPr><a:xfrm{flips}><a:off x="{emu(x)}" y="{emu(y)}"/>'
            f'<a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm><a:prstGeom prst="{geometry}"><a:avLst>{guides}</a:avLst>'
            f"</a:prstGeom>{_line(colour, width, dash, arrow)}</p:spPr></p:cxnSp>")
        return ref

    def polyline(self, points: list[tuple[float, float]], *, alt: str, colour: str, width: float = 1.0,
                 dash: str | None = None) -> ShapeRef:
        """An open path through ``points`` (inches): a freeform whose points PowerPoint can edit."""
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        x, y = min(xs), min(ys)
        w, h = max(max(xs) - x, 0.01), max(max(ys) - y, 0.01)
        ref = ShapeRef(self._id(), x, y, w, h)
        pts = [f'<a:pt x="{emu(px - x)}" y="{emu(py - y)}"/>' for px, py in points]
        path = f"<a:moveTo>{pts[0]}</a:moveTo>" + "".join(f"<a:lnTo>{pt}</a:lnTo>" for pt in pts[1:])
        self._parts.append(
            f"<p:sp><p:nvSpPr>{_c_nv_pr(ref.id, alt, False)}<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>"
            f'<a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'
            f'<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst>'
            f'<a:path w="{emu(w)}" h="{emu(h)}">{path}</a:path></a:pathLst></a:custGeom><a:noFill/>'
            f"{_line(colour, width, dash)}</p:spPr></p:sp>")
        return ref

    def line(self, x1: float, y1: float, x2: float, y2: float, *, alt: str, colour: str, width: float = 1.0,
             dash: str | None = None, arrow: bool = False, decorative: bool = False) -> ShapeRef:
        """A straight line, free at both ends."""
        return self._connector((x1, y1), (x2, y2), "line", alt, colour, width, dash, arrow, decorative=decorative)

    def link(self, pred: ShapeRef, succ: ShapeRef, *, alt: str, colour: str, width: float = 1.0,
             begin_site: int = 3, end_site: int = 1, kind: str = "elbow", bend: float | None = None,
             dash: str | None = None) -> ShapeRef:
        """A connector glued from ``pred`` to ``succ`` at connection sites (0 top, 1 left,
        2 bottom, 3 right).

        ``kind``: "corner" (across, then down: one bend), "elbow" (across, down,
        across; ``bend`` = inches from the slide's left edge of its vertical run) —
        both with an arrow head — or "straight" (a leader line).
        """
        begin, end = pred.site(begin_site), succ.site(end_site)
        geometry = {"corner": "bentConnector2", "elbow": "bentConnector3", "straight": "straightConnector1"}[kind]
        adjust = None
        if kind == "elbow" and bend is not None and abs(end[0] - begin[0]) > 1e-6:
            adjust = (bend - begin[0]) / (end[0] - begin[0])
        glue = (f'<a:stCxn id="{pred.id}" idx="{begin_site}"/><a:endCxn id="{succ.id}" idx="{end_site}"/>')
        return self._connector(begin, end, geometry, alt, colour, width, dash, kind != "straight", glue, adjust)

    def table(self, x: float, y: float, widths: list[float], heights: list[float], rows: list[list[Cell | None]],
              *, alt: str, border: str = "FFFFFF") -> ShapeRef:
        """A native table (``a:tbl``); ``None`` marks a cell covered by a merged one."""
        ref = ShapeRef(self._id(), x, y, sum(widths), sum(heights))
        covered: dict[tuple[int, int], str] = {}
        edge = "".join(f'<a:{side} w="{PT}">{_solid(border)}</a:{side}>' for side in ("lnL", "lnR", "lnT", "lnB"))
        body = []
        for r, (height, cells) in enumerate(zip(heights, rows)):
            tcs = []
            for c, cell in enumerate(cells):
                if cell is None:
                    merge = covered.get((r, c), 'hMerge="1"')
                    tcs.append(f"<a:tc {merge}><a:txBody><a:bodyPr/><a:lstStyle/><a:p/></a:txBody><a:tcPr/></a:tc>")
                    continue
                spans = ""
                down, across = cell.span
                if down > 1:
                    spans += f' rowSpan="{down}"'
                if across > 1:
                    spans += f' gridSpan="{across}"'
                for dr in range(down):
                    for dc in range(across):
                        if dr or dc:
                            covered[(r + dr, c + dc)] = 'vMerge="1"' if dr else 'hMerge="1"'
                fill = _solid(cell.fill) if cell.fill is not None else "<a:noFill/>"
                tcs.append(
                    f"<a:tc{spans}><a:txBody><a:bodyPr/><a:lstStyle/>"
                    f"{_paragraphs(cell.text, cell.size, cell.colour, cell.bold, cell.align)}</a:txBody>"
                    f'<a:tcPr marL="{emu(0.05)}" marR="{emu(0.05)}" marT="{emu(0.02)}" marB="{emu(0.02)}" anchor="ctr">'
                    f"{edge}{fill}</a:tcPr></a:tc>")
            body.append(f'<a:tr h="{emu(height)}">{"".join(tcs)}</a:tr>')
        grid = "".join(f'<a:gridCol w="{emu(width)}"/>' for width in widths)
        self._parts.append(
            f"<p:graphicFrame><p:nvGraphicFramePr>{_c_nv_pr(ref.id, alt, False)}<p:cNvGraphicFramePr>"
            f'<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
            f'<p:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(ref.w)}" cy="{emu(ref.h)}"/></p:xfrm>'
            f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>'
            f'<a:tblPr/><a:tblGrid>{grid}</a:tblGrid>{"".join(body)}</a:tbl></a:graphicData></a:graphic>'
            f"</p:graphicFrame>")
        return ref

    def flush(self) -> None:
        """Add the collected shapes to the slide (in order: later ones on top)."""
        if not self._parts:
            return
        from pptx.oxml import parse_xml

        tree = self.slide.shapes._spTree
        parsed = parse_xml(f"<p:spTree {_NS}>{''.join(self._parts)}</p:spTree>")
        for child in list(parsed):
            tree.append(child)
        self._parts = []

    # -- composites ---------------------------------------------------------------------------------
    def title_bar(self, title: str, subtitle: str = "", *, tag: str = "", measure=None) -> float:
        """The slide's title (top left, 26 pt), an optional subtitle (13 pt, one line) and, for
        a scenario, a yellow ``tag`` top right; returns the y (inches) where the body may start."""
        from aiplanner.render.style import MUTED, OKABE_ITO, TextMeasure

        measure = measure or TextMeasure()
        tag_w = min(measure.width(tag, 13, "bold") / 72 + 0.3, 6.5) if tag else 0.0
        room = SLIDE_W - 0.9 - tag_w - 0.1
        self.text(0.45, 0.25, room, 0.6, measure.fit(" ".join(title.split()), 26, (room - 0.1) * 72, "bold"),
                  size=26, bold=True, anchor="middle", wrap=False, alt=title)
        if tag:
            self.box(SLIDE_W - 0.45 - tag_w, 0.3, tag_w, 0.45, fill=OKABE_ITO["yellow"], text=tag, size=13,
                     bold=True, alt=tag)
        y = 0.85
        if subtitle:
            self.text(0.45, 0.83, SLIDE_W - 0.9, 0.35, subtitle, size=13, colour=MUTED, wrap=False)
            y = 1.2
        return y + 0.1

    def time_header(self, ticks, axis: Axis, top: float, tier_height: float, body_bottom: float, measure, *,
                    size: float = 12, grid: str = "#d9d9d9", ink: str = "#1a1a1a") -> None:
        """The two-tier time header of a timeline (text boxes) and a decorative grid line at
        each lower-tier cell start, down to ``body_bottom``."""
        for tick in ticks:
            x0, x1 = axis.at(tick.x), axis.at(tick.x_end)
            if x1 - x0 <= 0.01:
                continue
            y = top + tick.tier * tier_height
            fits = measure.width(tick.text, size, "bold" if tick.tier == 0 else "normal") + 6 <= (x1 - x0) * 72
            if fits:
                self.text(x0, y, x1 - x0, tier_height, tick.text, size=size, bold=tick.tier == 0, colour=ink,
                          align="center" if tick.tier else "left", anchor="middle", wrap=False, margin=0.03,
                          alt=f"Time scale: {tick.text} from {tick.date.isoformat()}")
            if tick.tier == 1 or fits:
                self.line(x0, y if tick.tier == 0 else top + tier_height, x0,
                          body_bottom if tick.tier == 1 else y + tier_height, colour=grid, width=0.5,
                          alt=f"Grid line at {tick.date.isoformat()}", decorative=True)
        self.line(axis.left, top + 2 * tier_height, axis.right, top + 2 * tier_height, colour=grid, width=0.75,
                  alt="Time scale baseline", decorative=True)


@dataclass(frozen=True)
class Axis:
    """Chart x (calendar days since the plan start, as in the Gantt scene) onto
    ``left .. left + width`` inches of a slide."""

    x_min: float
    x_max: float
    left: float
    width: float

    def at(self, x: float) -> float:
        """Inches from the slide's left edge of chart x (clamped to the axis).

        >>> Axis(0.0, 10.0, 2.0, 5.0).at(4.0)
        4.0
        """
        x = min(max(x, self.x_min), self.x_max)
        return self.left + (x - self.x_min) / max(self.x_max - self.x_min, 1e-9) * self.width

    @property
    def right(self) -> float:
        return self.left + self.width


def set_alt(shape, alt: str) -> None:
    """Give a python-pptx shape (a table, a picture) the alternative text ``alt``, and ``alt``
    as its name (python-pptx has no property for it: the maintainer's documented way is the
    ``cNvPr`` element, python-pptx issue 508 / PR 512)."""
    text = xml_text(alt)
    shape._element._nvXxPr.cNvPr.set("descr", text)
    shape.name = _name(text)


def alt_text(shape) -> str:
    """The alternative text of a python-pptx shape (``""`` when none)."""
    return shape._element._nvXxPr.cNvPr.get("descr", "")
