"""Read and validate the catalogue from ``resources/`` (shipped as ``aiplanner.resources``).

The data is validated twice: each file by its pydantic model, then the
files against each other (:func:`catalog_problems`): ids match the fixed
vocabulary, tags and roles are known, responsibility cells use the source's
words, the source chart's links point backwards. Any fault raises
:class:`~aiplanner.model.errors.CatalogError` naming the file and the JSON
path, so broken data fails loudly in the tests instead of in a user's plan.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from aiplanner.catalog.catalog import Catalog
from aiplanner.catalog.consistency import catalog_problems
from aiplanner.catalog.journey_spec import Journey
from aiplanner.catalog.models import (
    Dimension,
    MetricInfo,
    PatternInfo,
    PhaseInfo,
    Pitfall,
    RoleInfo,
    Symptom,
    Timeline,
    Vocabulary,
)
from aiplanner.catalog.template_spec import TemplateSet
from aiplanner.model.errors import CatalogError, Problem
from aiplanner.model.validate import pydantic_problems

__all__ = ["RESOURCE_FILES", "load_catalog", "load_catalog_from"]

#: file -> (top-level key or None for the whole document, model of its content)
RESOURCE_FILES: dict[str, tuple[str | None, Any]] = {
    "vocabulary.json": (None, Vocabulary),
    "dimensions.json": ("dimensions", list[Dimension]),
    "patterns.json": ("patterns", list[PatternInfo]),
    "roles.json": ("roles", list[RoleInfo]),
    "phases.json": ("phases", list[PhaseInfo]),
    "metrics.json": ("metrics", list[MetricInfo]),
    "pitfalls.json": ("pitfalls", list[Pitfall]),
    "symptoms.json": ("symptoms", list[Symptom]),
    "timeline.json": (None, Timeline),
    "templates.json": (None, TemplateSet),
    "journey.json": (None, Journey),
}

# Top-level keys besides the list that a file may carry (notes for readers).
_EXTRA_KEYS = {"roles.json": {"combinable"}, "metrics.json": {"note"}}


def _read(root: Traversable | Path, name: str) -> Any:
    entry = root.joinpath(name)
    try:
        text = entry.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogError([Problem(f"{name}: $", "resource file is missing")]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(
            [Problem(f"{name}: line {exc.lineno}, column {exc.colno}", f"invalid JSON: {exc.msg}")]
        ) from None


def _parse(name: str, data: Any) -> Any:
    key, model = RESOURCE_FILES[name]
    problems: list[Problem] = []
    if key is not None:
        if not isinstance(data, dict) or key not in data:
            raise CatalogError([Problem(f"{name}: $", f"expected an object with a {key!r} list")])
        unknown = set(data) - {key} - _EXTRA_KEYS.get(name, set())
        problems += [Problem(f"{name}: $.{k}", "unknown field") for k in sorted(unknown)]
        value, prefix = data[key], (key,)
    else:
        value, prefix = data, ()
    try:
        parsed = TypeAdapter(model).validate_python(value)
    except ValidationError as exc:
        for problem in pydantic_problems(exc):
            path = "$" + "".join(f".{p}" for p in prefix) + problem.path[1:]
            problems.append(Problem(f"{name}: {path}", problem.message))
        raise CatalogError(problems) from None
    if problems:
        raise CatalogError(problems)
    return parsed


def load_catalog_from(root: Traversable | Path) -> Catalog:
    """Read, validate and cross-check the catalogue in folder ``root``.

    Raises
    ------
    CatalogError
        A file is missing, is not JSON, or breaks a rule; every problem
        names the file and the JSON path.
    """
    parsed = {name: _parse(name, _read(root, name)) for name in RESOURCE_FILES}
    roles_doc = _read(root, "roles.json")
    catalog = Catalog(
        vocabulary=parsed["vocabulary.json"],
        dimensions=parsed["dimensions.json"],
        patterns=parsed["patterns.json"],
        roles=parsed["roles.json"],
        roles_combinable=str(roles_doc.get("combinable", "")),
        phases=parsed["phases.json"],
        metrics=parsed["metrics.json"],
        pitfalls=parsed["pitfalls.json"],
        symptoms=parsed["symptoms.json"],
        timeline=parsed["timeline.json"],
        templates=parsed["templates.json"],
        journey=parsed["journey.json"],
    )
    problems = catalog_problems(catalog)
    if problems:
        raise CatalogError(problems)
    return catalog


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The catalogue shipped with aiplanner (read once, then cached).

    Examples
    --------
    >>> catalog = load_catalog()
    >>> [p.id for p in catalog.patterns]
    ['coe', 'federated', 'product-teams']
    >>> catalog.phase("build").duration.days()
    (40, 60)
    """
    return load_catalog_from(resources.files("aiplanner.resources"))
