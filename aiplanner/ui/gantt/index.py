"""Look-ups over a Gantt scene so the widget paints and hit-tests only what is visible.

The scene (:mod:`aiplanner.render.gantt.scene`) is a flat list of primitives in
chart units. Painting a viewport of 40 rows out of 5,000 must not walk
every primitive, so this index buckets bars, milestones and labels by row,
links by blocks of rows they cross, and keeps shades sorted by ``x``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from aiplanner.render.gantt.scene import GanttScene

__all__ = ["SceneIndex", "BLOCK"]

#: Rows per link bucket: a link is listed in every block its polyline crosses.
BLOCK = 32


@dataclass
class SceneIndex:
    """Row-bucketed view of one scene (rebuilt whenever the scene is)."""

    scene: GanttScene
    bars_by_row: dict[int, list[Any]] = field(default_factory=dict)
    milestones_by_row: dict[int, list[Any]] = field(default_factory=dict)
    ghosts_by_row: dict[int, list[Any]] = field(default_factory=dict)
    labels_by_row: dict[int, list[Any]] = field(default_factory=dict)
    link_blocks: dict[int, list[int]] = field(default_factory=dict)
    shades: list[Any] = field(default_factory=list)
    shade_x0: list[float] = field(default_factory=list)
    task_rows: dict[str, int] = field(default_factory=dict)
    item_of: dict[str, Any] = field(default_factory=dict)
    phase_rows: set[int] = field(default_factory=set)
    milestone_ids: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, scene: GanttScene) -> "SceneIndex":
        index = cls(scene)
        for bar in scene.bars:
            index.bars_by_row.setdefault(bar.row, []).append(bar)
            index.item_of[bar.task_id] = bar
        for ms in scene.milestones:
            index.milestones_by_row.setdefault(ms.row, []).append(ms)
            index.item_of[ms.task_id] = ms
            index.milestone_ids.add(ms.task_id)
        for ghost in scene.ghosts:
            index.ghosts_by_row.setdefault(ghost.row, []).append(ghost)
        for label in scene.labels:
            index.labels_by_row.setdefault(label.row, []).append(label)
        for row in scene.rows:
            if row.kind == "task":
                index.task_rows[row.id] = row.index
            else:
                index.phase_rows.add(row.index)
        for i, link in enumerate(scene.links):
            ys = [p[1] for p in link.points]
            for block in range(int(min(ys)) // BLOCK, int(max(ys)) // BLOCK + 1):
                index.link_blocks.setdefault(block, []).append(i)
        index.shades = sorted(scene.shades, key=lambda s: s.x0)
        index.shade_x0 = [s.x0 for s in index.shades]
        return index

    @property
    def row_count(self) -> int:
        return len(self.scene.rows)

    # -- visible subsets ------------------------------------------------------
    @staticmethod
    def rows(table: dict[int, list[Any]], first: int, last: int) -> list[Any]:
        out: list[Any] = []
        for row in range(first, last + 1):
            out.extend(table.get(row, ()))
        return out

    def links_in(self, first_row: int, last_row: int) -> list[Any]:
        """Links whose polyline may cross rows ``first_row .. last_row``."""
        seen: set[int] = set()
        out = []
        for block in range(max(first_row - 1, 0) // BLOCK, (last_row + 1) // BLOCK + 1):
            for i in self.link_blocks.get(block, ()):
                if i not in seen:
                    seen.add(i)
                    link = self.scene.links[i]
                    ys = [p[1] for p in link.points]
                    if min(ys) <= last_row + 1 and max(ys) >= first_row - 1:
                        out.append(link)
        return out

    def shades_in(self, x0: float, x1: float) -> list[Any]:
        """Shades overlapping chart days ``x0 .. x1``."""
        # Runs are short (a weekend, a holiday week): start a fortnight early to catch overlaps.
        lo = bisect_left(self.shade_x0, x0 - 14)
        hi = bisect_right(self.shade_x0, x1)
        return [s for s in self.shades[lo:hi] if s.x1 > x0]

    def task_id_of_row(self, row: int) -> str | None:
        if 0 <= row < len(self.scene.rows) and self.scene.rows[row].kind == "task":
            return self.scene.rows[row].id
        return None
