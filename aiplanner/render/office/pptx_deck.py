"""``aiplanner export FILE --to pptx``: the steering-committee deck, in native, editable content.

Slides, in order: the executive summary; the phase-and-milestone timeline
(:mod:`~aiplanner.render.office.pptx_timeline`); one detailed Gantt per
phase, rows continued on further slides as in the PDF
(:mod:`~aiplanner.render.office.pptx_gantt`); the load of each person per
week as a heat map and the findings, both native tables
(:mod:`~aiplanner.render.office.pptx_tables`); the finish-date risk chart,
in native shapes too (:mod:`~aiplanner.render.office.pptx_risk`). 16:9,
text at 12 points or more where it must be read from the back of a room.
Every shape has alt text (the task's name on a task's shapes). The same plan and options give the same bytes under
``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import io

from aiplanner.io.exporters import ExportRequest
from aiplanner.render.office.context import OfficeContext, day_text
from aiplanner.render.office.package import fixed_zip, xml_text
from aiplanner.render.office.pptx_shapes import SLIDE_H, SLIDE_W, SlideWriter, emu

__all__ = ["export_pptx", "build_deck"]


def _new_deck():
    from pptx import Presentation

    prs = Presentation()
    prs.slide_width = emu(SLIDE_W)
    prs.slide_height = emu(SLIDE_H)
    return prs


def _properties(prs, ctx: OfficeContext) -> None:
    """Title, author and dates: the dates are the export's (``SOURCE_DATE_EPOCH``), never the clock's."""
    props = prs.core_properties
    when = ctx.printed_utc
    props.title = xml_text(ctx.plan.name)[:255]
    props.author = xml_text(ctx.plan.organisation or "aiplanner")[:255]
    props.subject = xml_text(ctx.shown)[:255]
    props.keywords = "AI operating model; rollout plan; timeline"
    props.last_modified_by = "aiplanner"
    props.revision = 1
    props.created = when
    props.modified = when
    props.last_printed = when


def _footers(prs, ctx: OfficeContext) -> None:
    from aiplanner.render.style import MUTED

    total = len(prs.slides)
    for number, slide in enumerate(prs.slides, start=1):
        w = SlideWriter(slide)
        name = " ".join(ctx.plan.name.split())
        name = name if len(name) <= 60 else name[:59] + "…"
        text = f"{name} · printed {day_text(ctx.printed.date())} · {number} / {total}"
        w.text(0.45, SLIDE_H - 0.36, SLIDE_W - 0.9, 0.3, text, size=10, colour=MUTED, wrap=False,
               align="right", alt=f"Slide {number} of {total}")
        w.flush()


def build_deck(ctx: OfficeContext) -> bytes:
    """The deck of ``ctx`` as .pptx bytes."""
    from aiplanner.render.office.pptx_gantt import gantt_slides
    from aiplanner.render.office.pptx_risk import risk_slide
    from aiplanner.render.office.pptx_summary import summary_slide
    from aiplanner.render.office.pptx_tables import findings_slides, load_slides
    from aiplanner.render.office.pptx_timeline import timeline_slide
    from aiplanner.render.style import TextMeasure

    measure = TextMeasure()
    prs = _new_deck()
    _properties(prs, ctx)
    # Each slide group is the report section it shows, so --sections chooses slides as it chooses pages.
    every = ((("cover",), "summary", lambda: summary_slide(prs, ctx, measure)),
             (("milestones",), "timeline", lambda: timeline_slide(prs, ctx, measure)),
             (("timeline",), "Gantt by phase", lambda: gantt_slides(prs, ctx, measure)),
             (("load", "staffing"), "load", lambda: load_slides(prs, ctx, measure)),
             (("findings",), "findings", lambda: findings_slides(prs, ctx, measure)),
             (("risk",), "risk", lambda: risk_slide(prs, ctx, measure)))
    chosen = set(ctx.options.sections)
    steps = [(name, step) for sections, name, step in every if chosen.intersection(sections)]
    if not steps:
        from aiplanner.model.errors import InvalidPlanError, Problem

        raise InvalidPlanError([Problem("", "--sections: a deck has slides for cover, milestones, timeline, "
                                            "load (or staffing), findings and risk; none of them was chosen")])
    for n, (name, step) in enumerate(steps):
        ctx.progress(0.1 + 0.8 * n / len(steps), f"slides: {name}")
        step()
    _footers(prs, ctx)
    buffer = io.BytesIO()
    prs.save(buffer)
    return fixed_zip(buffer.getvalue(), ctx.printed_utc)


def export_pptx(request: ExportRequest) -> bytes:
    """The PowerPoint deck (``--to pptx``)."""
    request.progress(0.0, "scheduling")
    ctx = OfficeContext(request)
    data = build_deck(ctx)
    request.progress(1.0, "done")
    return data

