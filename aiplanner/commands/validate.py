"""``aiplanner validate FILE``: exit 0 when the plan is valid, else 1 and one line per problem."""

from __future__ import annotations

import argparse
import sys

from aiplanner.model.errors import PlanError

NAME = "validate"
HELP = "check that a plan file is valid"
ORDER = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .aiplan file")


def run(args: argparse.Namespace) -> int:
    from aiplanner.commands._common import read_plan
    from aiplanner.model.graph import find_cycle
    from aiplanner.schedule import schedule_plan
    from aiplanner.schedule.problems import as_invalid_plan

    try:
        plan = read_plan(args.file)
    except PlanError as exc:
        for line in str(exc).splitlines():
            print(line, file=sys.stderr)
        return 1
    cycle = find_cycle(plan)
    if cycle:
        print(f"{args.file}: $.tasks: dependency cycle: {' -> '.join(cycle + cycle[:1])}", file=sys.stderr)
        return 1
    try:  # what only scheduling finds (an unknown holiday region ...): valid means every command can use it
        schedule_plan(plan)
    except PlanError as exc:
        for line in str(as_invalid_plan(exc, plan, args.file)).splitlines():
            print(line, file=sys.stderr)
        return 1
    print(f"{args.file}: valid ({len(plan.phases)} phases, {len(plan.tasks)} tasks)")
    return 0
