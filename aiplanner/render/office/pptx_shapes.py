"""Native PowerPoint shapes, each with its alt text: the deck's drawing primitives.

Every function takes a slide's shape collection, places in inches, and
returns the python-pptx shape. Every shape gets ``alt`` as its alternative
text (the ``descr`` of its ``cNvPr``, which PowerPoint shows under *Alt Text*
and screen readers read) and as its name (what the *Selection Pane* lists),
so a PMO can find a task's bar by the task's name and move it. python-pptx
has no property for alt text; its maintainer's documented way is the
``cNvPr`` element of the shape (python-pptx issue 508, PR 512).

python-pptx is imported inside the functions: this module is loaded only
when a deck is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiplanner.render.office.package import xml_text

__all__ = [
    "EMU", "SLIDE_W", "SLIDE_H", "emu", "rgb", "set_alt", "alt_text", "box", "text_box", "line", "link",
    "title_bar", "no_shadow", "decorative", "Axis", "time_header",
]

EMU = 914_400  # English Metric Units per inch
SLIDE_W = 13.333  # 16:9, inches
SLIDE_H = 7.5
_NAME_MAX = 250  # PowerPoint shows a shape's name in one line of the Selection Pane


def emu(inches: float) -> int:
    """Inches as whole EMU.

    >>> emu(1.0), emu(0.5)
    (914400, 457200)
    """
    return int(round(inches * EMU))


def rgb(colour: str):
    """A ``#RRGGBB`` or ``RRGGBB`` string as python-pptx's ``RGBColor``."""
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())


def set_alt(shape, alt: str) -> None:
    """Give ``shape`` the alternative text ``alt``, and ``alt`` as its name."""
    text = xml_text(alt)
    c_nv_pr = shape._element._nvXxPr.cNvPr
    c_nv_pr.set("descr", text)
    name = " ".join(text.split())
    shape.name = name if len(name) <= _NAME_MAX else name[:_NAME_MAX - 1] + "…"


def alt_text(shape) -> str:
    """The alternative text of ``shape`` (``""`` when none)."""
    return shape._element._nvXxPr.cNvPr.get("descr", "")


def decorative(shape) -> None:
    """Mark ``shape`` decorative (grid lines, shading): PowerPoint's accessibility
    checker and screen readers then pass over it."""
    from lxml import etree
    from pptx.oxml.ns import qn

    c_nv_pr = shape._element._nvXxPr.cNvPr
    ext_list = c_nv_pr.find(qn("a:extLst"))
    if ext_list is None:
        ext_list = etree.SubElement(c_nv_pr, qn("a:extLst"))
    ext = etree.SubElement(ext_list, qn("a:ext"), {"uri": "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"})
    etree.SubElement(ext, "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative", {"val": "1"},
                     nsmap={"adec": "http://schemas.microsoft.com/office/drawing/2017/decorative"})


def no_shadow(shape) -> None:
    """No theme shadow: flat shapes project cleanly."""
    shape.shadow.inherit = False


def _fill(shape, fill: str | None) -> None:
    if fill is None:
        shape.fill.background()
    else:
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(fill)


def _outline(shape, colour: str | None, width: float = 0.75, dash=None) -> None:
    from pptx.util import Pt

    if colour is None:
        shape.line.fill.background()
        return
    shape.line.color.rgb = rgb(colour)
    shape.line.width = Pt(width)
    if dash is not None:
        shape.line.dash_style = dash


def _style_text(frame, text: str, size: float, colour: str, bold: bool, align: str, anchor: str,
                wrap: bool, margin: float) -> None:
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
    from pptx.util import Pt

    frame.word_wrap = wrap
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = emu(margin)
    frame.margin_top = frame.margin_bottom = emu(min(margin, 0.03))
    frame.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}[anchor]
    lines = xml_text(text).split("\n")
    for k, line_text in enumerate(lines):
        paragraph = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
        paragraph.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[align]
        run = paragraph.add_run()
        run.text = line_text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = rgb(colour)


def box(shapes, x: float, y: float, w: float, h: float, *, alt: str, fill: str | None, outline: str | None = None,
        kind: str = "rectangle", text: str = "", size: float = 12, colour: str = "#1a1a1a", bold: bool = False,
        align: str = "center", outline_width: float = 0.75, dash=None):
    """An auto shape (``rectangle``, ``diamond``, ``rounded``, ``triangle``, ``oval``), filled, optionally with text."""
    from pptx.enum.shapes import MSO_SHAPE

    kinds = {"rectangle": MSO_SHAPE.RECTANGLE, "diamond": MSO_SHAPE.DIAMOND, "rounded": MSO_SHAPE.ROUNDED_RECTANGLE,
             "triangle": MSO_SHAPE.ISOSCELES_TRIANGLE, "oval": MSO_SHAPE.OVAL}
    shape = shapes.add_shape(kinds[kind], emu(x), emu(y), emu(max(w, 0.01)), emu(max(h, 0.01)))
    _fill(shape, fill)
    _outline(shape, outline, outline_width, dash)
    no_shadow(shape)
    if kind == "triangle":
        shape.rotation = 180.0  # points down at what it marks
    if text:
        _style_text(shape.text_frame, text, size, colour, bold, align, "middle", False, 0.04)
    set_alt(shape, alt)
    return shape


def text_box(shapes, x: float, y: float, w: float, h: float, text: str, *, alt: str | None = None,
             size: float = 12, colour: str = "#1a1a1a", bold: bool = False, align: str = "left",
             anchor: str = "top", wrap: bool = True, margin: float = 0.04, fill: str | None = None):
    """A text box; its alt text is ``alt`` or the text itself."""
    shape = shapes.add_textbox(emu(x), emu(y), emu(max(w, 0.05)), emu(max(h, 0.05)))
    if fill is not None:
        _fill(shape, fill)
    _style_text(shape.text_frame, text, size, colour, bold, align, anchor, wrap, margin)
    set_alt(shape, text if alt is None else alt)
    return shape


