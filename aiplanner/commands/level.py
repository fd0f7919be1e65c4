"""``aiplanner level FILE -o OUT``: delay tasks so nobody is over capacity; write the levelled plan.

The levelled plan is the input with a "not before" date on each task that
levelling delayed; it is written atomically (the file is either the old one
or the whole new one). The moves and the new finish are printed.
"""

from __future__ import annotations

import argparse

NAME = "level"
HELP = "resolve over-allocation by delaying tasks; write the levelled plan"
ORDER = 55


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .aiplan file")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="where to write the levelled plan ('-': stdout)")


def run(args: argparse.Namespace) -> int:
    from aiplanner.commands._common import read_plan, report_stream, schedule_of, table, write_plan
    from aiplanner.schedule.level import level_plan

    from aiplanner.model.errors import InvalidPlanError, Problem
    from aiplanner.schedule.calendar import CalendarError

    plan = read_plan(args.file)
    try:
        result = level_plan(plan, schedule_of(plan, args.file))
    except CalendarError as exc:  # the work cannot fit before the calendar ends
        detail = "; ".join(p.message for p in exc.problems)
        raise InvalidPlanError([Problem("$.people", f"levelling finds no room for the work ({detail}): is someone "
                                                    "away for good?")], args.file) from None
    write_plan(result.plan, args.output)
    out = report_stream(args.output)
    names = {t.id: t.name for t in plan.tasks}
    if result.moves:
        rows = [
            [m.task, names[m.task][:40], m.old_start.isoformat(), m.new_start.isoformat(), m.delay,
             "levelled" if m.levelled else "follows"]
            for m in result.moves
        ]
        out.write(table(["id", "name", "old start", "new start", "days", "why"], rows, "llllrl"))
        out.write("\n")
    else:
        out.write("nothing to move: nobody is over capacity where delay can help\n")
    shift = f"+{result.finish_delay} working days" if result.finish_delay else "unchanged"
    out.write(f"finish: {result.old_finish.isoformat()} -> {result.new_finish.isoformat()} ({shift})\n")
    for u in result.unresolved:
        out.write(f"unresolved: {u.task} alone needs more of {', '.join(u.people)} than their capacity\n")
    if result.remaining:
        people = sorted({o.person for o in result.remaining})
        out.write(f"still over capacity: {', '.join(people)} (see 'aiplanner load {args.output}')\n")
    out.write(f"wrote {args.output}\n")
    return 0
