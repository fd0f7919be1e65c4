"""The task table beside the chart: its font, padding and column widths, and the row geometry.

Shared by the painter (:mod:`aiplanner.render.gantt.painter`), its parts and
the paginated timeline, so none of them imports another for a constant.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiplanner.render.gantt.scene import GanttScene
from aiplanner.render.style import TextMeasure

__all__ = ["FONT", "PAD", "SLACK", "TableLayout", "GanttGeometry", "plan_table"]

FONT = 7.0
PAD = 3.0  # points of padding inside table cells
NAME_MIN = 170.0  # points
NAME_FLOOR = 90.0  # points: names shorter than this column are never cut
ROLE_FLOOR = 50.0  # points
COLUMN_CAP = {"role": 110.0}  # points; longer cells end with an ellipsis
SLACK = 3.0  # points: hinting at low resolution draws text a little wider than measured


@dataclass(frozen=True)
class TableLayout:
    """Column widths (points) of the task table beside the chart."""

    name_width: float
    column_widths: tuple[float, ...]

    @property
    def width(self) -> float:
        """Total table width in points."""
        return self.name_width + sum(self.column_widths)


@dataclass(frozen=True)
class GanttGeometry:
    """Sizes in inches: one row, one header tier."""

    row_height: float = 0.18
    tier_height: float = 0.17

    @property
    def header_height(self) -> float:
        """Both header tiers."""
        return 2 * self.tier_height


def plan_table(scene: GanttScene, measure: TextMeasure, max_width: float) -> TableLayout:
    """Column widths for ``scene``'s rows: each extra column as wide as its
    widest cell (the role column capped), the name column what is left, so
    that the table stays within ``max_width`` points whenever it can."""
    widths = []
    for i, column in enumerate(scene.columns):
        widest_cell = max((measure.width(r.cells[i], FONT, "bold" if r.kind == "phase" else "normal")
                           for r in scene.rows), default=0.0)
        natural = max(widest_cell, measure.width(column.title, FONT, "bold")) + 2 * PAD + SLACK
        widths.append(min(natural, COLUMN_CAP.get(column.key, natural)))
    extra = sum(widths)
    widest = max((measure.width(r.text, FONT, "bold" if r.kind == "phase" else "normal") + (0 if r.kind == "phase" else 8)
                  for r in scene.rows), default=40.0) + 2 * PAD + SLACK
    # The name column gets what the others leave, up to its widest name and at
    # least NAME_MIN points; when that breaks ``max_width`` (many columns on a
    # narrow page) names give way down to NAME_FLOOR, then the role column.
    name = min(widest, max(max_width - extra, NAME_MIN))
    if name + extra > max_width:
        name = min(widest, max(NAME_FLOOR, max_width - extra))
        over = name + extra - max_width
        keys = [c.key for c in scene.columns]
        if over > 0 and "role" in keys:
            k = keys.index("role")
            widths[k] = max(ROLE_FLOOR, widths[k] - over)
    return TableLayout(name, tuple(widths))
