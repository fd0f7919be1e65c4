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
    problem = _worst_case_problem(plan)
    if problem is not None:
        print(f"{args.file}: {problem}", file=sys.stderr)
        return 1
    print(f"{args.file}: valid ({len(plan.phases)} phases, {len(plan.tasks)} tasks)")
    return 0


def _worst_case_problem(plan):
    """The problem ``simulate`` would meet if every estimate came out pessimistic, or None.

    The deterministic schedule fitting the calendar is not enough: a draw can
    take every task to its pessimistic duration, and those dates must exist too.
    """
    import math

    from aiplanner.model.errors import Problem
    from aiplanner.schedule import schedule_plan

    estimated = [(i, t) for i, t in enumerate(plan.tasks)
                 if t.estimate is not None and not t.is_milestone and t.estimate.pessimistic > t.duration]
    if not estimated:
        return None
    worst = plan.model_copy(deep=True)
    for i, task in estimated:
        worst.tasks[i].duration = max(1, math.floor(task.estimate.pessimistic + 0.5))
    try:
        schedule_plan(worst)
    except PlanError as exc:
        i, task = max(estimated, key=lambda item: item[1].estimate.pessimistic)
        detail = "; ".join(getattr(p, "message", str(p)) for p in getattr(exc, "problems", [exc]))
        return Problem(f"$.tasks[{i}].estimate.pessimistic",
                       f"with pessimistic durations the plan runs past the calendar ({detail}); "
                       f"{task.id!r} has the largest ({task.estimate.pessimistic:g} days)")
    return None
