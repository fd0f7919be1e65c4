"""``aiplanner export FILE --to FORMAT [-o OUT]``: write the plan in another format.

Formats come from the registry :mod:`aiplanner.io.exporters`; this command
parses the options, loads and validates the plan, calls the format's
function with an :class:`~aiplanner.io.exporters.ExportRequest` and writes
the bytes atomically (``-o -``: stdout).

Adding a format (the registration hook)
---------------------------------------
Add a line to ``aiplanner.io.exporters.BUILTIN`` (or call
``register_exporter(name, "module:function", suffix=..., description=...)``
in that module). The function receives an ``ExportRequest`` whose
``options`` hold every option below by its ``dest`` name (``paper``,
``orientation``, ``sections``, ``date_from``, ``date_to``, ``fit``,
``chart``, ``columns``, ``today``, ``scale``, ``baseline``, ``dpi``, ``seed``, ``iterations``,
``scenario``) and returns bytes; with ``--scenario`` the request's plan is
already that scenario's (:func:`aiplanner.io.exporters.scenario_plan`). A
format that needs an option of its own adds it to :func:`add_arguments`
here, in its own argument group.

``--to`` takes a format name, and for compatibility with the design's
``--from DATE --to DATE`` also a date: ``--to pdf --from 2026-05-01 --to
2026-09-30`` works (``--until`` is the unambiguous spelling).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from aiplanner.commands._args import iterations_arg

NAME = "export"
HELP = "export the plan: PDF report, PNG/SVG charts and interchange formats"
ORDER = 70


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _status_day(text: str) -> dt.date | str:
    """A date, or ``none`` for no status line at all."""
    return "none" if text.strip().lower() == "none" else _date(text)


def _dpi(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 10 <= value <= 600:
        raise argparse.ArgumentTypeError(f"{value} is outside 10-600 dots per inch")
    return value


def _choices(valid: tuple[str, ...], what: str):
    def parse(text: str) -> tuple[str, ...]:
        items = tuple(s.strip() for s in text.split(",") if s.strip())
        bad = [s for s in items if s not in valid]
        if bad or not items:
            raise argparse.ArgumentTypeError(f"unknown {what} {', '.join(bad) or text!r}; choose from {', '.join(valid)}")
        return items
    return parse


class _ToAction(argparse.Action):
    """``--to`` is a format name, or (DESIGN.md's ``--from/--to``) the window's last date."""

    def __call__(self, parser, namespace, value, option_string=None):
        from aiplanner.io.exporters import exporter_names

        if value in exporter_names():
            namespace.format = value
            return
        try:
            namespace.date_to = dt.date.fromisoformat(value)
        except ValueError:
            parser.error(f"--to: {value!r} is neither a format ({', '.join(exporter_names())}) nor a date")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from aiplanner.io.exporters import exporter_names, get_exporter
    from aiplanner.render.options import CHARTS, PAPERS, SECTIONS
    from aiplanner.render.gantt.scene import COLUMNS

    formats = "; ".join(f"{n}: {get_exporter(n).description}" for n in exporter_names())
    parser.add_argument("file", help="the .aiplan file")
    parser.add_argument("--to", action=_ToAction, dest="format", metavar="FORMAT",
                        help=f"output format ({formats}); default from the -o suffix")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="output file ('-' for stdout); default: FILE with the format's suffix")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="report progress on stderr (default: when stderr is a terminal)")
    parser.add_argument("--scenario", metavar="NAME",
                        help="export what-if scenario NAME instead of the plan (every format; 'current': the plan)")
    parser.set_defaults(date_to=None)

    view = parser.add_argument_group("report and charts (pdf, png, svg)")
    view.add_argument("--paper", choices=tuple(PAPERS), default="a4")
    view.add_argument("--orientation", choices=("landscape", "portrait"), default="landscape")
    view.add_argument("--sections", type=_choices(SECTIONS, "section"), default=None, metavar="S[,S...]",
                      help=f"report sections, any of {','.join(SECTIONS)} (default: all)")
    view.add_argument("--from", dest="date_from", type=_date, metavar="DATE", help="timeline window start")
    view.add_argument("--until", dest="date_to", type=_date, metavar="DATE",
                      help="timeline window end (also accepted as --to DATE)")
    view.add_argument("--fit", choices=("split", "width"), default="split",
                      help="wide timelines: split over pages in time (default) or fit to the page width")
    view.add_argument("--scale", choices=("auto", "days", "weeks", "months", "quarters"), default="auto",
                      help="timeline time scale (default: chosen from the span)")
    view.add_argument("--baseline", default="latest", metavar="NAME",
                      help="baseline shown as ghost bars and compared in the report: latest (default), a name, or none")
    view.add_argument("--chart", choices=CHARTS, default="gantt", help="chart for png/svg (default gantt)")
    view.add_argument("--columns", type=_choices(tuple(COLUMNS), "column"), default=None, metavar="C[,C...]",
                      help=f"timeline columns beside the name, any of {','.join(COLUMNS)} (default start,finish)")
    view.add_argument("--today", type=_status_day, metavar="DATE",
                      help="status line on this date (default: the plan's status date, if it has one; none: no line)")
    view.add_argument("--dpi", type=_dpi, default=150, help="png resolution, 10-600 (default 150)")
    view.add_argument("--seed", type=int, default=1, help="Monte Carlo seed of the summary and risk pages (default 1)")
    view.add_argument("--iterations", type=iterations_arg, default=10_000,
                      help="Monte Carlo runs of the summary and risk pages (default 10000, as 'simulate')")


def _progress_printer(enabled: bool):
    if not enabled:
        return lambda fraction, message: None

    def report(fraction: float, message: str) -> None:
        print(f"export: {fraction * 100:3.0f}% {message}", file=sys.stderr, flush=True)
    return report


def run(args: argparse.Namespace) -> int:
    from aiplanner.commands._common import read_plan, same_file, write_output
    from aiplanner.io.exporters import ExportRequest, exporter_names, get_exporter, scenario_plan
    from aiplanner.model.errors import (DependencyCycleError, InvalidPlanError, PlanError, PlanFileError,
                                        Problem, UnknownTaskError)
    from aiplanner.schedule.problems import as_invalid_plan

    fmt = args.format
    if fmt is None and args.output not in (None, "-"):
        suffix = Path(args.output).suffix.lower()
        fmt = next((n for n in exporter_names() if get_exporter(n).suffix == suffix), None)
    if fmt is None:
        raise InvalidPlanError([Problem("", f"say which format with --to ({', '.join(exporter_names())})")])
    if args.date_from and args.date_to and args.date_to < args.date_from:
        raise InvalidPlanError([Problem("", f"--to {args.date_to} is before --from {args.date_from}")])
    exporter = get_exporter(fmt)
    output = args.output or str(Path(args.file).with_suffix(exporter.suffix))
    plan = read_plan(args.file)
    if output != "-" and same_file(output, args.file):
        raise PlanFileError(output, "is the plan being exported; choose another output file")
    progress = _progress_printer(sys.stderr.isatty() if args.progress is None else args.progress)
    options = {k: v for k, v in vars(args).items() if not k.startswith("_") and k not in ("file", "output")}
    # The status line: as asked, else the plan's own status date; "none" asks for no line.
    options["today"] = None if args.today == "none" else (args.today or plan.status_date)
    plan = scenario_plan(plan, args.scenario, args.file)
    # A one-off process: the report may work out its analyses in a helper process while it loads
    # matplotlib, and matplotlib need not write its artists' help texts (render.style).
    options["one_shot"] = True
    try:
        data = exporter.load()(ExportRequest(plan=plan, source=args.file, options=options, progress=progress))
    except PlanError as exc:
        if isinstance(exc, PlanFileError) or (isinstance(exc, InvalidPlanError) and exc.file):
            raise
        if isinstance(exc, (InvalidPlanError, DependencyCycleError, UnknownTaskError)):
            # A plan that loads but cannot be scheduled (a loop, an unknown holiday
            # region): name the file and the place, as 'schedule' does.
            raise as_invalid_plan(exc, plan, args.file) from None
        raise InvalidPlanError([Problem("", str(exc))], args.file) from None
    write_output(output, data)
    return 0
