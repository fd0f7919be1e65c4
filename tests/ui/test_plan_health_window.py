"""Plan health in the window: risk follows a duration edit, fixes name the window's own controls,
the coverage and symptom views are docked, derived text is marked in the New dialog and Help."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from aiplanner.catalog import build_plan, load_catalog
from aiplanner.model import Document


@pytest.fixture
def coe_window(main_window, qtbot):
    main_window.set_document(Document(build_plan("coe", dt.date(2026, 5, 4))))
    return main_window


def _run_risk(window, qtbot):
    view = window.risk_view
    view.iterations.setValue(2000)
    with qtbot.waitSignal(view.simulated, timeout=20000):
        view.run()
    return window.status.p80.text()


def test_a_duration_edit_in_the_table_moves_the_estimate_and_the_status_bars_p80(coe_window, qtbot):
    from aiplanner.ui.commands import EditTaskCommand

    window = coe_window
    session = window.session
    before = _run_risk(window, qtbot)
    session.push(EditTaskCommand(session, "a-inventory", duration=20))
    assert session.plan.task("a-inventory").estimate.likely == 20
    after = _run_risk(window, qtbot)
    p80 = dt.date.fromisoformat(re.search(r"\d{4}-\d{2}-\d{2}", after).group())
    assert after != before and p80 >= session.schedule.finish
    session.undo_stack.undo()
    assert session.plan.task("a-inventory").estimate.likely == 10


def test_a_fix_in_the_findings_view_names_the_windows_control(coe_window, qtbot):
    from aiplanner.model import Assignment, Person
    from aiplanner.ui.commands import EditPlanCommand
    from aiplanner.ui.views.findings_view import WINDOW_ACTIONS

    window = coe_window
    session = window.session
    people = [Person(id="solo", name="Solo")]
    session.push(EditPlanCommand(session, "Staff", people=people,
                                 assignments=[Assignment(person="solo", role=r.id) for r in session.plan.roles]))
    window.findings_view.refresh()
    model = window.findings_view.model
    fixes = [model.index(r, 2).data() for r in range(model.rowCount())
             if model.findings[r].rule == "staffing.over-allocated"]
    dock = window.docks["people"].windowTitle().replace("&", "")
    button = window.people_view.level_action.text()
    assert fixes and all(f"{dock} ▸ {button}" in fix and "aiplanner level" not in fix for fix in fixes)
    assert WINDOW_ACTIONS["level"] == f"{dock} ▸ {button}"


def test_the_findings_summary_counts_in_words(coe_window):
    window = coe_window
    window.findings_view.refresh()
    assert window.findings_view.summary.text() == "0 errors, 1 warning, 0 notes"


def test_coverage_and_symptoms_are_docked_and_the_checklist_is_the_plans(coe_window, qtbot):
    window = coe_window
    assert {"coverage", "symptoms"} <= set(window.docks)
    window.focus_dock("symptoms")
    model = window.symptoms_view.model
    assert model.answer("compliance-gaps", "yes")
    assert [a.symptom for a in window.session.plan.symptoms] == ["compliance-gaps"]


def test_derived_pattern_text_is_marked_in_the_new_dialog():
    from aiplanner.ui.wizard import NewPlanWizard, pattern_html

    catalog = load_catalog()
    coe, federated, teams = (catalog.pattern(p) for p in ("coe", "federated", "product-teams"))
    assert "It works well when</h3>" in pattern_html(coe) and "[derived]" in pattern_html(coe)  # its matrix
    for info in (federated, teams):
        text = pattern_html(info)
        for heading in ("It works well when", "Watch out", "How it evolves"):
            assert re.search(heading + r" <span[^>]*>\[derived\]", text), (info.id, heading)
        assert info.derived_note in text
    assert "the source’s own table" in pattern_html(federated)
    assert all(t.name in pattern_html(teams) for t in teams.structure)
    assert "40% faster" in pattern_html(coe) and "18-24 months" in pattern_html(coe)
    wizard = NewPlanWizard(today=dt.date(2026, 5, 1))
    wizard.choose("federated")
    assert "[derived]" in wizard.description.toPlainText()
    wizard.deleteLater()


def test_help_marks_derived_text_and_shows_the_catalogue():
    from aiplanner.ui.help import guide_html

    text = guide_html()
    catalog = load_catalog()
    assert text.count("[derived]") >= 6
    assert all(d.name in text for d in catalog.dimensions)
    assert all(p.advice in text for p in catalog.pitfalls) and all(s.name in text for s in catalog.symptoms)
    assert "18-24 months" in text


def test_the_matrix_and_metrics_views_mark_what_is_derived(coe_window):
    window = coe_window
    assert window.matrix_view.origin.text().startswith("[derived] Not the source's own table")
    model = window.metrics_view.model
    targets = {model.metrics()[r].id: model.index(r, 2).data() for r in range(model.rowCount())}
    assert targets["ai-roi"] == "Rising trend [derived]" and targets["time-to-deploy"] == "< 4 weeks"
    window.set_document(Document(build_plan("federated", dt.date(2026, 5, 4))))
    assert "[derived]" not in window.matrix_view.origin.text() and "source's" in window.matrix_view.origin.text()


def test_the_status_bars_p80_is_the_summarys_and_the_commands(coe_window, qtbot, capsys, tmp_path):
    import json

    from aiplanner.checks.summary import DEFAULT_ITERATIONS, DEFAULT_SEED, executive_summary
    from aiplanner.cli import main
    from aiplanner.io.native import save_plan

    view = coe_window.risk_view
    assert (view.iterations.value(), view.seed.value()) == (DEFAULT_ITERATIONS, DEFAULT_SEED)
    with qtbot.waitSignal(view.simulated, timeout=20000):
        view.run()
    plan = coe_window.session.plan
    summary = executive_summary(plan, iterations=DEFAULT_ITERATIONS, seed=DEFAULT_SEED)
    save_plan(plan, tmp_path / "plan.aiplan")
    capsys.readouterr()
    main(["simulate", str(tmp_path / "plan.aiplan"), "--iterations", str(DEFAULT_ITERATIONS),
          "--seed", str(DEFAULT_SEED), "--format", "json"])
    p80 = json.loads(capsys.readouterr().out)["percentiles"]["P80"]
    assert coe_window.status.p80.text() == f"P80 {p80}" == f"P80 {summary.risk.p80.isoformat()}"
