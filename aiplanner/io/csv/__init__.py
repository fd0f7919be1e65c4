"""CSV: the schedule out (``writer``), a task list in (``reader``).

May import ``aiplanner.io.reading``, ``links`` and ``exporting``, and the
layers below ``io``; never ``aiplanner.io.importing`` (the registry imports
the reader by name).
"""
