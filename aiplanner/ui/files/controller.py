"""File handling of the window: new, open, save, revert, recent files, autosave.

Opening a file is not an edit (the undo history starts empty). A plan that
cannot be opened leaves the current one in place and says why. Before a
save overwrites a file, we check that nobody else changed it since we read
or wrote it (modification time, size, and content hash when those differ).
While the plan has unsaved changes it is autosaved to a recovery file
every minute (:mod:`aiplanner.ui.files.recovery`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from aiplanner.io.native import load_plan, save_plan
from aiplanner.model.document import Document
from aiplanner.model.errors import PlanError
from aiplanner.model.plan import Plan
from aiplanner.ui.commands import ReplacePlanCommand
from aiplanner.ui.prompts import Prompts
from aiplanner.ui.files.recovery import RecoveryStore, orphaned_recoveries
from aiplanner.ui.session import PlanSession
from aiplanner.ui.settings import add_recent_file, remove_recent_file

__all__ = ["FileController", "DiskStamp", "AUTOSAVE_MS"]

AUTOSAVE_MS = 60_000


class DiskStamp:
    """What a file looked like when we last read or wrote it."""

    def __init__(self, path: Path) -> None:
        stat = path.stat()
        self.mtime_ns = stat.st_mtime_ns
        self.size = stat.st_size
        self.digest = hashlib.sha256(path.read_bytes()).hexdigest()

    @staticmethod
    def of(path: Path) -> "DiskStamp | None":
        try:
            return DiskStamp(path)
        except OSError:
            return None

    def changed(self, path: Path) -> bool:
        """Whether the file on disk differs from this stamp (gone counts as changed)."""
        try:
            stat = path.stat()
        except OSError:
            return True
        if stat.st_mtime_ns == self.mtime_ns and stat.st_size == self.size:
            return False
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest() != self.digest
        except OSError:
            return True


class FileController(QObject):
    """Opens and saves the session's document, asking ``prompts`` when in doubt."""

    pathChanged = Signal()
    recentChanged = Signal()

    def __init__(self, session: PlanSession, prompts: Prompts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prompts = prompts
        self.stamp: DiskStamp | None = None
        self._notified: tuple[int, int] | None = None
        self.recovery = RecoveryStore()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        session.dirtyChanged.connect(self._on_dirty)

    @property
    def path(self) -> Path | None:
        return self.session.path

    # -- autosave -------------------------------------------------------------------
    def _on_dirty(self, dirty: bool) -> None:
        if dirty:
            if not self.autosave_timer.isActive():
                self.autosave_timer.start()
        else:
            # Back to what is on disk (saved, or undone to the saved state): nothing to recover.
            self.autosave_timer.stop()
            self.recovery.discard()

    def autosave(self) -> Path | None:
        """Write the recovery file now if there are unsaved changes."""
        if not self.session.dirty or self.session.document is None:
            return None
        try:
            return self.recovery.save(self.session.plan, self.path)
        except PlanError:
            return None  # a full disk must not interrupt editing; the next tick retries

    def offer_recovery(self) -> bool:
        """Offer the newest recovery file left by a crash; True when one was recovered."""
        entries = orphaned_recoveries()
        if not entries:
            return False
        entry = entries[0]
        answer = self.prompts.ask(
            "Recover unsaved changes?",
            f"aiplanner did not close normally. Unsaved changes were found:\n{entry.describe()}\n\n"
            "Recover them? (Discard deletes the recovery file.)",
            ["Recover", "Discard", "Later"], default="Recover")
        if answer == "Discard":
            entry.remove()
            return False
        if answer != "Recover":
            return False
        try:
            plan = entry.load()
        except PlanError as exc:
            self.prompts.error("Cannot recover", f"The recovery file cannot be read:\n{exc}")
            return False
        if entry.original is not None and entry.original.exists() and self._open(entry.original, quiet=True):
            self.session.push(ReplacePlanCommand(self.session, "Recover autosaved changes", plan))
        else:
            if not self._show(Document(plan, entry.original), "Cannot recover"):
                return False
            self.stamp = None
            self.session.mark_unsaved()
            self.pathChanged.emit()
        entry.remove()
        self.autosave()
        return True

    # -- open ---------------------------------------------------------------------------
    def maybe_save(self, action: str = "continue") -> bool:
        """Ask what to do with unsaved changes; False means the user cancelled."""
        if not self.session.dirty:
            return True
        name = self.path.name if self.path else self.session.plan.name
        answer = self.prompts.ask(
            "Unsaved changes",
            f"“{name}” has unsaved changes. Save them before you {action}?",
            ["Save", "Discard", "Cancel"], default="Save")
        if answer == "Save":
            return self.save()
        if answer == "Discard":
            self.recovery.discard()
            return True
        return False

    def _show(self, document: Document, title: str = "Cannot open plan", quiet: bool = False) -> bool:
        """Make ``document`` the open one; one that cannot be scheduled is explained and
        the open plan stays as it was."""
        try:
            self.session.set_document(document)
        except PlanError as exc:
            if not quiet:
                self.prompts.error(title, f"The plan could not be opened: it cannot be scheduled.\n\n{exc}")
            return False
        return True

    def _open(self, path: Path, quiet: bool = False) -> bool:
        try:
            plan = load_plan(path)
        except PlanError as exc:
            if not quiet:
                self.prompts.error("Cannot open plan", f"The plan could not be opened.\n\n{exc}")
            return False
        if not self._show(Document(plan, path), quiet=quiet):
            return False
        self.stamp = DiskStamp.of(path)
        add_recent_file(path)
        self.recentChanged.emit()
        self.pathChanged.emit()
        return True

    def open_path(self, path: str | Path, *, ask: bool = True) -> bool:
        """Open a plan file (after asking about unsaved changes); False if not opened."""
        if ask and not self.maybe_save("open another plan"):
            return False
        path = Path(path)
        if not self._open(path):
            if not path.exists():  # gone, or a symlink loop: it leaves the recent files
                remove_recent_file(path)
                self.recentChanged.emit()
            return False
        self.recovery.discard()
        return True

    def open_dialog(self) -> bool:
        folder = str(self.path.parent) if self.path else ""
        path = self.prompts.open_path("Open plan", folder=folder)
        return self.open_path(path) if path else False

    def open_copy(self, path: str | Path) -> bool:
        """Open a plan as an untitled copy (the built-in sample: Save asks where, never
        overwrites the installed file). Not an edit and not unsaved work."""
        try:
            plan = load_plan(path)
        except PlanError as exc:
            self.prompts.error("Cannot open plan", f"The plan could not be opened.\n\n{exc}")
            return False
        if not self._show(Document(plan, path)):
            return False
        self.session.document.path = None  # named in messages as its file, then untitled
        self.stamp = None
        self.pathChanged.emit()
        return True

    def open_sample(self, path: str | Path) -> bool:
        """File > Open sample: a shipped sample as an untitled copy (after asking about unsaved changes)."""
        if not self.maybe_save("open a sample"):
            return False
        if not self.open_copy(path):
            return False
        self.recovery.discard()
        return True

    def new_plan(self, plan: Plan) -> bool:
        """Show a plan that has no file yet (from the wizard); it counts as unsaved."""
        if not self.maybe_save("start a new plan"):
            return False
        if not self._show(Document(plan, None), "Cannot show the plan"):
            return False
        self.recovery.discard()
        self.stamp = None
        self.session.mark_unsaved()
        self.pathChanged.emit()
        return True

    def revert(self) -> bool:
        """Reload the file from disk, dropping unsaved changes (after asking)."""
        if self.path is None:
            return False
        if self.session.dirty:
            answer = self.prompts.ask("Revert", f"Drop all unsaved changes and reload “{self.path.name}”?",
                                      ["Revert", "Cancel"], default="Cancel")
            if answer != "Revert":
                return False
        if self._open(self.path):
            self.recovery.discard()
            return True
        return False

    # -- save ---------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the current file (Save As when there is none)."""
        if self.session.document is None:
            return False
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self, path: str | Path | None = None) -> bool:
        if self.session.document is None:
            return False
        if path is None:
            suggested = str(self.path) if self.path else f"{self.session.plan.name}.aiplan"
            path = self.prompts.save_path("Save plan as", suggested=suggested)
            if not path:
                return False
        path = Path(path)
        if path.suffix != ".aiplan":
            path = path.with_name(path.name + ".aiplan")
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the plan to ``path``; refuses to overwrite a file changed by someone else unless told to."""
        if path == self.path and self.stamp is not None and self.stamp.changed(path):
            answer = self.prompts.ask(
                "File changed on disk",
                f"“{path.name}” was changed by another program since you opened or saved it.\n\n"
                "Overwrite it with your version, or cancel (and Revert to see theirs)?",
                ["Overwrite", "Cancel"], default="Cancel")
            if answer != "Overwrite":
                return False
        try:
            save_plan(self.session.plan, path)
        except PlanError as exc:
            self.prompts.error("Cannot save plan", f"The plan was not saved.\n\n{exc}")
            return False
        self.session.mark_saved(path)
        self.stamp = DiskStamp.of(path)
        self.recovery.discard()
        add_recent_file(path)
        self.recentChanged.emit()
        self.pathChanged.emit()
        return True

    def check_disk(self) -> None:
        """When the window comes back to the front: offer to reload a file another
        program changed (once per change). With unsaved changes we only warn; Save asks."""
        if not self.changed_on_disk() or self.path is None:
            return
        try:
            seen = (self.path.stat().st_mtime_ns, self.path.stat().st_size)
        except OSError:
            return
        if seen == self._notified:
            return
        self._notified = seen
        if self.session.dirty:
            self.prompts.info("File changed on disk",
                              f"“{self.path.name}” was changed by another program. You have unsaved changes: "
                              "Save will ask before overwriting it; Revert loads their version.")
            return
        answer = self.prompts.ask("File changed on disk",
                                  f"“{self.path.name}” was changed by another program. Reload it?",
                                  ["Reload", "Keep mine"], default="Reload")
        if answer == "Reload":
            self._open(self.path)

    def changed_on_disk(self) -> bool:
        """Whether the open file was changed by another program."""
        return self.path is not None and self.stamp is not None and self.stamp.changed(self.path)
