"""The paginated PDF report a PMO hands to executives.

- ``context``: the core types (:class:`Page`, :class:`ReportContext`), the page
  geometry and the helpers every section shares;
- ``sections``: the builders, one per section name, and :data:`BUILDERS`;
- ``cover``, ``charts``, ``changes``, ``network``, ``compare``: the larger sections;
- ``build``: pages planned, numbered "n / N" and drawn into one PDF.

Sections import ``context`` and the drawing modules of ``aiplanner.render``
(style, tables, page, canvas, gantt, network, charts); ``context`` imports no
section, and nothing outside ``build`` imports ``build``.
"""

from __future__ import annotations

from aiplanner.render.report.build import build_report, plan_pages

__all__ = ["build_report", "plan_pages"]
