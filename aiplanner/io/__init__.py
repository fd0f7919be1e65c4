"""Files in and out: native ``.aiplan``, Mermaid, MS Project XML, CSV, iCalendar."""

from __future__ import annotations

from aiplanner.io.native import dumps, load_plan, loads, save_plan
from aiplanner.io.atomic import atomic_write_bytes

__all__ = ["dumps", "loads", "load_plan", "save_plan", "atomic_write_bytes"]
