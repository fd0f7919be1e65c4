"""Shared fixtures: headless Qt, no network, no real user settings.

Fixtures build on each other: ``plan`` -> ``document`` (and the ui tests add
``main_window``).
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# -- offline always: any attempt to reach the network fails the suite -------
NETWORK_ATTEMPTS: list[tuple] = []
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to open a network connection."""


def _guard(sock: socket.socket, address) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        NETWORK_ATTEMPTS.append((sock.family, address))
        raise NetworkBlocked(f"network connection attempted to {address!r}")


def _connect(self, address):
    _guard(self, address)
    return _real_connect(self, address)


def _connect_ex(self, address):
    _guard(self, address)
    return _real_connect_ex(self, address)


def _getaddrinfo(host, *args, **kwargs):
    if host not in (None, "localhost", "127.0.0.1", "::1", ""):
        NETWORK_ATTEMPTS.append(("getaddrinfo", host))
        raise NetworkBlocked(f"name lookup attempted for {host!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _connect  # type: ignore[method-assign]
socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]
socket.getaddrinfo = _getaddrinfo  # type: ignore[assignment]


def pytest_sessionfinish(session, exitstatus):
    if NETWORK_ATTEMPTS and session.exitstatus == 0:
        session.exitstatus = 1
        print(f"\nnetwork access attempted during the tests: {NETWORK_ATTEMPTS}")
    _tear_down_qt()


def _tear_down_qt() -> None:
    """Close and delete Qt widgets while the QApplication still exists.

    Left to interpreter shutdown, Python and Qt may free the same objects in
    an order Qt does not expect; doing it here, with deferred deletes
    processed and a garbage collection, keeps the end of the run orderly.
    """
    import gc
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    QThreadPool.globalInstance().waitForDone(5000)
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory, monkeypatch):
    """Keep the user's real settings, recent files and recovery files out of tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("AIPLANNER_CONFIG_DIR", str(home / ".config" / "aiplanner"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))  # the CLI's schema snapshot (model.fastread)
    monkeypatch.delenv("AIPLANNER_CACHE_DIR", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    yield


@pytest.fixture
def plan():
    """A small plan with every dependency type."""
    from aiplanner.model import Dependency, Phase, Plan, Role, RoleDemand, Task

    def dep(task, kind="FS", lag=0):
        return Dependency(task=task, type=kind, lag=lag)

    return Plan(
        name="Test plan",
        start=dt.date(2026, 5, 4),
        phases=[Phase(id="assessment", name="Assessment"), Phase(id="design", name="Design")],
        roles=[Role(id="ai-product-manager", name="AI Product Manager")],
        tasks=[
            Task(id="a1", name="Current State Analysis", phase="assessment", duration=30,
                 demands=[RoleDemand(role="ai-product-manager", fte=0.5)]),
            Task(id="a2", name="Gap Analysis", phase="assessment", duration=10, depends_on=[dep("a1")]),
            Task(id="d1", name="Operating Model Design", phase="design", duration=30, depends_on=[dep("a2")]),
            Task(id="d2", name="Governance Framework", phase="design", duration=20, depends_on=[dep("a2", "SS", 5)]),
            Task(id="m1", name="Design signed off", phase="design", duration=0,
                 depends_on=[dep("d1"), dep("d2", "FF")]),
        ],
    )


@pytest.fixture
def document(plan):
    from aiplanner.model import Document

    return Document(plan)
