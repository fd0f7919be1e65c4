"""``aiplanner compare FILE --a NAME --b NAME``: what changed between two versions of a plan."""

from __future__ import annotations

import argparse
import sys

NAME = "compare"
HELP = "compare the plan, a baseline or a scenario with another"
ORDER = 60
DESCRIPTION = (
    "Compare two versions of a plan: per-task start/finish/duration moves (working days, "
    "biggest first), the finish date, the P80 finish, each person's load and the findings "
    "that appear or disappear. NAME is 'current' (the plan as it is), a baseline "
    "('baseline:NAME' or its bare name) or a scenario ('scenario:NAME' or its bare name)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .aiplan file")
    parser.add_argument("--a", metavar="NAME", help="the side to compare from (default: the latest baseline)")
    parser.add_argument("--b", metavar="NAME", default="current", help="the side to compare to (default: current)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--no-risk", action="store_true", help="skip the Monte Carlo P80 (faster)")


def _signed(value: int | float | None, unit: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:+.2f}".rstrip("0").rstrip(".")
        return ("±0" if text in ("+0", "-0") else text) + unit
    return ("±0" if value == 0 else f"{value:+d}") + unit


def _text(result) -> str:
    from aiplanner.commands._common import table

    lines = [f"A = {result.a}    B = {result.b}", ""]
    lines.append(f"finish  {result.finish_a} -> {result.finish_b}  ({_signed(result.finish_delta)} working days)")
    if result.p80_a is not None or result.p80_b is not None:
        if result.p80_delta is not None:
            why = f"{_signed(result.p80_delta)} working days"
        else:
            side = result.a if result.p80_a is None else result.b
            why = f"{side} has no P80: " + ("captured with --no-risk" if side.startswith("baseline:") else "not simulated")
        lines.append(f"P80     {result.p80_a or '?'} -> {result.p80_b or '?'}  ({why})")
    counts = {s: sum(1 for t in result.tasks if t.status == s) for s in ("changed", "added", "removed")}
    lines.append(f"tasks   {counts['changed']} moved or resized, {counts['added']} added, "
                 f"{counts['removed']} removed, {result.unchanged} unchanged")
    out = "\n".join(lines) + "\n"
    if result.tasks:
        rows = [[t.id, t.name[:36], t.status, t.start_a or "", t.start_b or "", _signed(t.start_delta),
                 t.finish_a or "", t.finish_b or "", _signed(t.finish_delta),
                 "" if t.duration_a is None else t.duration_a, "" if t.duration_b is None else t.duration_b,
                 _signed(t.duration_delta)] for t in result.tasks]
        out += "\n" + table(["id", "name", "status", "start A", "start B", "±", "finish A", "finish B", "±",
                             "days A", "days B", "±"], rows, "lllllrllrrrr")
    if result.people:
        rows = [[p.id, p.name[:30], "" if p.peak_a is None else f"{p.peak_a:g}",
                 "" if p.peak_b is None else f"{p.peak_b:g}", _signed(p.peak_delta),
                 p.over_weeks_a, p.over_weeks_b, _signed(p.over_weeks_delta)] for p in result.people]
        out += "\nload (peak FTE on a day; weeks over capacity)\n" + table(
            ["person", "name", "peak A", "peak B", "±", "over wk A", "over wk B", "±"], rows, "llrrrrrr")
    if not result.findings_compared:
        out += "\nfindings: not compared (the checks did not run on one side)\n"
    elif result.findings:
        out += "\nfindings\n" + "".join(
            f"  {'+' if f.change == 'appeared' else '-'} {f.message}\n" for f in result.findings)
    else:
        out += "\nfindings: no change\n"
    return out


def run(args: argparse.Namespace) -> int:
    from aiplanner.checks.compare.deltas import compare
    from aiplanner.commands._common import print_json, read_plan, schedule_of
    from aiplanner.model.errors import EditError

    plan = read_plan(args.file)
    schedule_of(plan, args.file)  # a plan that cannot be scheduled: named with its file and place
    side_a = args.a
    if side_a is None:
        if not plan.baselines:
            raise EditError(f"{args.file}: the plan has no baseline; name one side with --a "
                            "(or capture one with 'aiplanner baseline FILE --name NAME')")
        side_a = "baseline:" + plan.baselines[-1].name
    try:
        result = compare(plan, side_a, args.b, risk=not args.no_risk)
    except EditError as exc:
        raise EditError(f"{args.file}: {exc}") from None
    if args.format == "json":
        print_json(result.to_dict())
    else:
        sys.stdout.write(_text(result))
    return 0
