"""Which phases were collapsed, remembered per plan file in the window's settings.

The task tree keeps the collapsed phases while a plan is open (through
edits, undo, filters, scenarios). :class:`FoldingMemory` writes them to the
settings under the plan file's path whenever they change, and gives them
back when that file is opened again, in this session or a later one. A
plan without a file (new, imported, the untitled sample) opens expanded.
Only the last :data:`MAX_FILES` files are kept.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, QSettings

from aiplanner.ui.settings import file_key

__all__ = ["FoldingMemory", "remembered_folding", "remember_folding", "MAX_FILES", "KEY"]

KEY = "tree/collapsed_phases"
MAX_FILES = 50


def _table(settings: QSettings) -> dict[str, list[str]]:
    raw = settings.value(KEY, "")
    try:
        table = json.loads(raw) if isinstance(raw, str) and raw else {}
    except ValueError:  # a hand-edited settings file: start again rather than fail
        return {}
    if not isinstance(table, dict):
        return {}
    return {str(k): [str(p) for p in v] for k, v in table.items() if isinstance(v, list)}


def _key(path: str | Path) -> str:
    return file_key(path)


def remembered_folding(path: str | Path | None, settings: QSettings) -> list[str]:
    """The phases collapsed when ``path`` was last shown (none for an unknown file)."""
    return [] if path is None else _table(settings).get(_key(path), [])


def remember_folding(path: str | Path | None, phase_ids: list[str], settings: QSettings) -> None:
    """Record ``phase_ids`` as the collapsed phases of ``path`` (the newest entry)."""
    if path is None:
        return
    table = _table(settings)
    key = _key(path)
    if table.get(key, []) == list(phase_ids):
        return
    table.pop(key, None)
    if phase_ids:
        table[key] = list(phase_ids)
    while len(table) > MAX_FILES:
        table.pop(next(iter(table)))
    settings.setValue(KEY, json.dumps(table))


class FoldingMemory(QObject):
    """Connects a main window's task tree to the remembered collapsed phases of its files."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._restoring = False
        window.tree.foldingChanged.connect(self._save)
        window.session.documentReplaced.connect(self._restore)
        window.files.pathChanged.connect(lambda: self._save(sorted(window.tree.folded_phases())))
        self._restore()

    def _save(self, phase_ids: list[str]) -> None:
        if not self._restoring and self._window.session.document is not None:
            remember_folding(self._window.session.path, phase_ids, self._window.settings)

    def _restore(self) -> None:
        session = self._window.session
        if session.document is None:
            return
        self._restoring = True
        try:
            self._window.tree.set_folded_phases(remembered_folding(session.path, self._window.settings))
        finally:
            self._restoring = False
