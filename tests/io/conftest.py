"""Paths of the small interchange samples in ``tests/io/data``."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
