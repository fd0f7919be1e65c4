"""``aiplanner load FILE [--by person|role] [--format table|json|csv] [--daily]``: who is busy when.

Per week, load and capacity are person-days (summed over the week's working
days); with ``--daily`` they are FTE per working day. A week is flagged
"OVER" when the person is over capacity on at least one of its days. Over-allocations and
roles nobody holds are listed after the table (and in the JSON).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from typing import Any

NAME = "load"
HELP = "load per person or role per week (or day), over-allocation and unstaffed roles"
ORDER = 50


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .aiplan file")
    parser.add_argument("--by", choices=("person", "role"), default="person", help="rows are people (default) or roles")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument("--daily", action="store_true", help="one column per working day instead of per week")


def _num(value: float) -> float:
    return round(float(value), 3)


def load_data(plan, load, by: str = "person", daily: bool = False) -> dict[str, Any]:
    """The JSON form: periods, one row per person/role, over-allocations, unstaffed roles."""
    table = load.table(by=by, period="day" if daily else "week")
    names = {p.id: p.name for p in plan.people} if by == "person" else {r.id: r.name for r in plan.roles}
    rows = [
        {
            "id": rid,
            "name": names.get(rid, rid),
            "load": [_num(v) for v in table.load[i]],
            "capacity": [_num(v) for v in table.capacity[i]],
            "over": [bool(v) for v in table.over[i]],
        }
        for i, rid in enumerate(table.ids)
    ]
    return {
        "plan": plan.name,
        "by": by,
        "period": table.period,
        "unit": "fte" if daily else "person-days",
        "periods": [d.isoformat() for d in table.periods],
        "rows": rows,
        "over_allocations": [
            {
                "person": o.person,
                "first": o.first.isoformat(),
                "last": o.last.isoformat(),
                "days": o.days,
                "peak": _num(o.peak),
                "capacity": _num(o.capacity),
                "excess": _num(o.excess),
                "weeks": [w.isoformat() for w in o.weeks],
                "tasks": list(o.tasks),
            }
            for o in load.over_allocations()
        ],
        "unstaffed_roles": [
            {"role": u.role, "tasks": list(u.tasks), "demand": _num(u.demand)} for u in load.unstaffed_roles()
        ],
    }


def _long_rows(data: dict[str, Any]):
    for row in data["rows"]:
        yield from zip([row] * len(data["periods"]), data["periods"], row["load"], row["capacity"], row["over"])


def summary_lines(data: dict[str, Any]) -> list[str]:
    """Plain sentences about over-allocations and unstaffed roles."""
    from aiplanner.checks.findings import peak_text

    lines = []
    for o in data["over_allocations"]:
        span = o["first"] if o["first"] == o["last"] else f"{o['first']}..{o['last']}"
        lines.append(
            f"over-allocated: {o['person']} {span} ({o['days']} working days, peak "
            f"{peak_text(o['peak'], o['capacity'])}) by {', '.join(o['tasks']) or 'no task'}"
        )
    for u in data["unstaffed_roles"]:
        lines.append(
            f"unstaffed: nobody holds role {u['role']}; {u['demand']:g} person-days demanded by {', '.join(u['tasks'])}"
        )
    return lines


def run(args: argparse.Namespace) -> int:
    from aiplanner.commands._common import print_json, printable, read_plan, schedule_of, table
    from aiplanner.schedule.load import compute_load

    plan = read_plan(args.file)
    data = load_data(plan, compute_load(plan, schedule_of(plan, args.file)), by=args.by, daily=args.daily)
    if args.format == "json":
        print_json(data)
        return 0
    if args.format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([args.by, "name", data["period"], "load", "capacity", "over"])
        for row, period, value, cap, over in _long_rows(data):
            writer.writerow([row["id"], row["name"], period, value, cap, int(over)])
        sys.stdout.write(out.getvalue())
        return 0
    unit = "FTE" if args.daily else "person-days"
    rows = [
        [row["id"], row["name"][:30], period, f"{value:g}", f"{cap:g}",
         f"{100 * value / cap:.0f}%" if cap > 0 else "-", "OVER" if over else ""]
        for row, period, value, cap, over in _long_rows(data)
        if value > 0
    ]
    heading = "day" if args.daily else "week of"
    sys.stdout.write(table([args.by, "name", heading, "load", "capacity", "use", ""], rows, "lllrrrl"))
    sys.stdout.write(f"\n{printable(plan.name)}: load in {unit}; periods without load are left out\n")
    for line in summary_lines(data):
        sys.stdout.write(line + "\n")
    return 0
