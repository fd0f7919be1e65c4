"""Files in and out: native ``.aiplan``, Mermaid, MS Project XML, CSV, iCalendar."""

from __future__ import annotations

from aiplanner.io.native import dumps, load_plan, loads, save_plan
from aiplanner.io.atomic import atomic_write_bytes
from aiplanner.io.importing import import_file
from aiplanner.io.reading import ImportResult
from aiplanner.io.links import format_links, parse_links

__all__ = ["dumps", "loads", "load_plan", "save_plan", "atomic_write_bytes", "ImportResult", "import_file",
           "parse_links", "format_links"]
