"""Files in and out: native ``.aiplan``, Mermaid, MS Project XML, CSV, GanttProject and GNOME
Planner (in), iCalendar (out).

One reader per format (``csv``, ``mermaid``, ``mspdi``, ``ganttproject``, ``planner``), registered
as data in ``importing``; what they share: ``reading`` (results, ids, validation, pinning the
source's dates), ``carry`` (the plan's own JSON that travels with every export, so a round trip
loses nothing), ``outline`` (nested tasks to phases), ``xmlsafe`` (defused XML), ``files``
(reading regular files only).

The names below are loaded on first use (PEP 562): importing one module of
the package (``aiplanner.io.schedule_json`` for the command line's JSON, say)
does not import the plan reader and pydantic with it.
"""

from __future__ import annotations

from aiplanner._lazy import lazy_names

_WHERE = {
    "dumps": "native", "load_plan": "native", "loads": "native", "save_plan": "native",
    "atomic_write_bytes": "atomic", "ImportResult": "reading", "import_file": "importing",
    "parse_links": "links", "format_links": "links",
}

__all__ = ["dumps", "loads", "load_plan", "save_plan", "atomic_write_bytes", "ImportResult", "import_file",
           "parse_links", "format_links"]


__getattr__, __dir__ = lazy_names(__name__, _WHERE, __all__)
