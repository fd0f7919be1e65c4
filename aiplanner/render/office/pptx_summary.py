"""The deck's first slide: the executive summary, in the words of the PDF's cover.

It renders the :class:`~aiplanner.checks.summary.ExecutiveSummary` the PDF
cover, the window's Summary view and presentation mode render: four
red/amber/green tiles (schedule, staffing, risk, health) with why, then the
sponsor's questions answered by :func:`aiplanner.render.report.cover.summary_lines`
(the same sentences as the cover), in two columns at 12 points or more. How
the colours are set goes into the slide's notes, for the presenter. A plan
without tasks gets a title slide with its dates instead.
"""

from __future__ import annotations

from aiplanner.render.office.context import OfficeContext, day_text
from aiplanner.render.office.package import hex_tint
from aiplanner.render.office.pptx_shapes import SLIDE_H, SLIDE_W, SlideWriter, line_count

__all__ = ["summary_slide", "STYLES"]

LEFT = 0.45
GAP = 0.35
#: Point size, bold, and space before (inches) of each line style of ``summary_lines``.
STYLES = {"big": (24.0, True, 0.02), "strong": (13.0, True, 0.04), "body": (13.0, False, 0.04),
          "item": (12.0, False, 0.03), "note": (11.0, False, 0.01)}
HEADING_PT = 12.0


def summary_slide(prs, ctx: OfficeContext, measure) -> None:
    """Add slide 1."""
    summary = ctx.summary
    w = SlideWriter(prs.slides.add_slide(prs.slide_layouts[6]))
    if summary is None:
        _title_only(w, ctx)
        w.flush()
        return
    from aiplanner.checks.domain import pattern_name
    from aiplanner.render.report.cover import SECTION_AREAS, TEXT_COLOURS, summary_lines
    from aiplanner.render.style import INK, MUTED, RAG_COLOURS

    meta = " · ".join(m for m in (ctx.plan.organisation, pattern_name(ctx.plan.pattern) if ctx.plan.pattern else "",
                                  ctx.against) if m)
    top = w.title_bar(ctx.plan.name, meta, tag=ctx.scenario_tag, measure=measure)
    top = _tiles(w, summary, top + 0.02, measure, RAG_COLOURS, TEXT_COLOURS, INK, MUTED)
    bottom = SLIDE_H - 0.45
    col_w = (SLIDE_W - 2 * LEFT - GAP) / 2
    sections = summary_lines(summary)
    names = list(sections)
    for k, group in enumerate((names[:2], names[2:])):
        x, y = LEFT + k * (col_w + GAP), top
        for name in group:
            area = SECTION_AREAS.get(name)
            colour = TEXT_COLOURS[summary.area(area).rag] if area else INK
            y = _section(w, name, sections[name], (x, y, col_w, bottom), measure, colour, INK, MUTED)
    w.flush()
    notes = "How the colours are set\n" + "\n".join(f"{a.area.capitalize()}: {a.rule}" for a in summary.areas)
    w.slide.notes_slide.notes_text_frame.text = notes


def _title_only(w: SlideWriter, ctx: OfficeContext) -> None:
    from aiplanner.render.style import INK, MUTED

    w.text(0.6, 1.6, SLIDE_W - 1.2, 1.4, ctx.plan.name, size=36, bold=True, colour=INK, anchor="bottom")
    if ctx.plan.organisation:
        w.text(0.6, 3.05, SLIDE_W - 1.2, 0.6, ctx.plan.organisation, size=22, colour=INK)
    w.text(0.6, 3.75, SLIDE_W - 1.2, 0.5, ctx.shown, size=16, colour=MUTED)
    sched = ctx.schedule
    w.text(0.6, 4.3, SLIDE_W - 1.2, 0.5, f"Planned {day_text(sched.start)} to {day_text(sched.finish)}",
           size=16, colour=MUTED)


def _tiles(w: SlideWriter, summary, top: float, measure, rag, text_colours, ink: str, muted: str) -> float:
    """Four tiles: the area and its colour in words, then why; returns the y below them."""
    n = len(summary.areas)
    gap = 0.15
    tile_w = (SLIDE_W - 2 * LEFT - gap * (n - 1)) / n
    why_pt = 12.0
    lines = max(min(line_count(a.why, tile_w - 0.3, why_pt, measure), 4) for a in summary.areas)
    tile_h = 0.42 + lines * 0.2 + 0.1
    for k, area in enumerate(summary.areas):
        x = LEFT + k * (tile_w + gap)
        word = {"grey": "not judged"}.get(area.rag, area.rag)
        colour = rag[area.rag]
        w.box(x, top, tile_w, tile_h, fill=hex_tint(colour, 0.85), outline=colour, outline_width=1.25,
              alt=f"{area.area.capitalize()}: {word}. {area.why}")
        w.box(x, top, 0.09, tile_h, fill=colour, alt=f"{area.area.capitalize()} status colour: {word}")
        w.text(x + 0.15, top + 0.05, tile_w * 0.55, 0.34, area.area.upper(), size=12, bold=True, colour=muted,
               anchor="middle", wrap=False)
        w.text(x + tile_w * 0.45, top + 0.05, tile_w * 0.55 - 0.1, 0.34, word.upper(), size=16, bold=True,
               colour=text_colours[area.rag], align="right", anchor="middle", wrap=False)
        w.text(x + 0.15, top + 0.4, tile_w - 0.25, tile_h - 0.44, area.why, size=why_pt, colour=ink)
    return top + tile_h + 0.1


def _section(w: SlideWriter, heading: str, lines, box, measure, colour: str, ink: str, muted: str) -> float:
    """One question and its answer lines in a column; returns the y below it. Lines that
    would pass the column's foot are left out, with "…" saying so."""
    x, y, width, bottom = box
    if y + 0.3 > bottom:
        return y
    w.text(x, y + 0.06, width, 0.28, heading.upper(), size=HEADING_PT, bold=True, colour=muted, wrap=False)
    y += 0.34
    for style, text in lines:
        size, bold, before = STYLES.get(style, STYLES["body"])
        full = text
        indent = 0.25 if style == "item" else 0.0
        shown = ("• " if style == "item" else "") + text
        room = width - indent - 0.1
        weight = "bold" if bold else "normal"
        if style == "big" and measure.width(shown, size, weight) > room * 72:
            size = max(18.0, size * room * 72 / measure.width(shown, size, weight))
        n = 1 if style == "big" else line_count(shown, room, size, measure, weight)
        if n > 3:  # three lines at most; the alt text keeps it all
            shown, n = measure.fit(shown, size, 3 * room * 72 * 0.92, weight), 3
        height = n * size * 1.22 / 72 + 0.05
        if y + before + height > bottom:
            w.text(x, y, width, 0.25, "…", size=12, colour=muted, alt="More in the report and the sheets")
            return bottom
        y += before
        hue = colour if style == "strong" else (muted if style == "note" else ink)
        w.text(x + indent, y, width - indent, height, shown, size=size, bold=bold, colour=hue,
               wrap=style != "big", alt=full)
        y += height
    return y
