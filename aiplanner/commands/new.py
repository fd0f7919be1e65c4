"""``aiplanner new --pattern coe|federated|product-teams --start DATE -o FILE``: a plan from a pattern template."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from aiplanner.model.errors import PlanError

NAME = "new"
HELP = "create a plan from a pattern template (CoE, federated, product teams)"
DESCRIPTION = (
    "Create a complete, schedulable rollout plan from one of the source's three organisational "
    "patterns: the four phases with their tasks, links and estimates, the five key roles, the "
    "pattern's responsibility matrix and the metrics with their targets. --horizon maturity "
    "lays out the whole 18-24-month journey: the maturity stages after the foundation, each with "
    "its exit criteria and responsibility matrix, and Scale & Optimize as recurring review cycles."
)
ORDER = 10

PATTERNS = ("coe", "federated", "product-teams")


class NewPlanError(PlanError):
    """The plan cannot be created as asked (bad date, file exists)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pattern", required=True, choices=PATTERNS, help="the organisational pattern")
    parser.add_argument("--start", required=True, metavar="DATE", help="plan start date, YYYY-MM-DD")
    parser.add_argument("--name", metavar="TEXT", help="plan name (default: the template's)")
    parser.add_argument("--organisation", metavar="TEXT", default="", help="organisation name")
    parser.add_argument("--horizon", choices=("foundation", "maturity"), default="foundation",
                        help="foundation (default): up to the end of initial scaling, 6-9 months; maturity: the "
                             "whole journey, 18-24 months")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the .aiplan file to write ('-': stdout)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise NewPlanError(f"--start: {text!r} is not a date (write YYYY-MM-DD, e.g. 2026-05-04)") from None


def run(args: argparse.Namespace) -> int:
    from aiplanner.catalog import build_plan
    from aiplanner.commands._common import report_stream, write_plan

    start = _date(args.start)
    if not dt.date(1900, 1, 1) <= start <= dt.date(2400, 12, 31):
        raise NewPlanError(f"--start: {start} is outside the supported years 1900-2400")
    if args.name is not None and not args.name.strip():
        raise NewPlanError("--name: the plan name must not be empty")
    for option, value in (("--name", args.name), ("--organisation", args.organisation)):
        if value is not None and len(value) > 500:
            raise NewPlanError(f"{option}: at most 500 characters (got {len(value)})")
    out = Path(args.output)
    if args.output != "-":
        if out.is_dir():
            raise NewPlanError(f"{out}: is a folder, not a plan file")
        if out.exists() and not args.force:
            raise NewPlanError(f"{out}: already exists (use --force to overwrite it)")
    if getattr(args, "horizon", "foundation") == "maturity":
        from aiplanner.catalog.journey import build_journey

        plan = build_journey(args.pattern, start, name=args.name, organisation=args.organisation)
    else:
        plan = build_plan(args.pattern, start, name=args.name, organisation=args.organisation)
    write_plan(plan, args.output)  # with --force the old file is kept as FILE.bak; '-': stdout
    print(f"{out}: {plan.name} ({len(plan.phases)} phases, {len(plan.tasks)} tasks, starts {start})",
          file=report_stream(args.output))
    return 0
