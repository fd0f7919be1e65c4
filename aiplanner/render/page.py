"""Page furniture: title line, legend, footer with "n / N".

All positions are in inches from the figure's bottom-left corner.
"""

from __future__ import annotations

from aiplanner.render.style import INK, MUTED, TextMeasure

__all__ = ["paint_title", "paint_legend", "paint_footer", "fig_text", "figure_texts"]

LEGEND_FONT = 6.5
LEGEND_ROW = 0.17


_MEASURE: list[TextMeasure] = []


def figure_texts(fig):
    """The :class:`~aiplanner.render.canvas.TextBatch` of ``fig`` for loose text (made on first use)."""
    batch = getattr(fig, "_aiplanner_texts", None)
    if batch is None:
        from aiplanner.render.canvas import TextBatch

        if not _MEASURE:
            _MEASURE.append(TextMeasure())
        batch = TextBatch(_MEASURE[0])
        fig._aiplanner_texts = batch
        fig.add_artist(batch.artist())
    return batch


def fig_text(fig, x: float, y: float, text: str, *, fontsize: float, color: str = "#000000",
             weight: str = "normal", ha: str = "left", va: str = "baseline", **kwargs) -> None:
    """A line of text at ``x, y`` in inches (like ``fig.text``), drawn with the
    figure's text batch: one artist per page instead of one laid-out ``Text``
    per string."""
    if "\n" in text or kwargs:
        fw, fh = fig.get_size_inches()
        fig.text(x / fw, y / fh, text, fontsize=fontsize, color=color, weight=weight, ha=ha, va=va, **kwargs)
        return
    figure_texts(fig).add(fig.dpi_scale_trans, x, y, text, size=fontsize, weight=weight, color=color, ha=ha,
                          va=va)


def paint_title(fig, plan, schedule, rect: tuple[float, float, float, float], subtitle: str = "") -> None:
    """Plan name on the left; dates (and ``subtitle``) under it, small."""
    left, bottom, width, height = rect
    fig_text(fig, left, bottom + height * 0.55, plan.name, fontsize=12, weight="bold", color=INK, va="bottom")
    dates = f"{schedule.start:%d %b %Y} – {schedule.finish:%d %b %Y} · {schedule.duration} working days"
    if plan.organisation:
        dates = f"{plan.organisation} · {dates}"
    if subtitle:
        dates = f"{dates} · {subtitle}"
    fig_text(fig, left, bottom + height * 0.05, dates, fontsize=7.5, color=MUTED, va="bottom")


def _legend_columns(handles, width_in: float, measure: TextMeasure) -> int:
    widest = max(measure.width(h.get_label(), LEGEND_FONT) for h in handles) + 30
    return max(1, min(len(handles), int(width_in * 72 // widest)))


def paint_legend(fig, scene, origin: tuple[float, float] | None, width: float, measure: TextMeasure,
                 dry_run: bool = False) -> float:
    """The Gantt legend in rows under the chart; returns its height in inches.

    With ``dry_run`` nothing is drawn (to size a figure first).
    """
    from aiplanner.render.gantt.painter import legend_handles

    handles = legend_handles(scene)
    if not handles:
        return 0.0
    ncol = _legend_columns(handles, width, measure)
    rows = -(-len(handles) // ncol)
    height = rows * LEGEND_ROW + 0.04
    if dry_run or origin is None:
        return height
    _draw_legend(fig, handles, ncol, (origin[0], origin[1], width, height), measure)
    return height


def _draw_legend(fig, handles, ncol: int, rect, measure: TextMeasure) -> None:
    """Swatches and labels in a grid, read from the proxy artists.

    Drawn on a :class:`~aiplanner.render.canvas.Pane` rather than with
    ``fig.legend``, whose layout boxes cost more than the rest of a page.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    from aiplanner.render.canvas import Pane, TextBatch

    left, bottom, width, height = rect
    texts = TextBatch(measure)
    pane = Pane(fig, rect, (0, width), (0, height), texts)  # inches
    cell = width / ncol
    swatch, gap = 0.25, 0.06
    for k, handle in enumerate(handles):
        row, col = divmod(k, ncol)
        x = col * cell
        y = height - (row + 0.5) * LEGEND_ROW - 0.02
        if isinstance(handle, Line2D):
            if handle.get_linestyle() not in ("None", "", " "):
                pane.plot([x, x + swatch], [y, y], color=handle.get_color(), lw=handle.get_linewidth(),
                          ls=handle.get_linestyle(), clip_on=False)
            if handle.get_marker() not in ("None", "", None):
                pane.plot([x + swatch / 2], [y], ls="", marker=handle.get_marker(), ms=handle.get_markersize(),
                          mfc=handle.get_markerfacecolor(), mec=handle.get_markeredgecolor(),
                          color=handle.get_color(), clip_on=False)
        else:
            pane.add_patch(Rectangle((x, y - 0.045), swatch, 0.09, facecolor=handle.get_facecolor(),
                                     edgecolor=handle.get_edgecolor(), lw=handle.get_linewidth(),
                                     hatch=handle.get_hatch()), clip_on=False)
        pane.text(x + swatch + gap, y, handle.get_label(), fontsize=LEGEND_FONT, color=INK, clip_on=False)
    fig.add_artist(texts.artist())


def paint_footer(fig, page: int, pages: int, left_text: str, margins: tuple[float, float]) -> None:
    """Footer line: ``left_text`` on the left, "n / N" on the right."""
    fw, _ = fig.get_size_inches()
    side, bottom = margins
    fig_text(fig, side, bottom, left_text, fontsize=6.5, color=MUTED, va="bottom", ha="left")
    fig_text(fig, fw - side, bottom, f"{page} / {pages}", fontsize=7, color=INK, va="bottom", ha="right")
