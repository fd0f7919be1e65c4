"""``aiplanner metrics FILE [--format table|json]``: every metric, its target, latest value and status.

``--format json`` prints ``{"metrics": [{"id", "name", "target": {"op",
"value", "unit"} | null, "derived", "status", "latest": {"date", "value"} |
null, "series": [{"date", "value", "note"}]}]}`` (and, besides, each
metric's category, unit, target in words and the reason for its status).
Statuses: see :mod:`aiplanner.checks.metrics`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

NAME = "metrics"
HELP = "the plan's metrics against their targets: latest value, trend, status"
ORDER = 56


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .aiplan file")
    parser.add_argument("--format", choices=("table", "json"), default="table")


def metrics_data(plan) -> dict[str, Any]:
    """The JSON form (ISO dates)."""
    from aiplanner.checks.metrics import metric_status

    items = []
    for metric in plan.metrics:
        judged = metric_status(metric)
        target = metric.target
        latest = metric.latest
        items.append({
            "id": metric.id,
            "name": metric.name,
            "category": metric.category,
            "unit": metric.unit,
            "target": None if target is None else {"op": target.op, "value": target.value, "unit": metric.unit},
            "target_text": metric.target_text(),
            "derived": metric.derived,
            "status": judged.status,
            "reason": judged.reason,
            "trend_per_month": judged.slope,
            "latest": None if latest is None else {"date": latest.date.isoformat(), "value": latest.value},
            "series": [{"date": m.date.isoformat(), "value": m.value, "note": m.note} for m in metric.measurements],
        })
    return {"plan": plan.name, "status_date": plan.status_date.isoformat() if plan.status_date else None,
            "metrics": items}


def run(args: argparse.Namespace) -> int:
    from aiplanner.checks.metrics import STATUS_WORDS
    from aiplanner.commands._common import print_json, read_plan, table

    plan = read_plan(args.file)
    data = metrics_data(plan)
    if args.format == "json":
        print_json(data)
        return 0
    out = sys.stdout
    if not data["metrics"]:
        out.write(f"{args.file}: the plan has no metrics\n")
        return 0
    rows = []
    for m in data["metrics"]:
        latest = m["latest"]
        target = m["target_text"] + (" (derived)" if m["derived"] and m["target_text"] else "")
        rows.append([m["id"], m["name"][:32], target[:36] or "—",
                     "" if latest is None else f"{latest['value']:g}", "" if latest is None else latest["date"],
                     len(m["series"]), STATUS_WORDS[m["status"]]])
    out.write(table(["id", "metric", "target", "latest", "date", "n", "status"], rows, "lllrlrl"))
    counts = {w: sum(m["status"] == s for m in data["metrics"]) for s, w in STATUS_WORDS.items()}
    out.write(f"\n{plan.name}: " + ", ".join(f"{n} {w}" for w, n in counts.items() if n) + "\n")
    return 0
