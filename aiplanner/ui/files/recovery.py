"""Recovery files: the unsaved plan, autosaved while the window runs.

Each window writes ``<config>/recovery/<key>.aiplan`` (the plan) and
``<key>.json`` (which file it came from, when, which process). A clean save
or a deliberate discard removes them; after a crash they stay behind and
the next start offers to recover them. Files of another window that is
still running are left alone.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from aiplanner.io.atomic import atomic_write_bytes
from aiplanner.io.native import dumps, load_plan
from aiplanner.model.plan import Plan
from aiplanner.ui.settings import config_dir

__all__ = ["RecoveryStore", "RecoveryEntry", "orphaned_recoveries"]

#: Keys of the stores alive in this process (their files are not orphans).
_LIVE_KEYS: set[str] = set()


def _folder() -> Path:
    folder = config_dir() / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists but not ours to signal
    return True


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovery file left behind."""

    key: str
    plan_file: Path
    meta_file: Path
    original: Path | None
    saved_at: str
    name: str

    def load(self) -> Plan:
        return load_plan(self.plan_file)

    def remove(self) -> None:
        for path in (self.plan_file, self.meta_file):
            try:
                path.unlink()
            except FileNotFoundError:
                pass

    def describe(self) -> str:
        where = str(self.original) if self.original else "a plan that was never saved"
        return f"“{self.name}” ({where}), autosaved {self.saved_at}"


class RecoveryStore:
    """The recovery files of one window."""

    def __init__(self) -> None:
        self.key = uuid.uuid4().hex[:12]
        _LIVE_KEYS.add(self.key)

    @property
    def plan_file(self) -> Path:
        return _folder() / f"{self.key}.aiplan"

    @property
    def meta_file(self) -> Path:
        return _folder() / f"{self.key}.json"

    def save(self, plan: Plan, original: Path | None) -> Path:
        """Write the plan and its note (atomically, no ``.bak``)."""
        atomic_write_bytes(self.plan_file, dumps(plan).encode("utf-8"), backup=False)
        meta = {
            "original": str(original) if original else None,
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "name": plan.name,
        }
        atomic_write_bytes(self.meta_file, json.dumps(meta, indent=2).encode("utf-8"), backup=False)
        return self.plan_file

    def exists(self) -> bool:
        return self.plan_file.exists()

    def discard(self) -> None:
        """Remove this window's recovery files (after a clean save or a discard)."""
        for path in (self.plan_file, self.meta_file):
            try:
                path.unlink()
            except FileNotFoundError:
                pass

    def close(self) -> None:
        """The window closed normally: its files are gone and its key retired."""
        self.discard()
        _LIVE_KEYS.discard(self.key)

    def abandon(self) -> None:
        """Forget this store without removing its files (what a crash does; for tests)."""
        _LIVE_KEYS.discard(self.key)


def orphaned_recoveries() -> list[RecoveryEntry]:
    """Recovery files whose window is gone, newest first (unreadable notes are skipped)."""
    entries = []
    for meta_file in _folder().glob("*.json"):
        key = meta_file.stem
        plan_file = meta_file.with_suffix(".aiplan")
        if key in _LIVE_KEYS or not plan_file.exists():
            continue
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            pid = int(meta.get("pid", 0))
        except (OSError, ValueError, TypeError, AttributeError):
            continue
        if pid != os.getpid() and _pid_alive(pid):
            continue  # another aiplanner window is running and owns it
        original = meta.get("original")
        entries.append(RecoveryEntry(key, plan_file, meta_file, Path(original) if original else None,
                                     str(meta.get("saved_at", "")), str(meta.get("name", "plan"))))
    return sorted(entries, key=lambda e: e.saved_at, reverse=True)
