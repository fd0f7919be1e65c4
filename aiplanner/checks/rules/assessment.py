"""The Assessment's symptom checklist: a symptom found needs work in the plan that addresses it."""

from __future__ import annotations

from collections.abc import Iterator

from aiplanner.checks.answers import answered
from aiplanner.checks.findings import CheckContext, Finding, rule

__all__: list[str] = []


@rule("symptom.unaddressed", "Symptoms the Assessment found are addressed")
def unaddressed_symptom(ctx: CheckContext) -> Iterator[Finding]:
    """A symptom answered yes or partly that no work in the plan addresses.

    Evidence: the plan's checklist answer (yes or partly) and work of the
    symptom's tags in ``symptoms.json`` (or named so) that is not
    assessment work: finding the symptom again is not addressing it.
    """
    for symptom, answer in answered(ctx.plan, ctx.kinds.catalog):
        if answer.answer == "no" or ctx.kinds.ids(*symptom.tags):
            continue
        note = f" ({answer.note.strip()})" if answer.note.strip() else ""
        yield Finding(
            "symptom.unaddressed", "warning",
            f"The Assessment found {symptom.name[0].lower()}{symptom.name[1:]}"
            f"{' in part' if answer.answer == 'partly' else ''}{note}, but no work in the plan addresses it: "
            f"{symptom.description[0].lower()}{symptom.description[1:]}",
            f"{symptom.remedy} (work tagged {', '.join(symptom.tags)}).",
            title=symptom.name,
        )