def _arrow_head(connector) -> None:
    from pptx.oxml.ns import qn

    ln = connector.line._get_or_add_ln()
    for old in ln.findall(qn("a:tailEnd")):
        ln.remove(old)
    ln.append(ln.makeelement(qn("a:tailEnd"), {"type": "triangle", "w": "med", "len": "med"}))


def line(shapes, x1: float, y1: float, x2: float, y2: float, *, alt: str, colour: str, width: float = 1.0,
         dash=None, arrow: bool = False):
    """A straight line (a connector shape, free at both ends)."""
    from pptx.enum.shapes import MSO_CONNECTOR

    connector = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, emu(x1), emu(y1), emu(x2), emu(y2))
    _outline(connector, colour, width, dash)
    if arrow:
        _arrow_head(connector)
    set_alt(connector, alt)
    return connector


def link(shapes, pred, succ, *, alt: str, colour: str, width: float = 1.0, begin_site: int = 3,
         end_site: int = 1, dash=None, kind: str = "elbow", bend: float | None = None):
    """A connector glued from ``pred`` to ``succ``: moving either shape in PowerPoint
    drags it along. Sites: 0 top, 1 left, 2 bottom, 3 right (rectangles and diamonds alike).

    ``kind``: "corner" (across, then down: one bend), "elbow" (across, down, across;
    ``bend`` = inches from the slide's left edge of its vertical run) — both with an
    arrow head — or "straight" (a leader line).
    """
    from lxml import etree
    from pptx.enum.shapes import MSO_CONNECTOR
    from pptx.oxml.ns import qn

    shape = MSO_CONNECTOR.STRAIGHT if kind == "straight" else MSO_CONNECTOR.ELBOW
    connector = shapes.add_connector(shape, 0, 0, emu(1), emu(1))
    connector.begin_connect(pred, begin_site)
    connector.end_connect(succ, end_site)
    geometry = connector._element.spPr.find(qn("a:prstGeom"))
    if kind == "corner":
        geometry.set("prst", "bentConnector2")
    elif kind == "elbow" and bend is not None and connector.begin_x != connector.end_x:
        fraction = (emu(bend) - connector.begin_x) / (connector.end_x - connector.begin_x)
        guides = geometry.find(qn("a:avLst"))
        if guides is None:
            guides = etree.SubElement(geometry, qn("a:avLst"))
        etree.SubElement(guides, qn("a:gd"), {"name": "adj1", "fmla": f"val {round(fraction * 100_000)}"})
    _outline(connector, colour, width, dash)
    if kind != "straight":
        _arrow_head(connector)
    set_alt(connector, alt)
    return connector


def title_bar(slide, title: str, subtitle: str = "", *, tag: str = "") -> float:
    """The slide's title (top left, 26 pt), an optional subtitle (13 pt, one line) and,
    for a scenario, a yellow ``tag`` top right; returns the y (inches) where the body may start."""
    from aiplanner.render.style import MUTED, OKABE_ITO, TextMeasure

    shapes = slide.shapes
    tag_w = 0.0
    if tag:
        tag_w = min(TextMeasure().width(tag, 13, "bold") / 72 + 0.3, 6.5)
        box(shapes, SLIDE_W - 0.45 - tag_w, 0.3, tag_w, 0.45, fill=OKABE_ITO["yellow"], text=tag, size=13,
            bold=True, alt=tag)
    text_box(shapes, 0.45, 0.25, SLIDE_W - 0.9 - tag_w - 0.1, 0.6, title, size=26, bold=True, anchor="middle",
             wrap=False)
    y = 0.85
    if subtitle:
        text_box(shapes, 0.45, 0.83, SLIDE_W - 0.9, 0.35, subtitle, size=13, colour=MUTED, wrap=False)
        y = 1.2
    return y + 0.1


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


def time_header(shapes, ticks, axis: Axis, top: float, tier_height: float, body_bottom: float, measure, *,
                size: float = 12, grid: str = "#d9d9d9", ink: str = "#1a1a1a") -> None:
    """The two-tier time header of a timeline (text boxes) and a grid line at each
    lower-tier cell start running down to ``body_bottom`` (decorative)."""
    for tick in ticks:
        x0, x1 = axis.at(tick.x), axis.at(tick.x_end)
        if x1 - x0 <= 0.01:
            continue
        y = top + tick.tier * tier_height
        fits = measure.width(tick.text, size, "bold" if tick.tier == 0 else "normal") + 6 <= (x1 - x0) * 72
        if fits:
            text_box(shapes, x0, y, x1 - x0, tier_height, tick.text, size=size, bold=tick.tier == 0,
                     colour=ink, align="center" if tick.tier else "left", anchor="middle", wrap=False, margin=0.03,
                     alt=f"Time scale: {tick.text} from {tick.date.isoformat()}")
        if tick.tier == 1 or fits:
            edge = line(shapes, x0, y if tick.tier == 0 else top + tier_height, x0,
                        body_bottom if tick.tier == 1 else y + tier_height, colour=grid, width=0.5,
                        alt=f"Grid line at {tick.date.isoformat()}")
            decorative(edge)
    edge = line(shapes, axis.left, top + 2 * tier_height, axis.right, top + 2 * tier_height, colour=grid, width=0.75,
                alt="Time scale baseline")
    decorative(edge)
