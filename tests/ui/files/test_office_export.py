"""File › Export offers the PowerPoint deck and the Excel workbook (the dialog lists the registry)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("fmt", ["pptx", "xlsx"])
def test_export_office_files_through_the_dialog(main_window, prompts, tmp_path, fmt):
    out = tmp_path / f"status.{fmt}"
    offered = []

    def fill(dialog):
        offered.extend(dialog.format.itemData(i) for i in range(dialog.format.count()))
        dialog.set_format(fmt)
        assert dialog.output.text().endswith(f".{fmt}")
        dialog.output.setText(str(out))
        return True

    prompts.accept_dialogs.append(fill)
    assert main_window.export_dialog()
    assert not prompts.errors, prompts.errors
    assert {"pptx", "xlsx"} <= set(offered)
    name = main_window.session.plan.name
    if fmt == "pptx":
        from pptx import Presentation

        first = Presentation(str(out)).slides[0]
        assert name in [s.text_frame.text for s in first.shapes if s.has_text_frame]
    else:
        from openpyxl import load_workbook

        book = load_workbook(out)
        assert book["Summary"]["A1"].value == name
        assert [c.value for c in book["Tasks"]["B"][1:] if c.value] == [t.id for t in main_window.session.plan.tasks]
