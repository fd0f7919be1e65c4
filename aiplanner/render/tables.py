"""Paginated text tables for the report (tasks, staffing, metrics, findings ...).

Columns marked ``wrap`` break their text over several lines, so nothing a
reader needs is cut off (every task name appears whole in the task table);
other columns are as wide as their widest cell. A long table continues on
further pages with its header repeated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from aiplanner.render.style import GRID, INK, MUTED, TextMeasure

__all__ = ["Col", "TableSpec", "TablePage", "Block", "paginate_table", "paint_table_page", "wrap_text",
           "stack_tables"]

FONT = 7.0
LINE = 9.0  # points per text line
PAD = 3.0  # points around cell text


@dataclass(frozen=True)
class Col:
    """A column: header text, alignment, whether it wraps, its widest allowed width (points)."""

    header: str
    align: str = "left"
    wrap: bool = False
    max_width: float = 200.0


@dataclass
class TableSpec:
    """A table: columns, rows of cell text, and a style per row
    ("", "group" for bold shaded rows, "alert" for rows in the critical colour)."""

    columns: list[Col]
    rows: list[tuple[str, ...]]
    styles: list[str] = field(default_factory=list)

    def style(self, i: int) -> str:
        """Style of row ``i`` ("" when none given)."""
        return self.styles[i] if i < len(self.styles) else ""


@dataclass(frozen=True)
class Block:
    """A drawing of fixed height that flows with the tables (a row of charts).

    ``draw(fig, rect)`` paints it into ``rect`` = (left, bottom, width, height) inches.
    """

    height: float  # points
    draw: Callable = field(compare=False)


@dataclass(frozen=True)
class TablePage:
    """Rows of one page: their cell lines and heights (points); column widths."""

    widths: tuple[float, ...]
    rows: tuple[tuple[tuple[str, ...], ...], ...]  # per row, per column: the lines
    styles: tuple[str, ...]
    header: tuple[tuple[str, ...], ...]

    @property
    def height(self) -> float:
        """Points the page's rows take (header included)."""
        return _height(self.header) + sum(_height(r) for r in self.rows)


def _height(cells: tuple[tuple[str, ...], ...]) -> float:
    return max((len(c) for c in cells), default=1) * LINE + 2 * PAD


