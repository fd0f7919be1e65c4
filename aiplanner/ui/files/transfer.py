"""File > Import and File > Export.

Import reads a foreign file with the same importers as ``aiplanner import``.
Export offers exactly the formats and options of ``aiplanner export``,
starting from what the window shows (:mod:`aiplanner.ui.files.export_dialog`).
"""

from __future__ import annotations

from pathlib import Path

from aiplanner.io.importing import import_filter
from aiplanner.model.errors import PlanError
from aiplanner.ui.files.export_dialog import ExportCancelled, ExportDialog, export_parser, open_externally

__all__ = ["IMPORT_FILTER", "import_plan", "ExportDialog", "export_parser", "ExportCancelled", "open_externally"]

IMPORT_FILTER = import_filter()  # every format of the importer registry


def import_plan(prompts, path: str | Path, fmt: str | None = None):
    """Read a foreign file; on failure tell the user and return None."""
    from aiplanner.io.importing import import_file

    try:
        return import_file(str(path), fmt)
    except PlanError as exc:
        prompts.error("Cannot import", f"{Path(path).name} could not be imported.\n\n{exc}")
        return None
