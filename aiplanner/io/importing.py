"""The importers' registry: which format a file is, and which reader reads it.

The registry is data (:data:`FORMATS`, :data:`READERS`): the readers are
imported by name when a file of their format is read, and never import this
module back; what they share lives in :mod:`aiplanner.io.reading`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from aiplanner.io.files import read_input
from aiplanner.io.reading import MAX_IMPORT_BYTES, ImportResult
from aiplanner.model.errors import PlanFileError

__all__ = ["ImportResult", "FORMATS", "READERS", "MAX_IMPORT_BYTES", "format_for", "import_file", "import_bytes"]

#: Format name -> file extensions that imply it.
FORMATS: dict[str, tuple[str, ...]] = {
    "mermaid": (".mmd", ".mermaid"),
    "mspdi": (".xml", ".mspdi"),
    "csv": (".csv", ".txt"),
}


#: Format name -> ``"module:function"`` of its reader, ``function(data, file) -> ImportResult``.
READERS: dict[str, str] = {
    "mermaid": "aiplanner.io.mermaid.reader:read_mermaid_bytes",
    "mspdi": "aiplanner.io.mspdi.reader:read_mspdi_bytes",
    "csv": "aiplanner.io.csv.reader:read_csv_bytes",
}


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """The import format named by ``explicit`` or implied by the file extension."""
    if explicit:
        if explicit not in FORMATS:
            raise PlanFileError(path, f"unknown import format {explicit!r} (choose {', '.join(FORMATS)})")
        return explicit
    suffix = Path(path).suffix.lower()
    for name, suffixes in FORMATS.items():
        if suffix in suffixes:
            return name
    raise PlanFileError(
        path, f"cannot tell the format from the extension {suffix or '(none)'!r}; use --from mermaid|mspdi|csv"
    )


def _reader(fmt: str) -> Callable[[bytes, str | None], ImportResult]:
    # Imported late: the CLI only pays for the format it reads.
    module, _, name = READERS[fmt].partition(":")
    return getattr(importlib.import_module(module), name)


def import_bytes(data: bytes, fmt: str, file: str | None = None) -> ImportResult:
    """Import the content of a file in format ``fmt`` (``mermaid``, ``mspdi``, ``csv``)."""
    if fmt not in FORMATS:
        raise PlanFileError(file or "<input>", f"unknown import format {fmt!r}")
    return _reader(fmt)(data, file)


def import_file(path: str | Path, fmt: str | None = None) -> ImportResult:
    """Read a Mermaid, MS Project XML or CSV file into a plan (nothing is written)."""
    path = Path(path)
    fmt = format_for(path, fmt)
    data = read_input(path, MAX_IMPORT_BYTES, "file to import")
    return import_bytes(data, fmt, str(path))
