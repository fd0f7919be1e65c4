"""File > Print preview: the report's own pages, of what the window shows; print them or export."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtGui import QPdfWriter
from pypdf import PdfReader

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "coe-rollout.aiplan"


def test_the_preview_shows_the_reports_pages_of_the_scenario_shown(main_window, prompts, tmp_path, qtbot):
    from aiplanner.cli import main

    window = main_window
    assert window.files.open_path(SAMPLE, ask=False)
    window.workshop_bar.set_scenario("Platform work starts early")
    shown = []
    prompts.accept_dialogs.append(lambda dialog: shown.append(dialog) or False)
    window.actions_by_name["print_preview"].trigger()
    preview = shown[0]
    assert "Platform work starts early" in preview.summary.text()
    pdf = tmp_path / "same.pdf"
    assert main(["export", str(SAMPLE), "-o", str(pdf), "--scenario", "Platform work starts early",
                 "--baseline", "none"]) == 0
    assert preview.page_count() == len(PdfReader(pdf).pages) > 3
    first = preview.images[0]
    colours = {first.pixel(x, y) for x in range(0, first.width(), 13) for y in range(0, first.height(), 13)}
    assert first.width() > 1000 and len(colours) > 20  # a drawn page, not a blank one
    assert preview.report_options.today is not None  # the status line, as on screen


def test_print_paints_every_page_on_the_printer(main_window, prompts, tmp_path):
    from aiplanner.ui.files.preview import ReportPreview

    preview = ReportPreview(main_window)
    preview.choices.set_value("sections", "cover,timeline,tasks")
    assert preview.render()
    out = tmp_path / "printed.pdf"
    writer = QPdfWriter(str(out))
    assert preview.paint_pages(writer) == preview.page_count()
    del writer
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == preview.page_count()
