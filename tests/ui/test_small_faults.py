"""Small faults a user notices: doubled shortcuts in Help, estimates in days, the risk chart's labels."""

from __future__ import annotations

import datetime as dt

import pytest

from aiplanner.model.plan import Estimate


def test_help_lists_each_shortcut_once(main_window):
    from aiplanner.ui.help import shortcut_rows

    rows = shortcut_rows(main_window)
    for menu, text, keys in rows:
        parts = [k.strip() for k in keys.split(",")]
        assert len(parts) == len(set(parts)), f"{menu} > {text}: {keys}"
    by_text = {text: keys for _menu, text, keys in rows}
    assert by_text["Save As"] == "Ctrl+Shift+S" and by_text["Quit"] == "Ctrl+Q"
    for action in main_window.actions_by_name.values():
        keys = [k.toString() for k in action.shortcuts()]
        assert len(keys) == len(set(keys)), action.text()


@pytest.mark.parametrize(("estimate", "text"), [
    (Estimate(optimistic=2.4, likely=3, pessimistic=3.6), "2d/3d/4d"),
    (Estimate(optimistic=8, likely=10, pessimistic=12), "8d/10d/12d"),
    (Estimate(optimistic=10.5, likely=13, pessimistic=15.6), "11d/13d/16d"),
    (None, ""),
])
def test_estimates_read_in_whole_working_days_like_durations(estimate, text):
    from aiplanner.ui.tasks import cells

    assert cells.format_estimate(estimate) == text
    if estimate is not None:
        assert cells.parse_estimate(text) is not None


def test_retyping_or_reapplying_a_shown_estimate_changes_nothing(main_window, qtbot):
    from aiplanner.ui.tasks.model import COLUMN_INDEX

    window = main_window
    session = window.session
    exact = Estimate(optimistic=2.4, likely=3, pessimistic=3.6)
    session.document.update_task("a2", estimate=exact)
    model = window.tree.source
    index = model.task_index("a2", COLUMN_INDEX["estimate"])
    assert model.data(index) == "2d/3d/4d"
    assert "2.4" in model.data(index, 3)  # the tooltip keeps the exact values  (3 = ToolTipRole)
    assert not model.setData(index, "2d/3d/4d")  # the text shown, typed back: not an edit
    dialog = window.open_task_editor("a2")
    assert dialog.estimate.text() == "2d/3d/4d"
    dialog.notes.setPlainText("checked")
    assert "estimate" not in dialog.changes()  # OK without touching it keeps the exact values
    dialog.reject()
    assert session.plan.task("a2").estimate == exact
    assert model.setData(index, "2/3/5")
    assert session.plan.task("a2").estimate == Estimate(optimistic=2, likely=3, pessimistic=5)


def test_the_risk_charts_labels_sit_clear_of_its_bars_and_of_each_other(qtbot):
    from aiplanner.ui.views.risk_chart import RiskCanvas
    from aiplanner.ui.views.risk_worker import RiskFacts

    canvas = RiskCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(640, 240)
    days = [40 + (i % 9) + (i % 4) for i in range(400)]
    base = dt.date(2026, 5, 4)
    facts = RiskFacts(text="", finish_days=days, percentiles={50: base + dt.timedelta(days=44),
                                                              80: base + dt.timedelta(days=45),
                                                              95: base + dt.timedelta(days=47)},
                      deterministic=base + dt.timedelta(days=43), criticality=[],
                      day_of=lambda day: (day - base).days, date_of=lambda d: base + dt.timedelta(days=d))
    canvas.plot(facts)
    canvas.draw()
    renderer = canvas.figure.canvas.get_renderer()
    top = canvas.axes.get_window_extent(renderer).y1
    boxes = [label.get_window_extent(renderer) for label in canvas.marker_labels]
    assert len(boxes) == 4
    for box in boxes:
        assert box.y0 >= top - 1, "a label over the bars"
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), "labels on top of each other"
