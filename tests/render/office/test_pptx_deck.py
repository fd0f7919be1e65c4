"""``aiplanner export --to pptx``: the deck read back with python-pptx and checked against the CLI's figures."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from tests.render.office.conftest import COE, EPOCH, TODAY, alt, cli, cli_json, export, slide_title

pytest.importorskip("pptx")

DIAMOND = 4  # MSO_AUTO_SHAPE_TYPE.DIAMOND
RECTANGLE = 1


def _shapes(slide):
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    return [(s, s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and s.auto_shape_type) for s in slide.shapes]


def _titles(deck) -> list[str]:
    return [slide_title(s) for s in deck.slides]


def test_slides_in_the_order_the_issue_asks(deck, coe_schedule):
    titles = _titles(deck)
    phases = [p["name"] for p in coe_schedule["phases"]]
    assert titles[0] == coe_schedule["project"]["name"]  # the executive summary
    assert titles[1] == "Phases and milestones"
    assert titles[2:2 + len(phases)] == phases  # one Gantt slide per phase (each fits one slide)
    rest = titles[2 + len(phases):]
    assert rest[0].startswith("People and load")
    assert rest[-2] == "Findings" and rest[-1] == "Finish date risk"
    assert deck.slide_width * 9 == deck.slide_height * 16  # 16:9


def test_every_shape_has_alt_text(deck):
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.shapes:
            assert alt(shape).strip(), f"slide {number}: {shape.shape_type} {shape.name!r} has no alt text"
            name = " ".join(alt(shape).split())
            assert shape.name == (name if len(name) <= 250 else name[:249] + "…")


def test_summary_slide_renders_the_executive_summary(deck, coe_schedule):
    from aiplanner.checks.summary import executive_summary
    from aiplanner.io.native import load_plan

    summary = executive_summary(load_plan(COE), today=dt.date.fromisoformat(TODAY), iterations=10_000, seed=1)
    texts = [s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame]
    alts = [alt(s) for s in deck.slides[0].shapes]
    finish = dt.date.fromisoformat(coe_schedule["project"]["finish"])
    assert f"{finish:%A %d %B %Y}" in texts
    for area in summary.areas:  # a tile per area, its colour in words, why
        word = {"grey": "not judged"}.get(area.rag, area.rag)
        assert f"{area.area.capitalize()}: {word}. {area.why}" in alts
    assert any(f"{summary.risk.chance_text} chance of finishing by the planned date" in t for t in texts)
    notes = deck.slides[0].notes_slide.notes_text_frame.text
    assert all(area.rule in notes for area in summary.areas)


def test_timeline_slide_lanes_phases_milestones_today_and_baseline(deck, coe_schedule):
    slide = deck.slides[1]
    alts = [alt(s) for s in slide.shapes]
    phases = coe_schedule["phases"]
    assert sum(a.startswith("Lane of the phase ") for a in alts) == len(phases) == 4

    def day(iso):
        d = dt.date.fromisoformat(iso)
        return f"{d.day} {d:%b %Y}"

    bars = {}
    for shape, kind in _shapes(slide):
        for p in phases:
            if alt(shape) == f"{p['name']}: {day(p['start'])} – {day(p['finish'])}" and kind == RECTANGLE:
                bars[p["id"]] = shape
    assert set(bars) == {p["id"] for p in phases}
    lefts = [bars[p["id"]].left for p in phases]
    assert lefts == sorted(lefts)  # phases run left to right in time
    milestones = [t for t in coe_schedule["tasks"] if t["milestone"]]
    diamonds = [s for s, kind in _shapes(slide) if kind == DIAMOND and alt(s) in {m["name"] for m in milestones}]
    assert sorted(alt(d) for d in diamonds) == sorted(m["name"] for m in milestones)
    for m in milestones:  # each milestone labelled with its date, glued to its diamond
        finish = dt.date.fromisoformat(m["finish"])
        assert f"{m['name']}: {finish.day} {finish:%b %Y}" in alts
    ids = {s.shape_id for s in slide.shapes}
    connectors = [s for s in slide.shapes if s._element.tag.endswith("cxnSp")]
    glued = [c for c in connectors if c._element.find(".//{*}stCxn") is not None]
    assert len(glued) >= len(milestones) + 3  # leaders and phase hand-overs
    for c in glued:
        assert int(c._element.find(".//{*}stCxn").get("id")) in ids
        assert int(c._element.find(".//{*}endCxn").get("id")) in ids
    assert "Status date 5 Jun 2026" in alts
    assert any(a.startswith("Baseline 'Kick-off plan': ") for a in alts)


def _date_map(bars):
    """Slide EMU of the start of each day, fitted from two bars (linear in the date)."""
    (a, sa), (b, sb) = bars[0], bars[-1]
    scale = (b.left - a.left) / ((sb - sa).days or 1)
    return lambda day: a.left + scale * (day - sa).days


def test_gantt_bars_and_milestones_sit_on_their_dates(deck, coe_schedule):
    by_name = {t["name"]: t for t in coe_schedule["tasks"]}
    seen = set()
    for slide, phase in zip(list(deck.slides)[2:6], coe_schedule["phases"]):
        bars = []
        marks = []
        for shape, kind in _shapes(slide):
            task = by_name.get(alt(shape))
            if task is None or task["phase"] != phase["id"]:
                continue
            if kind == RECTANGLE:
                bars.append((shape, dt.date.fromisoformat(task["start"])))
            elif kind == DIAMOND:
                marks.append((shape, dt.date.fromisoformat(task["finish"])))
            seen.add(task["id"])
        bars.sort(key=lambda b: b[1])
        at = _date_map(bars)
        for shape, start in bars:
            task = by_name[alt(shape)]
            finish = dt.date.fromisoformat(task["finish"])
            assert abs(shape.left - at(start)) <= 2, task["id"]
            assert abs(shape.left + shape.width - at(finish + dt.timedelta(days=1))) <= 2, task["id"]
        for shape, day in marks:
            centre = shape.left + shape.width / 2
            assert min(abs(centre - at(day)), abs(centre - at(day + dt.timedelta(days=1)))) <= 2
    assert seen == {t["id"] for t in coe_schedule["tasks"]}


def test_links_are_connectors_glued_to_their_bars(deck, coe_schedule):
    slide = deck.slides[2]  # Assessment
    names = {t["id"]: t["name"] for t in coe_schedule["tasks"]}
    links = [alt(s) for s in slide.shapes if " → " in alt(s)]
    assert links
    assert any(link.startswith(f"{names['a-sponsor']} → ") for link in links)


def test_heat_map_matches_the_load_command(deck, tmp_path):
    load = cli_json("load", COE)
    slides = [s for s in deck.slides if slide_title(s).startswith("People and load")]
    tables = [sh.table for s in slides for sh in s.shapes if sh.has_table]
    over_cells = 0
    seen_people = set()
    weeks = {}
    for table in tables:
        days = [table.cell(1, c).text for c in range(1, len(table.columns))]
        for r in range(2, len(table.rows)):
            name = table.cell(r, 0).text
            seen_people.add(name)
            for c, text in enumerate(days, start=1):
                fill = table.cell(r, c)._tc.tcPr.find("{*}solidFill/{*}srgbClr").get("val")
                weeks.setdefault(name, []).append((table.cell(r, c).text, fill))
                over_cells += fill == "D55E00"
    assert seen_people == {row["name"] for row in load["rows"]}
    for row in load["rows"]:
        cells = weeks[row["name"]]
        assert len(cells) == len(load["periods"])
        for (text, fill), used, capacity, over in zip(cells, row["load"], row["capacity"], row["over"]):
            assert (fill == "D55E00") == bool(over)
            if used and capacity:
                assert text == (f"{100 * used / capacity:.0f}" if used / capacity >= 0.005 else "<1")
            elif not used:
                assert text == ""
    assert over_cells == sum(sum(bool(o) for o in row["over"]) for row in load["rows"])


def test_findings_table_holds_every_finding(deck):
    found = cli_json("check", COE)["findings"]
    slides = [s for s in deck.slides if slide_title(s).startswith("Findings")]
    rows = [[table.cell(r, c).text for c in range(3)] for s in slides for sh in s.shapes if sh.has_table
            for table in [sh.table] for r in range(1, len(table.rows))]
    assert [(r[0].lower(), r[1], r[2]) for r in rows] == [
        (f["severity"], " ".join(f["message"].split()), " ".join(f["fix"].split())) for f in found]


def test_risk_chart_in_native_shapes_says_its_figures(deck, coe_schedule):
    slide = deck.slides[-1]
    alts = [alt(s) for s in slide.shapes]
    sim = cli_json("simulate", COE, "--iterations", "10000", "--seed", "1")
    for name in ("P50", "P80", "P95"):
        day = dt.date.fromisoformat(sim["percentiles"][name])
        assert f"{name}: {name[1:]}% of runs finish by {day.day} {day:%b %Y}" in alts
    share = sim["deterministic_percentile"]
    finish = dt.date.fromisoformat(coe_schedule["project"]["finish"])
    assert any(a.startswith("Finish date risk: 50% of runs finish by") and
               a.endswith(f"the planned finish {finish.day} {finish:%b %Y} is met in {share:g}% of runs")
               for a in alts)
    bars = [a for a in alts if "% of runs finish on " in a]
    histogram = sim["histogram"]
    assert len(bars) == len(histogram)
    assert sum(float(a.split("%")[0]) for a in bars) == pytest.approx(100, abs=0.1 * len(bars))
    assert any(s._element.find(".//{*}custGeom") is not None for s in slide.shapes)  # the step line


def test_same_bytes_and_dates_under_source_date_epoch(coe_pptx, tmp_path):
    from pptx import Presentation

    again = export(COE, "pptx", tmp_path / "again.pptx", "--today", TODAY)
    assert again == coe_pptx.read_bytes()
    stamp = dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc)
    with zipfile.ZipFile(coe_pptx) as package:
        assert {i.date_time for i in package.infolist()} == {
            (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)}
    props = Presentation(str(coe_pptx)).core_properties
    assert props.created == props.modified == stamp.replace(tzinfo=None)
    assert props.title == "Northwind Payments: AI Center of Excellence"


def test_scenario_deck_says_so_on_every_slide(tmp_path):
    from pptx import Presentation

    out = tmp_path / "scenario.pptx"
    export(COE, "pptx", out, "--scenario", "Second MLOps engineer")
    deck = Presentation(str(out))
    tag = "Scenario: Second MLOps engineer (a what-if, not the plan)"
    for slide in deck.slides:
        assert tag in [alt(s) for s in slide.shapes], slide_title(slide)
    heat = [s for s in deck.slides if slide_title(s).startswith("People and load")]
    people = {sh.table.cell(r, 0).text for s in heat for sh in s.shapes if sh.has_table
              for r in range(2, len(sh.table.rows))}
    assert len(people) == 6  # the scenario adds a second MLOps engineer


def test_sections_choose_slides_as_they_choose_pdf_pages(tmp_path, deck, capsys):
    from pptx import Presentation

    out = tmp_path / "some.pptx"
    export(COE, "pptx", out, "--sections", "cover,findings,risk")
    titles = _titles(Presentation(str(out)))
    assert titles == [_titles(deck)[0], "Findings", "Finish date risk"]
    footers = [t.text_frame.text for t in Presentation(str(out)).slides[-1].shapes if t.has_text_frame]
    assert any("3 / 3" in text or "3 of 3" in text for text in footers), footers

    none = tmp_path / "none.pptx"
    code, _ = cli("export", COE, "--to", "pptx", "-o", none, "--sections", "tasks,network")
    err = capsys.readouterr().err
    assert code == 2 and not none.exists()
    assert "--sections" in err and "none of them was chosen" in err and "Traceback" not in err


def test_unknown_scenario_is_a_clean_error(tmp_path, capsys):
    out = tmp_path / "x.pptx"
    code, _ = cli("export", COE, "--to", "pptx", "-o", out, "--scenario", "Nope")
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert "coe-rollout.aiplan" in err and "--scenario" in err and "Nope" in err and "Traceback" not in err


def test_hostile_names_are_written_as_text(tmp_path, plan):
    from pptx import Presentation

    from aiplanner.io.native import save_plan

    plan.tasks[0].name = "=cmd|' /C calc'!A0 \x07<script>&"
    plan.name = "Plan \x0b with a control character"
    source = tmp_path / "hostile.aiplan"
    save_plan(plan, source)
    out = tmp_path / "hostile.pptx"
    export(source, "pptx", out)
    deck = Presentation(str(out))
    alts = [alt(s) for slide in deck.slides for s in slide.shapes]
    assert "=cmd|' /C calc'!A0 <script>&" in alts
    assert slide_title(deck.slides[0]) == "Plan with a control character"


def test_date_window_limits_the_timeline(tmp_path, coe_schedule):
    from pptx import Presentation

    out = tmp_path / "window.pptx"
    export(COE, "pptx", out, "--from", "2026-08-01", "--until", "2026-09-30")
    deck = Presentation(str(out))
    titles = _titles(deck)
    assert "Assessment" not in titles  # the Assessment ends in June: outside the window
    assert "Design" in titles and "Build Foundation" in titles
    timeline = deck.slides[1]
    assert not any(alt(s) == "Lane of the phase Assessment" for s in timeline.shapes)


def test_long_phase_continues_on_further_slides(tmp_path):
    from pptx import Presentation

    from aiplanner.io.native import save_plan
    from tests.render.plans import make_plan

    plan = make_plan(160, people=0)
    source = tmp_path / "long.aiplan"
    save_plan(plan, source)
    out = tmp_path / "long.pptx"
    export(source, "pptx", out)
    deck = Presentation(str(out))
    titles = _titles(deck)
    build = [t for t in titles if t.startswith("Build Foundation")]
    assert len(build) >= 2 and build[0] == f"Build Foundation (1 of {len(build)})"
    names = [alt(s) for slide in deck.slides if slide_title(slide).startswith("Build Foundation")
             for s in slide.shapes if s.shape_type == 17]  # text boxes
    tasks = [t.name for t in plan.tasks if t.phase == "build"]
    assert sorted(n for n in names if n in set(tasks)) == sorted(tasks)  # every row once
