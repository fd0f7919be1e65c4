"""The report's coverage section and its derived marks: matrix, metric targets, the findings' counts."""

from __future__ import annotations

import datetime as dt

from aiplanner.catalog import build_plan
from aiplanner.model import Document
from aiplanner.render.options import SECTIONS
from tests.render.report.test_report import pages_text, report


def test_coverage_is_a_section_of_the_report():
    assert "coverage" in SECTIONS and SECTIONS.index("findings") < SECTIONS.index("coverage")


def test_the_coverage_page_lists_the_four_dimensions_and_flags_a_gap():
    document = Document(build_plan("product-teams", dt.date(2026, 5, 4)))
    document.remove_task("b-ethics")
    (text,) = pages_text(report(document.plan, sections=("coverage",)))
    assert text.startswith("Coverage of the operating model")
    for name in ("Capability Building", "AI Governance", "AI Operations", "AI Enablement", "Cost Management"):
        assert name in text
    assert "10 of 12 functions have work, 1 uncovered" in text and "GAP: no work" in text
    assert "full maturity: 18-24 months" in text


def test_derived_matrix_and_targets_are_marked_and_the_sources_are_not():
    coe = pages_text(report(build_plan("coe", dt.date(2026, 5, 4)), sections=("responsibilities", "metrics")))
    assert "Responsibility matrix (derived)" in coe[0] and "Derived, not the source's own table" in coe[0]
    assert "Rising trend (derived)" in coe[-1] and "< 4 weeks (derived)" not in coe[-1]
    federated = pages_text(report(build_plan("federated", dt.date(2026, 5, 4)), sections=("responsibilities",)))
    assert "(derived)" not in federated[0] and "The source's responsibility table" in federated[0]


def test_the_findings_page_counts_in_words(plan):
    from aiplanner.checks import run_checks
    from aiplanner.checks.findings import plural

    found = run_checks(plan)
    counts = [sum(f.severity == s for f in found) for s in ("error", "warning", "info")]
    (text,) = pages_text(report(plan, sections=("findings",)))
    expected = " · ".join(plural(n, w) for n, w in zip(counts, ("error", "warning", "note")))
    assert expected in text and "infos" not in text


def test_a_matrix_edited_for_the_plan_no_longer_passes_for_the_sources():
    document = Document(build_plan("federated", dt.date(2026, 5, 4)))
    matrix = document.plan.responsibilities.model_copy(deep=True)
    matrix.rows[0].cells["Product Teams"] = "Owns"
    document.update_plan(responsibilities=matrix)
    (text,) = pages_text(report(document.plan, sections=("responsibilities",)))
    assert "Edited for this plan, starting from: The source's responsibility table" in text
