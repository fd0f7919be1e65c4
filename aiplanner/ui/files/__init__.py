"""The window's files: new, open, save, revert, recent files, autosave, recovery, import and export.

- ``controller``: the File menu's work on ``.aiplan`` files;
- ``recovery``: the unsaved plan autosaved while the window runs;
- ``transfer``: File > Import and File > Export.

May import ``aiplanner.ui.commands``, ``session``, ``settings`` and ``prompts``,
and the layers below ``ui``; never the views or the main window.
"""
