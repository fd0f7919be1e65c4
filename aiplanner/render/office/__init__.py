"""Office files a PMO edits: a PowerPoint deck and an Excel workbook, in native content.

- ``context``: what both files show (the plan or a scenario, its schedule, the
  chosen baseline, the status date, load, findings, risk), computed once;
- ``package``: text made safe for XML, and zip packages with fixed time stamps
  (the same plan gives the same bytes under ``SOURCE_DATE_EPOCH``);
- ``pptx_shapes``: native shapes with alt text; ``pptx_timeline`` the
  phase-and-milestone slide, ``pptx_gantt`` the detailed Gantt slides,
  ``pptx_tables`` the load heat map and findings tables; ``pptx_deck``
  assembles the deck (``--to pptx``);
- ``xlsx_cells``: cells that hold text as text, never a formula;
  ``xlsx_plan`` the Tasks and Timeline sheets, ``xlsx_status`` the Load,
  Findings, Metrics and Baseline sheets; ``xlsx_book`` assembles the workbook
  (``--to xlsx``).

python-pptx and openpyxl load inside the export functions only, so listing
formats, the command line and the window stay light. The package may import
``aiplanner.render`` (export's options, the Gantt scene, the risk chart),
never ``aiplanner.ui``.
"""
