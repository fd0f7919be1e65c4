"""The Gantt's time header reads evenly at every zoom and font size: every cell labelled, or none."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont

from tests.ui.gantt.test_view import gantt, session  # noqa: F401  fixtures


def _labels(header):
    """(tier, text, cell width in pixels, drawn text) for the header's cells on screen."""
    return header.labels()


@pytest.mark.parametrize("points", [9, 17])
@pytest.mark.parametrize("px_per_day", [1.2, 2.5, 4.0, 6.0, 9.0, 20.0])
def test_every_lower_cell_on_screen_has_a_whole_label_or_the_scale_is_coarser(qtbot, gantt, points, px_per_day):
    font = QFont(gantt.font())
    font.setPointSize(points)
    gantt.header.setFont(font)
    gantt.set_px_per_day(px_per_day)
    metrics = gantt.header.fontMetrics()
    lower = [(tick, text) for tick, text in _labels(gantt.header) if tick.tier == 1][1:-1]  # edges are cut
    whole = [(tick, text) for tick, text in lower
             if 0 <= (tick.x - gantt.left_day()) * px_per_day
             and (tick.x_end - gantt.left_day()) * px_per_day <= gantt.header.width()]
    assert whole, "no whole cell on screen"
    for tick, text in whole:
        assert text == tick.text, f"cell {tick.text!r} shown as {text!r} at {px_per_day} px/day, {points} pt"
        assert metrics.horizontalAdvance(text) <= (tick.x_end - tick.x) * px_per_day


@pytest.mark.parametrize("points", [9, 17])
def test_upper_labels_shorten_rather_than_trail_off(qtbot, gantt, points):
    font = QFont(gantt.font())
    font.setPointSize(points)
    gantt.header.setFont(font)
    gantt.set_px_per_day(3.0)
    gantt.horizontalScrollBar().setValue(gantt.horizontalScrollBar().value() + 40)
    for tick, text in _labels(gantt.header):
        if tick.tier == 0 and text:
            assert "…" not in text and text in (tick.text, tick.text.split(" ")[0]), text
