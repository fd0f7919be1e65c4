"""Each metric against its target, judged from its dated measurements.

Statuses (the words the command line, the report and the window use):

``on-target`` / ``off-target``
    A target with a bound (``< 4``, ``> 70``): the latest measurement meets it or not.
``trend-right`` / ``trend-wrong``
    A direction-only target (``rising``, ``declining``): the trend of the
    whole series, the least-squares slope of value over date, goes the way
    the target says (a flat series is not moving the right way). It needs
    two measurements on different dates.
``no-data``
    Nothing measured yet (or one value for a direction target).
``no-target``
    Measured, but the plan sets no target to judge it by.

Examples
--------
>>> import datetime as dt
>>> from aiplanner.model import Metric
>>> from aiplanner.model.parts import Measurement, Target
>>> tickets = Metric(id="t", category="efficiency", name="Tickets", target=Target(op="declining"),
...     measurements=[Measurement(date=dt.date(2026, m, 1), value=v) for m, v in ((5, 120), (6, 110), (7, 96))])
>>> judged = metric_status(tickets)
>>> judged.status, round(judged.slope, 1)
('trend-right', -12.0)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from aiplanner.model.plan import Metric

__all__ = ["Status", "STATUSES", "STATUS_WORDS", "MetricStatus", "metric_status", "trend_slope", "statuses",
           "value_text"]

Status = Literal["on-target", "off-target", "trend-right", "trend-wrong", "no-data", "no-target"]
STATUSES: tuple[str, ...] = ("on-target", "off-target", "trend-right", "trend-wrong", "no-data", "no-target")
#: How each status reads in a sentence or a table cell.
STATUS_WORDS = {
    "on-target": "on target",
    "off-target": "off target",
    "trend-right": "trend right",
    "trend-wrong": "trend wrong",
    "no-data": "no data",
    "no-target": "no target",
}
#: Statuses that count as good / bad news on a summary.
GOOD = ("on-target", "trend-right")
BAD = ("off-target", "trend-wrong")

_MONTH = 365.25 / 12  # days: slopes are given per month


@dataclass(frozen=True)
class MetricStatus:
    """One metric judged: its status, latest value, trend and a one-line reason."""

    metric: str
    name: str
    status: Status
    target: str  # the target in words ("" without one)
    latest_date: dt.date | None
    latest_value: float | None
    slope: float | None  # change per month over the series (None: fewer than two dates)
    reason: str

    @property
    def words(self) -> str:
        return STATUS_WORDS[self.status]


def trend_slope(points: list[tuple[dt.date, float]]) -> float | None:
    """Least-squares slope of value over time, per month; None with fewer than two dates.

    >>> round(trend_slope([(dt.date(2026, 1, 1), 10.0), (dt.date(2027, 1, 1), 22.0)]), 2)
    1.0
    """
    if len({d for d, _ in points}) < 2:
        return None
    xs = [(d - points[0][0]).days / _MONTH for d, _ in points]
    ys = [v for _, v in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return round(sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx, 6)


def value_text(value: float, unit: str = "") -> str:
    """A value with its unit: ``38% of seats``, ``11 weeks``.

    >>> value_text(38, "% of seats"), value_text(11, "weeks"), value_text(2.5)
    ('38% of seats', '11 weeks', '2.5')
    """
    if unit.startswith("%"):
        return f"{value:g}{unit}"
    return f"{value:g} {unit}".rstrip()


def metric_status(metric: Metric) -> MetricStatus:
    """Judge ``metric`` against its target from its measurements (see the module docstring)."""
    latest = metric.latest
    target = metric.target
    slope = trend_slope([(m.date, m.value) for m in metric.measurements])

    def judged(status: Status, reason: str) -> MetricStatus:
        return MetricStatus(metric.id, metric.name, status, metric.target_text(),
                            latest.date if latest else None, latest.value if latest else None, slope, reason)

    if latest is None:
        return judged("no-data", "not measured yet")
    now = f"{value_text(latest.value, metric.unit)} on {latest.date:%d %b %Y}"
    if target is None:
        return judged("no-target", f"{now}; the plan sets no target")
    if not target.is_direction:
        if target.met_by(latest.value):
            return judged("on-target", f"{now} meets {target.text(metric.unit)}")
        return judged("off-target", f"{now} misses {target.text(metric.unit)}")
    if slope is None:
        return judged("no-data", f"{now}; a trend needs a second measurement")
    per_month = f"{slope:+.3g} a month"
    right = slope > 0 if target.op == "rising" else slope < 0
    way = "rising" if slope > 0 else "declining" if slope < 0 else "flat"
    if right:
        return judged("trend-right", f"{way} ({per_month} over {len(metric.measurements)} measurements)")
    return judged("trend-wrong", f"{way} ({per_month} over {len(metric.measurements)} measurements), "
                                 f"target {target.text(metric.unit)}")


def statuses(metrics: list[Metric]) -> list[MetricStatus]:
    """Every metric judged, in plan order."""
    return [metric_status(m) for m in metrics]
