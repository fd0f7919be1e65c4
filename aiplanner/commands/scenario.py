"""``aiplanner scenario FILE [--name NAME ...]``: list, add, change or delete what-if scenarios."""

from __future__ import annotations

import argparse
import sys

NAME = "scenario"
HELP = "list, add, change or delete the what-if scenarios of a plan file"
ORDER = 57
DESCRIPTION = (
    "Without --name, list the scenarios. With --name, add the scenario if it is new, then apply the "
    "changes asked for: --description, --duration TASK=DAYS (repeatable), --pattern (rebuild its "
    "pattern-dependent parts from the catalogue, keeping your edits; prints what changed), --rename "
    "or --delete. The file is rewritten atomically (the old one kept as FILE.bak)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .aiplan file")
    parser.add_argument("--name", help="the scenario to add or change")
    parser.add_argument("--description", help="what the scenario asks")
    parser.add_argument("--duration", action="append", default=[], metavar="TASK=DAYS",
                        help="override a task's duration in working days (repeatable)")
    parser.add_argument("--pattern", choices=("coe", "federated", "product-teams"),
                        help="switch the scenario to this pattern")
    parser.add_argument("--rename", metavar="NEW", help="give the scenario a new name")
    parser.add_argument("--delete", action="store_true", help="delete the scenario")


def _durations(items: list[str]) -> list[tuple[str, int]]:
    from aiplanner.model.errors import EditError

    pairs = []
    for item in items:
        task, sep, days = item.partition("=")
        if not sep or not task.strip() or not days.strip().isdigit():
            raise EditError(f"--duration {item!r}: write TASK=DAYS (whole working days)")
        pairs.append((task.strip(), int(days)))
    return pairs


def run(args: argparse.Namespace) -> int:
    from aiplanner.catalog.switch import switch_pattern
    from aiplanner.commands._common import read_plan, schedule_of, table
    from aiplanner.io.native import save_plan
    from aiplanner.model.document import Document
    from aiplanner.model.errors import EditError
    from aiplanner.model.variants import Scenario
    from aiplanner.model.validate import pydantic_problems
    from pydantic import ValidationError

    plan = read_plan(args.file)
    if args.name is None:
        if not plan.scenarios:
            sys.stdout.write(f"{args.file}: no scenarios\n")
            return 0
        rows = [[s.name, s.pattern or "", len(s.overrides), len(s.added_tasks), len(s.removed_tasks),
                 len(s.people), s.description[:50]] for s in plan.scenarios]
        sys.stdout.write(table(["name", "pattern", "overrides", "added", "removed", "people", "description"],
                               rows, "llrrrrl"))
        return 0
    schedule_of(plan, args.file)  # a plan that cannot be scheduled: named with its file and place
    document = Document(plan, args.file)
    name = args.name.strip()
    try:
        exists = any(s.name == name for s in plan.scenarios)
        if args.delete:
            document.remove_scenario(name)
            said = f"scenario {name!r} deleted"
        else:
            if not exists:
                document.add_scenario(Scenario(name=name))
            if args.description is not None:
                document.update_scenario(name, description=args.description)
            for task, days in _durations(args.duration):
                document.set_task_override(name, task, duration=days)
            report = None
            if args.pattern:
                report = switch_pattern(document.plan, name, args.pattern)
                document.replace_scenario(name, report.scenario)
            if args.rename:
                document.rename_scenario(name, args.rename)
                name = args.rename
            said = f"scenario {name!r} {'updated' if exists else 'added'}"
            if report is not None:
                said += "\n" + "\n".join(f"  {line}" for line in report.lines())
    except EditError as exc:
        raise EditError("\n".join(f"{args.file}: {line}" for line in str(exc).splitlines())) from None
    except ValidationError as exc:  # a name or description out of bounds
        raise EditError("\n".join(f"{args.file}: {p.message}" for p in pydantic_problems(exc))) from None
    save_plan(document.plan, args.file)
    sys.stdout.write(f"{args.file}: {said}\n")
    return 0
