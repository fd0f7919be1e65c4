"""Read a plan file with pydantic-core alone: the command line's fast path.

Importing pydantic and building the plan's models cost a short command more
than everything else it does (0.2 of 0.5 s CPU of ``aiplanner schedule`` on a
2,000-task plan, measured on the shared 2-core machine). The validation itself
runs in pydantic-core, on
the core schema pydantic generates from :class:`~aiplanner.model.plan.Plan`.
So the command line keeps a snapshot of that schema and validates with it
directly:

- **the same rules**: the snapshot *is* pydantic's schema of ``Plan``, with
  the model classes replaced by plain record classes and the validators and
  default factories by the same functions of :mod:`aiplanner.model.rules`
  (which the pydantic models use too); then :func:`plan_problems` runs on it,
  as after pydantic;
- **the same answer or none**: anything unusual (no snapshot yet, a file
  that fails any check, an older format version, an error of any kind)
  returns ``None`` and the caller reads the file the ordinary way, which
  reports the problems as always;
- **never stale**: the snapshot is keyed by the model sources and the
  pydantic and pydantic-core versions; a mismatch means no snapshot. It is
  written (atomically) by :func:`remember_schema` after an ordinary read,
  to ``$AIPLANNER_CACHE_DIR``, else ``$XDG_CACHE_HOME/aiplanner``, else
  ``~/.cache/aiplanner``; the snapshot is JSON, never code.

Only pydantic-core's compiled module is loaded (:func:`core_module`): the
package's Python layer around it is type declarations for building schemas
(``core_schema``, ``typing_extensions``), 30-40 ms of a 0.25 s command that
builds none.

The records have the plan's fields as attributes and the look-ups of
:class:`~aiplanner.model.rules.PlanLookups`; they are for reading (the
scheduler, the schedule JSON), not for editing or saving.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

from aiplanner.model import rules

__all__ = ["read_validated", "remember_schema", "json_within_depth", "Record", "cache_dir", "core_module", "MAX_DEPTH"]

MAX_DEPTH = 64  # how deep a value of a plan file may lie (deeper: hostile, refused)
_HERE = Path(__file__).resolve().parent
_MODEL_FILES = ("rules.py", "parts.py", "variants.py", "plan.py")
_TAG = "$aiplanner"
_BUILTINS = {"list": list, "dict": dict, "set": set, "tuple": tuple}


def json_within_depth(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether no value of ``value`` (parsed JSON) lies more than ``limit`` levels deep.

    Level by level over the containers only (a plan is wide, not deep): every
    scalar is looked at once, in a plain loop (a 2,000-task plan in 3 ms).
    """
    if limit < 0:
        return False
    level = [value] if isinstance(value, (dict, list)) else []
    depth = 0
    while level:
        depth += 1
        nested = []
        for item in level:
            children = item.values() if isinstance(item, dict) else item
            if depth > limit and children:
                return False
            for child in children:
                if isinstance(child, (dict, list)):
                    nested.append(child)
        level = nested
    return True


class Record:
    """A validated part of a plan: its fields as attributes (set by pydantic-core)."""

    def __repr__(self) -> str:
        fields = {k: v for k, v in vars(self).items() if not k.startswith("__")}
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in fields.items())})"


_MIXINS = {"Plan": (rules.PlanLookups,), "Task": (rules.TaskFacts,)}
_RECORDS: dict[str, type] = {}


def _record(name: str) -> type:
    if name not in _RECORDS:
        _RECORDS[name] = type(name, (Record, *_MIXINS.get(name, ())), {"__module__": __name__, "__slots__": ()})
    return _RECORDS[name]


def cache_dir() -> Path:
    """Where the schema snapshot is kept."""
    chosen = os.environ.get("AIPLANNER_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "aiplanner"


def core_module():
    """pydantic-core's compiled module (``pydantic_core._pydantic_core``: ``SchemaValidator``
    and the rest of the validator).

    Loaded by itself when the ``pydantic_core`` package is not imported yet: its
    ``__init__`` adds the typed schema declarations, which a snapshot does not need.
    The module is registered under its own name, so a later ``import pydantic_core``
    (pydantic, an ordinary read) finds it and loads only the rest. Anything unusual
    (another installation layout): the ordinary import.
    """
    name = "pydantic_core._pydantic_core"
    core = sys.modules.get(name)
    if core is not None:
        return core
    if "pydantic_core" not in sys.modules:
        from importlib.machinery import ExtensionFileLoader, PathFinder

        package = PathFinder.find_spec("pydantic_core")
        spec = (PathFinder.find_spec(name, package.submodule_search_locations)
                if package is not None and package.submodule_search_locations else None)
        if spec is not None and isinstance(spec.loader, ExtensionFileLoader):
            import importlib.util

            core = importlib.util.module_from_spec(spec)
            sys.modules[name] = core
            try:
                spec.loader.exec_module(core)
            except BaseException:
                del sys.modules[name]
                raise
            return core
    import pydantic_core._pydantic_core as core

    return core


def _key() -> str:
    """What the snapshot depends on: the model sources, pydantic, pydantic-core, Python.

    Two checksums (CRC-32 and Adler-32) over all of them: a cache key, not a seal;
    ``zlib`` is loaded already, where ``hashlib`` would load OpenSSL.
    """
    from importlib.machinery import PathFinder
    from zlib import adler32, crc32

    spec = PathFinder.find_spec("pydantic")
    if spec is None or spec.origin is None:
        raise LookupError("pydantic is not installed")
    parts = [(_HERE / name).read_bytes() for name in _MODEL_FILES]
    parts.append((Path(spec.origin).parent / "version.py").read_bytes())
    parts.append(f"{core_module().__version__} {sys.version}".encode())
    crc, adler = 0, 1
    for data in parts:
        crc, adler = crc32(data, crc), adler32(data, adler)
    return f"{crc:08x}{adler:08x}"


def _snapshot_file(key: str) -> Path:
    return cache_dir() / f"plan-schema-{key}.json"


# -- writing the snapshot (after an ordinary read: pydantic is loaded then) ---------------

class _Unsupported(Exception):
    """The schema holds something the snapshot cannot name: no snapshot, the ordinary path stays."""


def _encode(value: Any, key: str | None = None) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value) or _TAG in value:
            raise _Unsupported("a mapping the snapshot cannot hold")
        node = isinstance(value.get("type"), str)  # a schema node (not a mapping of field names)
        return {k: _encode(v, k) for k, v in value.items() if not (node and k in ("metadata", "serialization"))}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, type):
        if value in _BUILTINS.values():
            return {_TAG: "builtin", "name": value.__name__}
        if value.__module__.startswith("aiplanner.model.") and hasattr(value, "model_fields"):
            return {_TAG: "new" if key == "default_factory" else "record", "name": value.__name__}
        raise _Unsupported(f"type {value!r}")
    if callable(value) and getattr(value, "__module__", None) == rules.__name__ \
            and getattr(rules, getattr(value, "__name__", ""), None) is value:
        return {_TAG: "rule", "name": value.__name__}
    raise _Unsupported(f"{type(value).__name__} {value!r}")


