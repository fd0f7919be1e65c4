"""``aiplanner export --to xlsx``: the workbook read back with openpyxl and checked against the CLI's figures."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import pytest

from tests.render.office.conftest import COE, EPOCH, TODAY, cli_json, export

pytest.importorskip("openpyxl")


def _date(iso: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(iso), dt.time())


def _task_rows(ws) -> dict[str, dict]:
    header = [c.value for c in ws[1]]
    return {row[1]: dict(zip(header, row)) for row in ws.iter_rows(min_row=2, values_only=True) if row[1]}


def test_sheets_in_order(book):
    assert book.sheetnames == ["Summary", "Tasks", "Timeline", "Load", "Findings", "Metrics", "Baseline vs current"]


def test_tasks_sheet_matches_schedule_json(book, coe_schedule):
    ws = book["Tasks"]
    rows = _task_rows(ws)
    assert list(rows) == [t["id"] for t in coe_schedule["tasks"]]
    for task in coe_schedule["tasks"]:
        row = rows[task["id"]]
        assert row["Name"] == task["name"]
        assert row["Start"] == _date(task["start"]) and row["Finish"] == _date(task["finish"])
        assert row["Duration (working days)"] == task["duration"]
        assert row["Total float (working days)"] == task["total_float"]
        assert row["Critical"] is task["critical"] and row["Milestone"] is task["milestone"]


def test_tasks_sheet_is_a_real_table(book, coe_schedule):
    from aiplanner.io.native import load_plan

    ws = book["Tasks"]
    assert ws.freeze_panes == "D2"
    assert ws.auto_filter.ref == f"A1:N{ws.max_row}"
    assert ws.sheet_properties.outlinePr.summaryBelow is False
    phases = {p["name"]: p for p in coe_schedule["phases"]}
    for row in range(2, ws.max_row + 1):
        wbs, name = ws.cell(row, 1).value, ws.cell(row, 3).value
        if "." in wbs:  # a task: grouped under its phase
            assert ws.row_dimensions[row].outline_level == 1
            assert ws.cell(row, 5).is_date and ws.cell(row, 5).number_format == "yyyy-mm-dd"
            assert ws.cell(row, 8).number_format == "0%"
        else:  # a phase: its span
            assert ws.row_dimensions[row].outline_level == 0
            assert ws.cell(row, 5).value == _date(phases[name]["start"])
            assert ws.cell(row, 6).value == _date(phases[name]["finish"])
    plan = load_plan(COE)
    rows = _task_rows(ws)
    sponsor = plan.task("a-sponsor")
    assert rows["a-sponsor"]["% complete"] == pytest.approx(sponsor.progress / 100)
    gap = plan.task("a-findings")
    assert rows["a-findings"]["Predecessors"] == ", ".join(
        d.task + (d.type if d.type != "FS" or d.lag else "") + (f"{d.lag:+d}" if d.lag else "") for d in gap.depends_on)


def test_text_is_never_a_formula(tmp_path, plan):
    from openpyxl import load_workbook

    from aiplanner.io.native import save_plan

    plan.tasks[0].name = "=HYPERLINK(\"http://example.invalid\",\"click\")"
    plan.tasks[1].name = "=cmd|' /C calc'!A0\x07"
    plan.tasks[2].name = "+1+1"
    plan.organisation = "@SUM(1)"
    source = tmp_path / "hostile.aiplan"
    save_plan(plan, source)
    out = tmp_path / "hostile.xlsx"
    export(source, "xlsx", out)
    book = load_workbook(out)
    names = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(("=HYPERLINK", "=cmd", "+1", "@SUM")):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    names.setdefault(cell.value, []).append(ws.title)
    assert "Tasks" in names['=HYPERLINK("http://example.invalid","click")']
    assert "Tasks" in names["=cmd|' /C calc'!A0"]  # the control character dropped, the rest kept as text
    with zipfile.ZipFile(out) as package:
        sheets = [package.read(n).decode() for n in package.namelist() if n.startswith("xl/worksheets/")]
    formulas = [f for xml in sheets for f in re.findall(r"<f>(.*?)</f>", xml)]
    assert formulas and all(f.startswith(("INDEX(Tasks!", "MIN(", "MAX(")) for f in formulas)  # ours only
    assert '<t>=HYPERLINK("http://example.invalid","click")</t>' in "".join(sheets)


def test_timeline_bars_are_conditional_formats_on_live_dates(book, coe_schedule):
    ws = book["Timeline"]
    assert ws["A1"].value == "Status date" and ws["B1"].value == _date(TODAY)
    mondays = []
    column = 9
    while ws.cell(3, column).value is not None:
        mondays.append(ws.cell(3, column).value.date())
        column += 1
    assert all(d.weekday() == 0 for d in mondays)
    assert mondays[0] <= dt.date.fromisoformat(coe_schedule["project"]["start"])
    assert mondays[-1] >= dt.date.fromisoformat(coe_schedule["project"]["finish"])
    ids = {}
    for row in range(4, ws.max_row + 1):
        ids[ws.cell(row, 2).value] = row
    task = coe_schedule["tasks"][3]
    row = ids[task["id"]]
    assert ws.cell(row, 4).value == f"=INDEX(Tasks!$E:$E,MATCH($B{row},Tasks!$B:$B,0))"
    assert ws.cell(row, 5).value == f"=INDEX(Tasks!$F:$F,MATCH($B{row},Tasks!$B:$B,0))"
    rules = [(str(cf.sqref), rule.formula[0], rule.stopIfTrue) for cf in ws.conditional_formatting for rule in cf.rules]
    assert len(rules) == 6 and all(stop for _, _, stop in rules)
    area = rules[0][0]
    assert area == f"I4:{ws.cell(3, column - 1).column_letter}{ws.max_row}"
    bar = next(f for _, f, _ in rules if f.startswith('AND($H4="task",I$3<=$E4'))
    assert "I$3+6>=$D4" in bar  # the bar reads the row's start and finish: edit them, the bar moves
    assert any("$B$1" in f for _, f, _ in rules)  # the status week follows the status date cell
    assert ws.freeze_panes == "I4"


def test_load_sheet_matches_the_load_command(book):
    load = cli_json("load", COE)
    ws = book["Load"]
    weeks = [ws.cell(2, c).value.date().isoformat() for c in range(3, 3 + len(load["periods"]))]
    assert weeks == load["periods"]
    for r, person in enumerate(load["rows"], start=3):
        assert ws.cell(r, 1).value == person["name"]
        values = [ws.cell(r, c).value for c in range(3, 3 + len(weeks))]
        assert values == pytest.approx(person["load"])
        reds = [ws.cell(r, c).fill.fgColor.rgb.endswith("D55E00") for c in range(3, 3 + len(weeks))]
        assert reds == [bool(o) for o in person["over"]]


def test_findings_sheet_matches_check(book):
    found = cli_json("check", COE)["findings"]
    ws = book["Findings"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [(f["severity"], f["rule"], f["message"], f["fix"]) for f in found]
    assert ws.auto_filter.ref == f"A1:H{len(found) + 1}"


def test_metrics_sheet_holds_every_measurement(book):
    from aiplanner.io.native import load_plan

    plan = load_plan(COE)
    ws = book["Metrics"]
    assert [ws.cell(r, 1).value for r in range(2, 2 + len(plan.metrics))] == [m.id for m in plan.metrics]
    series = [(r[0], r[2], r[3]) for r in ws.iter_rows(min_row=len(plan.metrics) + 5, values_only=True) if r[0]]
    expected = [(m.id, dt.datetime.combine(p.date, dt.time()), p.value) for m in plan.metrics for p in m.measurements]
    assert expected and series == expected


def test_baseline_sheet_matches_compare(book):
    result = cli_json("compare", COE, "--no-risk")
    ws = book["Baseline vs current"]
    assert ws["B1"].value == "Kick-off plan"
    assert ws["H2"].value == result["project"]["finish_delta"]
    moved = {t["id"]: t for t in result["tasks"]}
    for row in ws.iter_rows(min_row=5, values_only=True):
        task = moved.get(row[0])
        if task is None:
            assert row[2] == "unchanged" and row[9:12] == (0, 0, 0)
        elif task["status"] == "changed":
            assert row[2] == "moved"
            assert row[9:12] == (task["start_delta"], task["finish_delta"], task["duration_delta"])
        else:
            assert row[2] == task["status"]


def test_summary_sheet_holds_the_executive_summary(book):
    from aiplanner.checks.summary import executive_summary
    from aiplanner.io.native import load_plan

    summary = executive_summary(load_plan(COE), today=dt.date.fromisoformat(TODAY), iterations=10_000, seed=1)
    ws = book["Summary"]
    figures = {ws.cell(r, 1).value: ws.cell(r, 2) for r in range(1, ws.max_row + 1)}
    assert figures["Chance of finishing by the planned date"].value == pytest.approx(summary.risk.chance)
    assert figures["Chance of finishing by the planned date"].number_format == "0.00%"
    assert figures["Finish, 80% likely by (P80)"].value == dt.datetime.combine(summary.risk.p80, dt.time())
    assert figures["Slip against the baseline (working days)"].value == summary.slip.days
    status = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}
    for area in summary.areas:
        assert status[area.area.capitalize()] == {"grey": "not judged"}.get(area.rag, area.rag)


def test_same_bytes_and_stamps_under_source_date_epoch(coe_xlsx, tmp_path):
    from openpyxl import load_workbook

    again = export(COE, "xlsx", tmp_path / "again.xlsx", "--today", TODAY)
    assert again == coe_xlsx.read_bytes()
    stamp = dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc).replace(tzinfo=None)
    with zipfile.ZipFile(coe_xlsx) as package:
        assert {i.date_time for i in package.infolist()} == {stamp.timetuple()[:6]}
    props = load_workbook(coe_xlsx).properties
    assert props.created == props.modified == stamp


def test_scenario_workbook(tmp_path):
    from openpyxl import load_workbook

    from aiplanner.io.native import load_plan
    from aiplanner.model.scenarios.whatif import apply_scenario
    from aiplanner.schedule import schedule_plan

    out = tmp_path / "scenario.xlsx"
    export(COE, "xlsx", out, "--scenario", "Platform work starts early")
    book = load_workbook(out)
    assert all(ws.sheet_properties.tabColor.rgb.endswith("F0E442") for ws in book.worksheets)
    assert book["Summary"]["A3"].value == "Scenario: Platform work starts early (a what-if, not the plan)"
    shown = schedule_plan(apply_scenario(load_plan(COE), "Platform work starts early"))
    rows = _task_rows(book["Tasks"])
    for task_id, times in shown.tasks.items():
        assert rows[task_id]["Start"].date() == times.start


def test_date_window_limits_timeline_and_load(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "window.xlsx"
    export(COE, "xlsx", out, "--from", "2026-08-03", "--until", "2026-08-30")
    book = load_workbook(out)
    ws = book["Timeline"]
    weeks = [ws.cell(3, c).value.date() for c in range(9, ws.max_column + 1) if ws.cell(3, c).value]
    assert weeks[0] == dt.date(2026, 8, 3) and weeks[-1] == dt.date(2026, 8, 24)
    assert len(_task_rows(book["Tasks"])) == len(load_plan_tasks())  # the Tasks sheet keeps every task
    load_weeks = [book["Load"].cell(2, c).value.date() for c in range(3, book["Load"].max_column + 1)]
    assert load_weeks == weeks


def load_plan_tasks():
    from aiplanner.io.native import load_plan

    return load_plan(COE).tasks
