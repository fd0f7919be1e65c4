"""GanttProject ``.gan`` files in: ``reader`` (file -> plan).

May import ``aiplanner.io.reading``, ``outline`` and ``xmlsafe``, and the
layers below ``io``; never ``aiplanner.io.importing``.
"""
