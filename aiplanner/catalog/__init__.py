"""The domain knowledge of the source document, read from ``resources/``.

``load_catalog()`` returns the validated, cached :class:`Catalog`;
``build_plan(pattern, start)`` makes a pattern template into a plan.
"""

from __future__ import annotations

from aiplanner.catalog.catalog import Catalog
from aiplanner.catalog.loader import load_catalog, load_catalog_from
from aiplanner.catalog.source_chart import source_chart_plan
from aiplanner.catalog.templates import build_plan

__all__ = ["Catalog", "load_catalog", "load_catalog_from", "build_plan", "source_chart_plan"]
