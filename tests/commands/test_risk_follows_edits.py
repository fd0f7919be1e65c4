"""The risk figures follow a duration edit: ``simulate`` after the window's edit moves P80 by at least the slip.

The issue's case: raising a critical 10-day task to 20 days left its
estimate at 8/10/12, so the P80 stayed before the new deterministic finish.
The edit goes through the document (as the window's does), is saved, and
``aiplanner simulate`` reads the file.
"""

from __future__ import annotations

import datetime as dt
import json

from aiplanner.catalog import build_plan
from aiplanner.cli import main
from aiplanner.io.native import save_plan
from aiplanner.model import Document
from aiplanner.schedule import schedule_plan
from aiplanner.schedule.calendar import WorkCalendar


def _simulate(path, capsys) -> dict:
    assert main(["simulate", str(path), "--seed", "7", "--iterations", "2000", "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_duration_edit_on_a_critical_task_moves_p80_by_at_least_the_slip(tmp_path, capsys):
    document = Document(build_plan("coe", dt.date(2026, 5, 4)))
    task = document.plan.task("a-inventory")
    assert schedule_plan(document.plan).tasks[task.id].critical and task.duration == 10
    path = tmp_path / "plan.aiplan"
    save_plan(document.plan, path)
    before = _simulate(path, capsys)

    document.update_task("a-inventory", duration=20)  # what the table, the Gantt and the editor do
    save_plan(document.plan, path)
    after = _simulate(path, capsys)

    calendar = WorkCalendar(document.plan.calendar, document.plan.start)

    def day(text: str) -> int:
        return calendar.index_on_or_before(dt.date.fromisoformat(text))

    slip = day(after["deterministic_finish"]) - day(before["deterministic_finish"])
    assert slip == 10
    for p in ("P50", "P80"):
        assert day(after["percentiles"][p]) - day(before["percentiles"][p]) >= slip
    assert after["percentiles"]["P80"] >= after["deterministic_finish"]
    assert after["deterministic_percentile"] < 80  # the planned finish is no safer than before the slip
