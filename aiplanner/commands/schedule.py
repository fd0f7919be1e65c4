"""``aiplanner schedule FILE [--format table|json|csv]``: the computed dates."""

from __future__ import annotations

import argparse
import sys

NAME = "schedule"
HELP = "compute dates, float and the critical path"
ORDER = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .aiplan file")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")


def schedule_or_fail(plan, file: str):
    """Schedule ``plan``; a scheduling fault becomes an error naming ``file`` and the place."""
    from aiplanner.model.errors import PlanError
    from aiplanner.schedule import schedule_plan
    from aiplanner.schedule.problems import as_invalid_plan

    try:
        return schedule_plan(plan)
    except PlanError as exc:
        raise as_invalid_plan(exc, plan, file) from None


def run(args: argparse.Namespace) -> int:
    from aiplanner.commands._common import print_json, read_plan, table
    from aiplanner.io.schedule_json import schedule_data

    plan = read_plan(args.file)
    sched = schedule_or_fail(plan, args.file)
    data = schedule_data(plan, sched)
    if args.format == "json":
        print_json(data)
    elif args.format == "csv":
        from aiplanner.io.csv.writer import csv_text

        sys.stdout.write(csv_text(plan, sched))  # the same file as 'export --to csv'
    else:
        rows = [
            [t["id"], t["name"][:40], t["start"], t["finish"], t["duration"], t["total_float"], "*" if t["critical"] else ""]
            for t in data["tasks"]
        ]
        sys.stdout.write(table(["id", "name", "start", "finish", "days", "float", "crit"], rows, "lllrrrl"))
        p = data["project"]
        sys.stdout.write(f"\n{plan.name}: {p['start']} -> {p['finish']} ({p['duration']} working days)\n")
        if p["status_date"]:
            sys.stdout.write(f"status {p['status_date']}: {p['percent_complete']:g}% complete, "
                             f"{p['percent_planned']:g}% planned by then\n")
        elif p["percent_complete"]:
            sys.stdout.write(f"{p['percent_complete']:g}% complete\n")
        if p["missed_deadlines"]:
            sys.stdout.write(f"missed deadlines: {', '.join(p['missed_deadlines'])}\n")
    return 0
