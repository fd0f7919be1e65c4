"""``aiplanner import SOURCE -o FILE [--from FORMAT]``: a foreign file to a plan.

The format follows the content (the root element of an XML file: MS Project,
GanttProject, Planner) and the extension (``.mmd``, ``.xml``, ``.csv``,
``.gan``, ``.planner``) unless ``--from`` names it. What could not be
carried over is printed to stderr as warnings; a file that cannot be read
exits 2 and writes nothing.
"""

from __future__ import annotations

import argparse
import sys

NAME = "import"
HELP = "make a plan from a Mermaid gantt chart, MS Project XML, CSV, GanttProject or GNOME Planner file"
ORDER = 60


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from aiplanner.io.importing import FORMATS

    parser.add_argument("source", help="the file to read (.mmd, .xml, .csv, .gan, .planner)")
    parser.add_argument("-o", "--output", required=True, help="the .aiplan file to write ('-': stdout)")
    parser.add_argument("--from", dest="fmt", choices=tuple(FORMATS),
                        help="the source format (default: from the content and the extension)")


def run(args: argparse.Namespace) -> int:
    from aiplanner.commands._common import report_stream, same_file, write_plan
    from aiplanner.io.importing import import_file
    from aiplanner.model.errors import PlanFileError

    if args.output != "-" and same_file(args.output, args.source):
        raise PlanFileError(args.output, "is the file being imported; choose another output file")
    result = import_file(args.source, args.fmt)
    for warning in result.warnings:
        print(f"aiplanner: {args.source}: warning: {warning}", file=sys.stderr)
    write_plan(result.plan, args.output)
    plan = result.plan
    print(f"{args.output}: {len(plan.phases)} phases, {len(plan.tasks)} tasks"
          f"{f', {len(result.warnings)} warnings' if result.warnings else ''}", file=report_stream(args.output))
    return 0
