"""The report's comparison section as plain rows: what changed since a baseline.

:func:`compare_section` compares two sides of a plan (by default the latest
baseline with the plan as it is now) and lays the answer out as titled
tables of text — the summary, the tasks that moved most, people whose load
changed and findings that appeared or went away — ready for the report's
table pages (``TableSpec(columns, rows, styles)``) or any other painter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aiplanner.checks.compare.deltas import Comparison, compare

__all__ = ["CompareSection", "compare_section", "section_from_comparison"]

TASK_COLUMNS = ("Task", "Status", "Start", "Finish", "Days", "Start ±", "Finish ±", "Days ±")
PEOPLE_COLUMNS = ("Person", "Peak load (FTE)", "Weeks over capacity")
FINDING_COLUMNS = ("Change", "Finding")


@dataclass(frozen=True)
class CompareSection:
    """A comparison as text tables. Row styles: "alert" = later / worse, "" otherwise."""

    title: str
    subtitle: str
    summary: list[tuple[str, str]]
    task_columns: tuple[str, ...] = TASK_COLUMNS
    task_rows: list[tuple[str, ...]] = field(default_factory=list)
    task_styles: list[str] = field(default_factory=list)
    people_columns: tuple[str, ...] = PEOPLE_COLUMNS
    people_rows: list[tuple[str, ...]] = field(default_factory=list)
    finding_columns: tuple[str, ...] = FINDING_COLUMNS
    finding_rows: list[tuple[str, ...]] = field(default_factory=list)
    more_tasks: int = 0  # moved tasks left out after ``limit``


def _signed(value: int | float | None) -> str:
    if value is None:
        return ""
    if value == 0:
        return "±0"
    return f"{value:+g}" if isinstance(value, float) else f"{value:+d}"


def _label(side: str) -> str:
    if side == "current":
        return "the plan now"
    kind, _, name = side.partition(":")
    return f"{kind} {name}"


def _span(a, b) -> str:
    if a is None:
        return f"→ {b:%d %b %Y}"
    if b is None:
        return f"{a:%d %b %Y} →"
    return f"{a:%d %b %Y}" if a == b else f"{a:%d %b} → {b:%d %b %Y}"


def section_from_comparison(result: Comparison, limit: int = 60) -> CompareSection:
    """Lay out ``result`` as tables; at most ``limit`` task rows (most impact first)."""
    summary = [("Finish", f"{_span(result.finish_a, result.finish_b)} ({_signed(result.finish_delta)} working days)")]
    if result.p80_a is not None and result.p80_b is not None:
        summary.append(("P80 finish", f"{_span(result.p80_a, result.p80_b)} ({_signed(result.p80_delta)} working days)"))
    counts = {s: sum(1 for t in result.tasks if t.status == s) for s in ("changed", "added", "removed")}
    summary.append(("Tasks", f"{counts['changed']} moved or resized, {counts['added']} added, "
                             f"{counts['removed']} removed, {result.unchanged} unchanged"))
    if result.findings_compared:
        summary.append(("Findings", f"{len(result.appeared)} new, {len(result.disappeared)} resolved"))
    rows, styles = [], []
    for t in result.tasks[:limit]:
        rows.append((t.name, {"changed": "moved", "added": "new", "removed": "dropped"}[t.status],
                     _span(t.start_a, t.start_b), _span(t.finish_a, t.finish_b),
                     "" if t.duration_b is None and t.duration_a is None else
                     f"{t.duration_a if t.duration_a is not None else '—'} → {t.duration_b if t.duration_b is not None else '—'}",
                     _signed(t.start_delta), _signed(t.finish_delta), _signed(t.duration_delta)))
        styles.append("alert" if (t.finish_delta or 0) > 0 else "")
    people = [(p.name, f"{p.peak_a if p.peak_a is not None else '—'} → {p.peak_b if p.peak_b is not None else '—'}",
               f"{p.over_weeks_a} → {p.over_weeks_b}") for p in result.people]
    findings = [("New" if f.change == "appeared" else "Resolved", f.message) for f in result.findings]
    later = result.finish_delta
    subtitle = (f"{_label(result.b)} against {_label(result.a)}: finish "
                f"{'unchanged' if later == 0 else f'{abs(later)} working days ' + ('later' if later > 0 else 'earlier')}")
    return CompareSection(
        title=f"Changes since {_label(result.a)}" if result.b == "current" else f"{_label(result.b)} against {_label(result.a)}",
        subtitle=subtitle, summary=summary, task_rows=rows, task_styles=styles, people_rows=people,
        finding_rows=findings, more_tasks=max(0, len(result.tasks) - limit))


def compare_section(plan, a: str | None = None, b: str = "current", *, risk: bool = True,
                    limit: int = 60) -> CompareSection | None:
    """The comparison section of ``plan``: ``a`` against ``b`` (default: latest baseline against now).

    None when there is nothing to compare (no baseline and no ``a``).
    """
    if a is None:
        if not plan.baselines:
            return None
        a = "baseline:" + plan.baselines[-1].name
    return section_from_comparison(compare(plan, a, b, risk=risk), limit)

