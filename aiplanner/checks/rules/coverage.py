"""The source's twelve functions of an AI operating model: work in the plan for each."""

from __future__ import annotations

from collections.abc import Iterator

from aiplanner.checks.coverage import plan_coverage
from aiplanner.checks.findings import CheckContext, Finding, rule

__all__: list[str] = []


@rule("coverage.uncovered-function", "Every function of the four dimensions has work")
def uncovered_function(ctx: CheckContext) -> Iterator[Finding]:
    """Functions of the four dimensions that no work in the plan covers.

    Evidence: :func:`aiplanner.checks.coverage.plan_coverage`: for each
    function of ``dimensions.json``, work of its tags (or named so) that is
    not assessment work. A function the source asks only of some
    organisations (AI research) is never a gap. One note lists them all.
    """
    gaps = [c for c in plan_coverage(ctx.plan, ctx.kinds) if c.flagged]
    if not gaps:
        return
    by_dimension: dict[str, list[str]] = {}
    for c in gaps:
        by_dimension.setdefault(c.dimension_name, []).append(c.name)
    listed = "; ".join(f"{dim}: {', '.join(names)}" for dim, names in by_dimension.items())
    looked = [t for c in gaps for t in c.assessed]
    yield Finding(
        "coverage.uncovered-function", "info",
        f"No work in the plan covers {len(gaps)} of the operating model's functions ({listed})"
        + (", though the Assessment looks at some of them" if looked else "") + f"{ctx.kinds.note()}.",
        "Add work for them, or note why this organisation does without them; the Coverage view shows each "
        "dimension's functions against the plan.",
        tasks=tuple(dict.fromkeys(looked)),
        title="Coverage of the four dimensions",
    )
