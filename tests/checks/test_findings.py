"""The registry, findings as data, and the doctests of the checks package."""

from __future__ import annotations

import doctest

import pytest

import aiplanner.checks as checks
from aiplanner.checks import RULES, Finding, rule, run_checks
from aiplanner.checks import domain, kinds
from tests.checks.conftest import without


def test_doctests_run():
    from aiplanner.checks import answers, coverage, findings
    from aiplanner.checks.rules import staffing

    for module in (checks, domain, kinds, answers, coverage, findings, staffing):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0


def test_finding_to_dict_is_json_ready():
    f = Finding("x.y", "info", "Message.", "Fix.", tasks=("a",))
    assert f.to_dict() == {"rule": "x.y", "severity": "info", "message": "Message.", "fix": "Fix.",
                           "tasks": ["a"], "people": [], "roles": [], "phases": [], "title": "",
                           "reason": "", "advice": "", "actions": []}
    assert str(f) == "info: [x.y] Message."


def test_a_rule_id_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="twice"):
        rule("pitfall.technology-first", "again")(lambda ctx: [])
    assert RULES["pitfall.technology-first"].title == "Technology-first thinking"


def test_selected_rules_and_unknown_ids(healthy):
    plan = without(healthy, "b5", "s2")
    assert [f.rule for f in run_checks(plan)] == ["pitfall.ignoring-change-management", "pattern.coe-handover"]
    assert [f.title for f in run_checks(plan)] == ["Ignoring change management", "AI Center of Excellence: from doing to enabling"]
    assert [f.rule for f in run_checks(plan, rules=["pattern.coe-handover"])] == ["pattern.coe-handover"]
    with pytest.raises(ValueError, match="unknown check rule"):
        run_checks(plan, rules=["no.such-rule"])


def test_errors_come_first(healthy):
    import datetime as dt

    from tests.checks.conftest import edit

    plan = edit(without(healthy, "b5"), "b2", deadline=dt.date(2026, 9, 1))
    assert [f.severity for f in run_checks(plan)] == ["error", "warning"]


def test_a_fix_names_the_action_the_way_its_reader_runs_it(healthy):
    from aiplanner.checks.findings import ACTIONS

    over = healthy.model_copy(update={"tasks": [t.model_copy(update={"demands": [d.model_copy(update={"fte": 1.5})
                                                                                for d in t.demands]})
                                                for t in healthy.tasks]})
    (f,) = [f for f in run_checks(over) if f.rule == "staffing.over-allocated"][:1]
    assert f.actions == ("level",) and ACTIONS["level"] in f.fix
    window = f.fix_for({"level": "People and load ▸ Level…"})
    assert "People and load ▸ Level…" in window and ACTIONS["level"] not in window
