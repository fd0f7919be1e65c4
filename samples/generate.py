"""Regenerate the shipped sample plans, or check that they still match.

Every sample is built from the product's own API: the source's chart from
the catalogue (:func:`~aiplanner.catalog.source_chart_plan`), the staffed
rollouts from the pattern templates (:func:`~aiplanner.catalog.build_plan`)
plus their team (:mod:`aiplanner.samples.staffed`) and, for the CoE and
federated ones, a mid-rollout story: a kick-off baseline, progress, slips
and what-if scenarios (:mod:`aiplanner.samples.midrollout`,
:mod:`aiplanner.samples.whatifs`), the enterprise rollout
from the federated template plus twelve business units
(:mod:`aiplanner.samples.enterprise`). The output is deterministic, so the
committed files must equal what this module builds; ``--check`` (and
``tests/test_samples.py``) fail when the catalogue, the templates or the
file format moved on and the samples were not regenerated.

Usage, from a checkout installed with ``pip install -e .``::

    python -m aiplanner.samples.generate            # rewrite what changed
    python -m aiplanner.samples.generate --check    # exit 1 naming each stale sample

``python samples/generate.py [--check]`` does the same. The module ships in
the wheel with the samples; run there it only rewrites the files next to it
with the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from aiplanner.catalog import Catalog, source_chart_plan
from aiplanner.io.native import dumps, save_plan
from aiplanner.model import Plan, PlanError
from aiplanner.samples.enterprise import enterprise_plan
from aiplanner.samples.midrollout import mid_rollout
from aiplanner.samples.staffed import TEAMS, Team, staffed_plan
from aiplanner.samples.whatifs import STORIES

__all__ = ["BUILDERS", "FOLDER", "build_samples", "stale_samples", "write_samples", "main"]

#: The folder the samples live in (next to this module).
FOLDER = Path(__file__).resolve().parent


def _staffed(name: str, team: Team) -> Callable[[Catalog | None], Plan]:
    story = STORIES.get(name)
    if story is None:
        return lambda catalog: staffed_plan(team, catalog)
    return lambda catalog: mid_rollout(staffed_plan(team, catalog), story, catalog)


#: Sample file stem -> function building its plan from a catalogue (None: the shipped one).
BUILDERS: dict[str, Callable[[Catalog | None], Plan]] = {
    "source-timeline": source_chart_plan,
    **{name: _staffed(name, team) for name, team in TEAMS.items()},
    "enterprise-rollout": enterprise_plan,
}


def build_samples(catalog: Catalog | None = None) -> dict[str, Plan]:
    """Every sample plan, by file stem, built from ``catalog`` (default: the shipped one)."""
    return {name: build(catalog) for name, build in BUILDERS.items()}


def _first_difference(old: str, new: str) -> int:
    """The 1-based line of ``old`` where ``new`` starts to differ."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for number, (a, b) in enumerate(zip(old_lines, new_lines), start=1):
        if a != b:
            return number
    return min(len(old_lines), len(new_lines)) + 1


def stale_samples(folder: Path = FOLDER, catalog: Catalog | None = None) -> list[str]:
    """One line per sample in ``folder`` that is missing or differs from what the generator builds.

    An empty list means every sample is up to date.
    """
    problems = []
    for name, plan in build_samples(catalog).items():
        path = folder / f"{name}.aiplan"
        if not path.is_file():
            problems.append(f"{path}: missing")
            continue
        wanted = dumps(plan)
        found = path.read_bytes().decode("utf-8", errors="replace")
        if found != wanted:
            problems.append(f"{path}: differs from the generator from line {_first_difference(found, wanted)}")
    return problems


def write_samples(folder: Path = FOLDER, catalog: Catalog | None = None) -> list[Path]:
    """Write every sample that is missing or out of date into ``folder``; return the files written."""
    written = []
    for name, plan in build_samples(catalog).items():
        path = folder / f"{name}.aiplan"
        if path.is_file() and path.read_bytes() == dumps(plan).encode("utf-8"):
            continue
        save_plan(plan, path, backup=False)  # the old sample is in git, no .bak next to it
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: regenerate the samples, or ``--check`` them (exit 1 when stale, 2 on a plan error)."""
    parser = argparse.ArgumentParser(
        prog="python -m aiplanner.samples.generate",
        description="Regenerate the sample plans from the catalogue and templates, or check them.",
    )
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 and name every sample that differs from the generator")
    parser.add_argument("--dir", type=Path, default=FOLDER, metavar="FOLDER",
                        help="the samples folder (default: the one next to this module)")
    args = parser.parse_args(argv)
    if not args.dir.is_dir():
        print(f"{args.dir}: not a folder", file=sys.stderr)
        return 2
    try:
        if args.check:
            problems = stale_samples(args.dir)
            for line in problems:
                print(line, file=sys.stderr)
            if problems:
                print("regenerate with: python -m aiplanner.samples.generate", file=sys.stderr)
                return 1
            print(f"{len(BUILDERS)} samples up to date")
            return 0
        written = write_samples(args.dir)
    except PlanError as exc:  # e.g. a broken templates.json: its problems, no traceback
        print(exc, file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    print(f"{len(written)} of {len(BUILDERS)} samples rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
