"""Reading an input file as untrusted: a regular file, size-capped, every failure named.

Plan files and foreign files are read the same way. Anything that is not a
regular file is refused before it is opened: a FIFO would block the reader
for ever, a device could stream without end.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from aiplanner.model.errors import PlanFileError

__all__ = ["read_input"]


def read_input(path: str | Path, limit: int, what: str = "file") -> bytes:
    """The bytes of ``path``, at most ``limit`` of them.

    Raises
    ------
    PlanFileError
        Missing, a folder, not a regular file (a pipe, device or socket),
        larger than ``limit``, or unreadable; the message names the file.
    """
    path = Path(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise PlanFileError(path, f"is a folder, not a {what}")
        if not stat.S_ISREG(info.st_mode):
            kind = ("a pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode)
                    else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "special")
            raise PlanFileError(path, f"is {kind}, not a regular file; save it to a file first")
        if info.st_size > limit:
            raise PlanFileError(path, f"too large for a {what} ({info.st_size / 1e6:.0f} MB; the limit is "
                                      f"{limit // 2**20} MiB)")
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it does not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise PlanFileError(path, "is not a regular file; save it to a file first")
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise PlanFileError(path, "no such file") from None
    except PermissionError:
        raise PlanFileError(path, "permission denied (cannot read the file)") from None
    except IsADirectoryError:
        raise PlanFileError(path, f"is a folder, not a {what}") from None
    except OSError as exc:
        raise PlanFileError(path, f"cannot read: {exc.strerror or exc}") from None
