"""Files in and out: native ``.aiplan``, Mermaid, MS Project XML, CSV, GanttProject and GNOME
Planner (in), iCalendar (out).

One reader per format (``csv``, ``mermaid``, ``mspdi``, ``ganttproject``, ``planner``), registered
as data in ``importing``; what they share: ``reading`` (results, ids, validation, pinning the
source's dates), ``carry`` (the plan's own JSON that travels with every export, so a round trip
loses nothing), ``outline`` (nested tasks to phases), ``xmlsafe`` (defused XML), ``files``
(reading regular files only).
"""

from __future__ import annotations

from aiplanner.io.native import dumps, load_plan, loads, save_plan
from aiplanner.io.atomic import atomic_write_bytes
from aiplanner.io.importing import import_file
from aiplanner.io.reading import ImportResult
from aiplanner.io.links import format_links, parse_links

__all__ = ["dumps", "loads", "load_plan", "save_plan", "atomic_write_bytes", "ImportResult", "import_file",
           "parse_links", "format_links"]