def remember_schema() -> Path | None:
    """Write the snapshot of ``Plan``'s core schema for the next run (``None``: could not).

    Call it once the ordinary reader has loaded pydantic; it never raises.
    """
    try:
        from aiplanner.model.plan import Plan

        key = _key()
        path = _snapshot_file(key)
        if path.is_file():
            return path
        schema = Plan.__pydantic_core_schema__
        text = json.dumps({"key": key, "format": rules.FORMAT, "version": rules.CURRENT_VERSION,
                           "schema": _encode(schema)}, separators=(",", ":"))
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        return path
    except (_Unsupported, OSError, LookupError, ValueError, AttributeError):
        return None


# -- reading with the snapshot ---------------------------------------------------------------

def _decode(value: Any, factories: dict[str, Any]) -> Any:
    if isinstance(value, list):
        return [_decode(v, factories) for v in value]
    if not isinstance(value, dict):
        return value
    tag = value.get(_TAG)
    if tag is None:
        return {k: _decode(v, factories) for k, v in value.items()}
    name = value["name"]
    if tag == "record":
        return _record(name)
    if tag == "rule":
        return getattr(rules, name)
    if tag == "builtin":
        return _BUILTINS[name]
    if tag == "new":
        return factories.setdefault(name, _DefaultOf(name))
    raise ValueError(f"unknown snapshot entry {tag!r}")


class _DefaultOf:
    """A default factory: the model ``name`` validated from ``{}``, as pydantic's ``Name()`` would be."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.schema: dict | None = None
        self._validator = None

    def __call__(self):
        if self._validator is None:
            self._validator = core_module().SchemaValidator(self.schema, self.schema.get("config"))
        return self._validator.validate_python({})


def _model_nodes(schema: Any, found: dict[str, dict]) -> None:
    if isinstance(schema, dict):
        if schema.get("type") == "model" and isinstance(schema.get("cls"), type):
            found.setdefault(schema["cls"].__name__, schema)
        for v in schema.values():
            _model_nodes(v, found)
    elif isinstance(schema, list):
        for v in schema:
            _model_nodes(v, found)


_VALIDATOR: list = []  # [validator] once built in this process


def _validator():
    if _VALIDATOR:
        return _VALIDATOR[0]
    key = _key()
    snapshot = json.loads(_snapshot_file(key).read_text(encoding="utf-8"))
    if snapshot.get("key") != key or snapshot.get("version") != rules.CURRENT_VERSION:
        raise LookupError("stale snapshot")
    factories: dict[str, _DefaultOf] = {}
    schema = _decode(snapshot["schema"], factories)
    nodes: dict[str, dict] = {}
    _model_nodes(schema, nodes)
    for name, factory in factories.items():
        factory.schema = nodes[name]
    _VALIDATOR.append(core_module().SchemaValidator(schema, schema.get("config")))
    return _VALIDATOR[0]


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def read_validated(path: str | Path, max_bytes: int = 32 * 1024 * 1024):
    """The plan in ``path`` as validated records, or ``None`` to read it the ordinary way.

    ``None`` whenever anything is not plainly right: no (current) snapshot,
    a file too large, not UTF-8 JSON, nested too deeply, of another format
    or version, failing pydantic's rules or :func:`plan_problems`, or any
    error at all. The ordinary reader then decides and explains.
    """
    try:
        from aiplanner.model.validate import plan_problems

        validator = _validator()
        # only a regular file, opened without blocking: a FIFO or device is the ordinary reader's to refuse
        fd = os.open(Path(path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
                return None
            text = handle.read(max_bytes + 1).decode("utf-8-sig")
        data = json.loads(text, parse_constant=_reject_constant)
        if not isinstance(data, dict) or data.get("format", rules.FORMAT) != rules.FORMAT:
            return None
        version = data.get("version", rules.CURRENT_VERSION)
        if type(version) is not int or version != rules.CURRENT_VERSION or not json_within_depth(data):
            return None
        plan = validator.validate_python(data)
        return None if plan_problems(plan) else plan
    except Exception:  # noqa: BLE001 - the ordinary reader reports whatever this was
        return None
