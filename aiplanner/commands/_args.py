"""argparse types shared by sub-commands (light: imported when the parser is built)."""

from __future__ import annotations

__all__ = ["iterations_arg"]


def iterations_arg(text: str) -> int:
    """argparse type of ``--iterations``: a whole number of Monte Carlo runs, 1 to 1,000,000."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("iterations must be between 1 and 1000000")
    return value
