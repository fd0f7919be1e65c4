"""The deck and the workbook opened by a real office suite: LibreOffice, headless, where it is installed.

Skipped cleanly without ``soffice`` (CI does not install it; ``apt-get install
libreoffice-impress libreoffice-calc`` to run these). The pages were also
looked at: ``soffice --headless --convert-to pdf``, then ``pdftoppm -png -r 50``.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess

import pytest

from tests.render.office.conftest import COE

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _convert(source, target: str, out_dir, profile) -> None:
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", str(out_dir), str(source)], check=True, capture_output=True, timeout=240)


def test_libreoffice_opens_the_deck_slide_for_slide(coe_pptx, deck, tmp_path):
    pdftotext = shutil.which("pdftotext")
    _convert(coe_pptx, "pdf", tmp_path, tmp_path / "profile")
    pdf = tmp_path / "coe.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if pdftotext:
        pages = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        assert len([p for p in pages if p.strip()]) == len(deck.slides)
        assert "Phases and milestones" in pages[1]
        for phase in ("Assessment", "Design", "Build Foundation", "Scale & Optimize"):
            assert phase in pages[1]


def test_libreoffice_computes_the_live_timeline(coe_xlsx, coe_schedule, tmp_path):
    """Move a task's start on the Tasks sheet: LibreOffice's Timeline shows the new date."""
    from openpyxl import load_workbook

    book = load_workbook(coe_xlsx)
    tasks = book["Tasks"]
    row = next(r for r in range(2, tasks.max_row + 1) if tasks.cell(r, 2).value == "d-roles")
    tasks.cell(row, 5).value = dt.datetime(2026, 7, 20)
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    timeline_sheet = book.sheetnames.index("Timeline") + 1
    _convert(edited, f"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{timeline_sheet}",
             tmp_path, tmp_path / "profile")
    found = list(tmp_path.glob("edited*.csv"))
    assert found, "LibreOffice wrote no CSV"
    with found[0].open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    by_id = {row[1]: row for row in rows if len(row) > 4}
    assert by_id["d-roles"][3] == "2026-07-20"  # looked up from the edited Tasks sheet
    assert by_id["a-sponsor"][3] == "2026-05-11" and by_id["a-sponsor"][4] == "2026-05-13"
