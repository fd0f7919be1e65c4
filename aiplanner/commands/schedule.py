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


def read_for_schedule(file: str):
    """The plan in ``file``: validated by pydantic-core with the plan's schema snapshot
    when there is one (no pydantic import: see :mod:`aiplanner.model.fastread`), else
    read the ordinary way (which explains any problem), leaving a snapshot for next time."""
    from aiplanner.model.fastread import read_validated, remember_schema

    plan = read_validated(file)
    if plan is None:
        from aiplanner.commands._common import read_plan

        plan = read_plan(file)
        remember_schema()
    return plan


def run(args: argparse.Namespace) -> int:
    from aiplanner.commands._common import print_json, printable, table
    from aiplanner.io.schedule_json import schedule_data

    if args.format == "csv":  # the CSV writer is the interchange one: it reads the full model
        from aiplanner.commands._common import read_plan

        plan = read_plan(args.file)
    else:
        plan = read_for_schedule(args.file)
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
        sys.stdout.write(f"\n{printable(plan.name)}: {p['start']} -> {p['finish']} ({p['duration']} working days)\n")
        if p["status_date"]:
            sys.stdout.write(f"status {p['status_date']}: {p['percent_complete']:g}% complete, "
                             f"{p['percent_planned']:g}% planned by then\n")
        elif p["percent_complete"]:
            sys.stdout.write(f"{p['percent_complete']:g}% complete\n")
        if p["missed_deadlines"]:
            sys.stdout.write(f"missed deadlines: {', '.join(p['missed_deadlines'])}\n")
    return 0
