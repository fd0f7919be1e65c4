"""The source document's own gantt chart as a plan, bar for bar.

Mermaid counts every calendar day when a chart has no ``excludes``, so the
plan uses a calendar with all seven weekdays working and a week of seven
days: ``6w`` becomes 42 days and the dates match what Mermaid draws.
"""

from __future__ import annotations

import datetime as dt

from aiplanner.catalog.catalog import Catalog
from aiplanner.catalog.loader import load_catalog
from aiplanner.model.plan import WEEKDAYS, Calendar, Dependency, Phase, Plan, Task

__all__ = ["source_chart_plan", "CHART_NOTES"]

CHART_NOTES = (
    "The source document's own gantt chart, task for task: same ids, names, sections and "
    "'after' links. Mermaid counts calendar days when a chart has no 'excludes', so this plan "
    "works all seven weekdays and a week is 7 days (6w = 42 days); the dates match what Mermaid "
    "draws. The chart starts in month 2026-05, i.e. on 2026-05-01."
)


def source_chart_plan(catalog: Catalog | None = None) -> Plan:
    """The plan of the source's gantt chart (seven-day calendar, start of its start month).

    Examples
    --------
    >>> plan = source_chart_plan()
    >>> plan.start, plan.task("a1").duration, plan.task("a2").depends_on[0].task
    (datetime.date(2026, 5, 1), 42, 'a1')
    """
    cat = catalog or load_catalog()
    chart = cat.timeline.source_chart
    section_phase = {s.name: s.phase for s in chart.sections}
    days_per_week = len(WEEKDAYS)
    tasks = [
        Task(
            id=bar.id,
            name=bar.name,
            phase=section_phase[bar.section],
            duration=bar.weeks * days_per_week,
            depends_on=[Dependency(task=bar.after)] if bar.after else [],
        )
        for bar in chart.tasks
    ]
    # The start is written in the chart's own date format (Mermaid's dateFormat, YYYY-MM in the source).
    pattern = chart.date_format.replace("YYYY", "%Y").replace("MM", "%m").replace("DD", "%d")
    start = dt.datetime.strptime(chart.start_month, pattern).date().replace(day=1)
    return Plan(
        name=chart.title,
        start=start,
        calendar=Calendar(workdays=list(WEEKDAYS)),
        phases=[Phase(id=s.phase, name=s.name) for s in chart.sections],
        tasks=tasks,
        notes=CHART_NOTES,
    )
