"""MS Project XML (MSPDI) in and out: files of MS Project, ProjectLibre, GanttProject and MPXJ.

- ``common``: facts of the format the reader and the writer share;
- ``xmlio``: safe parsing (defusedxml) and fast writing;
- ``calendar``: the project calendar -> our calendar;
- ``resources``: resources and assignments -> roles, people, demands;
- ``reader``: file -> plan; ``writer``: plan -> file.

May import ``aiplanner.io.reading`` and ``exporting``, and the layers below
``io``; never ``aiplanner.io.importing``.
"""
