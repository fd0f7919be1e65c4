"""The product never opens a network connection; this guard proves the suite checks it."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NETWORK_ATTEMPTS, NetworkBlocked


def test_network_connections_are_blocked_and_recorded():
    before = len(NETWORK_ATTEMPTS)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(NetworkBlocked):
            sock.connect(("192.0.2.1", 80))
    assert len(NETWORK_ATTEMPTS) == before + 1
    NETWORK_ATTEMPTS.pop()  # this attempt was the test's own


def test_importing_every_module_opens_no_connection():
    import importlib
    import pkgutil

    import aiplanner

    before = len(NETWORK_ATTEMPTS)
    for info in pkgutil.walk_packages(aiplanner.__path__, "aiplanner."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    assert len(NETWORK_ATTEMPTS) == before
