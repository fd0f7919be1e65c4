"""``aiplanner check FILE [--format text|json]``: plan health findings.

Exit status: 0 when no finding is an error, 1 when one is, 2 when the file
cannot be read or scheduled.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

NAME = "check"
HELP = "check the plan against the source's pitfalls, staffing and timeline rules"
ORDER = 40


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .aiplan file")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    from aiplanner.checks import SEVERITIES, run_checks
    from aiplanner.commands._common import print_json, read_plan, schedule_of

    plan = read_plan(args.file)
    findings = run_checks(plan, schedule_of(plan, args.file))
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
    if args.format == "json":
        print_json({"plan": plan.name, "summary": counts, "findings": [f.to_dict() for f in findings]})
    else:
        out = sys.stdout
        for f in findings:
            out.write(f"{f.severity:<7} {f.rule}\n")
            for line in textwrap.wrap(f.message, 96):
                out.write(f"        {line}\n")
            for n, line in enumerate(textwrap.wrap(f.fix, 91)):
                out.write(f"        {'fix: ' if n == 0 else '     '}{line}\n")
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in SEVERITIES]
        out.write(f"{args.file}: {', '.join(parts)}\n")
    return 1 if counts["error"] else 0
