"""``aiplanner metric FILE --record METRIC_ID=VALUE [--date DATE] [--note TEXT]``: record a measurement.

The value is stored as a dated measurement of the metric, in the plan file
itself, which is rewritten atomically (the previous file kept as
``FILE.bak``). A second value on the same date replaces the first. A bad
metric id, a value that is not a number or a date in the future is refused
with one line naming the file and the argument, and nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

NAME = "metric"
HELP = "record a measurement of a metric (atomic)"
ORDER = 57
DESCRIPTION = (
    "Record dated measurements of the plan's metrics: --record METRIC_ID=VALUE (repeatable), "
    "on --date (default today), with an optional --note. The plan file is rewritten atomically. "
    "'aiplanner metrics FILE' lists the metrics with their targets, latest values and status."
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .aiplan file")
    parser.add_argument("--record", action="append", required=True, metavar="METRIC_ID=VALUE",
                        help="the value measured for a metric (repeatable: several metrics on one date)")
    parser.add_argument("--date", type=_date, default=None, metavar="DATE",
                        help="the day it was measured (default: today; never in the future)")
    parser.add_argument("--note", default="", metavar="TEXT", help="where the value comes from")


def run(args: argparse.Namespace) -> int:
    from aiplanner.checks.metrics import metric_status, value_text
    from aiplanner.commands._common import read_plan
    from aiplanner.io.native import save_plan
    from aiplanner.model.errors import InvalidPlanError, Problem
    from aiplanner.model.parts import parse_value

    plan = read_plan(args.file)
    today = dt.date.today()
    day = args.date or today
    problems: list[Problem] = []
    if day > today:
        problems.append(Problem("--date", f"{day.isoformat()} is in the future (today is {today.isoformat()}); "
                                          "record a value once it is measured"))
    if len(args.note) > 500:
        problems.append(Problem("--note", f"a note has at most 500 characters (got {len(args.note)})"))
    metrics = {m.id: m for m in plan.metrics}
    wanted: list[tuple[str, float]] = []
    for text in args.record:
        metric_id, sep, written = text.partition("=")
        metric_id = metric_id.strip()
        if not sep or not metric_id:
            problems.append(Problem(f"--record {text}", "write METRIC_ID=VALUE, e.g. tool-utilization=38"))
            continue
        if metric_id not in metrics:
            known = ", ".join(metrics) or "none: the plan has no metrics"
            problems.append(Problem(f"--record {text}", f"no metric {metric_id!r} in the plan (metrics: {known})"))
            continue
        if any(m == metric_id for m, _ in wanted):
            problems.append(Problem(f"--record {text}", f"metric {metric_id!r} is recorded twice"))
            continue
        try:
            wanted.append((metric_id, parse_value(written)))
        except ValueError as exc:
            problems.append(Problem(f"--record {text}", str(exc)))
    if problems:
        raise InvalidPlanError(problems, args.file)
    lines = []
    for metric_id, value in wanted:
        before = metrics[metric_id].measured_on(day)
        metrics[metric_id] = metrics[metric_id].with_measurement(day, value, args.note)
        judged = metric_status(metrics[metric_id])
        replaced = f" (replaces {before.value:g})" if before is not None else ""
        lines.append(f"{metric_id} = {value_text(value, metrics[metric_id].unit)} on {day.isoformat()}{replaced}: "
                     f"{judged.words}, {judged.reason}")
    plan.metrics = [metrics[m.id] for m in plan.metrics]
    save_plan(plan, args.file)
    out = sys.stdout
    for line in lines:
        out.write(f"{args.file}: {line}\n")
    return 0
