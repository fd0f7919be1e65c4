"""Where exporters write: a path (atomically) or an open stream.

Every exporter has the form ``export_X(plan, schedule, out, **options)``
and a pure ``X_text``/``X_bytes`` companion the tests read directly.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import IO, Union

from aiplanner.io.atomic import atomic_write_bytes

__all__ = ["Output", "write_out", "source_date"]

Output = Union[str, Path, IO[str], IO[bytes]]


def write_out(out: Output, data: str | bytes) -> None:
    """Write ``data`` to a path (atomically, no ``.bak``) or to a text/binary stream."""
    if isinstance(out, (str, Path)):
        atomic_write_bytes(out, data.encode("utf-8") if isinstance(data, str) else data, backup=False)
        return
    try:
        out.write(data)  # type: ignore[arg-type]
    except TypeError:
        if isinstance(data, str):
            out.write(data.encode("utf-8"))  # type: ignore[arg-type]
        else:
            out.write(data.decode("utf-8"))  # type: ignore[arg-type]


def source_date() -> dt.datetime:
    """The time stamp exports carry: ``SOURCE_DATE_EPOCH`` when set, else a fixed date.

    A fixed stamp keeps exported files byte-identical from run to run.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        return dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
