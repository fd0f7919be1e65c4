"""Names of a package loaded on first use (PEP 562), for the packages' ``__init__``.

A package lists each public name with the module that defines it; importing
the package imports none of them, so a command or the window pays only for
what it uses. Imports nothing of aiplanner: every layer may use it.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence

__all__ = ["lazy_names"]


def lazy_names(package: str, where: Mapping[str, str], public: Sequence[str],
               first: str | None = None) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package``: ``where`` maps a name to its module
    (relative to the package), ``public`` is the package's ``__all__``, and ``first`` a
    module imported before any name is given out (the checks' registry of every rule).

    A name once loaded is kept in the package's namespace, so it costs one look-up.
    """

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        if first is not None:
            importlib.import_module(f"{package}.{first}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(public))

    return __getattr__, __dir__
