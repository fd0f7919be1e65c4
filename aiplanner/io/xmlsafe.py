"""Parsing untrusted XML (MS Project, GanttProject and Planner files) safely.

defusedxml refuses a DTD, entity declarations and external references, so
entity expansion ("billion laughs") and external entities (XXE) cannot
happen; files are size-capped before they are parsed.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from aiplanner.io.reading import MAX_IMPORT_BYTES
from aiplanner.model.errors import InvalidPlanError, Problem

__all__ = ["parse_xml", "local"]


def local(tag: str) -> str:
    """The tag without its namespace."""
    return tag.rpartition("}")[2]


def parse_xml(data: bytes, file: str | None) -> Element:
    """Parse untrusted XML safely; every failure is an :class:`InvalidPlanError`."""
    import defusedxml
    from defusedxml.ElementTree import DefusedXMLParser

    if len(data) > MAX_IMPORT_BYTES:
        raise InvalidPlanError([Problem("", f"too large to import (limit {MAX_IMPORT_BYTES // 2**20} MiB)")], file)
    try:
        builder = TreeBuilder()
        parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        # defusedxml's handlers for DTDs, entities and external references stay in place; only
        # the element callbacks go straight to the C tree builder (three times faster on big
        # files). Tags then read "namespace}Name", which local() handles.
        expat = parser.parser
        expat.ordered_attributes = False
        expat.StartElementHandler = builder.start
        expat.EndElementHandler = builder.end
        parser.feed(data)
        return parser.close()
    except defusedxml.DefusedXmlException as exc:
        raise InvalidPlanError([Problem("", f"refused: the XML uses a DTD, entities or external references "
                                            f"({type(exc).__name__}); plan files never need them")],
                               file) from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        reason = str(exc).split(":")[0]
        raise InvalidPlanError([Problem(f"line {line}, column {column + 1}", f"not well-formed XML: {reason}")],
                               file) from None
    except (ValueError, RecursionError, LookupError) as exc:
        raise InvalidPlanError([Problem("", f"cannot read the XML: {exc}")], file) from None
