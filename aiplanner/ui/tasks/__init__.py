"""The task table: a spreadsheet of phases and tasks, and the task editor dialog.

- ``tree``: the view, with ``folding`` (collapsible phases) and
  ``phase_memory`` (which phases were folded, per plan file);
- ``model``: the Qt item model over the document; ``columns``: its columns;
  ``proxy``: sorting and filtering that keep the phase grouping;
- ``cells``: what a user types into a cell, parsed, and what a cell shows;
- ``editor``: every field of one task, applied as one undo step.

May import ``aiplanner.ui.commands``, ``session`` and ``settings``, and the
layers below ``ui``; never ``gantt``, ``workshop``, ``views`` or the main window.
"""
