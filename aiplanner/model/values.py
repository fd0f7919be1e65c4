"""Small read-only value classes for the modules on the command line's short path.

The ``dataclasses`` module imports ``inspect`` (and with it ``ast``, ``dis``
and ``tokenize``): about 14 ms of a 0.2 s ``aiplanner schedule``. The few
value classes that command meets (a problem in a file, a task's dates, a
phase's span, the progress figures) derive from :class:`Frozen` instead:
their fields are named in ``__slots__`` and set once in ``__init__``;
equality, hashing, ``repr`` and pickling are those of a frozen dataclass.

Examples
--------
>>> class Point(Frozen):
...     __slots__ = ("x", "y")
...     def __init__(self, x: int, y: int = 0) -> None:
...         init_fields(self, x=x, y=y)
>>> p = Point(1)
>>> p, p == Point(1, 0), p == Point(2), hash(p) == hash(Point(1, 0))
(Point(x=1, y=0), True, False, True)
>>> p.x = 3
Traceback (most recent call last):
AttributeError: cannot assign to field 'x' of Point
"""

from __future__ import annotations

__all__ = ["Frozen", "init_fields"]

_set = object.__setattr__


def init_fields(obj: Frozen, **values: object) -> None:
    """Set the fields of a new ``obj`` (in its ``__init__``)."""
    for name, value in values.items():
        _set(obj, name, value)


class Frozen:
    """A read-only value: fields in ``__slots__`` (in ``repr`` and comparison order)."""

    __slots__ = ()

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in type(self).__slots__)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of {type(self).__qualname__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of {type(self).__qualname__}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__slots__)
        return f"{type(self).__qualname__}({fields})"

    def __reduce__(self):
        return type(self), self._values()
