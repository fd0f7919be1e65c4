"""Where the window keeps its settings and recovery files.

Everything lives in one folder: ``$AIPLANNER_CONFIG_DIR`` when set (the
tests point it at a temporary folder), else Qt's per-user application
config location. Settings are an INI file there, read with QSettings, so
no test and no second installation ever touches the user's real ones.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

__all__ = ["config_dir", "app_settings", "recent_files", "add_recent_file", "remove_recent_file", "file_key",
           "MAX_RECENT"]

MAX_RECENT = 10


def config_dir() -> Path:
    """The per-user folder of settings and recovery files (created on demand)."""
    override = os.environ.get("AIPLANNER_CONFIG_DIR")
    if override:
        folder = Path(override)
    else:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
        folder = Path(location) if location else Path.home() / ".config" / "aiplanner"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def app_settings() -> QSettings:
    """The window's settings (INI file in :func:`config_dir`)."""
    return QSettings(str(config_dir() / "aiplanner.ini"), QSettings.Format.IniFormat)


def recent_files(settings: QSettings | None = None) -> list[str]:
    """Recently opened plan files, newest first."""
    settings = settings or app_settings()
    value = settings.value("files/recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])]


def file_key(path: str | Path) -> str:
    """The absolute, resolved name a file is remembered by.

    A symlink loop (or a path the system refuses to resolve) is remembered
    by its absolute name instead of raising: the recent-files list must
    never break the window.
    """
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


def add_recent_file(path: str | Path, settings: QSettings | None = None) -> list[str]:
    settings = settings or app_settings()
    entry = file_key(path)
    files = [entry] + [f for f in recent_files(settings) if f != entry]
    settings.setValue("files/recent", files[:MAX_RECENT])
    settings.setValue("files/last", entry)
    return files[:MAX_RECENT]


def remove_recent_file(path: str | Path, settings: QSettings | None = None) -> list[str]:
    settings = settings or app_settings()
    entry = file_key(path)
    files = [f for f in recent_files(settings) if f not in (entry, str(path))]
    settings.setValue("files/recent", files)
    return files
