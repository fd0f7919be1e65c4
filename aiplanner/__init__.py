"""aiplanner: an offline desktop planner for rolling out an AI operating model."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
