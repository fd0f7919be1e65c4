"""Mermaid gantt charts in and out, dated as Mermaid 11 dates them.

- ``parse``: directives, sections and raw task lines;
- ``dates``: Mermaid's date formats and durations (dayjs rules);
- ``dating``: a parsed chart dated the way Mermaid draws it;
- ``reader``: chart -> plan; ``writer``: plan -> chart.

May import ``aiplanner.io.reading``, ``links`` and ``exporting``, and the
layers below ``io``; never ``aiplanner.io.importing``.
"""
