"""The ``aiplanner`` command line.

Without a sub-command it opens the window. Each sub-command lives in its own
module of :mod:`aiplanner.commands` exposing ``NAME``, ``HELP``, ``ORDER``,
``add_arguments(parser)`` and ``run(args) -> int``; they are discovered here,
so adding a command touches no shared list.

Errors a user can cause (a bad file, an impossible option) print one line
per problem to stderr and exit non-zero, never with a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from aiplanner import __version__

__all__ = ["main", "build_parser"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


def _command_modules() -> list:
    import pkgutil

    import aiplanner.commands as package

    modules = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"aiplanner.commands.{info.name}")
        if hasattr(module, "NAME") and hasattr(module, "run"):
            modules.append(module)
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 100), m.NAME))


class _Parser(argparse.ArgumentParser):
    """argparse that exits with our bad-input code (2, as argparse does)."""

    def error(self, message: str) -> None:  # pragma: no cover - argparse path
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def command_module(name: str | None):
    """The module of the sub-command called ``name``, or None when there is none.

    Looked up first as ``aiplanner.commands.<name>`` (one import, where discovering
    every command imports them all); a command whose module is named otherwise
    (``import``) is found by discovery. A file name (with a dot or a path
    separator, which no command name has) is no command.
    """
    if not name:
        return None
    if name.isidentifier():
        try:
            module = importlib.import_module(f"aiplanner.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"aiplanner.commands.{name}":
                raise
        else:
            if getattr(module, "NAME", None) == name and hasattr(module, "run"):
                return module
    if "." in name or os.sep in name or (os.altsep and os.altsep in name):
        return None
    return next((m for m in _command_modules() if m.NAME == name), None)


def build_parser(command: str | None = None, module=None) -> argparse.ArgumentParser:
    """The parser with every discovered sub-command.

    With ``command``, only that sub-command gets its options (the others are
    listed by name and help): a run does not pay for every command's
    option set-up (``export`` alone imports the render options). With its
    ``module`` too (see :func:`command_module`), only that sub-command is set
    up at all (what a run of it needs).
    """
    parser = _Parser(
        prog="aiplanner",
        description=(
            "Plan the rollout of an AI operating model: phases, tasks, key roles, "
            "risk and load. Without a command, opens the window."
        ),
        epilog="Run 'aiplanner COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"aiplanner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for found in [module] if module is not None and module.NAME == command else _command_modules():
        cmd = sub.add_parser(found.NAME, help=found.HELP, description=getattr(found, "DESCRIPTION", found.HELP))
        if command is None or found.NAME == command:
            found.add_arguments(cmd)
        cmd.set_defaults(_run=found.run)
    return parser


def _open_window(argv: Sequence[str]) -> int:
    parser = _Parser(prog="aiplanner", add_help=False)
    parser.add_argument("file", nargs="?")
    parser.add_argument("--screenshot", help=argparse.SUPPRESS)  # render the window to a PNG and exit
    args, qt_args = parser.parse_known_args(argv)
    from aiplanner.ui.app import run_app  # Qt only when the window is wanted

    if args.screenshot:
        qt_args = [*qt_args, "--screenshot", args.screenshot]
    return run_app(args.file, qt_args)


#: Garbage collector thresholds while a sub-command runs: young objects collected every 50,000
#: new ones instead of every 700. A command builds a large heap that lives until it ends
#: (matplotlib, fonts, the plan) and the defaults walk it again and again: 0.25 s of an
#: enterprise PDF report, 12 ms of ``schedule`` on 2,000 tasks. Garbage is still collected,
#: so memory stays bounded; the defaults come back afterwards (tests that call ``main``).
SHORT_RUN_GC = (50_000, 20, 10)


def _run_safely(args: argparse.Namespace) -> int:
    """Run a sub-command with stdout and stderr escaping control characters (names from plans and
    foreign files never reach the terminal raw), and the collector set for a short run
    (:data:`SHORT_RUN_GC`)."""
    import gc

    from aiplanner.commands._common import SafeText

    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeText(out), SafeText(err)
    thresholds = gc.get_threshold()
    gc.set_threshold(*SHORT_RUN_GC)
    try:
        return int(args._run(args) or 0)
    finally:
        sys.stdout, sys.stderr = out, err
        gc.set_threshold(*thresholds)


def _leaving() -> None:
    """The program ends: let the interpreter skip its last walk over every object left
    (0.25 s after a PDF report); the system frees the memory at once."""
    import gc

    gc.freeze()


def _with_input_file(exc, args) -> Exception:
    """A plan error that names no file is about the command's input plan: name it."""
    from aiplanner.model.errors import InvalidPlanError

    file = getattr(args, "file", None)
    if isinstance(exc, InvalidPlanError) and not exc.file and isinstance(file, str):
        return exc.with_file(file)
    return exc


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``aiplanner`` console script (``argv`` None: the whole program, which
    ends when this returns; else a call from Python, which goes on)."""
    if argv is not None:
        return _main(list(argv))
    try:
        return _main(sys.argv[1:])
    finally:
        _leaving()


def _main(argv: list[str]) -> int:
    # Offline and without telemetry: no third-party pydantic plugin (found through package
    # metadata) hooks into our validation; set PYDANTIC_DISABLE_PLUGINS to choose otherwise.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from aiplanner.model.errors import PlanError

    first = next((a for i, a in enumerate(argv)
                  if not a.startswith("-") and (i == 0 or argv[i - 1] != "--screenshot")), None)
    module = command_module(first)
    wants_parser = any(a in ("-h", "--help", "--version") for a in argv[:1]) or module is not None
    try:
        if not wants_parser:
            if first is not None and not os.path.exists(first) and not first.endswith(".aiplan"):
                print(f"aiplanner: {first!r} is neither a command nor a plan file (see 'aiplanner --help')",
                      file=sys.stderr)
                return EXIT_BAD_INPUT
            return _open_window(argv)
        # Top-level --help/--version list the commands only; a command needs its own options only.
        command = first if module is not None and argv[0] == first else "" if argv[:1] != [] and argv[0].startswith("-") else None
        args = build_parser(command, module).parse_args(argv)
        return _run_safely(args)
    except PlanError as exc:
        from aiplanner.commands._common import printable

        exc = _with_input_file(exc, locals().get("args"))
        for line in str(exc).splitlines():
            print(f"aiplanner: {printable(line)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("aiplanner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback for users
        if os.environ.get("AIPLANNER_DEBUG"):
            raise
        print(f"aiplanner: internal error: {type(exc).__name__}: {exc} "
              "(set AIPLANNER_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
