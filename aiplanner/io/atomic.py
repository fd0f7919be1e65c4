"""Write a file so that it is either the old one or the whole new one.

Temp file in the same folder, fsync, rename over the target; the previous
file is kept as ``<name>.bak``. A full disk or a missing folder raises
:class:`PlanFileError` and leaves the target untouched.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from aiplanner.model.errors import PlanFileError

__all__ = ["atomic_write_bytes"]


def atomic_write_bytes(path: str | Path, data: bytes, *, backup: bool = True) -> None:
    """Write ``data`` to ``path`` atomically, keeping the old file as ``.bak``.

    A symbolic link is written through (the file it points to is replaced,
    the link stays); a pipe, terminal or device (``/dev/stdout``, ``/dev/null``)
    is simply written to, never replaced by a file.
    """
    shown = Path(path)
    if shown.is_dir():
        raise PlanFileError(shown, "is a folder, not a file")
    try:
        mode = shown.stat().st_mode  # follows links
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(shown, data)
        return
    target = Path(os.path.realpath(shown)) if shown.is_symlink() else shown
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise PlanFileError(shown, f"folder {str(folder)!r} does not exist")
    fd = None
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            fd = None
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            # Keep the permissions the user gave the file.
            try:
                os.chmod(tmp_name, target.stat().st_mode & 0o7777)
            except OSError:
                pass
            if backup:
                bak = target.with_name(target.name + ".bak")
                try:
                    if bak.exists():
                        bak.unlink()
                    os.link(target, bak)
                except OSError:
                    import shutil

                    shutil.copy2(target, bak)
        else:
            os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_dir(folder)
    except PlanFileError:
        raise
    except OSError as exc:
        raise PlanFileError(shown, f"cannot write: {exc.strerror or exc}") from None
    finally:
        if fd is not None:
            os.close(fd)
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _write_in_place(target: Path, data: bytes) -> None:
    """Write to something that is not a regular file (there is nothing to swap atomically)."""
    try:
        with open(target, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise PlanFileError(target, f"cannot write: {exc.strerror or exc}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
