"""The interchange formats of ``aiplanner export --to``: csv, mermaid, mspdi, ics, json.

Each function takes an :class:`~aiplanner.io.exporters.ExportRequest`,
schedules the plan and returns the file's bytes; they are registered in
:data:`aiplanner.io.exporters.BUILTIN`.
"""

from __future__ import annotations


from aiplanner.io.exporters import ExportRequest

__all__ = ["export_csv", "export_mermaid", "export_mspdi", "export_ics", "export_json"]


def _schedule(request: ExportRequest):
    from aiplanner.schedule.cpm import schedule_plan

    request.progress(0.1, "scheduling")
    return schedule_plan(request.plan)


def export_csv(request: ExportRequest) -> bytes:
    """The schedule, one row per task (see :mod:`aiplanner.io.csv.writer`)."""
    from aiplanner.io.csv.writer import csv_text

    return csv_text(request.plan, _schedule(request)).encode("utf-8")


def export_mermaid(request: ExportRequest) -> bytes:
    """A Mermaid gantt chart with our dates (see :mod:`aiplanner.io.mermaid.writer`)."""
    from aiplanner.io.mermaid.writer import mermaid_text

    return mermaid_text(request.plan, _schedule(request)).encode("utf-8")


def export_mspdi(request: ExportRequest) -> bytes:
    """MS Project XML (see :mod:`aiplanner.io.mspdi.writer`)."""
    from aiplanner.io.mspdi.writer import mspdi_bytes

    return mspdi_bytes(request.plan, _schedule(request))


def export_ics(request: ExportRequest) -> bytes:
    """Milestones and phase ends as iCalendar events (see :mod:`aiplanner.io.ical_export`)."""
    from aiplanner.io.ical_export import ics_bytes

    return ics_bytes(request.plan, _schedule(request))


def export_json(request: ExportRequest) -> bytes:
    """The schedule JSON of ``aiplanner schedule --format json``."""
    from aiplanner.io.schedule_json import json_text, schedule_data  # one definition of the JSON shape

    data = schedule_data(request.plan, _schedule(request))
    return json_text(data).encode("utf-8")  # the same text as the command prints
