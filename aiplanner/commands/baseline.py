"""``aiplanner baseline FILE --name NAME``: freeze today's schedule into the plan file."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

NAME = "baseline"
HELP = "capture a baseline (or list them) in a plan file"
ORDER = 55
DESCRIPTION = (
    "Freeze the plan's schedule as it is now (dates, durations, staffing, P80 and open findings) "
    "into a named baseline stored in the same file, which is rewritten atomically. "
    "Without --name, list the file's baselines."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .aiplan file")
    parser.add_argument("--name", help="name of the new baseline")
    parser.add_argument("--replace", action="store_true", help="replace a baseline of the same name")
    parser.add_argument("--no-risk", action="store_true", help="do not simulate the P80 finish")


def run(args: argparse.Namespace) -> int:
    from aiplanner.checks.compare.baseline import capture_baseline
    from aiplanner.commands._common import read_plan, schedule_of, table
    from aiplanner.io.native import save_plan
    from aiplanner.model.document import Document
    from aiplanner.model.errors import EditError

    plan = read_plan(args.file)
    if args.name is None:
        rows = [[b.name, b.created, b.start, b.finish, b.p80 or "", len(b.tasks)] for b in plan.baselines]
        if not rows:
            sys.stdout.write(f"{args.file}: no baselines\n")
        else:
            sys.stdout.write(table(["name", "created", "start", "finish", "P80", "tasks"], rows, "lllllr"))
        return 0
    name = args.name.strip()
    if not 1 <= len(name) <= 500:
        raise EditError(f"{args.file}: a baseline name has 1 to 500 characters")
    schedule_of(plan, args.file)  # a plan that cannot be scheduled is named with its file and place
    document = Document(plan, args.file)
    if any(b.name == name for b in plan.baselines):
        if not args.replace:
            raise EditError(f"{args.file}: a baseline named {name!r} already exists (use --replace)")
        document.remove_baseline(name)
    baseline = capture_baseline(plan, name, created=dt.date.today(), risk=not args.no_risk)
    document.add_baseline(baseline)
    save_plan(document.plan, args.file)
    p80 = f", P80 {baseline.p80}" if baseline.p80 else ""
    sys.stdout.write(f"{args.file}: baseline {name!r} captured (finish {baseline.finish}{p80}, "
                     f"{len(baseline.tasks)} tasks)\n")
    return 0
