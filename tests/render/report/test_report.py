"""The PDF report: pages and sizes per option, searchable text, determinism, Unicode."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from aiplanner.model.errors import InvalidPlanError
from aiplanner.model import Assignment, Metric, Person, ResponsibilityMatrix, ResponsibilityRow
from aiplanner.render.options import ReportOptions
from aiplanner.render.report.build import build_report

from tests.render.plans import make_plan

FIXED = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
PT = 72 / 25.4


def report(plan, **options) -> bytes:
    return build_report(plan, ReportOptions(printed=FIXED, **options))


def pages_text(data: bytes) -> list[str]:
    """Text of each page, whitespace normalised (pdftotext when installed, else pypdf)."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout
        pages = out.decode("utf-8").split("\f")[:-1] if out.endswith(b"\f") else out.decode("utf-8").split("\f")
    else:  # pragma: no cover - poppler is in the CI image
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    return [re.sub(r"\s+", " ", p) for p in pages]


@pytest.fixture
def staffed(plan):
    plan.people = [Person(id="ann", name="Ann Éclair", capacity=1.0)]
    plan.assignments = [Assignment(person="ann", role="ai-product-manager")]
    plan.metrics = [Metric(id="m", category="value", name="Use cases in production", target_note="5 by Q4")]
    plan.responsibilities = ResponsibilityMatrix(
        parties=["Central team", "Product teams"],
        rows=[ResponsibilityRow(function="Model risk review", cells={"Central team": "owns", "Product teams": "uses"})])
    return plan


@pytest.mark.parametrize(("paper", "orientation", "size_mm"), [
    ("a4", "landscape", (297, 210)), ("a4", "portrait", (210, 297)),
    ("letter", "landscape", (279.4, 215.9)), ("a3", "portrait", (297, 420)),
])
def test_page_size_per_option(plan, paper, orientation, size_mm):
    reader = PdfReader(io.BytesIO(report(plan, paper=paper, orientation=orientation, sections=("cover",))))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / PT), round(float(box.height) / PT)) == tuple(round(v) for v in size_mm)


def test_sections_make_the_expected_pages_with_numbers(staffed):
    data = report(staffed)
    texts = pages_text(data)
    titles = [next((t for t in ("Milestone summary", "Timeline", "Tasks", "Roles and staffing", "Load per person",
                                "Responsibilities · Metrics · Findings", "Finish date risk")
                    if p.strip().startswith(t)), "cover") for p in texts]
    assert titles[:4] == ["cover", "Milestone summary", "Timeline", "Tasks"]
    for name in ("Roles and staffing", "Load per person", "Finish date risk"):
        assert name in titles
    # three short sections share one page instead of three near-empty ones
    assert titles.count("Responsibilities · Metrics · Findings") == 1
    shared = texts[titles.index("Responsibilities · Metrics · Findings")]
    assert "Model risk review" in shared and "Use cases in production" in shared and "Findings:" in shared
    n = len(texts)
    for i, text in enumerate(texts, start=1):
        assert re.search(rf"\b{i} ?/ ?{n}\b", text), text[-80:]
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta.title == "Test plan" and meta.creation_date.year == 2026


def test_sections_option_and_empty_sections_are_left_out(plan):
    texts = pages_text(report(plan, sections=("tasks", "metrics", "responsibilities")))
    assert len(texts) == 1 and "Tasks" in texts[0]


def test_every_task_name_on_timeline_and_task_table():
    plan = make_plan(40)
    texts = pages_text(report(plan, sections=("timeline", "tasks")))
    timeline = " ".join(t for t in texts if "Timeline" in t)
    table = " ".join(t for t in texts if "Tasks" in t)
    for task in plan.tasks:
        assert task.name in timeline, task.name
        assert task.name in table, task.name


def test_long_plans_paginate_by_rows_and_wide_ones_split_or_fit():
    plan = make_plan(48)
    for task in plan.tasks:
        task.duration *= 4  # wider than a page at the weeks scale
    split = pages_text(report(plan, sections=("timeline",), fit="split", scale="weeks"))
    fit = pages_text(report(plan, sections=("timeline",), fit="width"))
    assert len(fit) == 2  # 52 rows do not fit on one page
    assert len(split) > len(fit) and "part 2 of" in " ".join(split)
    assert "overlaps part 1" in " ".join(split) and "overlaps part 2" in " ".join(split)


def test_date_window_keeps_only_tasks_in_it(plan):
    texts = pages_text(report(plan, sections=("timeline",), date_from=dt.date(2026, 6, 22),
                              date_to=dt.date(2026, 7, 31)))
    text = " ".join(texts)
    assert "Gap Analysis" in text and "Current State Analysis" not in text


def test_byte_for_byte_deterministic(staffed, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    first = build_report(staffed, ReportOptions())
    assert build_report(staffed, ReportOptions()) == first
    assert PdfReader(io.BytesIO(first)).metadata.creation_date.year == 2026  # from SOURCE_DATE_EPOCH


def test_unicode_names_round_trip(plan):
    names = ["Évaluation de l'état actuel", "Анализ разрывов", "Σχεδιασμός μοντέλου", "Zürich Ærø Øst", "设计评审"]
    for task, name in zip(plan.tasks, names):
        task.name = name
    text = " ".join(pages_text(report(plan, sections=("tasks",))))
    for name in names[:4]:
        assert name in text
    # CJK: drawn with an installed CJK font, else as boxes; never a crash.
    from aiplanner.render.style import font_families

    if len(font_families()) > 1:  # a CJK fallback font is installed
        assert names[4] in text


def test_progress_callback_reaches_one(plan):
    seen = []
    build_report(plan, ReportOptions(printed=FIXED, sections=("cover", "tasks")), lambda f, m: seen.append((f, m)))
    assert seen[0][0] == 0.0 and seen[-1][0] == 1.0
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)


def test_baseline_ghosts_and_changes_section(document):
    from aiplanner.render.gantt.timeline import timeline_scene
    from aiplanner.schedule import schedule_plan
    from aiplanner.schedule.baseline import freeze_schedule

    document.add_baseline(freeze_schedule(document.plan, "kick-off", created=dt.date(2026, 5, 1)))
    document.update_task("a2", duration=15)
    plan = document.plan
    scene = timeline_scene(plan, schedule_plan(plan), ReportOptions())
    ghost = {g.task_id: g for g in scene.ghosts}["a2"]
    assert ghost.slip == 7  # finishes a week (5 working days) later than the baseline
    assert timeline_scene(plan, schedule_plan(plan), ReportOptions(baseline="none")).ghosts == ()
    text = " ".join(pages_text(report(plan, sections=("changes",))))
    assert "Changes since baseline kick-off" in text and "Gap Analysis" in text
    assert len(pages_text(report(plan, sections=("changes", "cover"), baseline="none"))) == 1
    with pytest.raises(InvalidPlanError, match="nothing to show"):
        report(plan, sections=("changes",), baseline="none")


def test_unknown_baseline_is_a_clean_error(plan, tmp_path, capsys):
    from aiplanner.cli import main
    from aiplanner.io.native import save_plan

    path = tmp_path / "p.aiplan"
    save_plan(plan, path)
    assert main(["export", str(path), "--to", "pdf", "--baseline", "nope", "-o", str(tmp_path / "p.pdf")]) == 2
    assert "no baseline 'nope'" in capsys.readouterr().err
    assert not (tmp_path / "p.pdf").exists()
