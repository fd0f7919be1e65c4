"""``aiplanner simulate FILE``: Monte Carlo finish-date risk and criticality."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from aiplanner.commands._args import iterations_arg

NAME = "simulate"
HELP = "Monte Carlo risk: finish-date percentiles and each task's criticality"
ORDER = 35


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _percentile(text: str) -> float:
    try:
        value = float(text.upper().removeprefix("P"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a percentile: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("a percentile is between 0 and 100")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .aiplan file")
    parser.add_argument("--iterations", type=iterations_arg, default=10_000, help="iterations (default 10000)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (a run with the same seed repeats)")
    parser.add_argument("--method", choices=("triangular", "pert"), default="triangular",
                        help="distribution of the three-point estimates (default triangular)")
    parser.add_argument("--by", type=_date, default=None, metavar="DATE",
                        help="also report the probability of finishing by DATE")
    parser.add_argument("--percentile", type=_percentile, action="append", default=[], metavar="P",
                        help="another percentile to report (besides P10, P50, P80, P95); repeatable")
    parser.add_argument("--format", choices=("table", "json"), default="table")


def simulation_data(plan, result, by: dt.date | None) -> dict:
    """The JSON form: settings, percentiles, probability by a date, criticality per task, histogram."""
    data = result.to_dict()
    data["plan"] = plan.name
    data["criticality"] = [
        {"id": t.id, "name": t.name, "criticality": round(result.criticality[t.id], 4)} for t in plan.tasks
    ]
    if by is not None:
        data["by"] = {"date": by.isoformat(), "probability": round(result.probability_by(by), 4)}
    return data


def run(args: argparse.Namespace) -> int:
    from aiplanner.commands._common import print_json, printable, read_plan, table
    from aiplanner.commands.schedule import schedule_or_fail
    from aiplanner.schedule.montecarlo import simulate

    plan = read_plan(args.file)
    schedule_or_fail(plan, args.file)  # a plan that cannot be scheduled fails here, naming the place
    result = simulate(plan, args.iterations, seed=args.seed, method=args.method, percentiles=args.percentile)
    data = simulation_data(plan, result, args.by)
    if args.format == "json":
        print_json(data)
        return 0
    out = sys.stdout
    varying = len(result.estimated_tasks)
    out.write(f"{printable(plan.name)}: {result.iterations} iterations, {result.method}, seed {result.seed}, "
              f"{varying} of {len(plan.tasks)} tasks vary\n\n")
    rows = [[label, day] for label, day in data["percentiles"].items()]
    rows.append(["deterministic", f"{data['deterministic_finish']} (P{data['deterministic_percentile']:g})"])
    rows.append(["mean", data["mean_finish"]])
    out.write(table(["finish", "date"], rows))
    if args.by is not None:
        out.write(f"\nprobability of finishing by {args.by.isoformat()}: {100 * data['by']['probability']:.1f}%\n")
    ranked = sorted((t for t in data["criticality"] if t["criticality"] > 0), key=lambda t: -t["criticality"])
    if ranked:
        out.write("\n" + table(["id", "name", "criticality"],
                               [[t["id"], t["name"][:40], f"{100 * t['criticality']:.1f}%"] for t in ranked[:15]],
                               "llr"))
        if len(ranked) > 15:
            out.write(f"... {len(ranked) - 15} more critical at least once (see --format json)\n")
    return 0
