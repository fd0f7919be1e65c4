"""Atomic writes: the target is the old file or the whole new one, never a part."""

from __future__ import annotations

import errno
import os

import pytest

from aiplanner.cli import main
from aiplanner.io.atomic import atomic_write_bytes
from aiplanner.model.errors import PlanFileError
from tests.conftest import SAMPLES


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "plan.aiplan"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "fsync", _disk_full)
    with pytest.raises(PlanFileError) as info:
        atomic_write_bytes(target, b"new" * 1000)
    assert str(info.value) == f"{target}: cannot write: No space left on device"
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.aiplan"]


def test_the_old_file_becomes_the_backup(tmp_path):
    target = tmp_path / "plan.aiplan"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and (tmp_path / "plan.aiplan.bak").read_bytes() == b"old"
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("command", [["baseline", "{plan}", "--name", "kick-off", "--no-risk"],
                                     ["scenario", "{plan}", "--name", "fast", "--duration", "a-sponsor=1"],
                                     ["level", "{plan}", "-o", "{out}"],
                                     ["export", "{plan}", "--to", "csv", "-o", "{out}"],
                                     ["new", "--pattern", "coe", "--start", "2027-01-04", "-o", "{out}", "--force"]])
def test_commands_on_a_full_disk_fail_cleanly_and_keep_every_file(tmp_path, monkeypatch, capsys, command):
    plan = tmp_path / "p.aiplan"
    plan.write_bytes((SAMPLES / "coe-rollout.aiplan").read_bytes())
    out = tmp_path / "out.file"
    out.write_bytes(b"old output")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    monkeypatch.setattr(os, "fsync", _disk_full)
    argv = [a.format(plan=plan, out=out) for a in command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_symlinked_file_is_written_through_its_link(tmp_path):
    real = tmp_path / "shared" / "plan.aiplan"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "plan.aiplan"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert (real.parent / "plan.aiplan.bak").read_bytes() == b"old"


def test_a_pipe_or_device_is_written_to_not_replaced(tmp_path):
    # '-o /dev/stdout' or '-o /dev/null' must not replace the device with a file.
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    atomic_write_bytes(fifo, b"through the pipe")
    reader.join(5)
    assert got == [b"through the pipe"]
    assert fifo.is_fifo() and not (tmp_path / "pipe.bak").exists()
