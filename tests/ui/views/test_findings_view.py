from __future__ import annotations

import re

from PySide6.QtCore import Qt

from aiplanner.ui.views.findings_view import FindingsView
from tests.ui.views.conftest import is_blank, save_grab


def _view(qtbot, session):
    view = FindingsView(session)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitUntil(lambda: not view.pending, timeout=5000)  # the checks run once it has painted
    return view


def test_checks_run_after_construction_and_never_show_an_older_plan(qtbot, view_session):
    counts = []
    view = FindingsView(view_session)
    qtbot.addWidget(view)
    view.countsChanged.connect(lambda e, w: counts.append((e, w)))
    # the constructor checks nothing: the list says it is waiting
    assert view.pending and not view.all_findings and not view.table.isEnabled()
    assert view.summary.text() == "Checking the plan…"
    qtbot.waitUntil(lambda: not view.pending, timeout=5000)
    assert view.all_findings and view.table.isEnabled() and len(counts) == 1 and counts[0][0] >= 0
    found = list(view.all_findings)
    from aiplanner.model.plan import RoleDemand
    from aiplanner.ui.commands import EditTaskCommand

    view_session.push(EditTaskCommand(view_session, "a1", demands=[RoleDemand(role="ai-product-manager", fte=3)]))
    # at once: greyed, "checking" for the status bar, until the re-run
    assert view.pending and not view.table.isEnabled() and counts[-1] == (-1, -1)
    qtbot.waitUntil(lambda: not view.pending, timeout=5000)
    assert view.table.isEnabled() and counts[-1][0] >= 0 and view.all_findings != found


def test_in_a_starting_window_the_checks_wait_for_its_first_paint(qtbot, plan_file):
    from aiplanner.ui.first_paint import defer_until_painted
    from aiplanner.ui.main_window import MainWindow

    window = MainWindow()
    window.risk_view.auto_run = False
    qtbot.addWidget(window)
    defer_until_painted(window)  # as the application does before opening the plan
    assert window.files.open_path(plan_file, ask=False)
    view = window.findings_view
    qtbot.wait(100)
    assert view.pending and not view.all_findings and window.status.findings.text() == "Checking…"
    window.show()
    qtbot.waitUntil(lambda: not view.pending, timeout=5000)
    assert view.all_findings and "warning" in window.status.findings.text()
    window.session.undo_stack.setClean()


def test_lists_findings_with_severity_first(qtbot, view_session):
    view = _view(qtbot, view_session)
    findings = view.model.findings
    assert findings, "the small plan has no change management, no governance ... the checks say so"
    ranks = [("error", "warning", "info").index(f.severity) for f in findings]
    assert ranks == sorted(ranks)
    assert view.model.data(view.model.index(0, 0), Qt.DecorationRole) is not None
    qtbot.wait(50)
    save_grab(view, "findings")
    assert not is_blank(view.table.viewport())


def test_click_selects_the_tasks_a_finding_names(qtbot, view_session):
    view = _view(qtbot, view_session)
    rows = [i for i, f in enumerate(view.model.findings) if f.tasks or f.phases]
    assert rows
    row = rows[0]
    finding = view.model.findings[row]
    rect = view.table.visualRect(view.model.index(row, 1))
    with qtbot.waitSignal(view_session.selectionChanged):
        qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, pos=rect.center())
    expected = set(finding.tasks) | {t.id for t in view_session.plan.tasks if t.phase in finding.phases}
    assert set(view_session.selection) == expected


def test_people_findings_are_announced_and_list_is_live(qtbot, view_session):
    from aiplanner.model.plan import RoleDemand
    from aiplanner.ui.commands import EditTaskCommand

    view = _view(qtbot, view_session)
    before = {f.rule for f in view.model.findings}
    view_session.push(EditTaskCommand(view_session, "a1", demands=[RoleDemand(role="ai-product-manager", fte=3)]))
    qtbot.waitUntil(lambda: any(f.people for f in view.model.findings), timeout=2000)
    row = next(i for i, f in enumerate(view.model.findings) if f.people)
    with qtbot.waitSignal(view.peopleSelected) as sig:
        view.activate(row)
    assert set(sig.args[0]) <= {"ana", "ben"} and sig.args[0]
    assert {f.rule for f in view.model.findings} != before


def test_rows_fit_their_text(qtbot, view_session):
    view = _view(qtbot, view_session)
    qtbot.wait(50)
    assert view.table.rowHeight(0) < 120


def test_show_only_one_severity(qtbot, view_session):
    view = _view(qtbot, view_session)
    total = len(view.all_findings)
    view.show_only.setCurrentIndex(2)  # warnings
    assert view.model.findings and all(f.severity == "warning" for f in view.model.findings)
    view.show_only.setCurrentIndex(1)  # errors
    assert all(f.severity == "error" for f in view.model.findings)
    assert len(view.all_findings) == total and re.search(r"\d+ errors?, \d+ warnings?, \d+ notes?$", view.summary.text())
