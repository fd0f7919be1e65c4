"""Task outlines of desktop planners (GanttProject, GNOME Planner) -> our phases and tasks.

Both files nest tasks in tasks. Here:

- a top-level task with children is a **phase**; its name and notes become
  the phase's;
- deeper summary tasks are flattened into their phase (reported once each);
- top-level tasks without children go to a phase "Tasks";
- a link to or from a summary task holds for every task under it (the way
  both tools schedule it): it is copied onto them and reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from aiplanner.io.reading import ImportResult, pin_starts, sanitize_id, slugify, unique_id
from aiplanner.model.errors import InvalidPlanError, Problem
from aiplanner.model.plan import Plan
from aiplanner.schedule.calendar import WorkCalendar

__all__ = ["OutlineTask", "Link", "walk", "flatten", "expand_links", "pinned"]


@dataclass
class OutlineTask:
    """One task of the file, with what we read of it (``row``: our task fields)."""

    key: str                          # the file's own id
    name: str
    row: dict[str, Any] = field(default_factory=dict)
    children: list["OutlineTask"] = field(default_factory=list)
    notes: str = ""


@dataclass
class Link:
    """A link as the file states it, between the file's ids."""

    pred: str
    succ: str
    type: str = "FS"
    lag: int = 0


def walk(nodes: list[OutlineTask]) -> Iterator[OutlineTask]:
    """Every task of the outline, parents before their children."""
    for node in nodes:
        yield node
        yield from walk(node.children)


def _leaves(node: OutlineTask) -> list[OutlineTask]:
    if not node.children:
        return [node]
    return [leaf for child in node.children for leaf in _leaves(child)]


def flatten(roots: list[OutlineTask], id_of: Callable[[OutlineTask], str], warnings: list[str],
            where: Callable[[OutlineTask], str]) -> tuple[list[dict], list[dict], dict[str, list[str]]]:
    """Phases, task rows (each with ``id``, ``name`` and ``phase``) and, per file id, the ids
    of our tasks it stands for (itself, or every task under a summary)."""
    phases: list[dict] = []
    rows: list[dict] = []
    used_phases: set[str] = set()
    used_tasks: set[str] = set()
    stands_for: dict[str, list[str]] = {}
    loose: str | None = None

    def add_leaf(node: OutlineTask, phase: str) -> None:
        tid = unique_id(sanitize_id(id_of(node), "task"), used_tasks)
        rows.append({**node.row, "id": tid, "name": node.name[:500] or tid, "phase": phase})
        stands_for[node.key] = [tid]

    def add_summary(node: OutlineTask, phase: str, depth: int) -> None:
        if depth > 1:
            warnings.append(f"{where(node)}: summary task {node.name!r} is flattened into its phase")
        for child in node.children:
            if child.children:
                add_summary(child, phase, depth + 1)
            else:
                add_leaf(child, phase)
        stands_for[node.key] = [t for child in node.children for t in stands_for.get(child.key, [])]

    for root in roots:
        if root.children:
            pid = unique_id(slugify(root.name, "phase"), used_phases)
            phases.append({"id": pid, "name": root.name[:500] or pid, "notes": root.notes[:10000]})
            add_summary(root, pid, 1)
        else:
            if loose is None:
                loose = unique_id("tasks", used_phases)
                phases.append({"id": loose, "name": "Tasks"})
            add_leaf(root, loose)
    return phases, rows, stands_for


def expand_links(links: list[Link], stands_for: dict[str, list[str]], rows: list[dict], summaries: set[str],
                 warnings: list[str], where: Callable[[str], str]) -> None:
    """Add ``links`` to the task rows; a summary's link goes to every task under it."""
    by_id = {row["id"]: row for row in rows}
    under = {key: set(ids) for key, ids in stands_for.items()}
    for link in links:
        preds = stands_for.get(link.pred)
        succs = stands_for.get(link.succ)
        if preds is None or succs is None:
            missing = link.pred if preds is None else link.succ
            warnings.append(f"{where(link.succ)}: link names task {missing!r}, which the file does not have "
                            "(dropped)")
            continue
        if set(preds) & set(succs) or link.pred == link.succ:
            warnings.append(f"{where(link.succ)}: link between a summary task and a task under it dropped")
            continue
        if link.pred in summaries or link.succ in summaries:
            warnings.append(f"{where(link.succ)}: link on a summary task applied to the "
                            f"{len(preds) * len(succs)} task pairs under it")
        for succ in succs:
            deps = by_id[succ].setdefault("depends_on", [])
            for pred in preds:
                if pred in under.get(link.succ, set()) or any(d["task"] == pred for d in deps):
                    continue  # a second link between the same two tasks: the first holds
                deps.append({"task": pred, "type": link.type, "lag": max(-10_000, min(10_000, link.lag))})


def pinned(plan: Plan, first_days: dict[str, dt.date], key_of: dict[str, str], warnings: list[str],
           file: str | None) -> ImportResult:
    """``plan`` with each task starting on the day the file gives it (``first_days`` by the file's
    id; ``key_of`` maps our ids to the file's), milestones shown on their own day, as both tools
    show them; a task that still disagrees is named."""
    cal = WorkCalendar(plan.calendar, plan.start)
    wanted = {}
    for task in plan.tasks:
        day = first_days.get(key_of.get(task.id, ""))
        if day is not None:
            es = cal.index_on_or_after(day)
            wanted[task.id] = (es, es + task.duration)
    try:
        plan = pin_starts(plan, wanted, lambda tid: f"task {key_of.get(tid, '?')}", warnings,
                          milestones_on_start=True)
    except ValueError as exc:  # dates past what the calendar covers
        raise InvalidPlanError([Problem("", f"cannot schedule the imported plan: {exc}")], file) from None
    return ImportResult(plan=plan, warnings=warnings)
