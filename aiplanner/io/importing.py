"""The importers' registry: which format a file is, and which reader reads it.

The registry is data (:data:`FORMATS`, :data:`READERS`): the readers are
imported by name when a file of their format is read, and never import this
module back; what they share lives in :mod:`aiplanner.io.reading`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import Path

from aiplanner.io.files import read_input
from aiplanner.io.reading import MAX_IMPORT_BYTES, ImportResult
from aiplanner.model.errors import PlanFileError

__all__ = ["ImportResult", "FORMATS", "LABELS", "READERS", "MAX_IMPORT_BYTES", "format_for", "sniff_format",
           "import_filter", "import_file", "import_bytes"]

#: Format name -> file extensions that imply it.
FORMATS: dict[str, tuple[str, ...]] = {
    "mermaid": (".mmd", ".mermaid"),
    "mspdi": (".xml", ".mspdi"),
    "csv": (".csv", ".txt"),
    "ganttproject": (".gan",),
    "planner": (".planner", ".mrproject"),
}

#: Format name -> what a user calls it (file dialogs, messages).
LABELS: dict[str, str] = {
    "mermaid": "Mermaid gantt",
    "mspdi": "MS Project XML",
    "csv": "CSV",
    "ganttproject": "GanttProject",
    "planner": "GNOME Planner",
}

#: Format name -> ``"module:function"`` of its reader, ``function(data, file) -> ImportResult``.
READERS: dict[str, str] = {
    "mermaid": "aiplanner.io.mermaid.reader:read_mermaid_bytes",
    "mspdi": "aiplanner.io.mspdi.reader:read_mspdi_bytes",
    "csv": "aiplanner.io.csv.reader:read_csv_bytes",
    "ganttproject": "aiplanner.io.ganttproject.reader:read_gan_bytes",
    "planner": "aiplanner.io.planner.reader:read_planner_bytes",
}

#: XML formats told apart by their root element (see :func:`sniff_format`).
_XML_FORMATS = ("mspdi", "ganttproject", "planner")
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)((?:\s+[^>]*?)?)\s*/?>")


def sniff_format(data: bytes) -> str | None:
    """The XML format the content itself names, or None.

    ``<Project xmlns="http://schemas.microsoft.com/project">`` is MS Project
    XML; a ``<project>`` with ``mrproject-version`` (or Planner's
    ``<resource-groups>``, ``<predecessors>``) is GNOME Planner; a
    ``<project>`` with GanttProject's ``view-date``, ``webLink`` or
    ``<taskproperties>`` is GanttProject.

    >>> sniff_format(b'<?xml version="1.0"?><project name="" mrproject-version="2">')
    'planner'
    >>> sniff_format(b'<project name="x" webLink="" view-date="2024-05-19">')
    'ganttproject'
    """
    head = data[:65536]
    for match in _ROOT.finditer(head):
        tag, attrs = match.group(1), match.group(2)
        if tag.startswith((b"?", b"!")) or tag.lower() in (b"xml",):
            continue
        name = tag.rpartition(b":")[2]
        if name == b"Project" and b"schemas.microsoft.com/project" in attrs:
            return "mspdi"
        if name == b"project":
            if b"mrproject-version" in attrs or b"<resource-groups" in head or b"<predecessors" in head:
                return "planner"
            if (b"view-date" in attrs or b"webLink" in attrs or b"gantt-divider-location" in attrs
                    or b"<taskproperties" in head or b"<view " in head):
                return "ganttproject"
        return None
    return None


def import_filter() -> str:
    """A file-dialog filter of every importable format, built from :data:`FORMATS`."""
    every = " ".join(f"*{suffix}" for suffixes in FORMATS.values() for suffix in suffixes)
    parts = [f"Plans from other tools ({every})"]
    parts += [f"{LABELS[name]} ({' '.join('*' + s for s in suffixes)})" for name, suffixes in FORMATS.items()]
    return ";;".join(parts + ["All files (*)"])


def format_for(path: str | Path, explicit: str | None = None, data: bytes | None = None) -> str:
    """The import format: ``explicit`` when given, else what the content's root element names
    (an XML file), else what the file extension implies."""
    if explicit:
        if explicit not in FORMATS:
            raise PlanFileError(path, f"unknown import format {explicit!r} (choose {', '.join(FORMATS)})")
        return explicit
    suffix = Path(path).suffix.lower()
    by_suffix = next((name for name, suffixes in FORMATS.items() if suffix in suffixes), None)
    if data is not None and (by_suffix is None or by_suffix in _XML_FORMATS):
        sniffed = sniff_format(data)
        if sniffed is not None:
            return sniffed
    if by_suffix is not None:
        return by_suffix
    raise PlanFileError(
        path, f"cannot tell the format from the extension {suffix or '(none)'!r} nor from the content; "
              f"use --from {'|'.join(FORMATS)}"
    )


def _reader(fmt: str) -> Callable[[bytes, str | None], ImportResult]:
    # Imported late: the CLI only pays for the format it reads.
    module, _, name = READERS[fmt].partition(":")
    return getattr(importlib.import_module(module), name)


def import_bytes(data: bytes, fmt: str, file: str | None = None) -> ImportResult:
    """Import the content of a file in format ``fmt`` (a key of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise PlanFileError(file or "<input>", f"unknown import format {fmt!r}")
    return _reader(fmt)(data, file)


def import_file(path: str | Path, fmt: str | None = None) -> ImportResult:
    """Read a foreign file (Mermaid, MS Project XML, CSV, GanttProject, Planner) into a plan
    (nothing is written)."""
    path = Path(path)
    if fmt:
        format_for(path, fmt)  # an unknown format is refused before the file is read
    data = read_input(path, MAX_IMPORT_BYTES, "file to import")
    return import_bytes(data, format_for(path, fmt, data), str(path))