def wrap_text(text: str, width: float, measure: TextMeasure, weight: str = "normal") -> tuple[str, ...]:
    """Break ``text`` into lines at most ``width`` points wide (long words are split).

    >>> wrap_text("Operating Model Design", 60, TextMeasure())
    ('Operating Model', 'Design')
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in paragraph.split(" "):
            trial = f"{current} {word}" if current else word
            if measure.width(trial, FONT, weight) <= width:
                current = trial
                continue
            if current:
                lines.append(current)
            current = word
            while measure.width(current, FONT, weight) > width and len(current) > 1:
                cut = len(current) - 1
                while cut > 1 and measure.width(current[:cut], FONT, weight) > width:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return tuple(lines)


def _widths(spec: TableSpec, width: float, measure: TextMeasure) -> list[float]:
    natural = []
    for i, col in enumerate(spec.columns):
        cells = [r[i] for r in spec.rows]
        widest = max((measure.width(line, FONT, "bold" if spec.style(n) == "group" else "normal")
                      for n, c in enumerate(cells) for line in c.splitlines() or [""]), default=0.0)
        head = measure.width(col.header, FONT, "bold")
        natural.append(min(max(widest, head) + 2 * PAD + 2, col.max_width if col.wrap else 10_000))
    fixed = sum(w for w, c in zip(natural, spec.columns) if not c.wrap)
    wrapping = [i for i, c in enumerate(spec.columns) if c.wrap]
    room = width - fixed
    wanted = sum(natural[i] for i in wrapping)
    if wrapping and wanted > room:
        for i in wrapping:
            natural[i] = max(room * natural[i] / wanted, 40.0)
    elif wrapping:  # spare room goes to the wrapping columns
        for i in wrapping:
            natural[i] += (room - wanted) * natural[i] / wanted if wanted else room / len(wrapping)
    return natural


def paginate_table(spec: TableSpec, width: float, height: float, measure: TextMeasure,
                   first_height: float | None = None) -> list[TablePage]:
    """Pages of ``spec`` in a frame of ``width`` x ``height`` points; the first
    page may have less room (``first_height``), e.g. below another table. A
    first page with no room for a row comes back empty (``rows == ()``)."""
    widths = _widths(spec, width, measure)

    def cells_of(values, weight="normal"):
        out = []
        for value, w, col in zip(values, widths, spec.columns):
            if col.wrap:
                out.append(wrap_text(value, w - 2 * PAD - 2, measure, weight))
            else:
                out.append(tuple(measure.fit(line, FONT, w - 2 * PAD, weight) for line in value.splitlines() or [""]))
        return tuple(out)

    header = cells_of([c.header for c in spec.columns], "bold")
    pages: list[TablePage] = []
    current: list = []
    styles: list[str] = []
    used = _height(header)
    room = height if first_height is None else first_height
    for n, row in enumerate(spec.rows):
        style = spec.style(n)
        cells = cells_of(row, "bold" if style == "group" else "normal")
        h = _height(cells)
        if used + h > room and (current or room < height):
            # A group header (a phase) goes over with its first row, never alone at a page's foot.
            carried = 0
            while carried < len(current) - 1 and styles[-1 - carried] == "group":
                carried += 1
            keep = len(current) - carried
            pages.append(TablePage(tuple(widths), tuple(current[:keep]), tuple(styles[:keep]), header))
            current, styles, room = current[keep:], styles[keep:], height
            used = _height(header) + sum(_height(c) for c in current)
        current.append(cells)
        styles.append(style)
        used += h
    pages.append(TablePage(tuple(widths), tuple(current), tuple(styles), header))
    return pages


def paint_table_page(fig, page: TablePage, spec: TableSpec, rect: tuple[float, float, float, float],
                     measure: TextMeasure | None = None) -> None:
    """Draw ``page`` with its top-left at the top-left of ``rect`` (inches)."""
    from matplotlib.collections import LineCollection, PolyCollection

    from aiplanner.render.canvas import Pane, TextBatch
    from aiplanner.render.style import CRITICAL, tint

    left, bottom, width, height = rect
    texts = TextBatch(measure or TextMeasure())
    wpt, hpt = width * 72, height * 72
    pane = Pane(fig, rect, (0, wpt), (hpt, 0), texts)  # points, y downwards from the top
    xs = [0.0]
    for w in page.widths:
        xs.append(xs[-1] + w)
    y = 0.0
    rules, shaded = [], []
    for cells, style in [(page.header, "header")] + list(zip(page.rows, page.styles)):
        h = _height(cells)
        if style in ("header", "group"):
            shaded.append([(0, y), (xs[-1], y), (xs[-1], y + h), (0, y + h)])
        weight = "bold" if style in ("header", "group") else "normal"
        colour = CRITICAL if style == "alert" else INK
        for i, (lines, col) in enumerate(zip(cells, spec.columns)):
            x, ha = (xs[i] + PAD, "left") if col.align == "left" else (xs[i + 1] - PAD, "right")
            for k, line in enumerate(lines):
                pane.text(x, y + PAD + k * LINE, line, ha=ha, va="top", fontsize=FONT, weight=weight,
                          color=colour, clip_on=False)
        y += h
        rules.append([(0, y), (xs[-1], y)])
    pane.add_collection(PolyCollection(shaded, facecolors=[tint("#0072B2", 0.9)], edgecolors="none", zorder=0))
    pane.add_collection(LineCollection(rules, colors=GRID, lw=0.5))
    pane.add_collection(LineCollection([[(x, 0), (x, y)] for x in xs[1:-1]], colors=GRID, lw=0.4))
    pane.plot([0, xs[-1]], [_height(page.header)] * 2, color=MUTED, lw=0.7)
    fig.add_artist(texts.artist())


GAP = 16.0  # points between stacked tables
TOP_GAP = 6.0  # points between the page's title rule and the first caption


def stack_tables(specs: list[tuple[str, TableSpec]], width: float, height: float, measure: TextMeasure):
    """Flow several tables down pages, one after the other.

    ``specs`` pairs a caption (may be empty) with a table or a :class:`Block`.
    Returns pages, each a list of ``(caption, spec, TablePage, top)`` with
    ``top`` in points from the top of the frame (a block's TablePage is None);
    a table continuing on the next page repeats its header and its caption
    gets "(continued)"; a block that does not fit starts the next page.
    """
    pages: list[list] = [[]]
    used = 0.0
    for caption, spec in specs:
        cap_h = LINE + 4 if caption else 0.0
        if isinstance(spec, Block):
            start = used + (GAP if used else 0.0)
            if pages[-1] and start + cap_h + spec.height > height:
                pages.append([])
                start = 0.0
            pages[-1].append((caption, spec, None, start))
            used = start + cap_h + spec.height
            continue
        if not spec.rows:
            continue
        start = used + (GAP if used else 0.0)
        parts = paginate_table(spec, width, height - cap_h, measure, first_height=height - start - cap_h)
        for k, part in enumerate(parts):
            if k == 0 and not part.rows:  # no room left here: start on a new page
                continue
            if k > 0 or (pages[-1] and start + cap_h + part.height > height):
                pages.append([])
                start = 0.0
            text = caption if k == 0 or not caption else f"{caption} (continued)"
            pages[-1].append((text, spec, part, start))
            used = start + cap_h + part.height
            start = used + GAP
    return [p for p in pages if p]


def paint_stacked_page(fig, items, rect: tuple[float, float, float, float], measure: TextMeasure) -> None:
    """Draw one page of :func:`stack_tables` into ``rect`` (inches)."""
    from aiplanner.render.page import fig_text

    left, bottom, width, height = rect
    top = bottom + height - TOP_GAP / 72
    for caption, spec, part, offset in items:
        y = top - offset / 72
        if caption:
            fig_text(fig, left, y - LINE / 72, caption, fontsize=8.5, weight="bold", color=INK, va="baseline")
            y -= (LINE + 4) / 72
        if isinstance(spec, Block):
            spec.draw(fig, (left, y - spec.height / 72, width, spec.height / 72))
        else:
            paint_table_page(fig, part, spec, (left, bottom, width, y - bottom), measure)
